import { type Image, loadImage } from '@napi-rs/canvas'
import type { SceneNode } from '../../../shared/scene/types.ts'
import type { ImageMeta } from '../../images/image-store.ts'
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
    total += image.bytes.byteLength
    pictures.set(src, { contentType: image.meta.contentType, bytes: image.bytes })
  }
  return pictures
}

/** Decodes the pictures for drawing; one that fails to decode keeps its placeholder. */
export async function decodePictures(pictures: ReadonlyMap<string, BoardPicture>): Promise<PictureOf> {
  const decoded = new Map<string, Image>()
  for (const [src, picture] of pictures) {
    try {
      decoded.set(src, await loadImage(Buffer.from(picture.bytes)))
    } catch {
      // a corrupt upload: the element shows its placeholder
    }
  }
  return (src) => decoded.get(src) as unknown as CanvasImageSource | undefined
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
