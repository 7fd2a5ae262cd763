import { imageSize } from 'image-size'
import type { Storage } from 'unstorage'
import { z } from 'zod'
import { randomId } from '../auth/ids.ts'
import { assertBoardId } from '../storage/update-log.ts'

export const imageTypes = ['image/png', 'image/jpeg', 'image/webp'] as const
export type ImageType = (typeof imageTypes)[number]

/**
 * Uploaded images: at most 10 MiB, and — because a few hundred KB of PNG can hold a quarter of
 * a gigapixel — at most 10,000 px a side and 40 megapixels, which is 160 MB once decoded
 * (RGBA). A 12–24 MP photo or an A1 plan scanned at 200 dpi (4,700 × 6,600) fits.
 */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024
export const MAX_IMAGE_SIDE_PX = 10_000
export const MAX_IMAGE_PIXELS = 40_000_000

/** Whether a picture of this size may be stored or decoded (the exporter checks again). */
export const withinPixelBudget = (width: number, height: number): boolean =>
  width > 0 && height > 0 && width <= MAX_IMAGE_SIDE_PX && height <= MAX_IMAGE_SIDE_PX && width * height <= MAX_IMAGE_PIXELS

const grouped = (n: number) => n.toLocaleString('en-US')

const ImageMeta = z.object({
  id: z.string(),
  contentType: z.enum(imageTypes),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().nonnegative(),
  createdBy: z.string(),
  createdAt: z.string(),
})
export type ImageMeta = z.infer<typeof ImageMeta>

const sniffed: Record<string, ImageType> = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' }
const IMAGE_ID = /^[A-Za-z0-9_-]{1,64}$/

export type ImageCheck =
  | { ok: true; type: ImageType; width: number; height: number }
  | { ok: false; code: 'unsupported_media_type' | 'payload_too_large'; message: string }

/** The width and height a PNG, JPEG or WebP header declares (nothing is decoded), or null. */
export function declaredSize(bytes: Uint8Array): { type: ImageType; width: number; height: number } | null {
  let info: ReturnType<typeof imageSize>
  try {
    info = imageSize(bytes)
  } catch {
    return null
  }
  const type = info.type ? sniffed[info.type] : undefined
  return type && info.width && info.height ? { type, width: info.width, height: info.height } : null
}

/** Decides an upload's type from its bytes (never from the name or the declared type). */
export function inspectImage(bytes: Uint8Array): ImageCheck {
  const unsupported = (message: string): ImageCheck => ({ ok: false, code: 'unsupported_media_type', message })
  if (bytes.byteLength === 0) return unsupported('The file is empty.')
  if (bytes.byteLength > MAX_IMAGE_BYTES)
    return { ok: false, code: 'payload_too_large', message: 'Images may be at most 10 MiB.' }
  let info: ReturnType<typeof imageSize>
  try {
    info = imageSize(bytes)
  } catch {
    return unsupported('The file is not a PNG, JPEG or WebP image.')
  }
  const type = info.type ? sniffed[info.type] : undefined
  if (!type) return unsupported('Only PNG, JPEG and WebP images can be uploaded.')
  const { width, height } = info
  if (!width || !height) return unsupported('The image does not say how large it is.')
  if (!withinPixelBudget(width, height)) {
    const megapixels = Math.round((width * height) / 1e5) / 10
    return {
      ok: false,
      code: 'payload_too_large',
      message: `The image is ${grouped(width)} × ${grouped(height)} px (${megapixels} megapixels); images may be at most ${grouped(MAX_IMAGE_SIDE_PX)} px on a side and ${MAX_IMAGE_PIXELS / 1e6} megapixels. Scale it down and upload it again.`,
    }
  }
  return { ok: true, type, width, height }
}

/**
 * Site plans and photos of a board, in the board's own storage namespace
 * (`docs:<boardId>:images:<id>` and `…:imagemeta:<id>`), so deleting a board deletes them.
 */
export class ImageStore {
  readonly #storage: Storage
  constructor(storage: Storage) {
    this.#storage = storage
  }

  async put(boardId: string, bytes: Uint8Array, meta: Omit<ImageMeta, 'id' | 'bytes'>): Promise<ImageMeta> {
    assertBoardId(boardId)
    const id = randomId()
    const full: ImageMeta = { ...meta, id, bytes: bytes.byteLength }
    await this.#storage.setItemRaw(`docs:${boardId}:images:${id}`, bytes)
    await this.#storage.setItem(`docs:${boardId}:imagemeta:${id}`, full)
    return full
  }

  async get(boardId: string, imageId: string): Promise<{ meta: ImageMeta; bytes: Uint8Array } | null> {
    assertBoardId(boardId)
    if (!IMAGE_ID.test(imageId)) return null
    const meta = ImageMeta.safeParse(await this.#storage.getItem(`docs:${boardId}:imagemeta:${imageId}`))
    if (!meta.success) return null
    const raw: unknown = await this.#storage.getItemRaw(`docs:${boardId}:images:${imageId}`)
    const bytes = raw instanceof Uint8Array ? raw : typeof raw === 'string' ? Uint8Array.from(Buffer.from(raw, 'base64')) : null
    return bytes ? { meta: meta.data, bytes } : null
  }
}
