import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

// `npm run dev`: the server with reload on change (node --watch) on :8787, and Vite's dev
// server with hot reload on :5173, proxying /api and /sync to it. Open http://localhost:5173.
const root = path.resolve(import.meta.dirname, '..')
const children: ChildProcess[] = [
  spawn(process.execPath, ['--import', 'tsx', '--watch-path=server', '--watch-path=shared', 'server/main.ts'], {
    cwd: root,
    stdio: 'inherit',
  }),
  spawn(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js')], { cwd: root, stdio: 'inherit' }),
]
const stop = () => {
  for (const child of children) child.kill('SIGTERM')
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
for (const child of children) child.on('exit', () => stop())
