import { parentPort } from 'node:worker_threads'
import type { ExportRegion } from '../../../shared/export/svg-region.ts'
import { type BoardPicture, decodePictures, drawnSizes } from './board-images.ts'
import { type PdfInput, renderPdf } from './render-pdf.ts'
import { type RasterRender, renderRegionPng } from './render-png.ts'

export interface RasterPlan {
  scale: number
  width: number
  height: number
}

/** A picture of a region; plain data, structured-cloned into this thread. */
export interface RasterJob {
  kind: 'raster'
  region: ExportRegion
  plan: RasterPlan
  pictures: Array<[string, BoardPicture]>
  format: 'png' | 'jpeg'
}

/** The PDF brief, with the board picture drawn here too when `picture` is given. */
export interface PdfJob {
  kind: 'pdf'
  input: Omit<PdfInput, 'boardImage'>
  picture: Omit<RasterJob, 'kind'> | null
}

export type RenderJob = (RasterJob | PdfJob) & { id: number }

export type RenderReply =
  | { id: number; ok: true; kind: 'raster'; bytes: ArrayBuffer; format: 'png' | 'jpeg'; width: number; height: number }
  | { id: number; ok: true; kind: 'pdf'; bytes: ArrayBuffer }
  | { id: number; ok: false; message: string }

async function raster(job: Omit<RasterJob, 'kind'>): Promise<RasterRender> {
  // each picture decoded at most at the size it is drawn at (bounded memory, board-images.ts)
  const pictureOf = await decodePictures(new Map(job.pictures), drawnSizes(job.region.scene, job.plan.scale))
  return renderRegionPng(job.region, { ...job.plan, pictureOf, format: job.format })
}

const own = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer

// Drawing, rasterising (Skia does it in one step) and writing a PDF hold a thread for hundreds
// of ms on a large board: here, that thread is not the one that serves sync.
parentPort?.on('message', async (job: RenderJob) => {
  try {
    if (job.kind === 'raster') {
      const render = await raster(job)
      const bytes = own(render.bytes)
      const reply: RenderReply = {
        id: job.id,
        ok: true,
        kind: 'raster',
        bytes,
        format: render.format,
        width: render.width,
        height: render.height,
      }
      parentPort?.postMessage(reply, [bytes])
    } else {
      const boardImage = job.picture ? await raster(job.picture) : null
      const bytes = own(await renderPdf({ ...job.input, boardImage }))
      const reply: RenderReply = { id: job.id, ok: true, kind: 'pdf', bytes }
      parentPort?.postMessage(reply, [bytes])
    }
  } catch (error) {
    const reply: RenderReply = { id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) }
    parentPort?.postMessage(reply)
  }
})
