import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const output = path.join(root, 'dist/client/index.html')
const sources = ['client', 'shared', 'vite.config.ts', 'package-lock.json']

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0
  const stat = statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const name of readdirSync(entry)) {
    if (name === 'node_modules') continue
    newest = Math.max(newest, newestMtime(path.join(entry, name)))
  }
  return newest
}

/** True when dist/client is missing or older than any client source. */
export function isClientStale(): boolean {
  if (!existsSync(output)) return true
  const built = statSync(output).mtimeMs
  return sources.some((s) => newestMtime(path.join(root, s)) > built)
}

/** Builds the client with Vite when it is missing or stale. */
export function buildClientIfStale(log: (line: string) => void = console.log): void {
  if (!isClientStale()) return
  log('Building the client (vite build)…')
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  })
}

if (import.meta.url === `file://${process.argv[1]}`) buildClientIfStale()
