import { newElementId } from '../../shared/schema/ids.ts'

/** The upload route's limits (the server checks them again, by content). */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const
export type ImageType = (typeof IMAGE_TYPES)[number]
/** An uploaded image is placed at most this wide (board px), keeping its proportions. */
export const IMAGE_FIT_WIDTH = 600

export interface UploadedImage {
  id: string
  url: string
  width: number
  height: number
  contentType: string
}

export type ImageCheck = { ok: true; type: ImageType } | { ok: false; error: 'too_large' | 'wrong_type' }

/** The type a file's first bytes say it is (PNG, JPEG, WebP), or null: the name and the browser's guess are not trusted. */
export function sniffImageType(head: Uint8Array): ImageType | null {
  const at = (i: number) => head[i] ?? -1
  if (at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) return 'image/png'
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg'
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to))
  if (head.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp'
  return null
}

/** Size first (cheap), then the content's own signature. */
export async function checkImageFile(file: Blob): Promise<ImageCheck> {
  if (file.size > MAX_IMAGE_BYTES) return { ok: false, error: 'too_large' }
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer())
  const type = sniffImageType(head)
  return type ? { ok: true, type } : { ok: false, error: 'wrong_type' }
}

export class UploadError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
    this.name = 'UploadError'
  }
}

/**
 * POST /api/boards/:id/images with the raw bytes, reporting progress (0–100). XMLHttpRequest
 * because fetch has no upload progress. Resolves with the stored image.
 */
export function uploadImage(
  boardId: string,
  file: Blob,
  type: ImageType,
  onProgress: (percent: number) => void,
  signal?: AbortSignal,
): Promise<UploadedImage> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `/api/boards/${encodeURIComponent(boardId)}/images`)
    xhr.setRequestHeader('Content-Type', type)
    xhr.responseType = 'json'
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100))
    }
    xhr.onload = () => {
      const body = xhr.response as { image?: UploadedImage; error?: { message?: string } } | null
      if (xhr.status === 201 && body?.image && typeof body.image.url === 'string') resolve(body.image)
      else reject(new UploadError(xhr.status, body?.error?.message ?? `HTTP ${xhr.status}`))
    }
    xhr.onerror = () => reject(new UploadError(0, 'network'))
    xhr.onabort = () => reject(new UploadError(0, 'aborted'))
    signal?.addEventListener('abort', () => xhr.abort())
    xhr.send(file)
  })
}

/** The `image` element for an upload, centred on `at` (board coordinates), at most 600 px wide. */
export function imageElementFor(image: UploadedImage, at: { x: number; y: number }, label: string) {
  const width = image.width > 0 ? image.width : IMAGE_FIT_WIDTH
  const height = image.height > 0 ? image.height : IMAGE_FIT_WIDTH * 0.75
  const scale = Math.min(1, IMAGE_FIT_WIDTH / width)
  const w = Math.max(1, Math.round(width * scale))
  const h = Math.max(1, Math.round(height * scale))
  return {
    id: newElementId('i'),
    kind: 'image' as const,
    x: Math.round(at.x - w / 2),
    y: Math.round(at.y - h / 2),
    w,
    h,
    label,
    src: image.url,
  }
}
