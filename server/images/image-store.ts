import { imageSize } from 'image-size'
import type { Storage } from 'unstorage'
import { z } from 'zod'
import { randomId } from '../auth/ids.ts'
import { assertBoardId } from '../storage/update-log.ts'

export const imageTypes = ['image/png', 'image/jpeg', 'image/webp'] as const
export type ImageType = (typeof imageTypes)[number]

/** Uploaded images are limited to 10 MiB and 16,000 px a side. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024
const MAX_SIDE_PX = 16_000

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

export type ImageCheck = { ok: true; type: ImageType; width: number; height: number } | { ok: false; message: string }

/** Decides an upload's type from its bytes (never from the name or the declared type). */
export function inspectImage(bytes: Uint8Array): ImageCheck {
  if (bytes.byteLength === 0) return { ok: false, message: 'The file is empty.' }
  if (bytes.byteLength > MAX_IMAGE_BYTES) return { ok: false, message: 'Images may be at most 10 MiB.' }
  let info: ReturnType<typeof imageSize>
  try {
    info = imageSize(bytes)
  } catch {
    return { ok: false, message: 'The file is not a PNG, JPEG or WebP image.' }
  }
  const type = info.type ? sniffed[info.type] : undefined
  if (!type) return { ok: false, message: 'Only PNG, JPEG and WebP images can be uploaded.' }
  if (!info.width || !info.height || info.width > MAX_SIDE_PX || info.height > MAX_SIDE_PX)
    return { ok: false, message: `Images may be at most ${MAX_SIDE_PX} px on a side.` }
  return { ok: true, type, width: info.width, height: info.height }
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
