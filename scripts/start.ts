import { spawn } from 'node:child_process'
import path from 'node:path'
import { buildClientIfStale } from './build-client.ts'

// `npm start`: build the client if it is missing or stale, then run the server in this process
// group, passing signals through so that SIGTERM still means a graceful stop.
try {
  buildClientIfStale()
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
const root = path.resolve(import.meta.dirname, '..')
const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], {
  stdio: 'inherit',
  cwd: process.cwd(),
})
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
