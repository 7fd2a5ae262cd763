import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createBoard as createBoardOver, signup as signupOver } from '../helpers/api.ts'
import { note, putElement } from '../helpers/elements.ts'
import { startTestServer } from '../helpers/server.ts'
import { connectClient } from '../helpers/sync-client.ts'
import { createBoard, createHarness, errorCode, invite, join, type RestHarness, signup } from './rest-harness.ts'

type Element = { id: string; kind: string; x?: number; y?: number; w?: number; h?: number } & Record<string, unknown>
type Doc = { board: { id: string; title: string }; site: Record<string, unknown>; elements: Element[] }

const content = {
  format: 'refresh-board',
  version: 1,
  board: { id: 'x', title: 'x' },
  site: { name: 'Pivovar Laško', areaM2: 4000 },
  elements: [
    { id: 'z1', kind: 'zone', x: 0, y: 0, w: 400, h: 300, label: 'Brewhouse', areaM2: 900 },
    { id: 'z2', kind: 'zone', x: 420, y: 0, w: 400, h: 300, label: 'Malt house', areaM2: 1400 },
    { id: 'n1', kind: 'note', x: 100, y: 400, w: 160, h: 160, label: 'Roof?', color: 'yellow' },
    {
      id: 'p1',
      kind: 'phase',
      x: 0,
      y: 700,
      w: 288,
      h: 60,
      label: 'Interim',
      stage: 'interim',
      start: '2027-01',
      end: '2027-12',
    },
  ],
}

