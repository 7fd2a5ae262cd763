import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, type RestHarness } from '../../tests/integration/rest-harness.ts'
import { createLogger } from '../logger.ts'
import { DEMO_EMAIL, seedDemoIfEmpty } from './seed-demo.ts'

describe('seedDemoIfEmpty', () => {
  let h: RestHarness
  beforeEach(async () => {
    h = await createHarness()
  })
  afterEach(() => h.close())

  it('creates the demo board and a working join link once, without printing a password', async () => {
    const lines: string[] = []
    const logger = createLogger('debug', {}, (line) => lines.push(line) > 0)
    const seed = await seedDemoIfEmpty(h.services, h.content, h.config, logger)
    expect(seed).not.toBeNull()
    if (!seed) return
    expect(seed.boardUrl).toBe(`http://127.0.0.1:8787/boards/${seed.boardId}`)
    expect(seed.joinUrl).toMatch(/^http:\/\/127\.0\.0\.1:8787\/join\/[A-Za-z0-9_-]{20,}$/)
    const token = seed.joinUrl.slice(seed.joinUrl.lastIndexOf('/') + 1)
    expect(lines.join('\n')).not.toContain(token)
    const joined = await h.request('POST', `/api/invites/${token}/join`, { body: { displayName: 'Visitor' } })
    expect(joined.status).toBe(200)
    const guestToken = (joined.body as { token: string }).token
    const board = await h.request('GET', `/api/boards/${seed.boardId}`, { token: guestToken })
    expect((board.body as { board: { title: string; role: string } }).board).toMatchObject({
      role: 'editor',
      title: expect.stringMatching(/^Demo: /),
    })
    const exported = await h.request('GET', `/api/boards/${seed.boardId}/export/json`, { token: guestToken })
    expect((exported.body as { elements: unknown[] }).elements.length).toBeGreaterThan(5)
    expect(await h.services.auth.users.getByEmail(DEMO_EMAIL)).not.toBeNull()
    expect(await seedDemoIfEmpty(h.services, h.content, { publicOrigin: 'http://localhost:9' }, logger)).toBeNull()
  })
})
