import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { type Accessor, createSignal, getOwner, onCleanup } from 'solid-js'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as syncProtocol from 'y-protocols/sync'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { type RefusalCode, refusalCodeOf } from '../../shared/rules/refusals.ts'
import { Role } from '../../shared/schema/roles.ts'
import { keepPresenceColorDistinct } from './presence-color.ts'
import { colorForUser } from './user-color.ts'

/**
 * What the header shows. The last four are final — the provider stops reconnecting and the
 * board screen takes over: `unauthorized` (close code 4401: no session, or it ended),
 * `no_access` (4404: the board does not exist or the session may not open it), `removed`
 * (4403: a facilitator removed this person while connected) and `rejected` (4400: the server
 * took one of our updates for a forgery; only a fresh document and cache can continue).
 * `limited` (4429: too many connections from this address or to this board, or too many
 * updates) is not final: the provider tries again after a pause that grows (LIMITED_RETRY_MS).
 */
export type ConnectionStatus =
  | 'connecting'
  | 'connected'
  | 'reconnecting'
  | 'limited'
  | 'offline'
  | 'unauthorized'
  | 'no_access'
  | 'removed'
  | 'rejected'

const finalStatuses: ReadonlySet<ConnectionStatus> = new Set(['unauthorized', 'no_access', 'removed', 'rejected'])

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

/** Close codes of the sync endpoint (CONTRACT.md) and what each leaves the connection in. */
export const CloseCode = { forgery: 4400, unauthorized: 4401, removed: 4403, noAccess: 4404, limited: 4429 } as const

/**
 * After a 4429 close the next try waits this long, doubled with every further 4429 before a
 * sync (at most LIMITED_RETRY_MAX_MS), each wait between half and all of it: a full board or a
 * crowded address is not asked again in a hot loop, and many tabs do not come back at once.
 */
const LIMITED_RETRY_MS = 5_000
const LIMITED_RETRY_MAX_MS = 60_000

/** How long to wait after the `closes`-th 4429 in a row (1, 2, …), given a random number in [0, 1). */
export function limitedRetryDelay(closes: number, random: number = Math.random()): number {
  const full = Math.min(LIMITED_RETRY_MAX_MS, LIMITED_RETRY_MS * 2 ** Math.max(0, closes - 1))
  return Math.round(full * (0.5 + random / 2))
}

const statusOfClose: ReadonlyMap<number, ConnectionStatus> = new Map([
  [CloseCode.forgery, 'rejected'],
  [CloseCode.unauthorized, 'unauthorized'],
  [CloseCode.removed, 'removed'],
  [CloseCode.noAccess, 'no_access'],
])

/** The final status a close code puts the connection in, or null when reconnecting may help. */
export const finalStatusOfClose = (code: number): ConnectionStatus | null => statusOfClose.get(code) ?? null

/**
 * The server refused (part of) one of our document updates (y-protocols auth "permission
 * denied"). An editor's update was applied and the refused part undone at once by the server
 * (its compensation reaches us as an ordinary update, so our document converges by itself);
 * this is only for telling the person why. A viewer's (or reviewer's) update is dropped instead:
 * the UI sends none, but one in flight when a facilitator lowered the role stays in this copy
 * alone until the board is reopened (the server asks for it again if the role allows writing
 * later).
 */
export interface Denial {
  /** the refusal code the reason starts with (`shared/rules/refusals.ts`), null for an older server's text */
  code: RefusalCode | null
  reason: string
  /** increases with every denial, so two equal reasons are still two events */
  count: number
}

const MESSAGE_SYNC = 0
/** How long a socket that lived through going offline has to answer before it is replaced. */
const ONLINE_PROBE_TIMEOUT_MS = 3000
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
  /**
   * This person's role as the server last stamped it on our own presence (it changes while
   * connected when a facilitator changes it), else the role the board was opened with.
   */
  readonly role: Accessor<Role>
  /** Forgets this browser's offline copy (after a forgery close, so a fresh start is clean). */
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

