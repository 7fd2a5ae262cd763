import { activeCanvas } from '../canvas/canvas-api.ts'
import { t } from '../i18n/locale.ts'
import { FitIcon, ZoomInIcon, ZoomOutIcon } from './icons.tsx'
import { Legend, LegendButton } from './legend/legend.tsx'

const STEP = 1.25

/** −, the zoom level (click: 100 %), +, fit, and the legend of the card symbols. For everyone: looking around is not editing. */
export function ZoomControls() {
  const percent = () => Math.round((activeCanvas()?.viewport().scale ?? 1) * 100)
  const disabled = () => !activeCanvas()
  return (
    <fieldset class="ws-zoom" aria-label={t('workspace.zoom')} data-testid="zoom-controls">
      <button
        type="button"
        class="ws-tool ws-tool--small"
        aria-label={t('workspace.zoomOut')}
        title={`${t('workspace.zoomOut')} (−)`}
        disabled={disabled()}
        onClick={() => activeCanvas()?.zoomBy(1 / STEP)}
      >
        <ZoomOutIcon size={18} />
      </button>
      <button
        type="button"
        class="ws-zoom__level"
        aria-label={`${t('workspace.zoomReset')}: ${t('workspace.zoomLevel', { percent: percent() })}`}
        title={t('workspace.zoomReset')}
        data-testid="zoom-level"
        disabled={disabled()}
        onClick={() => activeCanvas()?.setScale(1)}
      >
        {t('workspace.zoomLevel', { percent: percent() })}
      </button>
      <button
        type="button"
        class="ws-tool ws-tool--small"
        aria-label={t('workspace.zoomIn')}
        title={`${t('workspace.zoomIn')} (+)`}
        disabled={disabled()}
        onClick={() => activeCanvas()?.zoomBy(STEP)}
      >
        <ZoomInIcon size={18} />
      </button>
      <button
        type="button"
        class="ws-tool ws-tool--small"
        aria-label={t('workspace.zoomFit')}
        title={`${t('workspace.zoomFitHint')} (Shift+1)`}
        data-testid="zoom-fit"
        disabled={disabled()}
        onClick={() => activeCanvas()?.zoomToFit()}
      >
        <FitIcon size={18} />
      </button>
      <LegendButton />
      <Legend />
    </fieldset>
  )
}
