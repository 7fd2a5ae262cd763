import { useNavigate } from '@solidjs/router'
import { createSignal, onCleanup, Show } from 'solid-js'
import { api, isApiError } from '../../api.ts'
import { FormAlert } from '../../components/field.tsx'
import { errorMessage } from '../../i18n/error-message.ts'
import { t } from '../../i18n/locale.ts'
import './board-manage.css'

/** The title of an imported board: the one in the file, else the file's name without its extensions. */
function titleOf(content: unknown, fileName: string): string {
  if (typeof content === 'object' && content !== null && 'board' in content) {
    const board = content.board
    if (typeof board === 'object' && board !== null && 'title' in board && typeof board.title === 'string' && board.title.trim())
      return board.title.trim().slice(0, 200)
  }
  return (
    fileName
      .replace(/(\.refresh-board)?\.json$/i, '')
      .trim()
      .slice(0, 200) || t('boards.importUntitled')
  )
}

/**
 * Importing a board file (what export/json writes) from the home screen: a file picker, and a
 * file dropped anywhere on the page. `POST /api/boards {content}`; a file the server refuses
 * says why (its 400 names the first bad element and field); the new board opens.
 */
export function BoardImport() {
  const navigate = useNavigate()
  const [busy, setBusy] = createSignal(false)
  const [problem, setProblem] = createSignal<string | null>(null)
  const [dragging, setDragging] = createSignal(false)
  let input: HTMLInputElement | undefined

  const importFile = async (file: File) => {
    setProblem(null)
    setBusy(true)
    try {
      let content: unknown
      try {
        content = JSON.parse(await file.text())
      } catch {
        setProblem(t('boards.importNotJson', { file: file.name }))
        return
      }
      const { board } = await api.createBoard({ title: titleOf(content, file.name), content })
      navigate(`/boards/${encodeURIComponent(board.id)}`)
    } catch (error) {
      const invalid = isApiError(error) && error.status === 400
      setProblem(
        invalid
          ? t('boards.importInvalid', { file: file.name, detail: error.message })
          : t('boards.importFailed', { file: file.name, detail: errorMessage(error) }),
      )
    } finally {
      setBusy(false)
      if (input) input.value = ''
    }
  }

  const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true
  const onDragOver = (event: DragEvent) => {
    if (!hasFiles(event)) return
    event.preventDefault()
    setDragging(true)
  }
  const onDragLeave = (event: DragEvent) => {
    if (event.relatedTarget === null) setDragging(false)
  }
  const onDrop = (event: DragEvent) => {
    if (!hasFiles(event)) return
    event.preventDefault()
    setDragging(false)
    const file = event.dataTransfer?.files[0]
    if (file) void importFile(file)
  }
  document.addEventListener('dragover', onDragOver)
  document.addEventListener('dragleave', onDragLeave)
  document.addEventListener('drop', onDrop)
  onCleanup(() => {
    document.removeEventListener('dragover', onDragOver)
    document.removeEventListener('dragleave', onDragLeave)
    document.removeEventListener('drop', onDrop)
  })

  return (
    <div class="board-import" data-testid="board-import">
      <label class="button" aria-busy={busy()}>
        {busy() ? t('boards.importing') : t('boards.import')}
        <input
          ref={input}
          type="file"
          class="visually-hidden"
          accept=".json,application/json"
          data-testid="board-import-file"
          disabled={busy()}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0]
            if (file) void importFile(file)
          }}
        />
      </label>
      <span class="board-import__hint">{t('boards.importHint')}</span>
      <FormAlert message={problem()} />
      <Show when={dragging()}>
        <div class="board-import__drop" aria-hidden="true">
          {t('boards.importDrop')}
        </div>
      </Show>
    </div>
  )
}