/** The role the server stamped on an awareness state (`user.role`), when it is a known one. */
export function stampedRole(state: unknown): Role | null {
  if (typeof state !== 'object' || state === null || !('user' in state)) return null
  const user = state.user
  if (typeof user !== 'object' || user === null || !('role' in user)) return null
  const parsed = Role.safeParse(user.role)
  return parsed.success ? parsed.data : null
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
    // Not before the offline copy is in the doc (below).
    connect: false,
    // Reconnecting cannot undo what these closes say; every other close is worth a retry, a
    // 4429 only after a pause of our own (onClosed).
    shouldReconnect: (event) => finalStatusOfClose(event.code) === null && event.code !== CloseCode.limited,
    ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
  })

  const [status, setStatus] = createSignal<ConnectionStatus>('connecting')
  const [presence, setPresence] = createSignal<Peer[]>([])
  const [synced, setSynced] = createSignal(false)
  const [role, setRole] = createSignal<Role>(self.role)
  let hasConnected = false
  const isFinal = () => finalStatuses.has(status())
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
  let limitedCloses = 0
  let limitedTimer: ReturnType<typeof setTimeout> | undefined
  const onClosed = ({ code }: { code: number }) => {
    if (code === CloseCode.limited) {
      setStatus('limited')
      limitedCloses++
      clearTimeout(limitedTimer)
      limitedTimer = setTimeout(() => {
        if (!destroyed && !isFinal()) provider.connect()
      }, limitedRetryDelay(limitedCloses))
      return
    }
    const final = finalStatusOfClose(code)
    if (!final) {
      setStatus(hasConnected ? 'reconnecting' : 'connecting')
      return
    }
    // y-websocket does not reconnect after these (shouldReconnect above), nor does `onOnline`.
    setStatus(final)
    // Whatever this browser cached of a board it may no longer see goes too.
    if (final === 'no_access' || final === 'removed') void cache?.clearData()
  }
  const onSync = (isSynced: boolean) => {
    if (isSynced) limitedCloses = 0
    setSynced(isSynced)
  }

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
    setDenied((previous) => ({ code: refusalCodeOf(reason), reason, count: (previous?.count ?? 0) + 1 }))
  }

  const awareness = provider.awareness
  const onAwareness = () => {
    const states = awareness.getStates()
    setPresence(peersFromStates(states, doc.clientID, self.id))
    // The server re-stamps our own state with the new role when a facilitator changes it.
    setRole(stampedRole(states.get(doc.clientID)) ?? self.role)
  }
  awareness.on('change', onAwareness)
  awareness.setLocalStateField('user', self)
  // the room's other colours are known once the first sync (and the awareness sent with it) arrived
  const stopColoring = keepPresenceColorDistinct(
    awareness,
    self.id,
    new Promise((resolve) => provider.once('sync', () => resolve())),
  )

  const onOffline = () => {
    if (!isFinal()) setStatus('offline')
  }
  const reconnectNow = () => {
    setStatus(hasConnected ? 'reconnecting' : 'connecting')
    // Do not wait for the backoff timer: try now.
    provider.disconnect()
    provider.connect()
  }
  let probeTimer: ReturnType<typeof setTimeout> | undefined
  const onOnline = () => {
    if (isFinal() || !started) return
    const socket = provider.ws
    if (!provider.wsconnected || !socket || socket.readyState !== socket.OPEN) {
      reconnectNow()
      return
    }
    // The socket may have lived through it (a short drop): keep it, or the server's answers to
    // what it still carries (a refusal and why) would go to a socket we dropped. A sync round
    // on it tells: no answer soon, and it is taken for dead and replaced.
    setStatus('connected')
    const askedAt = Date.now()
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeSyncStep1(encoder, doc)
    socket.send(encoding.toUint8Array(encoder))
    clearTimeout(probeTimer)
    probeTimer = setTimeout(() => {
      if (!destroyed && !isFinal() && provider.ws === socket && provider.wsLastMessageReceived < askedAt) reconnectNow()
    }, ONLINE_PROBE_TIMEOUT_MS)
  }
  provider.on('status', onStatus)
  provider.on('closed', onClosed)
  provider.on('sync', onSync)
  globalThis.addEventListener?.('offline', onOffline)
  globalThis.addEventListener?.('online', onOnline)
  if (isOffline()) setStatus('offline')

  // Connect once the offline copy is in the doc. Connected earlier, the copy arriving while the
  // server's first answer is still on its way would be sent as one big update of our own: the
  // whole board, site profile, settings and locked elements included (an editor may write none
  // of these). Loaded first, the sync step 2 we send carries only what the server lacks.
  let destroyed = false
  let started = false
  const connect = () => {
    if (destroyed || started || isFinal()) return
    started = true
    provider.connect()
  }
  if (cache) {
    // An IndexedDB that cannot be opened (private windows, quota) must not keep the board offline.
    cache.whenSynced.then(connect, connect)
    cache._db.catch(connect)
  } else connect()

  const destroy = () => {
    if (destroyed) return
    destroyed = true
    clearTimeout(probeTimer)
    clearTimeout(limitedTimer)
    globalThis.removeEventListener?.('offline', onOffline)
    globalThis.removeEventListener?.('online', onOnline)
    awareness.off('change', onAwareness)
    stopColoring()
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

  return { doc, provider, status, presence, synced, denied, role, clearCache, destroy }
}
