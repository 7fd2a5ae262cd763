import { createEffect, createRoot } from 'solid-js'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createBoardStore } from './board-store.ts'

/** The store holds valid elements only (shared/schema): each fixture is a full element of its kind. */
const box = { x: 0, y: 0, w: 180, h: 90 }

function addElement(doc: Y.Doc, id: string, fields: Record<string, unknown>): void {
  doc.transact(() => {
    const element = new Y.Map<unknown>()
    for (const [key, value] of Object.entries(fields)) element.set(key, value)
    doc.getMap('elements').set(id, element)
  })
}

function withStore(doc: Y.Doc, run: (store: ReturnType<typeof createBoardStore>) => void): () => void {
  let dispose = () => {}
  createRoot((d) => {
    dispose = d
    run(createBoardStore(doc))
  })
  return dispose
}

describe('createBoardStore', () => {
  it('reads the elements already in the document', () => {
    const doc = new Y.Doc()
    addElement(doc, 'a1', { kind: 'actor', ...box, label: 'Makers e.V.', sector: 'creative', commitment: 'idea' })
    addElement(doc, 'u1', { kind: 'use', ...box, label: 'Open workshop', category: 'makerspace' })
    withStore(doc, (store) => {
      expect(store.state.elements.a1).toMatchObject({ id: 'a1', kind: 'actor', label: 'Makers e.V.' })
      expect(store.elementCount()).toBe(2)
      expect(store.countsByKind()).toEqual({ actor: 1, use: 1 })
    })()
  })

  it('follows additions, field changes and deletions', () => {
    const doc = new Y.Doc()
    withStore(doc, (store) => {
      expect(store.elementCount()).toBe(0)
      addElement(doc, 'n1', { kind: 'note', ...box, label: 'Heating?', color: 'yellow' })
      addElement(doc, 'n2', { kind: 'note', ...box, label: 'Parking' })
      expect(store.countsByKind()).toEqual({ note: 2 })

      const note = doc.getMap('elements').get('n1') as Y.Map<unknown>
      note.set('label', 'Heating costs?')
      expect(store.state.elements.n1?.label).toBe('Heating costs?')

      doc.getMap('elements').delete('n2')
      expect(store.state.elements.n2).toBeUndefined()
      expect('n2' in store.state.elements).toBe(false)
      expect(store.countsByKind()).toEqual({ note: 1 })
    })()
  })

  it('applies changes that arrive from another client', () => {
    const local = new Y.Doc()
    const remote = new Y.Doc()
    withStore(local, (store) => {
      addElement(remote, 'z1', { kind: 'zone', ...box, label: 'Hall B', areaM2: 1500 })
      Y.applyUpdate(local, Y.encodeStateAsUpdate(remote))
      expect(store.state.elements.z1).toMatchObject({ kind: 'zone', areaM2: 1500 })

      const before = Y.encodeStateVector(remote)
      ;(remote.getMap('elements').get('z1') as Y.Map<unknown>).set('areaM2', 1200)
      Y.applyUpdate(local, Y.encodeStateAsUpdate(remote, before))
      expect(store.state.elements.z1?.areaM2).toBe(1200)
    })()
  })

  it('re-runs a view of one field only when that field changes', () => {
    const doc = new Y.Doc()
    addElement(doc, 'a1', { kind: 'actor', ...box, label: 'Makers', sector: 'creative', commitment: 'idea', stance: 'neutral' })
    const seen: unknown[] = []
    const dispose = withStore(doc, (store) => {
      createEffect(() => seen.push(store.state.elements.a1?.label))
    })
    const actor = doc.getMap('elements').get('a1') as Y.Map<unknown>
    actor.set('stance', 'champion')
    actor.set('label', 'Makers e.V.')
    expect(seen).toEqual(['Makers', 'Makers e.V.'])
    dispose()
  })

  it('counts a whole transaction as one change', () => {
    const doc = new Y.Doc()
    const totals: number[] = []
    const dispose = withStore(doc, (store) => {
      createEffect(() => totals.push(store.elementCount()))
    })
    doc.transact(() => {
      addElement(doc, 'p1', {
        kind: 'phase',
        ...box,
        label: 'Now',
        stage: 'interim',
        start: '2027-01',
        end: '2027-06',
        refs: ['u1'],
      })
      addElement(doc, 'l1', { kind: 'link', from: 'a1', to: 'u1', relation: 'operates' })
    })
    expect(totals).toEqual([0, 2])
    dispose()
  })

  it('binds the site profile and the live title', () => {
    const doc = new Y.Doc()
    withStore(doc, (store) => {
      expect(store.state.site).toEqual({})
      doc.getMap('site').set('name', 'Old brewery')
      doc.getMap('meta').set('title', 'Round 2')
      expect(store.state.site.name).toBe('Old brewery')
      expect(store.state.title).toBe('Round 2')
    })()
  })

  it('ignores entries that are not element maps', () => {
    const doc = new Y.Doc()
    doc.getMap('elements').set('junk', 42)
    withStore(doc, (store) => {
      expect(store.elementCount()).toBe(0)
    })()
  })

  it('skips elements that do not validate, and follows one that becomes valid or invalid', () => {
    const doc = new Y.Doc()
    addElement(doc, 'bad', { kind: 'actor', ...box, label: 'No sector', commitment: 'idea' })
    addElement(doc, 'odd', { kind: 'spaceship', ...box })
    withStore(doc, (store) => {
      expect(Object.keys(store.state.elements)).toEqual([])
      const actor = doc.getMap('elements').get('bad') as Y.Map<unknown>
      actor.set('sector', 'creative')
      expect(store.state.elements.bad).toMatchObject({ kind: 'actor', sector: 'creative' })
      actor.set('sector', 'pirates')
      expect('bad' in store.state.elements).toBe(false)
    })()
  })

  it('stops observing when its owner is disposed', () => {
    const doc = new Y.Doc()
    let state: ReturnType<typeof createBoardStore>['state'] | undefined
    const dispose = withStore(doc, (store) => {
      state = store.state
    })
    dispose()
    addElement(doc, 'a2', { kind: 'actor', ...box, label: 'Late', sector: 'culture', commitment: 'idea' })
    expect(state?.elements.a2).toBeUndefined()
  })
})
