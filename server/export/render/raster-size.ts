import type { Rect } from '../../../shared/scene/types.ts'

/** `?scale=` bounds and the default: 2 px per board px, crisp on a printed page and on a high-DPI screen. */
export const MIN_SCALE = 0.25
export const MAX_SCALE = 4
export const DEFAULT_SCALE = 2

/**
 * The largest picture the server draws: 16,384 px a side (Skia's and most viewers' limit)
 * and 40 megapixels (160 MB of pixels while it is drawn; renders run one at a time, so this
 * bounds the memory an export takes).
 */
export const MAX_SIDE_PX = 16_384
export const MAX_PIXELS = 40_000_000

export type ScaleParam = { ok: true; scale: number | undefined } | { ok: false; message: string }

export function parseScale(value: string | undefined): ScaleParam {
  if (value === undefined || value === '') return { ok: true, scale: undefined }
  const scale = Number(value)
  if (!/^\d+(\.\d+)?$/.test(value) || !Number.isFinite(scale) || scale < MIN_SCALE || scale > MAX_SCALE)
    return { ok: false, message: `?scale= must be a number from ${MIN_SCALE} to ${MAX_SCALE}.` }
  return { ok: true, scale }
}

export type RasterPlan = { ok: true; scale: number; width: number; height: number } | { ok: false; message: string }

const sizeAt = (region: Rect, scale: number) => ({
  width: Math.max(1, Math.ceil(region.width * scale)),
  height: Math.max(1, Math.ceil(region.height * scale)),
})

const fits = ({ width, height }: { width: number; height: number }) =>
  width <= MAX_SIDE_PX && height <= MAX_SIDE_PX && width * height <= MAX_PIXELS

/**
 * The pixel size of a picture of `region`. A requested scale that makes it too large is
 * refused with a message naming the largest scale that fits; without a request the default
 * scale is lowered as far as needed (down to the minimum), so a large board still exports.
 */
export function planRaster(region: Rect, requested: number | undefined): RasterPlan {
  const largest = Math.min(
    MAX_SIDE_PX / Math.max(1, region.width),
    MAX_SIDE_PX / Math.max(1, region.height),
    Math.sqrt(MAX_PIXELS / Math.max(1, region.width * region.height)),
  )
  // two decimals, rounded down, and re-checked against ceil() of the sizes
  let fitting = Math.floor(largest * 100) / 100
  while (fitting > 0 && !fits(sizeAt(region, fitting))) fitting = Math.round((fitting - 0.01) * 100) / 100
  if (requested !== undefined) {
    const size = sizeAt(region, requested)
    if (fits(size)) return { ok: true, scale: requested, ...size }
    const hint =
      fitting >= MIN_SCALE
        ? `use ?scale=${fitting} or lower`
        : 'export one frame with ?frame=<id>, or the SVG, which has no size limit'
    return {
      ok: false,
      message: `At scale ${requested} the picture would be ${size.width} × ${size.height} px; the limit is ${MAX_SIDE_PX} px a side and ${MAX_PIXELS / 1_000_000} megapixels: ${hint}.`,
    }
  }
  const scale = Math.min(DEFAULT_SCALE, fitting)
  if (scale < MIN_SCALE)
    return {
      ok: false,
      message: `The board is too large for one picture even at scale ${MIN_SCALE}: export one frame with ?frame=<id>, or the SVG.`,
    }
  return { ok: true, scale, ...sizeAt(region, scale) }
}
