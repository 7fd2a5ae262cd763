import { afterAll, afterEach, beforeAll } from 'vitest'
import type * as Y from 'yjs'
import { type Account, exportJson, signup } from './api.ts'
import { startTestServer, type TestServer } from './server.ts'
import { connectClient, type SyncClient, waitFor } from './sync-client.ts'

/**
 * The stock y-websocket clients of one test file on one server: `client()` opens one and
 * keeps it for `destroyAll()`; `storedDocument()` closes them all, waits until the board's room
 * has unloaded, and exports it — what storage holds, not what a room has in memory.
 */
export function syncBed(server: () => TestServer, owner: () => Account) {
  const clients: SyncClient[] = []
  const destroyAll = () => {
    for (const c of clients.splice(0)) c.destroy()
  }
  return {
    client(token: string, boardId: string): SyncClient {
      const c = connectClient(server().url, boardId, token)
      clients.push(c)
      return c
    },
    destroyAll,
    /** Closes one client before the others. */
    release(c: SyncClient): void {
      const at = clients.indexOf(c)
      if (at >= 0) clients.splice(at, 1)
      c.destroy()
    },
    async storedDocument(boardId: string) {
      destroyAll()
      const s = server()
      await waitFor(() => !s.rooms.isLoaded(boardId) && !s.rooms.isUnloading(boardId), 5000, 'room unload')
      return exportJson(s.url, owner().token, boardId)
    },
  }
}

/**
 * A test file's server (started before its tests, stopped after them) with a signed-up owner,
 * and its bed of clients (closed after each test). `ready` hands the server and owner over.
 */
export function useSyncBed(env: Record<string, string>, ready: (server: TestServer, owner: Account) => void) {
  let server: TestServer | undefined
  let owner: Account | undefined
  const bed = syncBed(
    () => server as TestServer,
    () => owner as Account,
  )
  beforeAll(async () => {
    server = await startTestServer(env)
    owner = await signup(server.url, 'Owner')
    ready(server, owner)
  })
  afterEach(() => bed.destroyAll())
  afterAll(async () => {
    await server?.stop()
  })
  return bed
}

/** An element's fields as plain JSON (undefined when the id holds nothing). */
export const elementOf = (doc: Y.Doc, id: string) => (doc.getMap('elements').get(id) as Y.Map<unknown> | undefined)?.toJSON()

/** A valid actor (the contract's required fields). */
export const actor = (id: string, label: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'actor',
  x: 0,
  y: 0,
  w: 180,
  h: 90,
  label,
  sector: 'creative',
  commitment: 'loi',
  ...extra,
})

/**
 * Collects the reasons of the permission-denied messages stock y-websocket clients log (with
 * console.warn) until `restore()`; other warnings pass through.
 */
export function deniedReasons(): { reasons: string[]; restore(): void } {
  const reasons: string[] = []
  const original = console.warn
  console.warn = (...args: unknown[]) => {
    const text = args.map(String).join(' ')
    if (text.includes('Permission denied')) reasons.push(text)
    else original(...args)
  }
  return { reasons, restore: () => (console.warn = original) }
}

/** The close codes a stock provider sees from now on. */
export function closeCodes(c: SyncClient): number[] {
  const codes: number[] = []
  c.provider.on('connection-close', (event: { code: number } | null) => {
    if (event) codes.push(event.code)
  })
  return codes
}
