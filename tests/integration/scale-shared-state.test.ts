import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Account, api, createBoard, signup } from '../helpers/api.ts'
import { type RedisServer, startRedis } from '../helpers/redis.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

/** Issue 16: what must hold across instances, not per instance — two instances on one Redis. */
let redis: RedisServer
let a: TestServer
let b: TestServer
let owner: Account

beforeAll(async () => {
  redis = await startRedis()
  const env = { STORAGE_URL: redis.url, REDIS_URL: redis.url }
  a = await startTestServer(env)
  b = await startTestServer(env)
  owner = await signup(a.url, 'Shared state')
})
afterAll(async () => {
  await a?.stop()
  await b?.stop()
  await redis?.stop()
})

describe('across two instances', () => {
  it('an invite with maxUses: 1 admits one join, whichever instances the joins reach', async () => {
    const boardId = await createBoard(a.url, owner.token, { title: 'One seat' })
    for (let round = 0; round < 5; round++) {
      const created = await api<{ invite: { token: string } }>(a.url, 'POST', `/api/boards/${boardId}/invites`, {
        token: owner.token,
        body: { role: 'editor', maxUses: 1 },
      })
      expect(created.status).toBe(201)
      const token = created.body.invite.token
      // four joins at once, two on each instance
      const joins = await Promise.all(
        [a, b, a, b].map((server, i) =>
          api(server.url, 'POST', `/api/invites/${token}/join`, { body: { displayName: `Guest ${round}.${i}` } }),
        ),
      )
      expect(joins.map((j) => j.status).sort()).toEqual([200, 410, 410, 410])
      const list = await api<{ invites: { token: string; uses: number }[] }>(b.url, 'GET', `/api/boards/${boardId}/invites`, {
        token: owner.token,
      })
      expect(list.body.invites.find((i) => i.token === token)?.uses).toBe(1)
    }
    const members = await api<{ members: unknown[] }>(b.url, 'GET', `/api/boards/${boardId}/members`, { token: owner.token })
    expect(members.body.members).toHaveLength(1 + 5)
  })
})
