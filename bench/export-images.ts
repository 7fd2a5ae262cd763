import { crc32, deflateSync } from 'node:zlib'
import { exportPdf, exportPng, type RenderResult } from '../server/export/render/board-exports.ts'
import type { BoardImageSource } from '../server/export/render/board-images.ts'
import { type BoardDocument, emptyBoardDocument } from '../shared/schema/document.ts'
import type { Element } from '../shared/schema/elements.ts'

export interface ExportImagesRow {
  format: 'png' | 'pdf'
  layout: string
  pictures: number
  /** pixels of each picture as stored (0 pictures: the same board with placeholders, for comparison) */
  pictureMegapixels: number
  ms: number
  /** highest resident set size of the process (main and render thread) during the export, MB */
  peakRssMb: number
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.byteLength, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0)
  return Buffer.concat([head, data, crc])
}

/**
 * A transparent RGBA PNG: about 160 KB that decode to width × height × 4 bytes (the worst
 * case per byte; a 1-bit grey one would decode to one byte per pixel).
 */
function blankRgbaPng(width: number, height: number): Uint8Array {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // RGBA
  const raw = Buffer.alloc((1 + width * 4) * height)
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', new Uint8Array(0)),
    ]),
  )
}

/** 16 image elements in a 4 × 4 grid, each `w` × `h` board px, each its own stored picture. */
function board(count: number, w: number, h: number): BoardDocument {
  const elements = Array.from(
    { length: count },
    (_, i) =>
      ({
        id: `img${i}`,
        kind: 'image',
        x: (i % 4) * (w + 50),
        y: Math.floor(i / 4) * (h + 50),
        w,
        h,
        label: `Plan ${i}`,
        src: `/api/boards/bench/images/p${i}`,
      }) as unknown as Element,
  )
  return { ...emptyBoardDocument({ id: 'bench', title: 'Pictures' }), elements }
}

/**
 * Peak RSS of a png (default scale) and pdf export of a board with `count` pictures at the
 * upload limit (8,000 × 5,000 px = 40 MP each, 160 MB each once decoded), drawn small
 * (600 × 375 board px) and large (2,000 × 1,250). RSS sampled every 5 ms, one process.
 */
export async function exportImagesBench(count = 16, only?: { format?: string; large?: boolean }): Promise<ExportImagesRow[]> {
  const [width, height] = [8000, 5000]
  const bytes = blankRgbaPng(width, height)
  const images: BoardImageSource = {
    async get(_board, imageId) {
      const meta = { id: imageId, contentType: 'image/png' as const, width, height, bytes: bytes.byteLength }
      return { meta: { ...meta, createdBy: 'bench', createdAt: '' }, bytes }
    },
  }
  const rows: ExportImagesRow[] = []
  const layouts: Array<[string, number, number]> = [
    ['drawn 600 × 375', 600, 375],
    ['drawn 2,000 × 1,250', 2000, 1250],
  ]
  // warm-up: the render thread, fonts
  await exportPng({ boardId: 'bench', document: board(1, 100, 60), analysis: null, snapshot: null }, { scale: 1 })
  for (const [layout, w, h] of layouts.filter((_, i) => only?.large === undefined || only.large === (i === 1)))
    for (const withPictures of only ? [true] : [false, true]) {
      const source = {
        boardId: 'bench',
        document: board(count, w, h),
        analysis: null,
        snapshot: null,
        ...(withPictures ? { images } : {}),
      }
      const runs: Array<[ExportImagesRow['format'], () => Promise<RenderResult<unknown>>]> = [
        ['png', () => exportPng(source, {})],
        ['pdf', () => exportPdf(source)],
      ]
      for (const [format, run] of runs.filter(([f]) => !only?.format || f === only.format)) {
        global.gc?.()
        await new Promise((resolve) => setTimeout(resolve, 200))
        let peak = process.memoryUsage().rss
        const sampler = setInterval(() => {
          peak = Math.max(peak, process.memoryUsage().rss)
        }, 5)
        const start = performance.now()
        const result = await run()
        const ms = performance.now() - start
        clearInterval(sampler)
        peak = Math.max(peak, process.memoryUsage().rss)
        if (!result.ok) throw new Error(`${format}: ${result.message}`)
        rows.push({
          format,
          layout,
          pictures: withPictures ? count : 0,
          pictureMegapixels: (width * height) / 1e6,
          ms: Math.round(ms),
          peakRssMb: Math.round(peak / 1024 / 1024),
        })
      }
    }
  return rows
}

// `node --expose-gc --import tsx bench/export-images.ts [count] [png|pdf small|large]` prints the
// rows on its own; with a format and layout, one export in a fresh process (cleanest peak)
if (import.meta.url === `file://${process.argv[1]}`) {
  const [count, format, layout] = process.argv.slice(2)
  exportImagesBench(Number(count) || 16, format ? { format, large: layout === 'large' } : undefined)
    .then((rows) => {
      console.table(rows)
      process.exit(0)
    })
    .catch((error: unknown) => {
      console.error(error)
      process.exit(1)
    })
}