describe('board management over REST', () => {
  let h: RestHarness
  beforeEach(async () => {
    h = await createHarness()
  })
  afterEach(() => h.close())

  const exportDoc = async (token: string, boardId: string) =>
    (await h.request('GET', `/api/boards/${boardId}/export/json`, { token })).body as Doc

  it('duplicates: the caller owns a copy titled "… (copy)" with the same elements, site and template', async () => {
    const owner = await signup(h, 'Owner')
    const boardId = await createBoard(h, owner.token, { title: 'Brewery', template: 'use-mix', site: { name: 'Pivovar' } })
    // an editor (an account, not a guest) may copy what they can read; the copy is theirs alone
    const editor = await signup(h, 'Editor')
    await join(h, await invite(h, owner.token, boardId, { role: 'editor' }), editor.token)
    const res = await h.request('POST', `/api/boards/${boardId}/duplicate`, { token: editor.token })
    expect(res.status).toBe(201)
    const copy = (res.body as { board: { id: string; title: string; role: string; template?: string; site: unknown } }).board
    expect(copy).toMatchObject({ title: 'Brewery (copy)', role: 'owner', template: 'use-mix', site: { name: 'Pivovar' } })
    expect(copy.id).not.toBe(boardId)
    const [source, copied] = await Promise.all([exportDoc(owner.token, boardId), exportDoc(editor.token, copy.id)])
    expect(copied.elements).toEqual(source.elements)
    expect((await h.request('GET', `/api/boards/${copy.id}`, { token: owner.token })).status).toBe(404)
  })

  it('duplicate: 404 for a board the caller may not see, 403 for a guest, 401 without a session', async () => {
    const owner = await signup(h, 'Owner')
    const boardId = await createBoard(h, owner.token)
    const stranger = await signup(h, 'Stranger')
    expect((await h.request('POST', `/api/boards/${boardId}/duplicate`, { token: stranger.token })).status).toBe(404)
    expect((await h.request('POST', '/api/boards/nope/duplicate', { token: owner.token })).status).toBe(404)
    const guest = await join(h, await invite(h, owner.token, boardId, { role: 'editor' }))
    const refused = await h.request('POST', `/api/boards/${boardId}/duplicate`, { token: guest.token })
    expect(refused.status).toBe(403)
    expect(errorCode(refused)).toBe('forbidden')
    expect((await h.request('POST', `/api/boards/${boardId}/duplicate`)).status).toBe(401)
  })

  it('adds a template beside the content: existing elements untouched, fresh ids, phases keep their months', async () => {
    const owner = await signup(h, 'Owner')
    const boardId = await createBoard(h, owner.token, { title: 'Brewery', content })
    const before = await exportDoc(owner.token, boardId)
    const res = await h.request('POST', `/api/boards/${boardId}/templates`, {
      token: owner.token,
      body: { template: 'use-mix' },
    })
    expect(res.status).toBe(200)
    const after = await exportDoc(owner.token, boardId)
    for (const element of before.elements) expect(after.elements.find((e) => e.id === element.id)).toEqual(element)
    const added = after.elements.filter((e) => !before.elements.some((b) => b.id === e.id))
    expect((res.body as { added: number }).added).toBe(added.length)
    expect(added.length).toBeGreaterThan(5)
    const right = Math.max(...before.elements.map((e) => (e.x ?? 0) + (e.w ?? 0)))
    for (const element of added) expect(element.x ?? right + 1).toBeGreaterThan(right)
    // the board's own zones and site, not the demo mill's
    const zones = added.filter((e) => e.kind === 'zone')
    const firstTwo = ['zone-hall-ground-2', 'zone-hall-upper-2'].map((id) => zones.find((z) => z.id === id))
    expect(firstTwo.map((z) => [z?.label, z?.areaM2])).toEqual([
      ['Brewhouse', 900],
      ['Malt house', 1400],
    ])
    expect(zones.map((z) => z.label)).not.toContain('Spinning hall, ground floor')
    expect(added.find((e) => e.kind === 'frame')?.label).toContain('Pivovar Laško')
    // uses keep their (renamed) zone
    const placed = added.filter((e) => e.kind === 'use' && typeof e.zone === 'string')
    expect(placed.length).toBe(2)
    for (const use of placed) expect(zones.map((z) => z.id)).toContain(use.zone)

    // a second time: ids fresh again; the phasing roadmap moves by whole months with its dates
    const roadmap = await h.request('POST', `/api/boards/${boardId}/templates`, {
      token: owner.token,
      body: { template: 'phasing-roadmap' },
    })
    expect(roadmap.status).toBe(200)
    const last = await exportDoc(owner.token, boardId)
    const phases = last.elements.filter((e) => e.kind === 'phase' && e.id !== 'p1')
    expect(phases.length).toBe(5)
    for (const phase of phases) {
      const [y, m] = String(phase.start).split('-').map(Number)
      const month = ((y ?? 0) - 2027) * 12 + ((m ?? 1) - 1)
      expect(phase.x).toBe(month * 24)
    }
    expect(new Set(last.elements.map((e) => e.id)).size).toBe(last.elements.length)
  })

  it('add template: facilitators and owners only (403 for an editor), 404 for strangers, 400 for an unknown template', async () => {
    const owner = await signup(h, 'Owner')
    const boardId = await createBoard(h, owner.token)
    const editor = await join(h, await invite(h, owner.token, boardId, { role: 'editor' }))
    const facilitator = await join(h, await invite(h, owner.token, boardId, { role: 'facilitator' }))
    const stranger = await signup(h, 'Stranger')
    const body = { template: 'site-scan' }
    const asEditor = await h.request('POST', `/api/boards/${boardId}/templates`, { token: editor.token, body })
    expect(asEditor.status).toBe(403)
    expect(errorCode(asEditor)).toBe('forbidden')
    expect((await h.request('POST', `/api/boards/${boardId}/templates`, { token: stranger.token, body })).status).toBe(404)
    const bad = await h.request('POST', `/api/boards/${boardId}/templates`, {
      token: owner.token,
      body: { template: 'textile-mill' },
    })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('template')
    expect((await h.request('POST', `/api/boards/${boardId}/templates`, { token: facilitator.token, body })).status).toBe(200)
    expect((await exportDoc(owner.token, boardId)).elements.some((e) => e.id === 'swot-strengths-2')).toBe(true)
  })

  it('the record keeps the template; the thumbnail is an SVG with an ETag that answers 304 while unchanged', async () => {
    const owner = await signup(h, 'Owner')
    const boardId = await createBoard(h, owner.token, { title: 'Scan', template: 'site-scan' })
    const list = (await h.request('GET', '/api/boards', { token: owner.token })).body as { boards: { template?: string }[] }
    expect(list.boards[0]?.template).toBe('site-scan')
    // every drawing loads the board's document: count the loads
    const loads = vi.spyOn(h.content, 'exportDocument')
    const first = await h.request('GET', `/api/boards/${boardId}/thumbnail`, { token: owner.token })
    expect(first.status).toBe(200)
    expect(first.headers.get('content-type')).toContain('image/svg+xml')
    expect(first.text).toMatch(/^<svg [^>]*width="320"/)
    expect((first.text.match(/<rect /g) ?? []).length).toBeGreaterThan(20)
    expect(loads).toHaveBeenCalledTimes(1)
    const etag = first.headers.get('etag') ?? ''
    const again = await h.request('GET', `/api/boards/${boardId}/thumbnail`, {
      token: owner.token,
      headers: { 'if-none-match': etag },
    })
    expect(again.status).toBe(304)
    // asked again without the ETag (another browser): the kept picture, not drawn again
    const kept = await h.request('GET', `/api/boards/${boardId}/thumbnail`, { token: owner.token })
    expect([kept.status, kept.text, kept.headers.get('etag')]).toEqual([200, first.text, etag])
    expect(loads).toHaveBeenCalledTimes(1)
    expect(h.services.boards.thumbnails.draws).toBe(1)
    // a list asking for it many times at once draws it once
    const many = await Promise.all(
      Array.from({ length: 8 }, () => h.request('GET', `/api/boards/${boardId}/thumbnail`, { token: owner.token })),
    )
    expect(many.map((res) => res.status)).toEqual(Array(8).fill(200))
    expect(loads).toHaveBeenCalledTimes(1)
    // after a restart (an empty cache) a browser holding the version gets a 304, nothing drawn
    const restarted = await createHarness({}, { storage: h.storage })
    try {
      const reloads = vi.spyOn(restarted.content, 'exportDocument')
      const revalidated = await restarted.request('GET', `/api/boards/${boardId}/thumbnail`, {
        token: owner.token,
        headers: { 'if-none-match': etag },
      })
      expect(revalidated.status).toBe(304)
      expect(reloads).not.toHaveBeenCalled()
    } finally {
      await restarted.close()
    }
    // a content change noted by the rooms' persistence (server/boards/last-change.ts) is a new version
    await h.services.boards.store.setLastChange(boardId, new Date(Date.now() + 1000).toISOString())
    const noted = await h.request('GET', `/api/boards/${boardId}/thumbnail`, {
      token: owner.token,
      headers: { 'if-none-match': etag },
    })
    expect(noted.status).toBe(200)
    expect(noted.headers.get('etag')).not.toBe(etag)
    await h.request('POST', `/api/boards/${boardId}/templates`, { token: owner.token, body: { template: 'use-mix' } })
    const changed = await h.request('GET', `/api/boards/${boardId}/thumbnail`, {
      token: owner.token,
      headers: { 'if-none-match': etag },
    })
    expect(changed.status).toBe(200)
    expect((changed.text.match(/<rect /g) ?? []).length).toBeGreaterThan((first.text.match(/<rect /g) ?? []).length)
    expect(h.services.boards.thumbnails.draws).toBe(3)
    const stranger = await signup(h, 'Stranger')
    expect((await h.request('GET', `/api/boards/${boardId}/thumbnail`, { token: stranger.token })).status).toBe(404)
  })
})

