import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { api } from '../tests/helpers/api.ts'
import { nowMs } from './lib/clock.ts'
import {
  facilitationCommand,
  joinParticipants,
  LOOP_BLOCK_LIMIT_MS,
  loopBlockRow,
  SEE_COMMAND_P99_LIMIT_MS,
  whenEach,
} from './lib/facilitation.ts'
import type { LoopDelayReading } from './lib/server-control.ts'
import { type Percentiles, percentiles, round2 } from './lib/stats.ts'
import { type RefreshBoardTarget, startRefreshBoard } from './lib/targets.ts'
import type { BenchClient } from './lib/yclient.ts'

/**
 * "50 participants placing their dots in the same second" (issue 13): N editors, each with a
 * y-websocket connection to the board as in a live workshop, PUT their ballot at once right
 * after a facilitator's `vote.open`; we time until every participant's document shows all N
 * ballots counted (`vote.voters`), then `vote.close` until every participant sees the ranking,
 * and check that its totals are the dots placed. The server's own event-loop delay
 * (perf_hooks, inside bench/rb-server.ts) is read over each round.
 */

export interface VoteBenchOptions {
  participants: number
  rounds: number
  /** notes on the board, all in the vote */
  elements: number
  dotsPerPerson: number
  maxPerElement: number
  storages: Array<'memory' | 'fs'>
  cpuProfDir?: string
}

export interface VoteRow extends Partial<Percentiles> {
  storage: 'memory' | 'fs'
  participants: number
  measure: string
  /** the limit this measure is held to, and the measured value (p99, or max for the loop) over it */
  limitMs?: number
  ofLimit?: number
  /** the machine's 1-minute load average after the rounds: the loop's delay counts time the OS gave the server no core */
  load1m?: number
}

/** A small deterministic PRNG (mulberry32): the same ballots every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A ballot of exactly `dots` dots, at most `max` on one element. */
function randomBallot(ids: readonly string[], dots: number, max: number, random: () => number): Record<string, number> {
  const ballot: Record<string, number> = {}
  let left = Math.min(dots, ids.length * max)
  while (left > 0) {
    const id = ids[Math.floor(random() * ids.length)] as string
    if ((ballot[id] ?? 0) >= max) continue
    ballot[id] = (ballot[id] ?? 0) + 1
    left--
  }
  return ballot
}

interface VoteValue {
  id: string
  open: boolean
  voters: number
  results: Array<{ elementId: string; dots: number }> | null
}

const voteOf = (client: BenchClient): VoteValue | null =>
  (client.doc.getMap('facilitation').get('vote') as VoteValue | null | undefined) ?? null

/** The time each client first satisfies `check` on its vote, ms on the bench clock. */
const whenVote = (clients: readonly BenchClient[], check: (vote: VoteValue | null) => boolean, timeoutMs: number, what: string) =>
  whenEach(clients, (client) => check(voteOf(client)), timeoutMs, what)

const command = (server: RefreshBoardTarget, token: string, boardId: string, body: Record<string, unknown>) =>
  facilitationCommand<{ vote: VoteValue | null }>(server, token, boardId, body)

