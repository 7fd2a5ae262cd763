import { describe, expect, it } from 'vitest'
import { createLogger } from '../logger.ts'
import { openStorage } from './create-storage.ts'
import { isDamagedJson } from './guarded-driver.ts'
import { storageHealth } from './storage-health.ts'

const capture = () => {
  const lines: string[] = []
  return { lines, logger: createLogger('info', {}, (line) => lines.push(line) > 0) }
}

describe('guarded storage', () => {
  it('moves a record whose JSON no longer parses to quarantine, byte for byte, and reads it as absent', async () => {
    const { lines, logger } = capture()
    const storage = openStorage('memory:', { logger })
    const broken = '{"id":"b1","title":"Mill","ownerId":"u1","crea'
    await storage.setItem('boards:b1', broken)
    expect(await storage.getItem('boards:b1')).toBeNull()
    expect(await storage.hasItem('boards:b1')).toBe(false)
    const [aside, ...more] = await storage.getKeys('quarantine')
    expect(more).toEqual([])
    expect(aside).toMatch(/^quarantine:boards:b1:\d+$/)
    expect(await storage.getItemRaw(aside as string)).toBe(broken)
    const warnings = storageHealth(storage).warnings()
    expect(warnings).toMatchObject([{ code: 'damaged_record', key: 'boards:b1', quarantinedAs: aside }])
    expect(lines.some((l) => l.includes('"level":"error"') && l.includes('boards:b1'))).toBe(true)

    // a new record is written normally; the quarantined copy stays as it was
    await storage.setItem('boards:b1', { id: 'b1' })
    expect(await storage.getItem('boards:b1')).toEqual({ id: 'b1' })
    expect(await storage.getItemRaw(aside as string)).toBe(broken)
    // a second damage of the same key gets its own quarantine entry
    await storage.setItem('boards:b1', '')
    expect(await storage.getItem('boards:b1')).toBeNull()
    expect(await storage.getKeys('quarantine:boards:b1')).toHaveLength(2)
    expect(storageHealth(storage).total).toBe(2)
  })

  it('leaves good records and plain values alone', async () => {
    const storage = openStorage('memory:')
    await storage.setItem('auth:email:abc', 'user-id-1')
    await storage.setItem('userboards:u:b', 1)
    await storage.setItem('boards:b', { id: 'b' })
    expect(await storage.getItem('auth:email:abc')).toBe('user-id-1')
    expect(await storage.getItem('userboards:u:b')).toBe(1)
    expect(await storage.getItem('boards:b')).toEqual({ id: 'b' })
    expect(await storage.getKeys('quarantine')).toEqual([])
    expect(storageHealth(storage).warnings()).toEqual([])
  })

  it('judges damage only on text meant to be JSON', () => {
    expect(isDamagedJson('')).toBe(true)
    expect(isDamagedJson('{"a":')).toBe(true)
    expect(isDamagedJson('[1,2')).toBe(true)
    expect(isDamagedJson('{"a":1}')).toBe(false)
    expect(isDamagedJson('plain-id')).toBe(false)
    expect(isDamagedJson(null)).toBe(false)
    expect(isDamagedJson(new Uint8Array([1]))).toBe(false)
  })
})
