import * as encoding from 'lib0/encoding'
import { createRoot } from 'solid-js'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type BoardConnection, CloseCode, createBoardConnection } from './connection.ts'

/**
 * The connection's side of the contract's close codes and live roles, driven through the real
 * y-websocket provider with a socket stand-in (no server here: what the server sends is
 * written byte for byte as y-protocols messages; the browser tests use the real server).
 */
class FakeSocket {
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSING = 2
  static readonly CLOSED = 3
  static opened: FakeSocket[] = []
  readonly CONNECTING = 0
  readonly OPEN = 1
  readonly CLOSING = 2
  readonly CLOSED = 3
  readyState = 0
  binaryType = 'arraybuffer'
  sent: Uint8Array[] = []
  onopen: (() => void) | null = null
  onclose: ((event: { code: number; reason: string }) => void) | null = null
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null
  onerror: ((event: unknown) => void) | null = null

  constructor(readonly url: string) {
    FakeSocket.opened.push(this)
  }
  send(data: Uint8Array) {
    this.sent.push(data)
  }
  close() {
    this.readyState = 3
  }
  /** the server accepts the connection */
  open() {
    this.readyState = 1
    this.onopen?.()
  }
  /** the server closes the connection with `code` */
  closeFromServer(code: number) {
    this.readyState = 3
    this.onclose?.({ code, reason: '' })
  }
  receive(message: Uint8Array) {
    this.onmessage?.({ data: message.buffer.slice(message.byteOffset, message.byteOffset + message.byteLength) as ArrayBuffer })
  }
}

/** A y-protocols awareness message carrying one client's state (what the server relays). */
function awarenessMessage(clientId: number, clock: number, state: unknown): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, 1)
  encoding.writeVarUint(update, clientId)
  encoding.writeVarUint(update, clock)
  encoding.writeVarString(update, JSON.stringify(state))
  const message = encoding.createEncoder()
  encoding.writeVarUint(message, 1) // awareness
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update))
  return encoding.toUint8Array(message)
}

const me = { id: 'u-ana', name: 'Ana', color: '#0b6e69', role: 'editor' as const }

describe('board connection lifecycle', () => {
  let connection: BoardConnection
  let dispose: () => void

  beforeEach(() => {
    vi.useFakeTimers()
    FakeSocket.opened = []
    createRoot((d) => {
      dispose = d
      connection = createBoardConnection('b1', me, {
        serverUrl: 'ws://test/sync',
        persist: false,
        WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
      })
    })
  })

  afterEach(() => {
    dispose()
    vi.useRealTimers()
  })

  const socket = () => {
    const last = FakeSocket.opened.at(-1)
    if (!last) throw new Error('no socket opened')
    return last
  }

  it('reconnects after an ordinary close', () => {
    socket().open()
    expect(connection.status()).toBe('connected')
    socket().closeFromServer(1006)
    expect(connection.status()).toBe('reconnecting')
    vi.advanceTimersByTime(60_000)
    expect(FakeSocket.opened.length).toBe(2)
  })

  it.each([
    [CloseCode.removed, 'removed'],
    [CloseCode.forgery, 'rejected'],
    [CloseCode.unauthorized, 'unauthorized'],
    [CloseCode.noAccess, 'no_access'],
  ] as const)('stops for good on %i (%s)', (code, status) => {
    socket().open()
    socket().closeFromServer(code)
    expect(connection.status()).toBe(status)
    vi.advanceTimersByTime(10 * 60_000)
    // coming back online does not restart it either
    globalThis.dispatchEvent(new Event('online'))
    vi.advanceTimersByTime(60_000)
    expect(FakeSocket.opened.length).toBe(1)
    expect(connection.status()).toBe(status)
  })

  it('on 4429 (a limit) waits, longer each time, then tries again', () => {
    socket().open()
    socket().closeFromServer(CloseCode.limited)
    expect(connection.status()).toBe('limited')
    // y-websocket's own backoff (at most 2.5 s) does not reconnect it
    vi.advanceTimersByTime(2_499)
    expect(FakeSocket.opened.length).toBe(1)
    // our pause: 2.5–5 s after the first 4429
    vi.advanceTimersByTime(2_501)
    expect(FakeSocket.opened.length).toBe(2)
    socket().open()
    socket().closeFromServer(CloseCode.limited)
    // the second one in a row, before any sync: 5–10 s
    vi.advanceTimersByTime(4_999)
    expect(FakeSocket.opened.length).toBe(2)
    vi.advanceTimersByTime(5_001)
    expect(FakeSocket.opened.length).toBe(3)
    socket().open()
    expect(connection.status()).toBe('connected')
  })

  it('back online, keeps a socket that still answers, and replaces one that does not', () => {
    socket().open()
    globalThis.dispatchEvent(new Event('offline'))
    expect(connection.status()).toBe('offline')
    globalThis.dispatchEvent(new Event('online'))
    expect(connection.status()).toBe('connected')
    // it asked the server for sync on the same socket; the server answers
    const asked = socket().sent.at(-1)
    expect([asked?.[0], asked?.[1]]).toEqual([0, 0]) // sync step 1
    vi.advanceTimersByTime(1000)
    socket().receive(new Uint8Array([0, 1, 2, 0, 0])) // sync step 2, nothing new
    vi.advanceTimersByTime(10_000)
    expect(FakeSocket.opened.length).toBe(1)

    // the next time, no answer: the socket is taken for dead and replaced
    globalThis.dispatchEvent(new Event('offline'))
    globalThis.dispatchEvent(new Event('online'))
    vi.advanceTimersByTime(10_000)
    expect(FakeSocket.opened.length).toBe(2)
  })

  it('takes the role the server re-stamps on our own presence, and ignores others’', () => {
    socket().open()
    expect(connection.role()).toBe('editor')
    const own = connection.doc.clientID
    // another person's state never changes our role
    socket().receive(awarenessMessage(own + 1, 1, { user: { id: 'u-bo', name: 'Bo', role: 'viewer' } }))
    expect(connection.role()).toBe('editor')
    // the server re-sends our own state with the new role and a newer clock
    const clock = (connection.provider.awareness.meta.get(own)?.clock ?? 0) + 1
    socket().receive(awarenessMessage(own, clock, { user: { ...me, role: 'viewer' } }))
    expect(connection.role()).toBe('viewer')
    expect(connection.presence()[0]).toMatchObject({ isSelf: true, role: 'viewer' })
    // and back
    socket().receive(awarenessMessage(own, clock + 1, { user: { ...me, role: 'facilitator' } }))
    expect(connection.role()).toBe('facilitator')
  })

  it('reports a refusal with its code', () => {
    socket().open()
    const message = encoding.createEncoder()
    encoding.writeVarUint(message, 2) // auth
    encoding.writeVarUint(message, 0) // permission denied
    encoding.writeVarString(message, 'locked: element u1')
    socket().receive(encoding.toUint8Array(message))
    expect(connection.denied()).toMatchObject({ code: 'locked', reason: 'locked: element u1', count: 1 })
    expect(connection.status()).toBe('connected')
  })
})
