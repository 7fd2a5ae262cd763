import { createSignal, For, onCleanup, Show } from 'solid-js'
import { Dialog } from '../../components/dialog.tsx'
import { locale, t } from '../../i18n/locale.ts'
import { type DownloadProgress, ExportFailure, fetchExport, progressPercent, saveBlob } from './download-export.ts'
import {
  EXPORT_FORMATS,
  type ExportFormat,
  exportUrl,
  formatHintKey,
  formatLabelKey,
  formatShortName,
  PNG_SCALES,
  SLOW_FORMATS,
} from './export-formats.ts'
import '../snapshots/snapshots.css'

type Outcome = { kind: 'done'; filename: string } | { kind: 'error'; message: string } | null

function failureMessage(failure: unknown, format: ExportFormat): string {
  const name = formatShortName(format)
  if (failure instanceof ExportFailure) {
    if (failure.status === 501) return t('export.error.notAvailable', { format: name })
    if (failure.status === 0) return t('export.error.network')
  }
  return t('export.error.failed', { format: name })
}

/**
 * The export menu of the live board or of one snapshot: one button per format, a PNG scale,
 * and while a download runs an indeterminate spinner ("Preparing PDF…") that becomes a
 * determinate bar once the answer's size is known. The file keeps the server's name; errors
 * (a format the server does not offer yet answers 501) stay inline.
 */
export function ExportDialog(props: {
  open: boolean
  onClose: () => void
  boardId: string
  snapshot?: { id: string; label: string } | null
}) {
  const [scale, setScale] = createSignal<number>(1)
  const [running, setRunning] = createSignal<ExportFormat | null>(null)
  const [progress, setProgress] = createSignal<DownloadProgress | null>(null)
  const [outcome, setOutcome] = createSignal<Outcome>(null)
  let controller: AbortController | null = null
  onCleanup(() => controller?.abort())

  const download = async (format: ExportFormat) => {
    controller?.abort()
    controller = new AbortController()
    const signal = controller.signal
    setRunning(format)
    setOutcome(null)
    setProgress({ phase: 'preparing' })
    try {
      const url = exportUrl(props.boardId, format, { snapshotId: props.snapshot?.id ?? null, scale: scale(), locale: locale() })
      const { blob, filename } = await fetchExport(url, {
        signal,
        onProgress: setProgress,
        fallbackName: `board.${format}`,
      })
      saveBlob(blob, filename)
      setOutcome({ kind: 'done', filename })
    } catch (failure) {
      if (!signal.aborted) setOutcome({ kind: 'error', message: failureMessage(failure, format) })
    } finally {
      if (controller?.signal === signal) {
        setRunning(null)
        setProgress(null)
      }
    }
  }
  const cancel = () => {
    controller?.abort()
    setRunning(null)
    setProgress(null)
  }
  const close = () => {
    cancel()
    setOutcome(null)
    props.onClose()
  }
  const doneFile = () => {
    const result = outcome()
    return result?.kind === 'done' ? result.filename : null
  }
  const errorText = () => {
    const result = outcome()
    return result?.kind === 'error' ? result.message : null
  }
  const percent = () => progressPercent(progress())
  const runningName = () => formatShortName(running() ?? 'json')

  return (
    <Dialog
      open={props.open}
      onClose={close}
      title={props.snapshot ? t('export.titleSnapshot', { label: props.snapshot.label }) : t('export.title')}
    >
      <div class="export" data-testid="export-dialog">
        <p class="form__intro">{props.snapshot ? t('export.introSnapshot') : t('export.intro')}</p>
        <ul class="export__formats">
          <For each={EXPORT_FORMATS}>
            {(format) => (
              <li class="export__format">
                <button
                  type="button"
                  class="export__button"
                  data-format={format}
                  disabled={running() !== null}
                  aria-describedby={`export-hint-${format}`}
                  onClick={() => void download(format)}
                >
                  <span class="export__name">{t(formatLabelKey(format))}</span>
                  <span class="visually-hidden">{t('export.download', { format: formatShortName(format) })}</span>
                </button>
                <span class="export__hint" id={`export-hint-${format}`}>
                  {t(formatHintKey(format))}
                </span>
                <Show when={format === 'png'}>
                  <label class="export__scale">
                    <span>{t('export.scale')}</span>
                    <select
                      class="select"
                      value={String(scale())}
                      onChange={(e) => setScale(Number(e.currentTarget.value))}
                      disabled={running() !== null}
                    >
                      <For each={PNG_SCALES}>
                        {(value) => <option value={String(value)}>{t('export.scale.option', { percent: value * 100 })}</option>}
                      </For>
                    </select>
                  </label>
                </Show>
              </li>
            )}
          </For>
        </ul>
        <div class="export__status" aria-live="polite" data-testid="export-status">
          <Show when={running()}>
            <div class="export__progress" data-phase={progress()?.phase ?? 'preparing'}>
              <Show
                when={percent() !== null}
                fallback={
                  <>
                    <span class="export__spinner" aria-hidden="true" />
                    <span>{t('export.preparing', { format: runningName() })}</span>
                  </>
                }
              >
                <span>{t('export.downloading', { format: runningName(), percent: percent() ?? 0 })}</span>
              </Show>
              <Show
                when={percent() !== null}
                fallback={
                  <Show when={SLOW_FORMATS.has(running() ?? 'json')}>
                    <progress class="export__bar" aria-label={t('export.preparing', { format: runningName() })} />
                  </Show>
                }
              >
                <progress
                  class="export__bar"
                  max={100}
                  value={percent() ?? 0}
                  aria-label={t('export.downloading', { format: runningName(), percent: percent() ?? 0 })}
                />
              </Show>
              <button type="button" class="button button--small button--ghost" onClick={cancel}>
                {t('export.cancel')}
              </button>
            </div>
          </Show>
          <Show when={doneFile()}>{(file) => <p class="export__done">{t('export.done', { file: file() })}</p>}</Show>
          <Show when={errorText()}>
            {(message) => (
              <p class="alert alert--error export__error" role="alert" data-testid="export-error">
                {message()}
              </p>
            )}
          </Show>
        </div>
      </div>
    </Dialog>
  )
}
