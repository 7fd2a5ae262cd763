import { execFileSync, spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')

describe('dependency tree', () => {
  it('holds exactly one copy of yjs (two copies break instanceof checks)', () => {
    const out = execFileSync('npm', ['ls', 'yjs', '--all', '--parseable'], { cwd: root, encoding: 'utf8' })
    const copies = new Set(out.split('\n').filter((line) => /node_modules[\\/]yjs$/.test(line.trim())))
    expect([...copies]).toHaveLength(1)
  })

  it('keeps shared/ free of Node, server, client and rendering-library imports', () => {
    // Biome's noRestrictedImports says the same while editing; this holds it in the test run
    const found = spawnSync('grep', ['-rlE', "from '(node:|(\\.\\./)+(server|client)/|solid-js|konva|ws'|unstorage)", 'shared'], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(found.stdout.trim()).toBe('')
  })
})
