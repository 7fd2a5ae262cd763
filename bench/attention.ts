import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import { nowMs, sleep } from './lib/clock.ts'
import {
  facilitationCommand as command,
  joinParticipants,
  LOOP_BLOCK_LIMIT_MS,
  loopBlockRow,
  SEE_COMMAND_P99_LIMIT_MS,
  syncUrl,
  whenEach,
} from './lib/facilitation.ts'
import type { LoopDelayReading } from './lib/server-control.ts'
import { type Percentiles, percentiles, round2 } from './lib/stats.ts'
import { startRefreshBoard } from './lib/targets.ts'
import { BenchClient } from './lib/yclient.ts'

/**
 * Attention at workshop scale (issue 13): N participants, each with a y-websocket connection
 * (and a presence) on one board, as in a live workshop.
 * - summon: from the facilitator's `POST …/facilitation {command: 'summon'}` being sent until
 *   each participant's document holds the new summon id (what moves their view);
 * - step change: the same for `agenda.go` (everyone's view follows the step's frame);
 * - presenter's view: a presenter's awareness `view` (what followers mirror) until each
 *   participant's connection has received it.
 * Per round, the server's event-loop delay (perf_hooks, inside bench/rb-server.ts) is read too.
 */

export interface AttentionBenchOptions {
  clients: number
  rounds: number
  /** pause between rounds, so that rounds do not queue behind each other */
  gapMs?: number
  cpuProfDir?: string
}

export interface AttentionRow extends Partial<Percentiles> {
  clients: number
  measure: string
  /** the limit this measure is held to, and the measured value (p99, or max for the loop) over it */
  limitMs?: number
  ofLimit?: number
}

const MessageType = { Awareness: 1 } as const

/** The `view.x` values each client's socket receives in awareness messages, as they arrive. */
function watchViews(client: BenchClient, onView: (x: number) => void): () => void {
  const onMessage = (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
    if (decoding.readVarUint(decoder) !== MessageType.Awareness) return
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
    const count = decoding.readVarUint(update)
    for (let i = 0; i < count; i++) {
      decoding.readVarUint(update) // client id
      decoding.readVarUint(update) // clock
      const state = JSON.parse(decoding.readVarString(update)) as { view?: { x?: unknown } } | null
      if (typeof state?.view?.x === 'number') onView(state.view.x)
    }
  }
  client.ws.on('message', onMessage)
  return () => client.ws.off('message', onMessage)
}

const summonOf = (client: BenchClient) =>
  (client.doc.getMap('facilitation').get('summon') as { id?: string } | null | undefined)?.id ?? null
const stepOf = (client: BenchClient) =>
  (client.doc.getMap('facilitation').get('agenda') as { current?: number | null } | undefined)?.current ?? null

