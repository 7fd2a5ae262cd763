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

const vite = path.join(root, 'node_modules/vite/bin/vite.js')

/**
 * Builds the client with Vite when it is missing or stale. A production install
 * (`npm ci --omit=dev`, as in the Docker image) has no Vite: there the prebuilt client is
 * served as it is, and a missing one stops the start with a message saying how to build it.
 */
export function buildClientIfStale(log: (line: string) => void = console.log): void {
  if (!existsSync(vite)) {
    if (existsSync(output)) return
    throw new Error(
      'The client is not built (dist/client) and Vite is not installed (a production install): run `npm ci && npm run build` where the sources are, then copy dist/client here.',
    )
  }
  if (!isClientStale()) return
  log('Building the client (vite build)…')
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  })
}

if (import.meta.url === `file://${process.argv[1]}`) buildClientIfStale()
