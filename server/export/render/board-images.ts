import { type Canvas, createCanvas, type Image, loadImage } from '@napi-rs/canvas'
import type { SceneNode } from '../../../shared/scene/types.ts'
import { declaredSize, type ImageMeta, withinPixelBudget } from '../../images/image-store.ts'
import type { PictureOf } from './konva-scene.ts'

/** Where a board's uploaded pictures come from (the `ImageStore`). */
export interface BoardImageSource {
  get(boardId: string, imageId: string): Promise<{ meta: ImageMeta; bytes: Uint8Array } | null>
}

export interface BoardPicture {
  contentType: string
  bytes: Uint8Array
}

/** Total bytes of pictures one export embeds or decodes; beyond it elements keep their placeholder. */
const MAX_PICTURE_BYTES = 64 * 1024 * 1024

/**
 * Pixels of decoded pictures one raster export keeps for drawing (96 MB of RGBA). Each picture
 * is kept at most at the size it is drawn at; when the pictures drawn together need more, all
 * are kept smaller by the same factor (drawn a little soft rather than not at all).
 */
export const MAX_KEPT_PICTURE_PIXELS = 24_000_000

/**
 * The image id of a `src` that names one of this board's own uploads
 * (`/api/boards/<boardId>/images/<imageId>`, as the upload route answers), else null. Exports
 * read pictures from storage only: a `src` anywhere else is never fetched.
 */
export function boardImageId(src: string, boardId: string): string | null {
  const match = /^(?:https?:\/\/[^/?#]+)?\/api\/boards\/([A-Za-z0-9_-]{1,64})\/images\/([A-Za-z0-9_-]{1,64})$/.exec(src)
  return match && match[1] === boardId ? (match[2] ?? null) : null
}

function imageSources(scene: SceneNode, out = new Set<string>()): Set<string> {
  if (scene.type === 'image' && scene.attrs.src) out.add(scene.attrs.src)
  for (const child of scene.children ?? []) imageSources(child, out)
  return out
}

/** The pictures the scene shows, read from the board's image store (`src` → bytes). */
export async function loadBoardPictures(
  scene: SceneNode,
  boardId: string,
  source: BoardImageSource | undefined,
): Promise<Map<string, BoardPicture>> {
  const pictures = new Map<string, BoardPicture>()
  if (!source) return pictures
  let total = 0
  for (const src of [...imageSources(scene)].sort()) {
    const imageId = boardImageId(src, boardId)
    if (!imageId) continue
    const image = await source.get(boardId, imageId)
    if (!image || total + image.bytes.byteLength > MAX_PICTURE_BYTES) continue
    // stored before uploads were limited in pixels: never decoded, never embedded (placeholder)
    const size = declaredSize(image.bytes)
    if (!size || !withinPixelBudget(size.width, size.height)) continue
    total += image.bytes.byteLength
    pictures.set(src, { contentType: image.meta.contentType, bytes: image.bytes })
  }
  return pictures
}

export interface PixelSize {
  width: number
  height: number
}

/** The largest size, in device px, each picture of the scene is drawn at (`scale` × its box). */
export function drawnSizes(scene: SceneNode, scale: number, out = new Map<string, PixelSize>()): Map<string, PixelSize> {
  const { src, width, height } = scene.attrs
  if (scene.type === 'image' && src && typeof width === 'number' && typeof height === 'number') {
    const seen = out.get(src)
    out.set(src, {
      width: Math.max(seen?.width ?? 1, Math.ceil(width * scale)),
      height: Math.max(seen?.height ?? 1, Math.ceil(height * scale)),
    })
  }
  for (const child of scene.children ?? []) drawnSizes(child, scale, out)
  return out
}

/**
 * The size each picture is kept at for drawing: its drawn size, never more than its own, and
 * all of them together at most `budget` pixels (smaller by one common factor if needed).
 */
export function keptSizes(
  natural: ReadonlyMap<string, PixelSize>,
  drawn: ReadonlyMap<string, PixelSize>,
  budget = MAX_KEPT_PICTURE_PIXELS,
): Map<string, PixelSize> {
  const wanted = new Map<string, PixelSize>()
  let total = 0
  for (const [src, own] of natural) {
    const at = drawn.get(src)
    if (!at) continue
    const size = { width: Math.min(own.width, at.width), height: Math.min(own.height, at.height) }
    wanted.set(src, size)
    total += size.width * size.height
  }
  if (total <= budget) return wanted
  const factor = Math.sqrt(budget / total)
  const kept = new Map<string, PixelSize>()
  for (const [src, size] of wanted)
    kept.set(src, {
      width: Math.max(1, Math.floor(size.width * factor)),
      height: Math.max(1, Math.floor(size.height * factor)),
    })
  return kept
}

/**
 * Decodes the pictures a raster export draws, within a bounded amount of memory: a picture
 * whose header declares more than the upload limit (one stored before the limit existed) is
 * never decoded; the others are decoded one at a time, and one drawn smaller than it is is
 * redrawn at its drawn size (`keptSizes`) and its full-size bitmap released before the next
 * is decoded. So an export holds at most one full decode (≤ 40 MP) plus the kept pictures
 * (≤ `MAX_KEPT_PICTURE_PIXELS`). One that fails to decode keeps its placeholder.
 */
export async function decodePictures(
  pictures: ReadonlyMap<string, BoardPicture>,
  drawn: ReadonlyMap<string, PixelSize>,
): Promise<PictureOf> {
  const natural = new Map<string, PixelSize>()
  for (const [src, picture] of pictures) {
    const size = declaredSize(picture.bytes)
    if (size && withinPixelBudget(size.width, size.height)) natural.set(src, size)
  }
  const kept = keptSizes(natural, drawn)
  const decoded = new Map<string, Image | Canvas>()
  for (const [src, size] of [...kept].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const picture = pictures.get(src)
    if (!picture) continue
    let image: Image
    try {
      image = await loadImage(Buffer.from(picture.bytes))
    } catch {
      continue // a corrupt upload: the element shows its placeholder
    }
    // image-size and the decoder read the same header; a file crafted to make them disagree is not drawn
    if (!withinPixelBudget(image.width, image.height)) {
      release(image)
      continue
    }
    if (image.width <= size.width && image.height <= size.height) {
      decoded.set(src, image)
      continue
    }
    const small = createCanvas(size.width, size.height)
    const context = small.getContext('2d')
    context.imageSmoothingQuality = 'high'
    context.drawImage(image, 0, 0, size.width, size.height)
    release(image)
    decoded.set(src, small)
  }
  return (src) => decoded.get(src) as unknown as CanvasImageSource | undefined
}

/** Frees a decoded bitmap now rather than at the next garbage collection. */
function release(image: Image): void {
  image.src = Buffer.alloc(0)
}

/** `data:` URIs for the SVG, which must stand alone. */
export function pictureHrefs(pictures: ReadonlyMap<string, BoardPicture>): (src: string) => string | undefined {
  const hrefs = new Map<string, string>()
  return (src) => {
    const picture = pictures.get(src)
    if (!picture) return undefined
    let href = hrefs.get(src)
    if (href === undefined) {
      href = `data:${picture.contentType};base64,${Buffer.from(picture.bytes).toString('base64')}`
      hrefs.set(src, href)
    }
    return href
  }
}