describe('the board list', () => {
  it("shows a board's last content change when it is later than its record's", async () => {
    const h = await createHarness()
    try {
      const owner = await signup(h, 'Owner')
      const boardId = await createBoard(h, owner.token)
      const later = new Date(Date.now() + 60_000).toISOString()
      await h.services.boards.store.setLastChange(boardId, later)
      const list = (await h.request('GET', '/api/boards', { token: owner.token })).body as { boards: { updatedAt: string }[] }
      expect(list.boards[0]?.updatedAt).toBe(later)
      await h.services.boards.store.setLastChange(boardId, '2000-01-01T00:00:00.000Z')
      const again = (await h.request('GET', '/api/boards', { token: owner.token })).body as { boards: { updatedAt: string }[] }
      expect(again.boards[0]?.updatedAt).not.toBe('2000-01-01T00:00:00.000Z')
    } finally {
      await h.close()
    }
  })
})

describe('thumbnails follow live edits', () => {
  it('a note added over sync gives a new picture and ETag; unchanged, the server answers 304', async () => {
    const server = await startTestServer()
    const client = { destroy: () => {} }
    try {
      const owner = await signupOver(server.url, 'Owner')
      const boardId = await createBoardOver(server.url, owner.token, { title: 'Live' })
      const get = (etag?: string) =>
        fetch(`${server.url}/api/boards/${boardId}/thumbnail`, {
          headers: { authorization: `Bearer ${owner.token}`, ...(etag ? { 'if-none-match': etag } : {}) },
        })
      const rects = (svg: string) => (svg.match(/<rect /g) ?? []).length
      const first = await get()
      const etag = first.headers.get('etag') ?? ''
      expect(rects(await first.text())).toBe(1) // the background of an empty board
      expect((await get(etag)).status).toBe(304)

      const c = connectClient(server.url, boardId, owner.token)
      client.destroy = () => c.destroy()
      await c.synced
      putElement(c.doc, note('n-live', 'Ask about the yard'))
      // the stored update notes the board as changed (server/boards/last-change.ts, at most every 5 s)
      const deadline = Date.now() + 10_000
      let changed = await get(etag)
      while (changed.status === 304 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        changed = await get(etag)
      }
      expect(changed.status).toBe(200)
      const next = changed.headers.get('etag') ?? ''
      expect(next).not.toBe(etag)
      expect(rects(await changed.text())).toBe(2)
      expect((await get(next)).status).toBe(304)
    } finally {
      client.destroy()
      await server.stop()
    }
  }, 20_000)
})
