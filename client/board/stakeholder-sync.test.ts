import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyOperation } from '../../shared/operations/apply-operation.ts'
import { writeBoardDocument } from '../../shared/schema/convert.ts'
import { BoardDocument } from '../../shared/schema/document.ts'
import { getElements } from '../../shared/schema/layout.ts'
import { gridPositionFor, STAKEHOLDER_GRID, valuesAt } from '../../shared/templates/stakeholder-grid.ts'
import { stakeholderMapTemplate } from '../../shared/templates/stakeholder-map.ts'
import { createLocalWrites } from './local-writes.ts'
import { createStakeholderSync, findStakeholderGrid } from './stakeholder-sync.ts'

type Fields = { x: number; y: number; w: number; h: number; influence?: number; interest?: number }

function setup() {
  const doc = new Y.Doc()
  writeBoardDocument(doc, stakeholderMapTemplate(), 'server')
  const writes = createLocalWrites(doc)
  const stop = createStakeholderSync(doc, writes)
  const actor = (id: string) => (getElements(doc).get(id) as Y.Map<unknown>).toJSON() as Fields
  const centre = (id: string) => {
    const a = actor(id)
    return { x: a.x + a.w / 2, y: a.y + a.h / 2 }
  }
  /** moves an actor so that its centre is at `point` (a drop) */
  const dropAt = (id: string, point: { x: number; y: number }) => {
    const a = actor(id)
    writes.undoManager.stopCapturing()
    return writes.apply({ type: 'element.move', moves: [{ id, x: point.x - a.w / 2, y: point.y - a.h / 2 }] })
  }
  return { doc, writes, stop, actor, centre, dropAt }
}

describe('stakeholder grid sync', () => {
  it('finds the grid of the stakeholder-map template (its four quadrant frames)', () => {
    const { doc } = setup()
    expect(findStakeholderGrid(doc)).toEqual(STAKEHOLDER_GRID)
    expect(findStakeholderGrid(new Y.Doc())).toBeNull()
  })

  it('dropping an actor on the grid sets its influence and interest from the place', () => {
    const { actor, dropAt } = setup()
    // the makers' association (influence 2, interest 5) is dropped into "manage closely" at (5, 4)
    dropAt('actor-makers', gridPositionFor(5, 4))
    expect(actor('actor-makers')).toMatchObject({ influence: 5, interest: 4 })
    // a drop near the low-left corner: (1, 1)
    dropAt('actor-makers', { x: 30, y: 1170 })
    expect(actor('actor-makers')).toMatchObject({ influence: 1, interest: 1 })
  })

  it('editing influence or interest moves the actor to its slot', () => {
    const { writes, centre } = setup()
    writes.apply({ type: 'element.update', id: 'actor-owner', fields: { influence: 1 } })
    expect(centre('actor-owner')).toEqual(gridPositionFor(1, 2))
    writes.apply({ type: 'element.update', id: 'actor-owner', fields: { influence: 4, interest: 5 } })
    expect(centre('actor-owner')).toEqual(gridPositionFor(4, 5))
  })

  it('one undo takes back the drop and the values it set', () => {
    const { writes, actor, dropAt } = setup()
    const before = actor('actor-neighbours')
    dropAt('actor-neighbours', gridPositionFor(5, 5))
    expect(actor('actor-neighbours')).toMatchObject({ influence: 5, interest: 5 })
    writes.undoManager.undo()
    expect(actor('actor-neighbours')).toEqual(before)
    writes.undoManager.redo()
    expect(actor('actor-neighbours')).toMatchObject({ influence: 5, interest: 5 })
  })

  it('leaves an actor alone off the grid, and a move within its own slot', () => {
    const { actor, dropAt } = setup()
    dropAt('actor-heritage', { x: 2000, y: 300 })
    expect(actor('actor-heritage')).toMatchObject({ influence: 4, interest: 3 })
    const slot = gridPositionFor(5, 5)
    dropAt('actor-municipality', { x: slot.x + 20, y: slot.y - 15 })
    expect(actor('actor-municipality')).toMatchObject({ influence: 5, interest: 5 })
  })

  it('does not follow others’ changes (they follow their own)', () => {
    const { doc, actor } = setup()
    applyOperation(doc, { type: 'element.update', id: 'actor-owner', fields: { influence: 1 } }, 'remote')
    const owner = actor('actor-owner')
    expect(valuesAt(owner.x + owner.w / 2, owner.y + owner.h / 2)).toEqual({ influence: 5, interest: 2 })
  })

  it('gives a new actor placed on the grid the values of its place', () => {
    const { writes, actor } = setup()
    const at = gridPositionFor(2, 4)
    writes.apply({
      type: 'element.add',
      elements: [
        {
          id: 'a-new',
          kind: 'actor',
          label: 'New',
          sector: 'civil',
          commitment: 'idea',
          x: at.x - 90,
          y: at.y - 45,
          w: 180,
          h: 90,
        },
      ],
    })
    expect(actor('a-new')).toMatchObject({ influence: 2, interest: 4 })
  })

  it('finds a pasted grid by its quadrant labels, and stops when told to', () => {
    const doc = new Y.Doc()
    const template = stakeholderMapTemplate()
    const shifted = template.elements.map((element) =>
      element.kind === 'frame' && element.id.startsWith('quadrant-')
        ? { ...element, id: `copy-${element.id.slice(9)}`, x: element.x + 5000 }
        : element,
    )
    writeBoardDocument(doc, BoardDocument.parse({ ...template, elements: shifted }), 'server')
    expect(findStakeholderGrid(doc)).toEqual({ ...STAKEHOLDER_GRID, x: 5000 })

    const writes = createLocalWrites(doc)
    const stop = createStakeholderSync(doc, writes)
    stop()
    writes.apply({ type: 'element.move', moves: [{ id: 'actor-owner', x: 5000, y: 0 }] })
    expect((getElements(doc).get('actor-owner') as Y.Map<unknown>).get('influence')).toBe(5)
  })
})
