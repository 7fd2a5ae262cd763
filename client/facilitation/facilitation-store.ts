import { type Accessor, createEffect, createSignal, on, onCleanup } from 'solid-js'
import type * as Y from 'yjs'
import type { FacilitationCommand } from '../../shared/facilitation/commands.ts'
import {
  type FacilitationState,
  getFacilitation,
  readFacilitation,
  remainingMs,
  type Vote,
} from '../../shared/facilitation/state.ts'
import { request } from '../api.ts'

/** What `GET/POST /api/boards/:id/facilitation` and `PUT …/vote` answer (CONTRACT.md). */
interface FacilitationAnswer {
  facilitation: Omit<FacilitationState, 'vote'> & { serverTime: number; vote: (Vote & { myDots: Record<string, number> }) | null }
}

export interface Facilitation {
  /** the shared state, as the board document holds it (written by the server alone) */
  readonly state: Accessor<FacilitationState>
  /** server time now (ms since the epoch), from this machine's clock corrected by the server's */
  serverNow(): number
  /** the timer's remaining ms, ticking while it runs */
  readonly remaining: Accessor<number>
  /** this person's dots in the open vote (nobody else's ever reaches this client) */
  readonly myDots: Accessor<Readonly<Record<string, number>>>
  /** Sends a facilitator's command; rejects with ApiError (403, 400, 409) */
  command(command: FacilitationCommand): Promise<void>
  /** Replaces this person's ballot in the open vote; rejects with ApiError */
  vote(dots: Record<string, number>): Promise<void>
  /** Reads the state again (clock offset and own dots), e.g. after a reconnect */
  refresh(): Promise<void>
}

const TICK_MS = 250

/**
 * The client side of facilitation for one open board: the state from the document, the
 * server's clock (every answer carries `serverTime`; the offset is taken from the fastest
 * round trip so far), this person's own dots, and the commands. Call inside a reactive owner.
 */
export function createFacilitation(doc: Y.Doc, boardId: string): Facilitation {
  const map = getFacilitation(doc)
  const [state, setState] = createSignal<FacilitationState>(readFacilitation(doc), { equals: false })
  const onChange = () => setState(readFacilitation(doc))
  map.observe(onChange)
  onCleanup(() => map.unobserve(onChange))

  let offset = 0
  let bestRoundTrip = Number.POSITIVE_INFINITY
  const serverNow = () => Date.now() + offset
  const [myDots, setMyDots] = createSignal<Readonly<Record<string, number>>>({})
  const path = `/api/boards/${encodeURIComponent(boardId)}`

  const take = (answer: FacilitationAnswer, sentAt: number) => {
    const receivedAt = Date.now()
    const roundTrip = receivedAt - sentAt
    // the answer was made about halfway through the round trip; the quickest trip is the surest
    if (roundTrip <= bestRoundTrip) {
      bestRoundTrip = roundTrip
      offset = answer.facilitation.serverTime + roundTrip / 2 - receivedAt
    }
    setMyDots(answer.facilitation.vote?.open ? answer.facilitation.vote.myDots : {})
  }
  const send = async (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) => {
    const sentAt = Date.now()
    take(await request<FacilitationAnswer>(method, url, body), sentAt)
  }

  const [now, setNow] = createSignal(serverNow())
  const ticker = setInterval(() => {
    if (state().timer.running) setNow(serverNow())
  }, TICK_MS)
  onCleanup(() => clearInterval(ticker))
  const remaining = () => {
    now()
    return remainingMs(state().timer, serverNow())
  }

  const facilitation: Facilitation = {
    state,
    serverNow,
    remaining,
    myDots,
    command: (command) => send('POST', `${path}/facilitation`, command),
    vote: (dots) => send('PUT', `${path}/vote`, { dots }),
    refresh: () => send('GET', `${path}/facilitation`),
  }
  // a new vote (or none): this person's dots are read again
  createEffect(
    on(
      () => state().vote?.id ?? null,
      () => void facilitation.refresh().catch(() => undefined),
    ),
  )
  return facilitation
}
