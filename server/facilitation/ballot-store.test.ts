import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createLogger } from '../logger.ts'
import { openStorage } from '../storage/create-storage.ts'
import { BallotStore } from './ballot-store.ts'

const logger = createLogger('error')
const ballot = (userId: string, dots: Record<string, number>) => ({ userId, name: userId, dots })
const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('ballot store', () => {
  for (const kind of ['memory', 'fs'] as const) {
    it(`counts voters without listing the ballots on every ballot (${kind})`, async () => {
      const dir = kind === 'fs' ? mkdtempSync(path.join(tmpdir(), 'rb-ballots-')) : null
      if (dir) dirs.push(dir)
      const storage = openStorage(dir ? `fs:${dir}` : 'memory:', { logger })
      const store = new BallotStore(storage)
      await store.put('b1', 'v1', ballot('u1', { n1: 2 }))
      const listing = vi.spyOn(storage, 'getKeys')
      await store.put('b1', 'v1', ballot('u2', { n1: 1, n2: 1 }))
      await store.put('b1', 'v1', ballot('u3', {}))
      expect(await store.voters('b1', 'v1')).toBe(2)
      // changing a ballot keeps the count; taking every dot back lowers it; placing them again raises it
      await store.put('b1', 'v1', ballot('u1', { n2: 1 }))
      expect(await store.voters('b1', 'v1')).toBe(2)
      await store.put('b1', 'v1', ballot('u2', { n1: 0 }))
      expect(await store.voters('b1', 'v1')).toBe(1)
      await store.put('b1', 'v1', ballot('u2', { n1: 1 }))
      expect(await store.voters('b1', 'v1')).toBe(2)
      expect(listing).not.toHaveBeenCalled()
      listing.mockRestore()

      // other votes and boards are counted apart
      await store.put('b1', 'v2', ballot('u1', { n1: 1 }))
      await store.put('b2', 'v1', ballot('u9', { n1: 1 }))
      expect(await store.voters('b1', 'v2')).toBe(1)
      expect(await store.voters('b2', 'v1')).toBe(1)

      // every ballot is still there to count at close; clearing leaves nothing of the vote behind
      expect((await store.all('b1', 'v1')).map((b) => b.userId).sort()).toEqual(['u1', 'u2', 'u3'])
      await store.clear('b1', 'v1')
      expect(await store.all('b1', 'v1')).toEqual([])
      expect(await store.voters('b1', 'v1')).toBe(0)
      expect((await storage.getKeys('')).filter((k) => k.includes('b1:v1'))).toEqual([])
      expect(await store.voters('b1', 'v2')).toBe(1)
    })
  }

  it('counts from the ballots once when the voter list is missing (ballots stored before it existed)', async () => {
    const storage = openStorage('memory:', { logger })
    await storage.setItem('ballots:b1:v1:u1', ballot('u1', { n1: 1 }))
    await storage.setItem('ballots:b1:v1:u2', ballot('u2', {}))
    await storage.setItem('ballots:b1:v1:u3', ballot('u3', { n2: 2 }))
    const store = new BallotStore(storage)
    expect(await store.voters('b1', 'v1')).toBe(2)
    // a ballot that changes nobody's count still writes the list, so later ones need not count
    await store.put('b1', 'v1', ballot('u1', { n2: 1 }))
    expect(await storage.getItem('ballot-voters:b1:v1')).toEqual(['u1', 'u3'])
    await store.put('b1', 'v1', ballot('u2', { n1: 1 }))
    expect(await store.voters('b1', 'v1')).toBe(3)
  })
})
