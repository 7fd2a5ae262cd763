import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStorage } from '../../server/storage/create-storage.ts'
import { getSite } from '../../shared/schema/layout.ts'
import { createBoard, createHarness, errorCode, invite, join, type RestHarness, signup } from './rest-harness.ts'

const contractDocument = {
  format: 'refresh-board',
  version: 1,
  board: { id: 'whatever', title: 'Imported' },
  site: {
    name: 'Spinnerei',
    location: 'Pottendorf',
    country: 'AT',
    areaM2: 12000,
    builtYear: 1898,
    formerUse: 'textile mill',
    heritageStatus: 'listed',
    condition: 'fair',
    description: 'A mill.',
  },
  elements: [
    {
      id: 'a1',
      kind: 'actor',
      x: 0,
      y: 0,
      w: 180,
      h: 90,
      label: 'Makers e.V.',
      sector: 'creative',
      country: 'DE',
      spaceNeedM2: 300,
      commitment: 'loi',
      stance: 'champion',
      influence: 3,
      interest: 5,
    },
    {
      id: 'u1',
      kind: 'use',
      x: 300,
      y: 0,
      w: 180,
      h: 90,
      label: 'Open workshop',
      category: 'makerspace',
      areaM2: 400,
      zone: 'z1',
    },
    {
      id: 'p1',
      kind: 'phase',
      x: 0,
      y: 400,
      w: 300,
      h: 60,
      label: 'Interim use',
      stage: 'interim',
      start: '2027-03',
      end: '2028-02',
      refs: ['u1', 'a1'],
    },
    { id: 'l1', kind: 'link', from: 'a1', to: 'u1', relation: 'operates' },
    { id: 'n1', kind: 'note', x: 600, y: 0, w: 160, h: 160, label: 'Heating?', color: 'yellow' },
    { id: 'z1', kind: 'zone', x: 0, y: 600, w: 500, h: 300, label: 'Hall B', areaM2: 1500 },
    { id: 'f1', kind: 'frame', x: -50, y: -50, w: 1200, h: 1000, label: 'Group 1' },
  ],
}

type Element = { id: string; kind: string } & Record<string, unknown>
const byId = (elements: Element[]) => [...elements].sort((a, b) => a.id.localeCompare(b.id))

