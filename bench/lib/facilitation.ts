import { type Account, api, joinAs } from '../../tests/helpers/api.ts'
import { nowMs } from './clock.ts'
import type { LoopDelayReading } from './server-control.ts'
import { percentiles, round2 } from './stats.ts'
import type { RefreshBoardTarget } from './targets.ts'
import { BenchClient } from './yclient.ts'

/**
 * What the workshop benches (bench/vote.ts, bench/attention.ts) share: N participants on one
 * board, the facilitator's commands, the wait until each participant's document shows a change,
 * and the event-loop row held to issue 13's limit.
 */

/** the targets of issue 13 */
export const SEE_COMMAND_P99_LIMIT_MS = 100
export const LOOP_BLOCK_LIMIT_MS = 20

/**
 * `count` editors, each with their own account and a y-websocket connection to the board
 * (with a presence when `presence` is set), not yet synced.
 */
export async function joinParticipants(
  server: RefreshBoardTarget,
  board: { docName: string; token: string },
  count: number,
  options: { presence?: boolean } = {},
): Promise<{ people: Account[]; clients: BenchClient[] }> {
  const boardId = board.docName
  const people: Account[] = []
  for (let i = 0; i < count; i++)
    people.push(await joinAs(server.httpUrl, board.token, boardId, 'editor', `Participant ${i + 1}`))
  const clients = people.map(
    (person) =>
      new BenchClient({
        url: syncUrl(server, boardId, person.token),
        framing: 'y-websocket',
        docName: boardId,
        token: person.token,
        presence: options.presence ?? false,
      }),
  )
  return { people, clients }
}

/** The board's y-websocket address for a token. */
export const syncUrl = (server: RefreshBoardTarget, boardId: string, token: string) =>
  `${server.httpUrl.replace(/^http/, 'ws')}/sync/${boardId}?token=${encodeURIComponent(token)}`

/** Resolves with the time each client first satisfies `check`, re-checked on every change of its facilitation map. */
export function whenEach(
  clients: readonly BenchClient[],
  check: (client: BenchClient) => boolean,
  timeoutMs: number,
  what: string,
) {
  return Promise.all(
    clients.map(
      (client) =>
        new Promise<number>((resolve, reject) => {
          const map = client.doc.getMap('facilitation')
          const done = () => {
            if (!check(client)) return false
            map.unobserve(onChange)
            clearTimeout(timer)
            resolve(nowMs())
            return true
          }
          const onChange = () => void done()
          const timer = setTimeout(() => {
            map.unobserve(onChange)
            reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))
          }, timeoutMs)
          if (!done()) map.observe(onChange)
        }),
    ),
  )
}

/** A facilitator's command (`POST …/facilitation`); answers the facilitation state after it. */
export async function facilitationCommand<State = unknown>(
  server: RefreshBoardTarget,
  token: string,
  boardId: string,
  body: Record<string, unknown>,
): Promise<State> {
  const res = await api<{ facilitation: State }>(server.httpUrl, 'POST', `/api/boards/${boardId}/facilitation`, {
    token,
    body,
  })
  if (res.status !== 200) throw new Error(`${String(body.command)}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.facilitation
}

/** The server's event loop over the rounds: its longest block, held to LOOP_BLOCK_LIMIT_MS. */
export function loopBlockRow(loop: readonly LoopDelayReading[]) {
  const loopMax = Math.max(...loop.map((l) => l.maxMs))
  return {
    measure: 'server event loop: longest block in a round',
    samples: loop.length,
    p50Ms: percentiles(loop.map((l) => l.maxMs)).p50Ms,
    maxMs: loopMax,
    limitMs: LOOP_BLOCK_LIMIT_MS,
    ofLimit: round2(loopMax / LOOP_BLOCK_LIMIT_MS),
  }
}
