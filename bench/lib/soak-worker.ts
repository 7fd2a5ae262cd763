import type * as Y from 'yjs'
import { ELEMENTS_MAP } from '../../shared/schema/layout.ts'
import { nowMs } from './clock.ts'
import { BenchClient } from './yclient.ts'

// A process of soak clients (bench/soak.ts): participants of many boards, each a BenchClient
// with presence. Writers edit elements at a fixed rate (open loop: the edits due since the
// start are sent on every tick, whatever the server answers); everyone moves their cursor at a
// few Hz. Every edit carries its send time (CLOCK_MONOTONIC, one clock for every process), so
// receivers measure writer → receiver latency themselves; the parent collects it per window.

export interface SoakClientSpec {
  url: string
  /** the board's index in the run */
  board: number
  /** element edits per second this client writes (0: presence only) */
  rate: number
  /** cursor updates per second */
  presenceHz: number
  /** among the board's writers, which one this is: writers edit disjoint elements (no conflicting moves) */
  writer: number
  writers: number
}

export type SoakRequest =
  | { op: 'open'; clients: SoakClientSpec[] }
  /** clients opened and not started yet start writing and moving (every board's clients are open by then) */
  | { op: 'start' }
  | { op: 'window' }
  | { op: 'stop' }
  | { op: 'close' }

export interface SoakWindow {
  op: 'window'
  /** edits sent and observed by receivers since the last window */
  sent: number
  received: number
  /** receivers' latencies of this window (ms, two decimals) */
  latencies: number[]
  /** edits sent per board since the start (for the final count of what was lost) */
  sentByBoard: Record<number, number>
  /** edits observed per board since the start, summed over its receivers */
  receivedByBoard: Record<number, number>
  presenceSent: number
  /** socket errors and closes the worker did not ask for, since the start */
  errors: number
  disconnects: number
  /** this process's CPU share of one core in this window */
  cpuShare: number
  clients: number
}

export type SoakReply = { op: 'ok' } | { op: 'opened'; ms: number; failed: number } | SoakWindow

interface Participant {
  client: BenchClient
  spec: SoakClientSpec
  /** when this client started writing / moving its cursor (ms; 0: not yet) */
  startedAt: number
  edits: number
  moves: number
  elementIds: string[]
}

const TICK_MS = 20
const participants: Participant[] = []
let closing = false
let running = false
let sent = 0
let received = 0
let presenceSent = 0
let errors = 0
let disconnects = 0
let latencies: number[] = []
const sentByBoard: Record<number, number> = {}
const receivedByBoard: Record<number, number> = {}
let cpuStart = process.cpuUsage()
let wallStart = performance.now()

/** The send time an edit carries: a move puts it in `x` (a float, as a dragged position), a relabel in the label. */
const LABEL_PREFIX = 'Edited '
function stampOf(map: Y.Map<unknown>, keys: Set<string>): number | null {
  if (keys.has('x')) {
    const x = map.get('x')
    return typeof x === 'number' ? x : null
  }
  if (keys.has('label')) {
    const label = map.get('label')
    return typeof label === 'string' && label.startsWith(LABEL_PREFIX) ? Number(label.slice(LABEL_PREFIX.length)) : null
  }
  return null
}

function edit(p: Participant): void {
  const elements = p.client.doc.getMap<Y.Map<unknown>>(ELEMENTS_MAP)
  if (p.elementIds.length === 0)
    p.elementIds = [...elements.keys()]
      .sort()
      .filter((id, i) => elements.get(id)?.get('kind') !== 'link' && i % p.spec.writers === p.spec.writer)
  const id = p.elementIds[p.edits % p.elementIds.length]
  const element = id === undefined ? undefined : elements.get(id)
  if (!element) return
  const at = nowMs()
  // two moves to one relabel: what a workshop's edits mostly are
  if (p.edits % 3 === 2) element.set('label', `${LABEL_PREFIX}${at.toFixed(3)}`)
  else
    p.client.doc.transact(() => {
      element.set('x', at)
      element.set('y', 120 * (p.edits % 50))
    })
  p.edits++
  sent++
  sentByBoard[p.spec.board] = (sentByBoard[p.spec.board] ?? 0) + 1
}

