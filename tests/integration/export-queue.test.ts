import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultRenderQueueLimits } from '../../server/export/render/render-queue.ts'
import { textileMillDocument } from '../../shared/demo/textile-mill.ts'
import { type Account, createBoard, signup } from '../helpers/api.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

let server: TestServer
let alice: Account
let bob: Account
let aliceBoard: string
let bobBoard: string

beforeAll(async () => {
  server = await startTestServer()
  alice = await signup(server.url, 'Alice')
  bob = await signup(server.url, 'Bob')
  // Alice's exports are the demo board at the default scale (a second or so each); Bob's is small
  aliceBoard = await createBoard(server.url, alice.token, { title: 'Textile mill', content: textileMillDocument })
  bobBoard = await createBoard(server.url, bob.token, { title: 'Small' })
})
afterAll(() => server.stop())

interface Answer {
  status: number
  retryAfter: string | null
  body: { error?: { code: string; message: string } } | null
}

async function exportPicture(token: string, boardId: string, format = 'png', query = ''): Promise<Answer> {
  const res = await fetch(`${server.url}/api/boards/${boardId}/export/${format}${query}`, {
    headers: { authorization: `Bearer ${token}` },
  })
  const type = res.headers.get('content-type') ?? ''
  const text = await res.text()
  const body = type.startsWith('application/json') ? (JSON.parse(text) as Answer['body']) : null
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body }
}

describe('picture exports are queued fairly per user', () => {
  it('one user’s burst is bounded (429 + Retry-After) and another user’s export overtakes it', async () => {
    const { perUser } = defaultRenderQueueLimits
    const burst = 12
    const finished: string[] = []
    let refusedCount = 0
    let allRefused: () => void = () => {}
    const refusalsIn = new Promise<void>((resolve) => {
      allRefused = resolve
    })

    const aliceAnswers = Array.from({ length: burst }, (_, i) =>
      exportPicture(alice.token, aliceBoard).then((answer) => {
        if (answer.status === 200) finished.push(`alice-${i}`)
        else if (++refusedCount === burst - perUser) allRefused()
        return answer
      }),
    )
    // Alice's refusals come back once her `perUser` renders were admitted: now Bob asks for one
    await refusalsIn
    const bobAnswer = exportPicture(bob.token, bobBoard, 'png', '?scale=1').then((answer) => {
      finished.push('bob')
      return answer
    })
    const answers = await Promise.all(aliceAnswers)

    const ok = answers.filter((a) => a.status === 200)
    const refused = answers.filter((a) => a.status !== 200)
    expect(ok).toHaveLength(perUser)
    expect(refused).toHaveLength(burst - perUser)
    for (const answer of refused) {
      expect(answer.status).toBe(429)
      expect(answer.body?.error?.code).toBe('too_many_requests')
      expect(answer.body?.error?.message).toMatch(/exports waiting or running/)
      expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1)
      expect(Number.isInteger(Number(answer.retryAfter))).toBe(true)
    }
    expect((await bobAnswer).status).toBe(200)
    // Bob waited for at most the render that was running when he asked: he finished before
    // most of Alice's admitted exports
    const bobAt = finished.indexOf('bob')
    expect(bobAt).toBeLessThanOrEqual(1)
    expect(finished.length - bobAt - 1).toBeGreaterThanOrEqual(perUser - 1)

    // the bound is on renders in flight, not a rate: once hers are done Alice may export again
    expect((await exportPicture(alice.token, aliceBoard, 'png', '?scale=0.25')).status).toBe(200)
  })

  it('counts the PDF in the same bound as pictures', async () => {
    const { perUser } = defaultRenderQueueLimits
    const answers = await Promise.all([
      ...Array.from({ length: perUser }, () => exportPicture(alice.token, aliceBoard, 'pdf')),
      exportPicture(alice.token, aliceBoard, 'png'),
    ])
    // which of the four was refused depends on arrival; exactly one was
    expect(answers.map((a) => a.status).sort()).toEqual([...Array(perUser).fill(200), 429])
    // svg is written on the main thread and is not queued
    expect((await exportPicture(alice.token, aliceBoard, 'svg')).status).toBe(200)
  })
})
