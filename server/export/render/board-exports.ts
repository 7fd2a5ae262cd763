import type { Analysis } from '../../../shared/analysis/types.ts'
import { svgPieces } from '../../../shared/export/svg.ts'
import { type ExportRegion, exportRegion } from '../../../shared/export/svg-region.ts'
import { translatorFor } from '../../../shared/i18n/index.ts'
import type { LanguageCode } from '../../../shared/i18n/languages.ts'
import { buildBoardScene } from '../../../shared/scene/build.ts'
import { createTimeline } from '../../../shared/scene/timeline.ts'
import type { SceneTranslate } from '../../../shared/scene/types.ts'
import type { BoardDocument } from '../../../shared/schema/document.ts'
import { type BoardImageSource, loadBoardPictures, pictureHrefs } from './board-images.ts'
import { EXPORT_FONT_FAMILY, measureExportText } from './canvas-environment.ts'
import { planRaster } from './raster-size.ts'
import type { RasterRender } from './render-png.ts'
import { renderQueue } from './render-queue.ts'
import { renderThread } from './render-thread.ts'

/** What the picture and PDF exports need of a resolved board (live or a snapshot). */
export interface RenderSource {
  boardId: string
  document: BoardDocument
  analysis: Analysis | null
  snapshot: { label: string; createdAt: string } | null
  /** The PDF's language (`?lang=`, else the requester's UI language): its words, numbers and the board picture's captions; English by default. */
  locale?: LanguageCode
  images?: BoardImageSource
  /** Who asked (a user id): the render queue is fair across, and bounded per, requester. */
  requestedBy?: string
  /** The request's signal: a render still waiting when it aborts leaves the queue. */
  signal?: AbortSignal
}

export type RenderFailure = {
  ok: false
  code: 'not_found' | 'payload_too_large' | 'too_many_requests' | 'unavailable'
  message: string
  /** with `too_many_requests` and `unavailable`: seconds until a retry is likely to be admitted */
  retryAfterSeconds?: number
}
export type RenderResult<T> = { ok: true; value: T } | RenderFailure

/** The board's scene as the server draws it: DejaVu Sans, the board's own timeline; captions in `language` when given. */
function regionOf(document: BoardDocument, frameId: string | undefined, language?: LanguageCode): RenderResult<ExportRegion> {
  const scene = buildBoardScene(document, {
    fontFamily: EXPORT_FONT_FAMILY,
    timeline: createTimeline(document.settings?.timelineOrigin),
    // a bilingual board's cards show both its languages in the picture as on the canvas
    ...(document.settings?.languages ? { languages: document.settings.languages } : {}),
    ...(document.settings?.showBothLanguages ? { showBothLanguages: true } : {}),
    ...(language && language !== 'en'
      ? { t: translatorFor(language) as unknown as SceneTranslate, locale: language, lang: language }
      : {}),
  })
  const region = exportRegion(document, scene, frameId === undefined ? {} : { frameId })
  if (!region.ok) return { ok: false, code: 'not_found', message: `There is no frame "${frameId}" on this board.` }
  return region
}

async function rasterOf(
  source: RenderSource,
  region: ExportRegion,
  scale: number | undefined,
): Promise<RenderResult<RasterRender>> {
  const plan = planRaster(region.rect, scale)
  if (!plan.ok) return { ok: false, code: 'payload_too_large', message: plan.message }
  return queued(source, async () => {
    const pictures = await loadBoardPictures(region.scene, source.boardId, source.images)
    const { scale: s, width, height } = plan
    return renderThread.raster(region, { scale: s, width, height }, pictures, 'png')
  })
}

/** Runs a render through the process's fair queue, or says why it was refused. */
async function queued<T>(source: RenderSource, render: () => Promise<T>): Promise<RenderResult<T>> {
  const admission = renderQueue.enqueue(source.requestedBy ?? '', render, source.signal)
  if (!admission.ok) {
    const { reason, message, retryAfterSeconds } = admission.refusal
    return { ok: false, code: reason === 'user_busy' ? 'too_many_requests' : 'unavailable', message, retryAfterSeconds }
  }
  try {
    return { ok: true, value: await admission.done }
  } catch (error) {
    // nobody waits for this answer any more; it is not a server error
    if (source.signal?.aborted)
      return { ok: false, code: 'unavailable', message: 'The request was closed before its export was drawn.' }
    throw error
  }
}

/** The board, or one frame, as a PNG drawn by Konva on @napi-rs/canvas. */
export async function exportPng(
  source: RenderSource,
  options: { scale?: number; frameId?: string },
): Promise<RenderResult<RasterRender>> {
  const region = regionOf(source.document, options.frameId)
  if (!region.ok) return region
  return rasterOf(source, region.value, options.scale)
}

/** The board, or one frame, as SVG: text measured with the PNG's font, pictures embedded. */
export async function exportSvg(source: RenderSource, options: { frameId?: string }): Promise<RenderResult<string>> {
  const region = regionOf(source.document, options.frameId)
  if (!region.ok) return region
  const pictures = await loadBoardPictures(region.value.scene, source.boardId, source.images)
  const title = source.document.board.title
  const pieces: string[] = []
  let sinceYield = 0
  for (const piece of svgPieces(region.value.scene, {
    region: region.value.rect,
    measureText: measureExportText,
    imageHref: pictureHrefs(pictures),
    ...(title ? { title } : {}),
  })) {
    pieces.push(piece)
    // a few ms of work at a time: other boards' sync runs in between
    if (++sinceYield >= 50) {
      sinceYield = 0
      await new Promise<void>((resolve) => setImmediate(resolve))
    }
  }
  return { ok: true, value: pieces.join('') }
}

/** Long side of the board picture in the PDF: about 300 dpi across a landscape A4 page. */
const PDF_IMAGE_LONG_SIDE_PX = 3200

/** The strategy brief as a PDF, with the board picture when it can be drawn. */
export async function exportPdf(source: RenderSource): Promise<RenderResult<Uint8Array>> {
  const region = regionOf(source.document, undefined, source.locale)
  if (!region.ok) return region
  const { rect } = region.value
  const scale = Math.min(2, Math.max(0.25, PDF_IMAGE_LONG_SIDE_PX / Math.max(rect.width, rect.height)))
  const plan = planRaster(rect, Math.round(scale * 100) / 100)
  const input = {
    document: source.document,
    analysis: source.analysis,
    snapshot: source.snapshot,
    ...(source.locale ? { locale: source.locale } : {}),
  }
  return queued(source, async () => {
    // a board too large to draw still gets its brief; the picture is JPEG, which pdfkit embeds as is
    const picture = plan.ok
      ? {
          region: region.value,
          plan: { scale: plan.scale, width: plan.width, height: plan.height },
          pictures: await loadBoardPictures(region.value.scene, source.boardId, source.images),
        }
      : null
    return renderThread.pdf(input, picture)
  })
}
