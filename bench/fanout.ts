import { spawn } from 'node:child_process'
import path from 'node:path'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { createBoard, signup } from '../tests/helpers/api.ts'
import { spawnServer } from '../tests/helpers/server.ts'
import { connectClient, waitFor } from '../tests/helpers/sync-client.ts'

export interface LatencyRow {
  server: string
  receivers: number
  samples: number
  p50Ms: number
  p95Ms: number
  p99Ms: number
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
const round = (n: number) => Math.round(n * 100) / 100

function summarise(server: string, receivers: number, latencies: number[]): LatencyRow {
  const sorted = [...latencies].sort((a, b) => a - b)
  return {
    server,
    receivers,
    samples: sorted.length,
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
  }
}

/**
 * One writer changes a field; every receiver records when it observes the change. Writer and
 * receivers live in this process (one clock); the server runs in its own process.
 */
export async function refreshBoardFanout(receivers: number, rounds: number): Promise<LatencyRow> {
  const server = await spawnServer({ STORAGE_URL: 'memory:' })
  try {
    return await yjsFanout('refresh-board', server.url, receivers, rounds)
  } finally {
    await server.terminate()
  }
}

/** Fan-out rounds against a running Refresh Board server at `url`. */
export async function yjsFanout(name: string, url: string, receivers: number, rounds: number): Promise<LatencyRow> {
  {
    const owner = await signup(url, 'Bench')
    const boardId = await createBoard(url, owner.token, { title: 'Bench' })
    const writer = connectClient(url, boardId, owner.token)
    const clients = Array.from({ length: receivers }, () => connectClient(url, boardId, owner.token))
    await Promise.all([writer.synced, ...clients.map((c) => c.synced)])
    const latencies: number[] = []
    let sentAt = 0
    let seen = 0
    for (const c of clients) {
      c.doc.getMap('bench').observe(() => {
        latencies.push(performance.now() - sentAt)
        seen++
      })
    }
    for (let i = 0; i < rounds; i++) {
      seen = 0
      sentAt = performance.now()
      writer.doc.getMap('bench').set('v', i)
      await waitFor(() => seen === receivers, 10_000, 'fan-out')
    }
    for (const c of [writer, ...clients]) c.destroy()
    return summarise(name, receivers, latencies)
  }
}

/** The same rounds through the bare relay: the same update bytes, no Yjs on the server. */
export async function bareRelayFanout(receivers: number, rounds: number): Promise<LatencyRow> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'relay-server.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  try {
    const port = await new Promise<number>((resolve) => {
      child.stdout?.once('data', (d: Buffer) => resolve((JSON.parse(d.toString()) as { port: number }).port))
    })
    const url = `ws://127.0.0.1:${port}/bench`
    const open = (ws: WebSocket) => new Promise((r) => ws.once('open', r))
    const writer = new WebSocket(url)
    const sockets = Array.from({ length: receivers }, () => new WebSocket(url))
    await Promise.all([open(writer), ...sockets.map(open)])
    const latencies: number[] = []
    let sentAt = 0
    let seen = 0
    const docs = sockets.map(() => new Y.Doc())
    sockets.forEach((ws, i) => {
      ws.on('message', (data: Buffer) => {
        // receivers apply the update, as the Yjs clients do
        Y.applyUpdate(docs[i] as Y.Doc, new Uint8Array(data))
        latencies.push(performance.now() - sentAt)
        seen++
      })
    })
    const source = new Y.Doc()
    for (let i = 0; i < rounds; i++) {
      seen = 0
      const before = Y.encodeStateVector(source)
      source.getMap('bench').set('v', i)
      const update = Y.encodeStateAsUpdate(source, before)
      sentAt = performance.now()
      writer.send(update)
      await waitFor(() => seen === receivers, 10_000, 'relay fan-out')
    }
    for (const ws of [writer, ...sockets]) ws.close()
    return summarise('bare-ws-relay', receivers, latencies)
  } finally {
    child.kill('SIGTERM')
  }
}
