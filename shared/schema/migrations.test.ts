import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readBoardDocument } from './convert.ts'
import { getElements, getMeta, SCHEMA_VERSION } from './layout.ts'
import { addZOrder, checkMoneyFields, type Migration, migrateDoc, migrations, validateMigrations } from './migrations.ts'
import { compareZOrder } from './z-order.ts'

/** A board as version 1 stored it: no meta at all, elements without `z`. */
function versionOneFixture(): Y.Doc {
  const doc = new Y.Doc()
  const elements = getElements(doc)
  const add = (fields: Record<string, unknown>) => {
    const map = new Y.Map<unknown>()
    for (const [key, value] of Object.entries(fields)) map.set(key, value)
    elements.set(String(fields.id), map)
  }
  doc.transact(() => {
    add({ id: 'n2', kind: 'note', x: 0, y: 0, w: 160, h: 160, label: 'Roof?' })
    add({ id: 'a1', kind: 'actor', x: 0, y: 0, w: 180, h: 90, label: 'Makers', sector: 'creative', commitment: 'loi' })
    add({ id: 'z1', kind: 'zone', x: 0, y: 600, w: 500, h: 300, label: 'Hall B' })
    add({ id: 'f1', kind: 'frame', x: -50, y: -50, w: 1200, h: 1000, label: 'Group 1' })
    add({ id: 'l1', kind: 'link', from: 'a1', to: 'n2', relation: 'uses' })
    elements.set('junk', 'not a map')
  })
  return doc
}