export async function attentionSection(options: AttentionBenchOptions): Promise<AttentionRow[]> {
  const server = await startRefreshBoard({ cpuProfDir: options.cpuProfDir })
  const clients: BenchClient[] = []
  let presenter: BenchClient | null = null
  const gapMs = options.gapMs ?? 50
  const waitMs = 10_000
  try {
    // the owner facilitates; the participants are editors, each with their own account
    const board = await server.newBoard()
    const boardId = board.docName
    clients.push(...(await joinParticipants(server, board, options.clients, { presence: true })).clients)
    presenter = new BenchClient({
      url: syncUrl(server, boardId, board.token),
      framing: 'y-websocket',
      docName: boardId,
      token: board.token,
    })
    await Promise.all([...clients, presenter].map((c) => c.synced))
    await command(server, board.token, boardId, {
      command: 'agenda.set',
      steps: [
        { id: 'intro', title: 'Introduction' },
        { id: 'ideas', title: 'Ideas for the hall' },
      ],
    })
    await whenEach(
      clients,
      (c) => Array.isArray((c.doc.getMap('facilitation').get('agenda') as { steps?: unknown })?.steps),
      waitMs,
      'the agenda',
    )

    const summon: number[] = []
    const step: number[] = []
    const view: number[] = []
    const loop: LoopDelayReading[] = []

    // the presenter's awareness: a view rect that moves each round
    const awareness = new awarenessProtocol.Awareness(presenter.doc)
    const publishView = (x: number) => {
      awareness.setLocalState({ user: { name: 'Presenter', color: '#9b3426' }, view: { x, y: 0, w: 1600, h: 1000 } })
      const e = encoding.createEncoder()
      encoding.writeVarUint(e, MessageType.Awareness)
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [presenter?.doc.clientID ?? 0]))
      presenter?.send(encoding.toUint8Array(e))
    }

    // two warm-up rounds: the server compiles the command paths on first use
    for (let round = -2; round < options.rounds; round++) {
      const measured = round >= 0
      await server.control({ op: 'loop-delay', action: 'start' })

      // summon
      const before = summonOf(clients[0] as BenchClient)
      const seenSummon = whenEach(clients, (c) => summonOf(c) !== before && summonOf(c) !== null, waitMs, 'the summon')
      const summonSent = nowMs()
      await command(server, board.token, boardId, { command: 'summon', rect: { x: round * 100, y: 0, w: 1600, h: 1000 } })
      for (const at of await seenSummon) if (measured) summon.push(at - summonSent)
      await sleep(gapMs)

      // step change
      const next = (stepOf(clients[0] as BenchClient) ?? 1) === 0 ? 1 : 0
      const seenStep = whenEach(clients, (c) => stepOf(c) === next, waitMs, 'the step change')
      const stepSent = nowMs()
      await command(server, board.token, boardId, { command: 'agenda.go', index: next })
      for (const at of await seenStep) if (measured) step.push(at - stepSent)
      await sleep(gapMs)

      // presenter's view
      const x = 10_000 + round
      const stops: Array<() => void> = []
      const seenView = Promise.all(
        clients.map(
          (client) =>
            new Promise<number>((resolve, reject) => {
              const timer = setTimeout(() => reject(new Error('timed out waiting for the presenter’s view')), waitMs)
              stops.push(
                watchViews(client, (got) => {
                  if (got !== x) return
                  clearTimeout(timer)
                  resolve(nowMs())
                }),
              )
            }),
        ),
      )
      const viewSent = nowMs()
      publishView(x)
      try {
        for (const at of await seenView) if (measured) view.push(at - viewSent)
      } finally {
        for (const stop of stops) stop()
      }

      const delay = await server.control<LoopDelayReading>({ op: 'loop-delay', action: 'read' })
      if (measured) loop.push(delay)
      await sleep(gapMs)
    }
    awareness.destroy()

    const row = (measure: string, values: number[], limitMs?: number): AttentionRow => {
      const p = percentiles(values)
      return {
        clients: options.clients,
        measure,
        ...p,
        ...(limitMs === undefined ? {} : { limitMs, ofLimit: round2(p.p99Ms / limitMs) }),
      }
    }
    const rows: AttentionRow[] = [
      row('summon sent → a participant has the new summon', summon, SEE_COMMAND_P99_LIMIT_MS),
      row('agenda.go sent → a participant has the new step', step, SEE_COMMAND_P99_LIMIT_MS),
      row('presenter’s view sent → a follower has it', view, SEE_COMMAND_P99_LIMIT_MS),
      { clients: options.clients, ...loopBlockRow(loop) },
    ]
    for (const r of rows)
      console.log(
        `attention ${r.measure.padEnd(50)} p50 ${r.p50Ms} ms  p99 ${r.p99Ms ?? '—'} ms  max ${r.maxMs} ms${
          r.ofLimit === undefined ? '' : `  (${r.ofLimit}× the ${r.limitMs} ms limit)`
        }`,
      )
    return rows
  } finally {
    for (const client of clients) client.destroy()
    presenter?.destroy()
    await server.stop()
  }
}

/** Issue 13's targets from the attention rows: a summon and a step change seen within 100 ms p99, no loop block over 20 ms. */
export function attentionTargets(rows: readonly AttentionRow[]) {
  const measured = rows.length > 0
  const seen = rows.filter((r) => r.limitMs === SEE_COMMAND_P99_LIMIT_MS)
  const loop = rows.find((r) => r.limitMs === LOOP_BLOCK_LIMIT_MS)
  const worst = seen.reduce((m, r) => Math.max(m, r.p99Ms ?? 0), 0)
  const n = rows[0]?.clients ?? 50
  return [
    {
      target: `a summon, a step change and a presenter's view reach ${n} participants within ${SEE_COMMAND_P99_LIMIT_MS} ms p99`,
      met: measured ? worst <= SEE_COMMAND_P99_LIMIT_MS : null,
      numbers: measured ? seen.map((r) => `${r.measure.split(' sent')[0]}: p99 ${r.p99Ms} ms`).join('; ') : 'not measured',
    },
    {
      target: `the server's event loop is never blocked over ${LOOP_BLOCK_LIMIT_MS} ms while a summon, a step change and a view reach ${n}`,
      met: loop ? (loop.maxMs ?? 0) <= LOOP_BLOCK_LIMIT_MS : null,
      numbers: loop ? `max ${loop.maxMs} ms` : 'not measured',
    },
  ]
}
