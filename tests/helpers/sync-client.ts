import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

// every y-websocket provider adds a process 'exit' listener in Node
process.setMaxListeners(200)

export interface SyncClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** resolves once the first sync with the server is done */
  synced: Promise<void>
  destroy(): void
}

/** A real y-websocket client over `ws`, as the contract shows. */
export function connectClient(
  serverUrl: string,
  boardId: string,
  token: string,
  options: { connect?: boolean } = {},
): SyncClient {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${serverUrl.replace(/^http/, 'ws')}/sync`, boardId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    connect: options.connect ?? true,
    disableBc: true,
  })
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) return resolve()
    provider.once('sync', (isSynced: boolean) => {
      if (isSynced) resolve()
    })
  })
  return {
    doc,
    provider,
    synced,
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** Polls `check` until it returns true or `timeoutMs` passes. */
export async function waitFor(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** Opens a raw socket and resolves with the close code the server sends. */
export function closeCodeOf(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers })
    ws.on('close', (code) => resolve(code))
    ws.on('error', reject)
  })
}