async function oneStorage(storage: 'memory' | 'fs', options: VoteBenchOptions): Promise<VoteRow[]> {
  const dataDir = storage === 'fs' ? mkdtempSync(path.join(tmpdir(), 'rb-bench-vote-')) : null
  const server = await startRefreshBoard({
    env: { STORAGE_URL: dataDir ? `fs:${dataDir}` : 'memory:' },
    cpuProfDir: options.cpuProfDir,
  })
  const clients: BenchClient[] = []
  try {
    const ids = Array.from({ length: options.elements }, (_, i) => `n${i}`)
    const board = await server.newBoard({
      format: 'refresh-board',
      version: 1,
      board: { id: 'vote-bench', title: 'Vote bench' },
      elements: ids.map((id, i) => ({
        id,
        kind: 'note',
        x: (i % 10) * 200,
        y: Math.floor(i / 10) * 200,
        w: 160,
        h: 160,
        label: `Idea ${i + 1}`,
        color: 'yellow',
      })),
    })
    const boardId = board.docName
    const { people, clients: joined } = await joinParticipants(server, board, options.participants)
    clients.push(...joined)
    await Promise.all(clients.map((c) => c.synced))

    const random = seeded(13)
    const seeOpen: number[] = []
    const putMs: number[] = []
    const seeCounted: number[] = []
    const allCounted: number[] = []
    const seeResults: number[] = []
    const loop: LoopDelayReading[] = []
    const waitMs = 30_000
    // one warm-up round first: the server compiles the modules of the vote path on first use
    for (let round = -1; round < options.rounds; round++) {
      const measured = round >= 0
      await server.control({ op: 'loop-delay', action: 'start' })
      // the facilitator opens a vote; every participant sees it
      const before = voteOf(clients[0] as BenchClient)?.id
      const opened = whenVote(clients, (v) => v?.open === true && v.id !== before, waitMs, 'the vote to open')
      const openSent = nowMs()
      const { vote } = await command(server, board.token, boardId, {
        command: 'vote.open',
        kind: 'note',
        dotsPerPerson: options.dotsPerPerson,
        maxPerElement: options.maxPerElement,
      })
      for (const t of await opened) if (measured) seeOpen.push(t - openSent)
      if (!vote) throw new Error('vote.open answered without a vote')

      // everyone places their dots at once
      const ballots = people.map(() => randomBallot(ids, options.dotsPerPerson, options.maxPerElement, random))
      const placed = ballots.reduce((sum, b) => sum + Object.values(b).reduce((s, n) => s + n, 0), 0)
      const counted = whenVote(
        clients,
        (v) => v?.id === vote.id && v.voters === options.participants,
        waitMs,
        `${options.participants} ballots counted`,
      )
      const burst = nowMs()
      await Promise.all(
        people.map(async (person, i) => {
          const sent = nowMs()
          const res = await api(server.httpUrl, 'PUT', `/api/boards/${boardId}/vote`, {
            token: person.token,
            body: { dots: ballots[i] },
          })
          if (res.status !== 200) throw new Error(`PUT /vote: ${res.status} ${JSON.stringify(res.body)}`)
          if (measured) putMs.push(nowMs() - sent)
        }),
      )
      const countedAt = await counted
      if (measured) {
        for (const t of countedAt) seeCounted.push(t - burst)
        allCounted.push(Math.max(...countedAt) - burst)
      }

      // the facilitator closes it; every participant sees the ranking, whose totals are the dots placed
      const closed = whenVote(clients, (v) => v?.id === vote.id && !v.open && v.results !== null, waitMs, 'the results')
      const closeSent = nowMs()
      await command(server, board.token, boardId, { command: 'vote.close' })
      for (const t of await closed) if (measured) seeResults.push(t - closeSent)
      for (const client of clients) {
        const total = (voteOf(client)?.results ?? []).reduce((sum, r) => sum + r.dots, 0)
        if (total !== placed) throw new Error(`vote.close: the results hold ${total} dots, ${placed} were placed`)
      }
      const delay = await server.control<LoopDelayReading>({ op: 'loop-delay', action: 'read' })
      if (measured) loop.push(delay)
    }

    const row = (measure: string, values: number[], limitMs?: number): VoteRow => {
      const p = percentiles(values)
      return {
        storage,
        participants: options.participants,
        measure,
        ...p,
        ...(limitMs === undefined ? {} : { limitMs, ofLimit: round2(p.p99Ms / limitMs) }),
      }
    }
    const rows: VoteRow[] = [
      row('vote.open sent → a participant sees the vote', seeOpen, SEE_COMMAND_P99_LIMIT_MS),
      row('ballot PUT → its 200', putMs),
      row('burst start → a participant sees every ballot counted', seeCounted),
      row('burst start → every participant sees every ballot counted', allCounted),
      row('vote.close sent → a participant sees the ranking', seeResults, SEE_COMMAND_P99_LIMIT_MS),
      {
        storage,
        participants: options.participants,
        ...loopBlockRow(loop),
        load1m: round2(loadavg()[0] ?? Number.NaN),
      },
      row(
        `server CPU per round (vote.open, ${options.participants} ballots, vote.close)`,
        loop.map((l) => l.cpuMs),
      ),
    ]
    for (const r of rows)
      console.log(
        `vote ${storage.padEnd(6)} ${r.measure.padEnd(58)} p50 ${r.p50Ms} ms  p99 ${r.p99Ms ?? '—'} ms  max ${r.maxMs} ms${
          r.ofLimit === undefined ? '' : `  (${r.ofLimit}× the ${r.limitMs} ms limit)`
        }`,
      )
    return rows
  } finally {
    for (const client of clients) client.destroy()
    await server.stop()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  }
}

/** The vote bench on each storage in turn (memory: the floor; fs: what `npm start` uses). */
export async function voteSection(options: VoteBenchOptions): Promise<VoteRow[]> {
  const rows: VoteRow[] = []
  for (const storage of options.storages) rows.push(...(await oneStorage(storage, options)))
  return rows
}

/** Issue 13's targets from the vote rows: a facilitator's command seen within 100 ms p99, no loop block over 20 ms. */
export function voteTargets(rows: readonly VoteRow[]) {
  const measured = rows.length > 0
  const seen = rows.filter((r) => r.limitMs === SEE_COMMAND_P99_LIMIT_MS)
  const loops = rows.filter((r) => r.limitMs === LOOP_BLOCK_LIMIT_MS)
  const worst = seen.reduce((m, r) => Math.max(m, r.p99Ms ?? 0), 0)
  const worstLoop = loops.reduce((m, r) => Math.max(m, r.maxMs ?? 0), 0)
  const n = rows[0]?.participants
  return [
    {
      target: `a participant sees a facilitator's vote command within ${SEE_COMMAND_P99_LIMIT_MS} ms p99 (${n ?? 50} voting)`,
      met: measured ? worst <= SEE_COMMAND_P99_LIMIT_MS : null,
      numbers: measured
        ? seen.map((r) => `${r.storage} ${r.measure.split(' ')[0]}: p99 ${r.p99Ms} ms`).join('; ')
        : 'not measured',
    },
    {
      target: `the server's event loop is never blocked over ${LOOP_BLOCK_LIMIT_MS} ms while ${n ?? 50} place their dots`,
      met: measured ? worstLoop <= LOOP_BLOCK_LIMIT_MS : null,
      numbers: measured ? loops.map((r) => `${r.storage}: max ${r.maxMs} ms`).join('; ') : 'not measured',
    },
  ]
}
