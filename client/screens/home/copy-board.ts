import { api } from '../../api.ts'
import { t } from '../../i18n/locale.ts'

/** A personal copy of a board the caller may read (the demo): its JSON export as a new board they own. */
export async function copyBoardForMe(source: { id: string; title: string }): Promise<string> {
  const content = await api.exportBoardJson(source.id)
  const title = t('home.demo.copyTitle', { title: source.title.replace(/^Demo:\s*/, '') })
  return (await api.createBoard({ title, content })).board.id
}
