import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { loadConfig } from '../../server/config.ts'
import { createLogger } from '../../server/logger.ts'
import { type RunningServer, type StartOptions, startServer } from '../../server/server.ts'

export type TestServer = RunningServer & { stop(): Promise<void> }

/** A real server in this process on a free port; memory storage unless the env says otherwise. */
export async function startTestServer(env: Record<string, string> = {}, options: StartOptions = {}): Promise<TestServer> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    STORAGE_URL: 'memory:',
    NO_DEMO: '1',
    LOG_LEVEL: 'error',
    ...env,
  })
  const server = await startServer(config, { logger: createLogger(config.logLevel), ...options })
  return Object.assign(server, { stop: () => server.close() })
}

/** A temporary folder removed by `cleanup()`. */
export function tempDir(prefix = 'rb-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export interface SpawnedServer {
  url: string
  child: ChildProcess
  output(): string
  /** SIGTERM, resolves with the exit code */
  terminate(): Promise<number | null>
  /** SIGKILL, resolves when the process is gone */
  kill(): Promise<void>
}

const root = path.resolve(import.meta.dirname, '../..')

/** `node --import tsx server/main.ts` as its own process (for restart and crash tests). */
export async function spawnServer(env: Record<string, string>): Promise<SpawnedServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', NO_DEMO: '1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString()
  })
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString()
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 20_000)
    const check = () => {
      const m = /"msg":"listening"[^\n]*"url":"([^"]+)"/.exec(out)
      if (m?.[1]) {
        clearTimeout(timer)
        resolve(m[1])
      }
    }
    child.stdout?.on('data', check)
    void exited.then((code) => reject(new Error(`server exited with ${code}:\n${out}`)))
  })
  return {
    url,
    child,
    output: () => out,
    terminate: async () => {
      child.kill('SIGTERM')
      return exited
    },
    kill: async () => {
      child.kill('SIGKILL')
      await exited
    },
  }
}
