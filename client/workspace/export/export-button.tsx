import { createSignal } from 'solid-js'
import { useBoard } from '../../board/board-context.ts'
import { t } from '../../i18n/locale.ts'
import { ExportDialog } from './export-dialog.tsx'

const DownloadIcon = () => (
  <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">
    <path d="M12 4v11m0 0-4.5-4.5M12 15l4.5-4.5M5 19h14" stroke-linecap="round" stroke-linejoin="round" />
  </svg>
)

/** The header's "Export" button: the export menu of the live board (every role may export). */
export function ExportButton() {
  const { board } = useBoard()
  const [open, setOpen] = createSignal(false)
  return (
    <>
      <button
        type="button"
        class="button button--small"
        aria-haspopup="dialog"
        data-testid="export-open"
        onClick={() => setOpen(true)}
      >
        <DownloadIcon />
        {t('export.open')}
      </button>
      <ExportDialog open={open()} onClose={() => setOpen(false)} boardId={board.id} />
    </>
  )
}
