import * as decoding from 'lib0/decoding'
import { type Accessor, createSignal, getOwner, onCleanup } from 'solid-js'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { Role } from '../../shared/schema/roles.ts'
import { colorForUser } from './user-color.ts'

/**
 * What the header shows. `unauthorized` (close code 4401: no session) and `no_access` (4404:
 * the board does not exist or the session may not open it) are final: the provider stops
 * reconnecting and the board screen leaves the board.
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'unauthorized' | 'no_access'

/** The local user's presence, published as awareness state `{ user }` (the canvas adds `cursor` etc.). */
export interface PresenceUser {
  id: string
  name: string
  color: string
  role: Role
}

export interface Peer extends PresenceUser {
  /** Yjs client id of one of this person's connections. */
  clientId: number
  isSelf: boolean
}

export const CloseCode = { unauthorized: 4401, noAccess: 4404 } as const

/**
 * The server refused one of our document updates (y-protocols auth "permission denied"): we
 * are a viewer, or an editor touched a locked element. Our document has then diverged from the
 * server's; the board screen tells the person and resyncs from a fresh document.
 */
export interface Denial {
  kind: 'locked' | 'read_only' | 'other'
  reason: string
  /** increases with every denial, so two equal reasons are still two events */
  count: number
}

export function denialKind(reason: string): Denial['kind'] {
  if (/lock/i.test(reason)) return 'locked'
  if (/read-only|viewer/i.test(reason)) return 'read_only'
  return 'other'
}

const MESSAGE_AUTH = 2

export interface ConnectionOptions {
  /** Defaults to `ws(s)://<this host>/sync`; the browser sends the session cookie itself. */
  serverUrl?: string
  /** Session token for non-browser clients (tests); browsers rely on the cookie. */
  token?: string
  /** Keep a copy in IndexedDB so the board opens offline and survives a reload. Default: when available. */
  persist?: boolean
  WebSocketPolyfill?: typeof WebSocket
}

export interface BoardConnection {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  readonly status: Accessor<ConnectionStatus>
  /** Everyone connected to the board, one entry per person (several tabs count once), you first. */
  readonly presence: Accessor<Peer[]>
  /** True once the first sync with the server completed. */
  readonly synced: Accessor<boolean>
  /** The last time the server refused one of our updates, or null. */
  readonly denied: Accessor<Denial | null>
  /** Forgets this browser's offline copy (after a refused update, so a resync starts clean). */
  clearCache(): Promise<void>
  destroy(): void
}