function tick(): void {
  if (!running) return
  const now = nowMs()
  for (const p of participants) {
    if (!p.client.isSynced || p.startedAt === 0) continue
    const elapsed = (now - p.startedAt) / 1000
    const dueEdits = Math.floor(elapsed * p.spec.rate)
    while (p.edits < dueEdits) edit(p)
    const dueMoves = Math.floor(elapsed * p.spec.presenceHz)
    if (p.moves < dueMoves) {
      p.moves = dueMoves // a late cursor sends only where it is now
      p.client.setPresence({ cursor: { x: Math.round(Math.random() * 4000), y: Math.round(Math.random() * 2000) } })
      presenceSent++
    }
  }
}
setInterval(tick, TICK_MS)

function observe(p: Participant): void {
  p.client.doc.getMap<Y.Map<unknown>>(ELEMENTS_MAP).observeDeep((events) => {
    const t = nowMs()
    for (const event of events) {
      if (event.transaction.local || event.path.length !== 1) continue
      const stamp = stampOf(event.target as Y.Map<unknown>, (event as Y.YMapEvent<unknown>).keysChanged)
      if (stamp === null || !Number.isFinite(stamp)) continue
      received++
      receivedByBoard[p.spec.board] = (receivedByBoard[p.spec.board] ?? 0) + 1
      if (running) latencies.push(Math.round((t - stamp) * 100) / 100)
    }
  })
  p.client.ws.on('error', () => {
    if (!closing) errors++
  })
  p.client.ws.on('close', () => {
    if (!closing) disconnects++
  })
}

async function handle(request: SoakRequest): Promise<SoakReply> {
  switch (request.op) {
    case 'open': {
      const started = nowMs()
      const opened = request.clients.map((spec) => {
        const client = new BenchClient({ url: spec.url, framing: 'y-websocket', docName: String(spec.board), presence: true })
        const p: Participant = { client, spec, startedAt: 0, edits: 0, moves: 0, elementIds: [] }
        observe(p)
        return p
      })
      participants.push(...opened)
      const results = await Promise.allSettled(opened.map((p) => p.client.synced))
      return { op: 'opened', ms: nowMs() - started, failed: results.filter((r) => r.status === 'rejected').length }
    }
    case 'start': {
      const t = nowMs()
      // spread the writers' phases over a second
      for (const p of participants) if (p.startedAt === 0) p.startedAt = t + Math.random() * 1000
      running = true
      return { op: 'ok' }
    }
    case 'window': {
      const cpu = process.cpuUsage(cpuStart)
      const wall = performance.now() - wallStart
      const reply: SoakWindow = {
        op: 'window',
        sent,
        received,
        latencies,
        sentByBoard,
        receivedByBoard,
        presenceSent,
        errors,
        disconnects,
        cpuShare: Math.round(((cpu.user + cpu.system) / 1000 / wall) * 100) / 100,
        clients: participants.length,
      }
      sent = 0
      received = 0
      presenceSent = 0
      latencies = []
      cpuStart = process.cpuUsage()
      wallStart = performance.now()
      return reply
    }
    case 'stop':
      running = false
      return { op: 'ok' }
    case 'close':
      closing = true
      running = false
      for (const p of participants.splice(0)) p.client.destroy()
      return { op: 'ok' }
  }
}

process.on('message', (message: { id: number; request: SoakRequest }) => {
  handle(message.request).then(
    (reply) => process.send?.({ id: message.id, reply }),
    (error: unknown) => process.send?.({ id: message.id, error: String(error) }),
  )
})
process.on('disconnect', () => process.exit(0))
process.send?.({ event: 'ready' })
