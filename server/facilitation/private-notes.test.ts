import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createLogger } from '../logger.ts'
import { openStorage } from '../storage/create-storage.ts'
import { type PrivateNote, PrivateNoteStore } from './private-notes.ts'

const logger = createLogger('error')
const note = (userId: string, id: string, updatedAt: number): PrivateNote =>
  ({ id, label: `${userId} ${id}`, author: { userId, name: userId }, updatedAt }) as PrivateNote
const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('private note store', () => {
  for (const kind of ['memory', 'fs'] as const) {
    it(`keeps each author's notes apart, counts and finds them without listing (${kind})`, async () => {
      const dir = kind === 'fs' ? mkdtempSync(path.join(tmpdir(), 'rb-private-')) : null
      if (dir) dirs.push(dir)
      const store = new PrivateNoteStore(openStorage(dir ? `fs:${dir}` : 'memory:', { logger }))
      await store.put('b1', note('u1', 'n1', 3))
      await store.put('b1', note('u1', 'n2', 1))
      await store.put('b1', note('u2', 'n3', 2))
      // a board whose id starts like another's is not counted with it
      await store.put('b10', note('u1', 'n4', 4))
      expect(await store.count('b1', 'u1')).toBe(2)
      expect(await store.count('b1', 'u2')).toBe(1)
      expect(await store.has('b1', 'u1', 'n1')).toBe(true)
      expect(await store.has('b1', 'u2', 'n1')).toBe(false)
      expect((await store.list('b1', null)).map((n) => n.id)).toEqual(['n2', 'n3', 'n1'])
      expect(await store.remove('b1', 'u1', 'n1')).toBe(true)
      expect(await store.remove('b1', 'u1', 'n1')).toBe(false)
      await store.clear('b1')
      expect(await store.list('b1', null)).toEqual([])
      expect(await store.count('b10', 'u1')).toBe(1)
    })
  }
})
