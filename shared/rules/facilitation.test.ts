import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { defaultFacilitation, type FacilitationState, getFacilitation } from '../facilitation/state.ts'
import { roles } from '../schema/roles.ts'
import { facilitationOf, mayCreateKind, mayEditNow } from './facilitation.ts'

const state = (patch: Partial<FacilitationState> = {}): FacilitationState => ({ ...defaultFacilitation(), ...patch })

describe('facilitation rules', () => {
  it('while editing is paused only owners and facilitators may edit', () => {
    for (const role of roles) expect(mayEditNow(role, state())).toBe(true)
    const paused = state({ editingPaused: true })
    expect(roles.filter((role) => mayEditNow(role, paused))).toEqual(['owner', 'facilitator'])
  })

  it('during a step that names kinds, participants create only those; facilitators anything', () => {
    const agenda = {
      steps: [
        { id: 's1', title: 'Ideas', allowedKinds: ['note' as const] },
        { id: 's2', title: 'Open' },
        { id: 's3', title: 'Nothing new', allowedKinds: [] },
      ],
      current: 0,
    }
    const at = (current: number | null) => state({ agenda: { ...agenda, current } })
    expect(mayCreateKind('editor', at(0), 'note')).toBe(true)
    expect(mayCreateKind('editor', at(0), 'actor')).toBe(false)
    expect(mayCreateKind('facilitator', at(0), 'actor')).toBe(true)
    expect(mayCreateKind('owner', at(0), 'zone')).toBe(true)
    // a step without allowedKinds, no current step, or no agenda: every kind
    expect(mayCreateKind('editor', at(1), 'actor')).toBe(true)
    expect(mayCreateKind('editor', at(null), 'actor')).toBe(true)
    expect(mayCreateKind('editor', state(), 'actor')).toBe(true)
    // an empty list allows nothing
    expect(mayCreateKind('editor', at(2), 'note')).toBe(false)
  })

  it('reads a document’s state once and again only after its facilitation map changes', () => {
    const doc = new Y.Doc()
    const first = facilitationOf(doc)
    expect(first).toEqual(defaultFacilitation())
    expect(facilitationOf(doc)).toBe(first)
    // another map's change keeps the cache
    doc.getMap('elements').set('n1', new Y.Map())
    expect(facilitationOf(doc)).toBe(first)

    getFacilitation(doc).set('editingPaused', true)
    const second = facilitationOf(doc)
    expect(second).not.toBe(first)
    expect(second.editingPaused).toBe(true)
    expect(facilitationOf(doc)).toBe(second)

    // a damaged value reads as its default
    getFacilitation(doc).set('editingPaused', 'yes')
    expect(facilitationOf(doc).editingPaused).toBe(false)

    // a change that arrives from another client invalidates too
    const remote = new Y.Doc()
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc))
    getFacilitation(remote).set('editingPaused', true)
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)))
    expect(facilitationOf(doc).editingPaused).toBe(true)

    // documents are cached apart
    expect(facilitationOf(new Y.Doc()).editingPaused).toBe(false)
  })
})
