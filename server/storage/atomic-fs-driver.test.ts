import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createLogger } from '../logger.ts'
import { openStorage } from './create-storage.ts'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
const fsStorage = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rb-fs-'))
  dirs.push(dir)
  return { dir, storage: openStorage(`fs:${dir}`, { logger: createLogger('error') }) }
}
const allFiles = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())

describe('the fs storage', () => {
  it('keeps a record whole under 200 concurrent writes of different lengths, the last one asked for winning', async () => {
    const { dir, storage } = fsStorage()
    const values = Array.from({ length: 200 }, (_, i) => ({ i, pad: 'x'.repeat((i * 37) % 500) }))
    await Promise.all(values.map((v) => storage.setItem('boards:b1', v)))
    expect(JSON.parse(readFileSync(path.join(dir, 'boards/b1'), 'utf8'))).toEqual(values.at(-1))
    expect(await storage.getItem('boards:b1')).toEqual(values.at(-1))
    // no temp file left behind
    expect(allFiles(dir).map((e) => e.name)).toEqual(['b1'])
  })

  it('stores raw bytes exactly, and a removal queued after a write wins', async () => {
    const { storage } = fsStorage()
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) % 256)
    await storage.setItemRaw('docs:b:log:1', bytes)
    expect(Buffer.from((await storage.getItemRaw('docs:b:log:1')) as Uint8Array).equals(Buffer.from(bytes))).toBe(true)
    const write = storage.setItemRaw('docs:b:log:2', bytes)
    const removal = storage.removeItem('docs:b:log:2')
    await Promise.all([write, removal])
    expect(await storage.hasItem('docs:b:log:2')).toBe(false)
  })

  it('lists only the keys under the base asked for, never a temp file of a write in progress', async () => {
    const { dir, storage } = fsStorage()
    await storage.setItem('members:b1:u1', { role: 'owner' })
    await storage.setItem('members:b10:u2', { role: 'editor' })
    await storage.setItem('boards:b1', { id: 'b1' })
    // what a process killed mid-write leaves behind
    writeFileSync(path.join(dir, 'members/b1/.u3.0123456789ab.rbtmp'), '{"role":"ow')
    expect(await storage.getKeys('members:b1')).toEqual(['members:b1:u1'])
    expect((await storage.getKeys('members')).sort()).toEqual(['members:b1:u1', 'members:b10:u2'].sort())
    expect((await storage.getKeys('')).sort()).toEqual(['boards:b1', 'members:b1:u1', 'members:b10:u2'].sort())
    expect(await storage.getKeys('nothing:here')).toEqual([])
  })

  it('refuses a key that would leave its folder', async () => {
    const { storage } = fsStorage()
    await expect(storage.setItem('boards:..:..:etc', 'x')).rejects.toThrow()
  })
})
