import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createDocumentBinding, type DocumentBinding, type DocumentChange } from './document-binding.ts'

const bindings: DocumentBinding[] = []
afterEach(() => {
  for (const binding of bindings.splice(0)) binding.destroy()
})

function setUp() {
  const doc = new Y.Doc()
  const binding = createDocumentBinding(doc)
  bindings.push(binding)
  const changes: DocumentChange[] = []
  binding.subscribe((change) => changes.push(change))
  return { doc, binding, changes }
}

function addElement(doc: Y.Doc, fields: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(fields)) map.set(key, value)
  doc.getMap('elements').set(String(fields.id), map)
  return map
}

const note = { id: 'n1', kind: 'note', x: 0, y: 0, w: 100, h: 100, label: 'Fine' }

describe('createDocumentBinding', () => {
  it('reads valid elements and skips invalid ones instead of throwing', () => {
    const { doc, binding } = setUp()
    addElement(doc, note)
    addElement(doc, { id: 'bad', kind: 'actor', x: 0, y: 0, w: 100, h: 50, label: 'No sector' })
    addElement(doc, { id: 'odd', kind: 'spaceship', x: 0, y: 0 })
    addElement(doc, { id: 'other', kind: 'note', x: 0, y: 0, w: 100, h: 100, label: 'x' }).set('id', 'elsewhere')
    doc.getMap('elements').set('junk', 42)
    expect(binding.read('n1')).toMatchObject({ id: 'n1', kind: 'note', label: 'Fine' })
    for (const id of ['bad', 'odd', 'other', 'junk', 'missing']) expect(() => binding.read(id)).not.toThrow()
    for (const id of ['bad', 'odd', 'other', 'junk', 'missing']) expect(binding.read(id)).toBeUndefined()
    expect([...binding.ids()].sort()).toEqual(['bad', 'junk', 'n1', 'odd', 'other'])
  })

  it('emits the ids one transaction touched: added, edited, deleted', () => {
    const { doc, changes } = setUp()
    const map = addElement(doc, note)
    expect(changes.map((change) => [...change.elements])).toEqual([['n1']])
    changes.length = 0
    doc.transact(() => {
      map.set('label', 'Edited')
      addElement(doc, { ...note, id: 'n2' })
    })
    expect(changes).toHaveLength(1)
    expect(new Set(changes[0]?.elements)).toEqual(new Set(['n1', 'n2']))
    changes.length = 0
    doc.getMap('elements').delete('n2')
    expect(changes.map((change) => [...change.elements])).toEqual([['n2']])
    expect(changes[0]?.settings.size).toBe(0)
  })

  it('follows the timeline origin of the settings and emits the settings keys that changed', () => {
    const { doc, binding, changes } = setUp()
    const before = binding.timeline
    doc.getMap('settings').set('timelineOrigin', '2030-01')
    expect(before.originMonth).not.toBe('2030-01')
    expect(binding.timeline.originMonth).toBe('2030-01')
    expect(changes.map((change) => [...change.settings])).toEqual([['timelineOrigin']])
    expect(changes[0]?.elements.size).toBe(0)
  })

  it('stops listening when destroyed', () => {
    const { doc, binding, changes } = setUp()
    binding.destroy()
    addElement(doc, note)
    expect(changes).toEqual([])
  })
})
