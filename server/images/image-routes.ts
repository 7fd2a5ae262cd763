import { Hono } from 'hono'
import { requireUser } from '../auth/authenticate.ts'
import { unwrap } from '../boards/board-routes.ts'
import type { BoardService } from '../boards/board-service.ts'
import { requireBoardRole } from '../boards/require-board-role.ts'
import type { AppEnv } from '../http/app-env.ts'
import { ApiError } from '../http/errors.ts'
import { type ImageStore, type ImageType, inspectImage, MAX_IMAGE_BYTES } from './image-store.ts'

const extension: Record<ImageType, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' }

/**
 * `/api/boards/:id/images`: upload a site plan or photo (editor and up; the body is the file
 * itself, PNG, JPEG or WebP, at most 10 MiB, 10,000 px a side and 40 megapixels, its type and
 * size decided by its content) and read one back (anyone who may see the board). The image
 * element then refers to the returned `url`. An upload is served as a picture and nothing
 * else: its own type, `nosniff`, a sandboxing CSP that allows nothing, and an inline
 * disposition with a harmless file name (the global security headers keep these).
 */
export function imageRoutes(boards: BoardService, images: ImageStore) {
  return new Hono<AppEnv>()
    .post('/:id/images', requireBoardRole(boards, 'editor'), async (c) => {
      const declared = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? ''
      if (!declared.startsWith('image/') && declared !== 'application/octet-stream')
        throw new ApiError('unsupported_media_type', 'Send the image file itself as the body, with its image/* type.')
      const length = Number(c.req.header('content-length') ?? 0)
      if (length > MAX_IMAGE_BYTES) throw new ApiError('payload_too_large', 'Images may be at most 10 MiB.')
      const bytes = new Uint8Array(await c.req.arrayBuffer())
      if (bytes.byteLength > MAX_IMAGE_BYTES) throw new ApiError('payload_too_large', 'Images may be at most 10 MiB.')
      const check = inspectImage(bytes)
      if (!check.ok) throw new ApiError(check.code, check.message)
      const boardId = c.req.param('id')
      const meta = await images.put(boardId, bytes, {
        contentType: check.type,
        width: check.width,
        height: check.height,
        createdBy: requireUser(c).id,
        createdAt: new Date().toISOString(),
      })
      const url = `/api/boards/${boardId}/images/${meta.id}`
      return c.json({ image: { id: meta.id, url, width: meta.width, height: meta.height, contentType: meta.contentType } }, 201)
    })
    .get('/:id/images/:imageId', async (c) => {
      unwrap(await boards.access(requireUser(c), c.req.param('id'), 'viewer'))
      const image = await images.get(c.req.param('id'), c.req.param('imageId'))
      if (!image) throw new ApiError('not_found', 'There is no such image on this board.')
      return c.body(new Uint8Array(image.bytes).buffer as ArrayBuffer, 200, {
        'Content-Type': image.meta.contentType,
        'Content-Length': String(image.bytes.byteLength),
        // ids are never reused: the bytes behind a URL never change
        'Cache-Control': 'private, max-age=31536000, immutable',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'X-Content-Type-Options': 'nosniff',
        'Content-Disposition': `inline; filename="image-${image.meta.id}.${extension[image.meta.contentType]}"`,
      })
    })
}
