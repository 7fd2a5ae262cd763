import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Account, api, createBoard, joinAs, signup } from '../helpers/api.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)
const webp = new Uint8Array(Buffer.from('UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA', 'base64'))

interface UploadBody {
  image: { id: string; url: string; width: number; height: number; contentType: string }
  error: { code: string; message: string }
}

let server: TestServer
let owner: Account
let boardId: string

async function upload(token: string, body: Uint8Array<ArrayBuffer> | string, type: string, id = boardId) {
  const res = await fetch(`${server.url}/api/boards/${id}/images`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body,
  })
  return { status: res.status, body: (await res.json()) as UploadBody }
}

beforeAll(async () => {
  server = await startTestServer()
  owner = await signup(server.url, 'Img')
  boardId = await createBoard(server.url, owner.token, { title: 'Images' })
})
afterAll(() => server.stop())

describe('images', () => {
  it('stores a PNG and serves it back with its type, to viewers too', async () => {
    const res = await upload(owner.token, png, 'image/png')
    expect(res.status).toBe(201)
    expect(res.body.image).toMatchObject({ width: 1, height: 1, contentType: 'image/png' })
    expect(res.body.image.url).toMatch(new RegExp(`^/api/boards/${boardId}/images/[A-Za-z0-9_-]+$`))
    const viewer = await joinAs(server.url, owner.token, boardId, 'viewer')
    const got = await fetch(`${server.url}${res.body.image.url}`, { headers: { authorization: `Bearer ${viewer.token}` } })
    expect(got.status).toBe(200)
    expect(got.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await got.arrayBuffer()).equals(Buffer.from(png))).toBe(true)
  })

  it('decides the type by content, not by the declared type', async () => {
    const res = await upload(owner.token, webp, 'image/png')
    expect(res.status).toBe(201)
    expect(res.body.image.contentType).toBe('image/webp')
    const fake = await upload(owner.token, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'image/png')
    expect(fake.status).toBe(415)
    expect(fake.body.error.code).toBe('unsupported_media_type')
    const gif = await upload(owner.token, new Uint8Array(Buffer.from('R0lGODlhAQABAAAAACw=', 'base64')), 'image/gif')
    expect(gif.status).toBe(415)
    const json = await upload(owner.token, '{}', 'application/json')
    expect(json.status).toBe(415)
  })

  it('refuses images over 10 MiB with 413', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1)
    big.set(png)
    const res = await upload(owner.token, big, 'image/png')
    expect(res.status).toBe(413)
  })

  it('lets only editors and up upload; hides other boards', async () => {
    const viewer = await joinAs(server.url, owner.token, boardId, 'viewer')
    expect((await upload(viewer.token, png, 'image/png')).status).toBe(403)
    const editor = await joinAs(server.url, owner.token, boardId, 'editor')
    expect((await upload(editor.token, png, 'image/png')).status).toBe(201)
    const stranger = await signup(server.url, 'Stranger')
    expect((await upload(stranger.token, png, 'image/png')).status).toBe(404)
    const mine = await upload(owner.token, png, 'image/png')
    const peek = await api(server.url, 'GET', mine.body.image.url, { token: stranger.token })
    expect(peek.status).toBe(404)
    const missing = await api(server.url, 'GET', `/api/boards/${boardId}/images/nope`, { token: owner.token })
    expect(missing.status).toBe(404)
  })

  it('deletes a board’s images with the board', async () => {
    const id = await createBoard(server.url, owner.token, { title: 'Doomed' })
    const res = await upload(owner.token, png, 'image/png', id)
    expect(res.status).toBe(201)
    expect((await api(server.url, 'DELETE', `/api/boards/${id}`, { token: owner.token })).status).toBe(204)
    expect(await server.storage.getKeys(`docs:${id}:`)).toEqual([])
  })
})