describe('migrations', () => {
  it('are numbered from 2 up to SCHEMA_VERSION, one by one', () => {
    expect(validateMigrations(migrations)).toEqual({ ok: true, value: undefined })
    const skipping: Migration[] = [addZOrder, { version: 4, name: 'skips', up: () => {} }]
    expect(validateMigrations(skipping, 4)).toEqual({ ok: false, error: 'migration "skips" has version 4, expected 3' })
  })

  it('migrates a version 1 board: every box gets a z, in the old drawing order; links none', () => {
    const doc = versionOneFixture()
    const result = migrateDoc(doc, 'migration')
    expect(result).toEqual({ ok: true, value: { from: 1, to: SCHEMA_VERSION, applied: ['addZOrder', 'checkMoneyFields'] } })
    expect(getMeta(doc).get('schemaVersion')).toBe(SCHEMA_VERSION)
    const { document, issues } = readBoardDocument(doc, { id: 'b', title: 't' })
    expect(issues).toHaveLength(1) // the junk value stays unreadable, untouched
    const stack = document.elements.filter((element) => element.kind !== 'link')
    expect(stack.every((element) => 'z' in element && typeof element.z === 'string')).toBe(true)
    expect([...stack].sort(compareZOrder).map((element) => element.id)).toEqual(['f1', 'z1', 'a1', 'n2'])
    expect(document.elements.find((element) => element.id === 'l1')).not.toHaveProperty('z')
  })

  it('runs once, in one transaction, and is deterministic across peers', () => {
    const alice = versionOneFixture()
    const bob = new Y.Doc()
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice))
    let transactions = 0
    alice.on('afterTransaction', () => transactions++)
    migrateDoc(alice)
    migrateDoc(bob)
    expect(transactions).toBe(1)
    expect(migrateDoc(alice)).toEqual({ ok: true, value: { from: SCHEMA_VERSION, to: SCHEMA_VERSION, applied: [] } })
    expect(transactions).toBe(1)
    Y.applyUpdate(alice, Y.encodeStateAsUpdate(bob))
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice))
    const zs = (doc: Y.Doc) =>
      readBoardDocument(doc, { id: 'b', title: 't' }).document.elements.map((e) => ('z' in e ? e.z : null))
    expect(zs(alice)).toEqual(zs(bob))
  })

  it('keeps existing keys and puts unkeyed boxes below them', () => {
    const doc = versionOneFixture()
    ;(getElements(doc).get('a1') as Y.Map<unknown>).set('z', 'a0')
    migrateDoc(doc)
    const z = (id: string) => (getElements(doc).get(id) as Y.Map<unknown>).get('z') as string
    expect(z('a1')).toBe('a0')
    expect(z('n2') < 'a0' && z('f1') < z('z1') && z('z1') < z('n2')).toBe(true)
  })

  it('leaves a newer board alone', () => {
    const doc = versionOneFixture()
    getMeta(doc).set('schemaVersion', SCHEMA_VERSION + 1)
    const result = migrateDoc(doc)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('newer_than_supported')
  })

  it('reports a failing step as a value and leaves the document untouched', () => {
    const doc = versionOneFixture()
    const before = Y.encodeStateVector(doc)
    const failing: Migration[] = [
      addZOrder,
      {
        version: 3,
        name: 'explodes',
        up: (d) => {
          getMeta(d).set('half', 'done')
          throw new Error('boom')
        },
      },
    ]
    const result = migrateDoc(doc, undefined, failing)
    expect(result).toEqual({
      ok: false,
      error: { code: 'migration_failed', message: 'migration explodes failed: boom', version: 3, name: 'explodes' },
    })
    expect(Y.encodeStateVector(doc)).toEqual(before)
    expect(getMeta(doc).has('half')).toBe(false)
  })

  describe('version 3: checkMoneyFields', () => {
    /** A board as version 2 stored it, with the money names used as unknown fields by some client. */
    function versionTwoFixture(): Y.Doc {
      const doc = new Y.Doc()
      const elements = getElements(doc)
      const add = (fields: Record<string, unknown>) => {
        const map = new Y.Map<unknown>()
        for (const [key, value] of Object.entries(fields)) map.set(key, value)
        elements.set(String(fields.id), map)
      }
      doc.transact(() => {
        getMeta(doc).set('schemaVersion', 2)
        add({ id: 'a1', kind: 'actor', x: 0, y: 0, w: 180, h: 90, z: 'a0', label: 'City', sector: 'public', commitment: 'loi' })
        const use = { kind: 'use', x: 0, y: 200, w: 180, h: 90, label: 'Hall', category: 'events' }
        add({ id: 'u1', ...use, z: 'a1', investmentEur: '1.200.000', runningCostEurYear: -5, incomeEurYear: 9000 })
        add({ id: 'u2', ...use, z: 'a2', fundingSource: ' EU ', investmentEur: 50000, runningCostEurYear: null })
        add({ id: 'u3', ...use, z: 'a3', fundingSource: 'bank', rentEurM2Month: 4 })
        add({ id: 'l1', kind: 'link', from: 'a1', to: 'u1', relation: 'funds', amountEur: 'much' })
        add({ id: 'l2', kind: 'link', from: 'a1', to: 'u2', relation: 'funds', amountEur: 20000 })
        // Not a use or link: an unknown field there stays as it was (the reader drops it).
        add({ id: 'n1', kind: 'note', x: 0, y: 0, w: 100, h: 100, z: 'a4', label: '', investmentEur: 'x' })
      })
      return doc
    }
    const fields = (doc: Y.Doc, id: string) => (getElements(doc).get(id) as Y.Map<unknown>).toJSON()

    it('keeps values that fit, normalises a funding source, removes the rest; every element stays readable', () => {
      const doc = versionTwoFixture()
      const before = readBoardDocument(doc, { id: 'b', title: 't' })
      // Before the step, version 3's schema would skip four of the six elements.
      expect(before.issues.map((issue) => issue.elementId).sort()).toEqual(['l1', 'u1', 'u2', 'u3'])
      expect(migrateDoc(doc)).toEqual({ ok: true, value: { from: 2, to: 3, applied: ['checkMoneyFields'] } })
      expect(fields(doc, 'u1')).not.toHaveProperty('investmentEur')
      expect(fields(doc, 'u1')).not.toHaveProperty('runningCostEurYear')
      expect(fields(doc, 'u1').incomeEurYear).toBe(9000)
      expect(fields(doc, 'u2').fundingSource).toBe('eu')
      expect(fields(doc, 'u2').investmentEur).toBe(50000)
      expect(fields(doc, 'u2')).not.toHaveProperty('runningCostEurYear')
      expect(fields(doc, 'u3')).not.toHaveProperty('fundingSource')
      expect(fields(doc, 'u3').rentEurM2Month).toBe(4)
      expect(fields(doc, 'l1')).not.toHaveProperty('amountEur')
      expect(fields(doc, 'l2').amountEur).toBe(20000)
      expect(fields(doc, 'n1').investmentEur).toBe('x')
      const after = readBoardDocument(doc, { id: 'b', title: 't' })
      expect(after.issues).toEqual([])
      expect(after.document.elements.map((element) => element.id)).toEqual(['a1', 'l1', 'l2', 'n1', 'u1', 'u2', 'u3'])
      expect(after.document.elements.find((element) => element.id === 'u2')).toMatchObject({
        fundingSource: 'eu',
        investmentEur: 50000,
      })
    })

    it('two peers migrating the same board at once converge on the same state', () => {
      const alice = versionTwoFixture()
      const bob = new Y.Doc()
      Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice))
      expect(migrateDoc(alice).ok).toBe(true)
      expect(migrateDoc(bob).ok).toBe(true)
      Y.applyUpdate(alice, Y.encodeStateAsUpdate(bob))
      Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice))
      const json = (doc: Y.Doc) => JSON.stringify(readBoardDocument(doc, { id: 'b', title: 't' }).document)
      expect(json(alice)).toBe(json(bob))
      expect(fields(alice, 'u2').fundingSource).toBe('eu')
      expect(getMeta(bob).get('schemaVersion')).toBe(3)
    })

    it('loads a version 1 board through both steps, and refuses a version 4 board untouched', () => {
      const old = versionOneFixture()
      expect(migrateDoc(old)).toMatchObject({ ok: true, value: { from: 1, to: 3 } })
      const newer = versionTwoFixture()
      getMeta(newer).set('schemaVersion', 4)
      const state = Y.encodeStateVector(newer)
      const result = migrateDoc(newer)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error).toMatchObject({ code: 'newer_than_supported', version: 4 })
      expect(Y.encodeStateVector(newer)).toEqual(state)
      expect(fields(newer, 'u1').investmentEur).toBe('1.200.000')
    })

    it('is a listed step producing version 3', () => {
      expect(migrations.at(-1)).toBe(checkMoneyFields)
      expect(checkMoneyFields.version).toBe(3)
    })
  })
})
