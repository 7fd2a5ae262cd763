import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { writeBoardDocument } from '../schema/convert.ts'
import { emptyBoardDocument } from '../schema/document.ts'
import { getElementMap, getSite } from '../schema/layout.ts'
import type { Role } from '../schema/roles.ts'
import { applyOperationAs } from './apply-operation.ts'
import type { OperationInput } from './operation.ts'

const board = () => {
  const doc = new Y.Doc()
  writeBoardDocument(doc, {
    ...emptyBoardDocument({ id: 'b', title: 'Mill' }),
    elements: [
      { id: 'n1', kind: 'note', x: 0, y: 0, w: 100, h: 100, label: 'free', color: 'yellow' },
      { id: 'n2', kind: 'note', x: 0, y: 0, w: 100, h: 100, label: 'agreed', color: 'yellow', locked: true },
    ],
  } as Parameters<typeof writeBoardDocument>[1])
  return doc
}

describe('applyOperationAs: the server writes on behalf of a role', () => {
  it('refuses what the role may not do and writes nothing', () => {
    const doc = board()
    const before = Y.encodeStateVector(doc)
    const cases: Array<[Role, OperationInput, string]> = [
      ['viewer', { type: 'element.update', id: 'n1', fields: { label: 'x' } }, 'forbidden'],
      ['reviewer', { type: 'element.move', moves: [{ id: 'n1', x: 1, y: 1 }] }, 'forbidden'],
      ['editor', { type: 'element.update', id: 'n2', fields: { label: 'x' } }, 'locked'],
      ['editor', { type: 'element.delete', ids: ['n2'] }, 'locked'],
      ['editor', { type: 'element.update', id: 'n1', fields: { locked: true } }, 'forbidden'],
      ['editor', { type: 'element.lock', ids: ['n1'], locked: true }, 'forbidden'],
      ['editor', { type: 'site.update', fields: { name: 'x' } }, 'forbidden'],
      ['editor', { type: 'board.profile', title: 'x' }, 'forbidden'],
      ['editor', { type: 'board.replace', document: emptyBoardDocument({ id: 'b', title: 'x' }) }, 'forbidden'],
    ]
    for (const [role, op, code] of cases) {
      const result = applyOperationAs(doc, op, role)
      expect(result, `${role} ${op.type}`).toMatchObject({ ok: false, error: { code } })
    }
    expect(Y.encodeStateVector(doc)).toEqual(before)
  })

  it('lets facilitators lock, relabel locked elements and change the profile', () => {
    const doc = board()
    expect(applyOperationAs(doc, { type: 'element.lock', ids: ['n1'], locked: true }, 'facilitator').ok).toBe(true)
    expect(getElementMap(doc, 'n1')?.get('locked')).toBe(true)
    expect(applyOperationAs(doc, { type: 'element.update', id: 'n2', fields: { label: 'revised' } }, 'facilitator').ok).toBe(true)
    expect(applyOperationAs(doc, { type: 'board.profile', site: { name: 'Brewery' } }, 'owner').ok).toBe(true)
    expect(getSite(doc).toJSON()).toEqual({ name: 'Brewery' })
    expect(applyOperationAs(doc, { type: 'element.lock', ids: ['n2'], locked: false }, 'facilitator').ok).toBe(true)
    expect(getElementMap(doc, 'n2')?.has('locked')).toBe(false)
    expect(applyOperationAs(doc, { type: 'element.update', id: 'n2', fields: { label: 'now free' } }, 'editor').ok).toBe(true)
  })

  it('reports what a replace changes, counted against the state it replaces', () => {
    const doc = board()
    const result = applyOperationAs(
      doc,
      {
        type: 'board.replace',
        document: {
          ...emptyBoardDocument({ id: 'b', title: 'Mill' }),
          elements: [{ id: 'n1', kind: 'note', x: 5, y: 0, w: 100, h: 100, label: 'free', color: 'yellow' }],
        },
      },
      'facilitator',
    )
    expect(result).toEqual({ ok: true, summary: { added: 0, removed: 1, changed: 1 } })
  })
})