describe('board content over REST', () => {
  let h: RestHarness
  beforeEach(async () => {
    h = await createHarness()
  })
  afterEach(() => h.close())

  it('import → export/json gives back the same elements, as an attachment', async () => {
    const a = await signup(h, 'Ada')
    const boardId = await createBoard(h, a.token, { title: 'Spinnerei Pöttendorf', content: contractDocument })
    const res = await h.request('GET', `/api/boards/${boardId}/export/json`, { token: a.token })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/json')
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="spinnerei-pottendorf.refresh-board.json"; filename*=UTF-8''spinnerei-p%C3%B6ttendorf.refresh-board.json`,
    )
    const doc = res.body as {
      format: string
      version: number
      board: { id: string; title: string }
      site: Record<string, unknown>
      elements: Element[]
    }
    expect(doc.format).toBe('refresh-board')
    expect(doc.board).toEqual({ id: boardId, title: 'Spinnerei Pöttendorf' })
    expect(doc.site).toMatchObject(contractDocument.site)
    for (const element of contractDocument.elements) {
      expect(doc.elements.find((e) => e.id === element.id)).toMatchObject(element)
    }
    expect(byId(doc.elements).map((e) => e.id)).toEqual(byId(contractDocument.elements).map((e) => e.id))
    // the board record took the imported site
    const board = await h.request('GET', `/api/boards/${boardId}`, { token: a.token })
    expect((board.body as { board: { site: unknown } }).board.site).toMatchObject({ name: 'Spinnerei' })
  })

  it('refuses a bad document with 400 invalid_document naming element and field, storing nothing', async () => {
    const a = await signup(h, 'Ada')
    const keysBefore = (await h.storage.getKeys()).length
    const bad = structuredClone(contractDocument)
    ;(bad.elements[2] as Record<string, unknown>).stage = 'someday'
    const res = await h.request('POST', '/api/boards', { token: a.token, body: { title: 'Bad', content: bad } })
    expect(res.status).toBe(400)
    expect(errorCode(res)).toBe('invalid_document')
    const message = (res.body as { error: { message: string } }).error.message
    expect(message).toContain('p1')
    expect(message).toContain('stage')
    expect((await h.request('GET', '/api/boards', { token: a.token })).body).toEqual({ boards: [] })
    expect(await h.storage.getKeys()).toHaveLength(keysBefore)
  })

  it('PATCH writes title and site into the record and the live document', async () => {
    const a = await signup(h, 'Ada')
    const boardId = await createBoard(h, a.token)
    const res = await h.request('PATCH', `/api/boards/${boardId}`, {
      token: a.token,
      body: { title: 'Renamed', site: { name: 'Mill', areaM2: 900 } },
    })
    expect(res.status).toBe(200)
    expect((res.body as { board: Record<string, unknown> }).board).toMatchObject({
      id: boardId,
      title: 'Renamed',
      role: 'owner',
      site: { name: 'Mill', areaM2: 900 },
    })
    const site = await h.content.read(boardId, (doc) => getSite(doc).toJSON())
    expect(site).toEqual({ name: 'Mill', areaM2: 900 })
    const exported = await h.request('GET', `/api/boards/${boardId}/export/json`, { token: a.token })
    expect(exported.body).toMatchObject({ board: { title: 'Renamed' }, site: { name: 'Mill', areaM2: 900 } })
    const invalid = await h.request('PATCH', `/api/boards/${boardId}`, { token: a.token, body: { site: { areaM2: -1 } } })
    expect(invalid.status).toBe(400)
    expect((invalid.body as { error: { message: string } }).error.message).toMatch(/^site\.areaM2/)
  })

  it('creates from the textile-mill template', async () => {
    const a = await signup(h, 'Ada')
    const boardId = await createBoard(h, a.token, { title: 'From template', template: 'textile-mill' })
    const res = await h.request('GET', `/api/boards/${boardId}/export/json`, { token: a.token })
    expect((res.body as { elements: unknown[] }).elements.length).toBeGreaterThan(5)
  })
})

describe('persistence', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'rb-rest-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('keeps accounts, sessions, boards and invites across a restart on fs storage', async () => {
    const first = await createHarness({ STORAGE_URL: `fs:${dir}` }, { storage: openStorage(`fs:${dir}`) })
    const a = await signup(first, 'Ada')
    const boardId = await createBoard(first, a.token, { title: 'Durable', content: contractDocument })
    const inviteToken = await invite(first, a.token, boardId, { role: 'editor', maxUses: 2 })
    const guest = await join(first, inviteToken)
    await first.close()

    const second = await createHarness({ STORAGE_URL: `fs:${dir}` }, { storage: openStorage(`fs:${dir}`) })
    expect((await second.request('GET', '/api/auth/me', { token: a.token })).status).toBe(200)
    expect((await second.request('GET', '/api/auth/me', { token: guest.token })).status).toBe(200)
    expect(
      (await second.request('POST', '/api/auth/login', { body: { email: a.email, password: 'correct horse battery' } })).status,
    ).toBe(200)
    const board = await second.request('GET', `/api/boards/${boardId}`, { token: guest.token })
    expect((board.body as { board: { role: string; title: string } }).board).toMatchObject({ role: 'editor', title: 'Durable' })
    const exported = await second.request('GET', `/api/boards/${boardId}/export/json`, { token: a.token })
    expect((exported.body as { elements: unknown[] }).elements).toHaveLength(contractDocument.elements.length)
    await join(second, inviteToken)
    expect((await second.request('POST', `/api/invites/${inviteToken}/join`, { body: { displayName: 'Third' } })).status).toBe(
      410,
    )
    await second.close()
  })
})
