import { createCanvas, loadImage } from '@napi-rs/canvas'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { ImageStore } from '../../server/images/image-store.ts'
import { exportRegion } from '../../shared/export/svg-region.ts'
import { buildBoardScene } from '../../shared/scene/build.ts'
import type { BoardDocument } from '../../shared/schema/document.ts'
import { type Account, api, createBoard, exportJson, signup } from '../helpers/api.ts'
import { putElement } from '../helpers/elements.ts'
import { blackPng } from '../helpers/png.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { connectClient, type SyncClient } from '../helpers/sync-client.ts'

interface UploadBody {
  image: { id: string; url: string; width: number; height: number; contentType: string }
  error: { code: string; message: string }
}

let server: TestServer
let owner: Account
let boardId: string
const clients: SyncClient[] = []

beforeAll(async () => {
  server = await startTestServer()
  owner = await signup(server.url, 'Pictures')
  boardId = await createBoard(server.url, owner.token, { title: 'Pictures' })
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
})

async function upload(body: Uint8Array<ArrayBuffer>, type = 'image/png') {
  const res = await fetch(`${server.url}/api/boards/${boardId}/images`, {
    method: 'POST',
    headers: { authorization: `Bearer ${owner.token}`, 'content-type': type },
    body,
  })
  return { status: res.status, body: (await res.json()) as UploadBody }
}

async function redPng(width: number, height: number): Promise<Uint8Array<ArrayBuffer>> {
  const canvas = createCanvas(width, height)
  const context = canvas.getContext('2d')
  context.fillStyle = '#ff0000'
  context.fillRect(0, 0, width, height)
  return new Uint8Array(await canvas.encode('png'))
}

/** Puts image elements on the board over sync and waits until the server has them. */
async function placeImages(images: Array<{ id: string; x: number; src: string }>): Promise<BoardDocument> {
  const client = connectClient(server.url, boardId, owner.token)
  clients.push(client)
  await client.synced
  for (const { id, x, src } of images)
    putElement(client.doc as Y.Doc, { id, kind: 'image', x, y: 0, w: 200, h: 150, label: id, src })
  const placed = (document: BoardDocument) => images.every((image) => document.elements.some((e) => e.id === image.id))
  for (let attempt = 0; attempt < 100; attempt++) {
    const document = (await exportJson(server.url, owner.token, boardId)) as unknown as BoardDocument
    if (placed(document)) return document
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('the images never reached the server')
}

/** The export pixel at a board point (scale 1). */
async function pixelAt(png: Uint8Array, document: BoardDocument, x: number, y: number): Promise<number[]> {
  const region = exportRegion(document, buildBoardScene(document, { fontFamily: 'DejaVu Sans' }), {})
  if (!region.ok) throw new Error('no region')
  const image = await loadImage(Buffer.from(png))
  const canvas = createCanvas(image.width, image.height)
  const context = canvas.getContext('2d')
  context.drawImage(image, 0, 0)
  const { rect } = region.value
  return [...context.getImageData(x - rect.x, y - rect.y, 1, 1).data.slice(0, 3)]
}

describe('image uploads are limited in pixels, not only in bytes', () => {
  it('refuses a small file that decodes to a huge picture (413, JSON error naming the limit)', async () => {
    const bomb = blackPng(16_000, 16_000)
    expect(bomb.byteLength).toBeLessThan(250_000)
    const res = await upload(bomb)
    expect(res.status).toBe(413)
    expect(res.body.error.code).toBe('payload_too_large')
    expect(res.body.error.message).toContain('16,000 × 16,000 px (256 megapixels)')
    expect(res.body.error.message).toContain('at most 10,000 px on a side and 40 megapixels')
  })

  it('refuses a side over 10,000 px even with few pixels, and takes 40 megapixels exactly', async () => {
    const long = await upload(blackPng(10_001, 10))
    expect(long.status).toBe(413)
    expect(long.body.error.code).toBe('payload_too_large')
    const atLimit = await upload(blackPng(8_000, 5_000))
    expect(atLimit.status).toBe(201)
    expect(atLimit.body.image).toMatchObject({ width: 8000, height: 5000 })
  })

  it('serves an upload with its own sandbox headers, which the global headers do not replace', async () => {
    const stored = await upload(await redPng(40, 30))
    expect(stored.status).toBe(201)
    const res = await fetch(`${server.url}${stored.body.image.url}`, { headers: { authorization: `Bearer ${owner.token}` } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="image-${stored.body.image.id}.png"`)
    // what the route does not set still comes from the global middleware
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    // and the app's pages keep the SPA's policy
    const page = await api(server.url, 'GET', '/healthz')
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
  })

  it('draws a normal picture in the PNG export and skips one stored before the limit (placeholder)', async () => {
    // larger than it is drawn (200 × 150): decoded, then kept at its drawn size
    const red = await upload(await redPng(800, 600))
    expect(red.status).toBe(201)
    // a picture bomb stored before uploads were limited in pixels: straight into the store
    const legacy = await new ImageStore(server.storage).put(boardId, blackPng(16_000, 16_000), {
      contentType: 'image/png',
      width: 16_000,
      height: 16_000,
      createdBy: owner.user.id,
      createdAt: new Date().toISOString(),
    })
    const document = await placeImages([
      { id: 'i-red', x: 0, src: red.body.image.url },
      { id: 'i-legacy', x: 300, src: `/api/boards/${boardId}/images/${legacy.id}` },
    ])

    const res = await fetch(`${server.url}/api/boards/${boardId}/export/png?scale=1`, {
      headers: { authorization: `Bearer ${owner.token}` },
    })
    expect(res.status).toBe(200)
    const png = new Uint8Array(await res.arrayBuffer())
    expect(await pixelAt(png, document, 100, 75)).toEqual([255, 0, 0])
    // the legacy picture keeps its placeholder's light grey, not black
    expect(await pixelAt(png, document, 320, 20)).toEqual([0xf2, 0xf4, 0xf7])

    // the SVG embeds the red picture and not the legacy one
    const svg = await (
      await fetch(`${server.url}/api/boards/${boardId}/export/svg`, { headers: { authorization: `Bearer ${owner.token}` } })
    ).text()
    expect(svg.match(/data:image\/png;base64,/g)).toHaveLength(1)
  })
})