export function syncServerUrl(location: Pick<Location, 'protocol' | 'host'> = globalThis.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`
}

function readPresenceUser(state: unknown): PresenceUser | null {
  if (typeof state !== 'object' || state === null || !('user' in state)) return null
  const user = state.user
  if (typeof user !== 'object' || user === null) return null
  const { id, name, color, role } = user as Record<string, unknown>
  if (typeof id !== 'string' || typeof name !== 'string') return null
  return {
    id,
    name,
    color: typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color) ? color : colorForUser(id),
    role: (typeof role === 'string' ? role : 'viewer') as Role,
  }
}

/** One entry per person: several tabs of one user collapse; the local connection wins. */
export function peersFromStates(states: Map<number, unknown>, selfClientId: number, selfUserId: string): Peer[] {
  const byUser = new Map<string, Peer>()
  for (const [clientId, state] of states) {
    const user = readPresenceUser(state)
    if (!user) continue
    const isSelf = clientId === selfClientId || user.id === selfUserId
    if (byUser.has(user.id) && clientId !== selfClientId) continue
    byUser.set(user.id, { ...user, clientId, isSelf })
  }
  return [...byUser.values()].sort((a, b) => (a.isSelf !== b.isSelf ? (a.isSelf ? -1 : 1) : a.name.localeCompare(b.name)))
}

/**
 * Opens a board: a Y.Doc synced with `/sync/<boardId>` through y-websocket, optionally cached
 * in IndexedDB, with presence through awareness. Exposes Solid signals; inside a reactive owner
 * it is destroyed with the owner.
 */
export function createBoardConnection(boardId: string, self: PresenceUser, options: ConnectionOptions = {}): BoardConnection {
  const doc = new Y.Doc()
  const persist = options.persist ?? typeof indexedDB !== 'undefined'
  const cache = persist ? new IndexeddbPersistence(`refresh-board:${boardId}`, doc) : null

  const provider = new WebsocketProvider(options.serverUrl ?? syncServerUrl(), boardId, doc, {
    params: options.token ? { token: options.token } : {},
    // The server is the only authority on roles: no tab-to-tab BroadcastChannel shortcut that
    // would let one tab's changes bypass the server's checks of another.
    disableBc: true,
    ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
  })

  const [status, setStatus] = createSignal<ConnectionStatus>('connecting')
  const [presence, setPresence] = createSignal<Peer[]>([])
  const [synced, setSynced] = createSignal(false)
  let hasConnected = false
  const isFinal = () => status() === 'unauthorized' || status() === 'no_access'
  const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false

  const onStatus = ({ status: next }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
    if (isFinal()) return
    if (next === 'connected') {
      hasConnected = true
      setStatus('connected')
    } else if (isOffline()) {
      setStatus('offline')
    } else {
      setStatus(hasConnected ? 'reconnecting' : 'connecting')
    }
  }
  const onClosed = ({ code }: { code: number }) => {
    if (code === CloseCode.unauthorized) setStatus('unauthorized')
    else if (code === CloseCode.noAccess) {
      setStatus('no_access')
      // Whatever this browser cached of a board it may no longer see goes too.
      void cache?.clearData()
    } else setStatus(hasConnected ? 'reconnecting' : 'connecting')
  }
  const onSync = (isSynced: boolean) => setSynced(isSynced)

  // y-websocket only logs a refusal; keep its handler (it reads the message) and tell the UI.
  const [denied, setDenied] = createSignal<Denial | null>(null)
  const handlers = provider.messageHandlers as unknown[] as Array<
    (
      encoder: unknown,
      decoder: { arr: Uint8Array; pos: number },
      provider: WebsocketProvider,
      emit: boolean,
      type: number,
    ) => void
  >
  const authHandler = handlers[MESSAGE_AUTH]
  handlers[MESSAGE_AUTH] = (encoder, decoder, p, emit, type) => {
    const start = decoder.pos
    let reason = ''
    try {
      // auth message: varuint 0 (permission denied) + varstring reason
      const d = decoding.createDecoder(decoder.arr.subarray(start))
      if (decoding.readVarUint(d) === 0) reason = decoding.readVarString(d)
    } catch {
      reason = ''
    }
    authHandler?.(encoder, decoder, p, emit, type)
    setDenied((previous) => ({ kind: denialKind(reason), reason, count: (previous?.count ?? 0) + 1 }))
  }

  const awareness = provider.awareness
  const onAwareness = () => setPresence(peersFromStates(awareness.getStates(), doc.clientID, self.id))
  awareness.on('change', onAwareness)
  awareness.setLocalStateField('user', self)

  const onOffline = () => {
    if (!isFinal()) setStatus('offline')
  }
  const onOnline = () => {
    if (isFinal()) return
    setStatus(hasConnected ? 'reconnecting' : 'connecting')
    // Do not wait for the backoff timer: try now.
    provider.disconnect()
    provider.connect()
  }
  provider.on('status', onStatus)
  provider.on('closed', onClosed)
  provider.on('sync', onSync)
  globalThis.addEventListener?.('offline', onOffline)
  globalThis.addEventListener?.('online', onOnline)
  if (isOffline()) setStatus('offline')

  let destroyed = false
  const destroy = () => {
    if (destroyed) return
    destroyed = true
    globalThis.removeEventListener?.('offline', onOffline)
    globalThis.removeEventListener?.('online', onOnline)
    awareness.off('change', onAwareness)
    provider.off('status', onStatus)
    provider.off('closed', onClosed)
    provider.off('sync', onSync)
    // Tell the others we left at once instead of letting our presence time out.
    awareness.setLocalState(null)
    provider.destroy()
    void cache?.destroy()
    doc.destroy()
  }
  if (getOwner()) onCleanup(destroy)
  onAwareness()

  const clearCache = async () => {
    await cache?.clearData()
  }

  return { doc, provider, status, presence, synced, denied, clearCache, destroy }
}
