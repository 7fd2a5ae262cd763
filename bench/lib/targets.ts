import { type ChildProcess, fork, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { createBoard, signup } from '../../tests/helpers/api.ts'
import type { MemoryReading, ServerReply, ServerRequest } from './server-control.ts'
import type { Framing } from './yclient.ts'

export type TargetName = 'refresh-board' | 'hocuspocus' | 'bare-ws-relay'

export interface Board {
  docName: string
  token: string
}

/** A sync server under test, running in its own process. */
export interface Target {
  name: TargetName
  framing: Framing
  pid: number
  /** a new board (Refresh Board: created through the API, with `content` when given) */
  newBoard(content?: unknown): Promise<Board>
  /** the WebSocket URL a client of `board` opens */
  wsUrl(board: Board): string
  stop(): Promise<void>
}

export interface RefreshBoardTarget extends Target {
  httpUrl: string
  control<R extends ServerReply>(request: ServerRequest): Promise<R>
  memory(gc?: boolean): Promise<MemoryReading>
}

const benchDir = path.resolve(import.meta.dirname, '..')
const root = path.resolve(benchDir, '..')

export interface SpawnOptions {
  /** extra environment (STORAGE_URL, ROOM_IDLE_MS …) */
  env?: Record<string, string>
  /** write a V8 CPU profile of the server into this folder when it exits */
  cpuProfDir?: string
}

const profFlags = (dir?: string) => (dir ? ['--cpu-prof', '--cpu-prof-dir', dir] : [])

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
  })
}

/** SIGTERM, then SIGKILL after `graceMs`. */
async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  const gone = exited(child)
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
  await gone
  clearTimeout(timer)
}

/** Refresh Board (bench/rb-server.ts: server/server.ts's startServer plus an IPC control channel). */
export async function startRefreshBoard(options: SpawnOptions = {}): Promise<RefreshBoardTarget> {
  const child = fork(path.join(benchDir, 'rb-server.ts'), [], {
    cwd: root,
    execArgv: ['--import', 'tsx', '--expose-gc', ...profFlags(options.cpuProfDir)],
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      NO_DEMO: '1',
      LOG_LEVEL: 'warn',
      STORAGE_URL: 'memory:',
      MAX_BODY_BYTES: String(256 * 1024 * 1024),
      // every bench client comes from 127.0.0.1 (hundreds on one board), and some drive one
      // connection far past a person's rate on purpose (throughput: one writer up to 6,400
      // updates/s; attention: a presenter's view every round): these limits are off here
      MAX_CONNECTIONS_PER_ADDRESS: '0',
      MAX_CONNECTIONS_PER_BOARD: '0',
      MAX_UPDATES_PER_SECOND: '0',
      MAX_AWARENESS_PER_SECOND: '0',
      API_REQUESTS_PER_SECOND: '0',
      ...options.env,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const pending = new Map<number, { resolve(reply: ServerReply): void; reject(error: Error): void }>()
  let nextId = 1
  const httpUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Refresh Board did not start in 30 s')), 30_000)
    child.on('message', (message: { ready?: boolean; url?: string; id?: number; reply?: ServerReply; error?: string }) => {
      if (message.ready && message.url) {
        clearTimeout(timer)
        resolve(message.url)
        return
      }
      const waiter = message.id === undefined ? undefined : pending.get(message.id)
      if (!waiter || message.id === undefined) return
      pending.delete(message.id)
      if (message.reply) waiter.resolve(message.reply)
      else waiter.reject(new Error(message.error ?? 'no reply'))
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`Refresh Board exited with ${code}`))
      for (const waiter of pending.values()) waiter.reject(new Error('server exited'))
    })
  })
  const control = <R extends ServerReply>(request: ServerRequest): Promise<R> =>
    new Promise<R>((resolve, reject) => {
      const id = nextId++
      pending.set(id, { resolve: resolve as (reply: ServerReply) => void, reject })
      child.send({ id, request })
    })
  let owner: Promise<{ token: string }> | null = null
  return {
    name: 'refresh-board',
    framing: 'y-websocket',
    pid: child.pid ?? -1,
    httpUrl,
    async newBoard(content?: unknown) {
      owner ??= signup(httpUrl, 'Bench')
      const { token } = await owner
      const body: Record<string, unknown> = { title: 'Bench' }
      if (content !== undefined) body.content = content
      return { docName: await createBoard(httpUrl, token, body), token }
    },
    wsUrl: (board) => `${httpUrl.replace(/^http/, 'ws')}/sync/${board.docName}?token=${encodeURIComponent(board.token)}`,
    control,
    memory: (gc = true) => control<MemoryReading>({ op: 'memory', gc }),
    stop: () => stopChild(child),
  }
}

/** A script that prints `{"port": n}` once listening. */
async function spawnPortPrinter(script: string, cpuProfDir?: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...profFlags(cpuProfDir), path.join(benchDir, script)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start in 30 s`)), 30_000)
    let out = ''
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /\{"port":(\d+)\}/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(Number(m[1]))
      }
    })
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)))
  })
  return { child, port }
}

/** @hocuspocus/server 3.4 (bench/hocuspocus-server.ts), no extensions. */
export async function startHocuspocus(options: SpawnOptions = {}): Promise<Target> {
  const { child, port } = await spawnPortPrinter('hocuspocus-server.ts', options.cpuProfDir)
  return {
    name: 'hocuspocus',
    framing: 'hocuspocus',
    pid: child.pid ?? -1,
    newBoard: async () => ({ docName: `bench-${randomUUID().slice(0, 8)}`, token: 'bench' }),
    wsUrl: () => `ws://127.0.0.1:${port}`,
    stop: () => stopChild(child),
  }
}

/** The floor: bench/relay-server.ts relays every message to the other sockets of its path. */
export async function startRelay(options: SpawnOptions = {}): Promise<Target> {
  const { child, port } = await spawnPortPrinter('relay-server.ts', options.cpuProfDir)
  return {
    name: 'bare-ws-relay',
    framing: 'relay',
    pid: child.pid ?? -1,
    newBoard: async () => ({ docName: `bench-${randomUUID().slice(0, 8)}`, token: '' }),
    wsUrl: (board) => `ws://127.0.0.1:${port}/${board.docName}`,
    stop: () => stopChild(child),
  }
}

export const startTarget = (name: TargetName, options: SpawnOptions = {}): Promise<Target> =>
  name === 'refresh-board' ? startRefreshBoard(options) : name === 'hocuspocus' ? startHocuspocus(options) : startRelay(options)
