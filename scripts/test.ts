import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'

// `npm test`: every Vitest project (unit, client, integration, browser), then one plain
// closing line `tests: N passed, M failed` that CI reads. Extra arguments go to Vitest.
const root = path.resolve(import.meta.dirname, '..')
const outDir = path.join(root, '.test-tmp')
const report = path.join(outDir, 'vitest.json')
mkdirSync(outDir, { recursive: true })
rmSync(report, { force: true })

const result = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit', env: process.env },
)

interface VitestJson {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
}

let passed = 0
let failed = 0
let skipped = 0
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8')) as VitestJson
  passed = json.numPassedTests
  failed = json.numFailedTests
  skipped = json.numPendingTests + json.numTodoTests
}
const status = result.status ?? 1
// a run that broke before reporting counts as a failure
if (status !== 0 && failed === 0) failed = 1
if (process.env.CI === 'true' && skipped > 0) {
  console.error(`${skipped} tests were skipped; under CI=true every test must run`)
  failed += skipped
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(status !== 0 || failed > 0 ? 1 : 0)
