import { beforeAll, describe, expect, it } from 'vitest'
import { encodeAwarenessEntries, encodeAwarenessMessage } from '../../server/sync/messages.ts'
import { type Account, api, createBoard, joinAs, signup } from '../helpers/api.ts'
import { rawSocket } from '../helpers/forge.ts'
import type { TestServer } from '../helpers/server.ts'
import { connectClient, waitFor } from '../helpers/sync-client.ts'
import { twoInstancesOnRedis } from '../helpers/two-instances.ts'

/** Issue 16: what must hold across instances, not per instance — two instances on one Redis. */
const bed = twoInstancesOnRedis()
let owner: Account
beforeAll(async () => {
  owner = await signup(bed.a.url, 'Shared state')
})

describe('across two instances', () => {
  it('an invite with maxUses: 1 admits one join, whichever instances the joins reach', async () => {
    const { a, b } = bed
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

  it('a viewer on one instance can neither move nor remove the presence of someone on another', async () => {
    const { a, b, clients } = bed
    const boardId = await createBoard(a.url, owner.token, { title: 'Cursors' })
    const viewer = await joinAs(a.url, owner.token, boardId, 'viewer')
    const person = connectClient(a.url, boardId, owner.token)
    const observer = connectClient(a.url, boardId, owner.token)
    clients.push(person, observer)
    await Promise.all([person.synced, observer.synced])
    person.provider.awareness.setLocalStateField('cursor', { x: 1, y: 1 })
    const id = person.doc.clientID
    const cursorSeen = () => observer.provider.awareness.getStates().get(id)?.cursor as { x: number } | undefined
    await waitFor(() => cursorSeen()?.x === 1, 5000, 'the cursor on A')
    const roomOnB = await b.rooms.acquire(boardId)
    await waitFor(() => roomOnB.awareness.getStates().has(id), 5000, 'the cursor to reach B')

    const socket = await rawSocket(b.url, boardId, viewer.token)
    const clock = (roomOnB.awareness.meta.get(id)?.clock ?? 0) + 10
    const forged = (json: string, at: number) =>
      encodeAwarenessMessage(encodeAwarenessEntries([{ clientId: id, clock: at, json }]))
    socket.ws.send(forged(JSON.stringify({ cursor: { x: 999, y: 999 }, user: { name: 'Not me' } }), clock))
    socket.ws.send(forged('null', clock + 1))
    // the viewer's own presence, sent after: once it is on A, the forged messages had their turn
    const own = 4_242_424
    socket.ws.send(
      encodeAwarenessMessage(
        encodeAwarenessEntries([{ clientId: own, clock: 1, json: JSON.stringify({ cursor: { x: 5, y: 5 } }) }]),
      ),
    )
    await waitFor(() => observer.provider.awareness.getStates().has(own), 5000, "the viewer's own presence on A")
    expect(cursorSeen()).toEqual({ x: 1, y: 1 })
    expect(roomOnB.awareness.getStates().get(id)?.cursor).toEqual({ x: 1, y: 1 })
    socket.ws.close()
  })

  it('the login throttle counts failures from every instance in one budget', async () => {
    const { a, b } = bed
    const email = `throttle-${Date.now()}@example.test`
    const signed = await api(a.url, 'POST', '/api/auth/signup', {
      body: { email, password: 'a long enough secret 42', displayName: 'T' },
    })
    expect(signed.status).toBe(201)
    const attempt = (server: TestServer, password: string) =>
      api(server.url, 'POST', '/api/auth/login', { body: { email, password } })
    // five wrong passwords, alternating between the instances: each saw fewer than five
    for (const server of [a, b, a, b, a]) expect((await attempt(server, 'wrong password')).status).toBe(401)
    for (const server of [b, a]) {
      const refused = await attempt(server, 'a long enough secret 42')
      expect(refused.status).toBe(429)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    }
  })
})
