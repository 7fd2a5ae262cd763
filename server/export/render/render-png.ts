import type { Canvas } from '@napi-rs/canvas'
import Konva from 'konva'
import { SceneCanvas } from 'konva/lib/Canvas.js'
import type { ExportRegion } from '../../../shared/export/svg-region.ts'
import { ensureCanvasEnvironment } from './canvas-environment.ts'
import { createExportNode, type PictureOf } from './konva-scene.ts'

/** Elements drawn between two yields to the event loop: a few ms of drawing each. */
const ELEMENTS_PER_BATCH = 100

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

export interface RasterRender {
  /** The encoded picture: PNG for the png export, JPEG for the PDF's board page (pdfkit embeds it without decoding). */
  bytes: Buffer
  format: 'png' | 'jpeg'
  width: number
  height: number
}

/**
 * Draws an export region with Konva on an @napi-rs/canvas surface and encodes it as PNG.
 * The scene's elements are mounted, drawn and destroyed in batches with a yield in between,
 * so a large board neither holds the event loop (other boards' sync) for long nor keeps
 * thousands of Konva nodes alive; the encode runs on libuv's thread pool. The caller
 * checks the size first (`planRaster`).
 */
export async function renderRegionPng(
  region: ExportRegion,
  options: { scale: number; width: number; height: number; pictureOf: PictureOf; background?: string; format?: 'png' | 'jpeg' },
): Promise<RasterRender> {
  ensureCanvasEnvironment()
  const { scale, width, height } = options
  // the SceneCanvas is width/height in board px × pixelRatio in device px
  const canvas = new SceneCanvas({ width: width / scale, height: height / scale, pixelRatio: scale })
  const surface = canvas._canvas as unknown as Canvas
  surface.width = width
  surface.height = height
  const context = canvas.getContext()
  const native = context._context
  native.setTransform(scale, 0, 0, scale, 0, 0)
  native.fillStyle = options.background ?? '#ffffff'
  native.fillRect(0, 0, width / scale, height / scale)
  native.translate(-region.rect.x, -region.rect.y)

  const children = region.scene.children ?? []
  const root = new Konva.Group({ listening: false })
  try {
    for (let start = 0; start < children.length; start += ELEMENTS_PER_BATCH) {
      for (const child of children.slice(start, start + ELEMENTS_PER_BATCH)) root.add(createExportNode(child, options.pictureOf))
      root.drawScene(canvas)
      root.destroyChildren()
      await yieldToLoop()
    }
  } finally {
    root.destroy()
  }
  const format = options.format ?? 'png'
  // Skia records the drawing and rasterises it when the picture is read: that one step runs on
  // the event loop (about 250 ms for 12 megapixels of a 1,000-element board; docs/exports.md).
  // The encoding itself then runs on the thread pool (`convertToBlob`; `encode('png')` does
  // part of its work on the calling thread).
  const bytes =
    format === 'jpeg'
      ? await surface.encode('jpeg', 92)
      : Buffer.from(await (await surface.convertToBlob({ type: 'image/png' })).arrayBuffer())
  // release the pixels now rather than at the next GC
  surface.width = 1
  surface.height = 1
  return { bytes, format, width, height }
}
