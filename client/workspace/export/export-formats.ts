import type { MessageKey } from '../../../shared/i18n/index.ts'
import { separatorsFor } from '../../../shared/i18n/numbers.ts'

/** The export formats of `GET /api/boards/:id/export/:format` (CONTRACT.md), in menu order. */
export const EXPORT_FORMATS = ['pdf', 'md', 'xlsx', 'png', 'svg', 'csv', 'json'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** Rendered on the server (scene builder, fonts, PDF layout): shown with a progress indicator. */
export const SLOW_FORMATS: ReadonlySet<ExportFormat> = new Set(['png', 'svg', 'pdf'])

/** PNG scales offered (the server enforces its own size limit). */
export const PNG_SCALES = [0.5, 1, 2] as const

export const formatLabelKey = (format: ExportFormat) => `export.format.${format}` as MessageKey
export const formatHintKey = (format: ExportFormat) => `export.format.${format}.hint` as MessageKey

/** Short name in messages ("Preparing PDF…"). */
export const formatShortName = (format: ExportFormat) => format.toUpperCase()

/**
 * The export URL of the live board, or of a snapshot; `scale` for png. A CSV for a locale that
 * writes decimals with a comma is separated by semicolons, as its spreadsheet programs expect
 * (a German or Slovenian Excel opens a comma-separated file as one column); the briefs get
 * `?lang=` for their numbers.
 */
export function exportUrl(
  boardId: string,
  format: ExportFormat,
  options: { snapshotId?: string | null; scale?: number; locale?: string } = {},
): string {
  const query = new URLSearchParams()
  if (options.snapshotId) query.set('snapshot', options.snapshotId)
  if (format === 'png' && options.scale !== undefined) query.set('scale', String(options.scale))
  if (format === 'csv' && options.locale && separatorsFor(options.locale).decimal === ',') query.set('delimiter', 'semicolon')
  // the briefs write their numbers as the reader's language does (`1.500 m²` in German)
  if ((format === 'md' || format === 'pdf') && options.locale && options.locale !== 'en') query.set('lang', options.locale)
  const search = query.toString()
  return `/api/boards/${encodeURIComponent(boardId)}/export/${format}${search ? `?${search}` : ''}`
}
