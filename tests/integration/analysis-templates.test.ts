import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectedFrames } from '../../shared/templates/expected-frames.fixture.ts'
import { methodTemplateNames } from '../../shared/templates/index.ts'
import { type Account, api, createBoard, exportJson, signup } from '../helpers/api.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

let server: TestServer
let owner: Account

beforeAll(async () => {
  server = await startTestServer()
  owner = await signup(server.url, 'Facilitator')
})
afterAll(() => server.stop())

describe('POST /api/boards {template}', () => {
  it.each(methodTemplateNames)('%s: the new board holds the template’s frames', async (template) => {
    const boardId = await createBoard(server.url, owner.token, { title: `From ${template}`, template })
    const exported = await exportJson(server.url, owner.token, boardId)
    const frameLabels = exported.elements.filter((element) => element.kind === 'frame').map((element) => element.label)
    for (const label of expectedFrames[template] ?? []) expect(frameLabels).toContain(label)
    if (template === 'blank') expect(exported.elements).toEqual([])
    const analysis = await api(server.url, 'GET', `/api/boards/${boardId}/analysis`, { token: owner.token })
    expect(analysis.status).toBe(200)
  })

  it('keeps the demo template and refuses an unknown one', async () => {
    const demo = await createBoard(server.url, owner.token, { title: 'Demo', template: 'textile-mill' })
    expect((await exportJson(server.url, owner.token, demo)).elements.length).toBeGreaterThan(50)
    const res = await api(server.url, 'POST', '/api/boards', {
      token: owner.token,
      body: { title: 'X', template: 'swot-deluxe' },
    })
    expect(res.status).toBe(400)
  })
})
