import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readBoardDocument, writeBoardDocument } from '../schema/convert.ts'
import { parseBoardDocument } from '../schema/document.ts'
import { contractExample } from '../schema/fixtures/contract-example.ts'
import { compareZOrder } from '../schema/z-order.ts'
import { methodTemplates } from '../templates/index.ts'
import { applyOperation, applyOperationAs } from './apply-operation.ts'

function board() {
  const doc = new Y.Doc()
  const parsed = parseBoardDocument(contractExample())
  if (!parsed.ok) throw new Error(parsed.error.message)
  writeBoardDocument(doc, parsed.value)
  let transactions = 0
  doc.on('afterTransaction', () => transactions++)
  const read = () => readBoardDocument(doc, { id: 'b', title: 't' }).document
  return { doc, read, transactions: () => transactions }
}

describe('template.add', () => {
  it('adds the template right of the content in one transaction, with fresh ids and references that follow', () => {
    const { doc, read, transactions } = board()
    const before = read().elements
    const right = Math.max(...before.map((e) => ('x' in e ? e.x + e.w : Number.NEGATIVE_INFINITY)))
    const result = applyOperation(doc, { type: 'template.add', template: 'use-mix' })
    expect(result).toMatchObject({ ok: true, summary: { added: methodTemplates['use-mix']().elements.length } })
    expect(transactions()).toBe(1)
    const after = read().elements
    for (const element of before) expect(after.find((e) => e.id === element.id)).toEqual(element)
    const added = after.filter((e) => !before.some((b) => b.id === e.id))
    expect(added.every((e) => e.id.endsWith('-2'))).toBe(true)
    for (const e of added) if ('x' in e) expect(e.x).toBeGreaterThan(right)
    const studios = added.find((e) => e.id === 'use-studios-2')
    expect(studios?.kind === 'use' && studios.zone).toBe('zone-hall-upper-2')
    // frames below the cards they hold
    const frame = added.find((e) => e.id === 'site-plan-2')
    expect(frame && studios && compareZOrder(frame, studios)).toBeLessThan(0)
    // the contract example's zone "Hall B" (1,500 m²) names the first zone box
    expect(added.find((e) => e.id === 'zone-hall-ground-2')).toMatchObject({ label: 'Hall B', areaM2: 1500 })
    // again: the next free suffix
    applyOperation(doc, { type: 'template.add', template: 'use-mix' })
    expect(read().elements.some((e) => e.id === 'site-plan-3')).toBe(true)
  })

  it('needs the facilitator role and writes nothing when refused; an unknown template is invalid', () => {
    const { doc, transactions } = board()
    const refused = applyOperationAs(doc, { type: 'template.add', template: 'site-scan' }, 'editor')
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(transactions()).toBe(0)
    const invalid = applyOperationAs(doc, { type: 'template.add', template: 'blank' } as never, 'owner')
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_operation' } })
    expect(applyOperationAs(doc, { type: 'template.add', template: 'site-scan' }, 'facilitator').ok).toBe(true)
  })
})

describe("use mix on a board's own site", () => {
  it('names zones after the site and splits its floor area; only an empty site gets the demo mill', () => {
    const zonesOf = (document: ReturnType<(typeof methodTemplates)['use-mix']>) =>
      document.elements.filter((e) => e.kind === 'zone').map((z) => [z.label, z.kind === 'zone' ? z.areaM2 : undefined])
    const demo = zonesOf(methodTemplates['use-mix']())
    expect(demo[0]).toEqual(['Spinning hall, ground floor', 1200])
    const own = methodTemplates['use-mix']({ site: { name: 'Pivovar', areaM2: 4600 } })
    expect(zonesOf(own).map(([label]) => label)).toEqual([
      'Zone A (rename)',
      'Zone B (rename)',
      'Zone C (rename)',
      'Zone D (rename)',
      'Zone E (rename)',
    ])
    expect(zonesOf(own).reduce((sum, [, area]) => sum + Number(area), 0)).toBe(4600)
    expect(own.elements.find((e) => e.id === 'site-plan')?.label).toBe('Site plan of Pivovar: zones and their floor areas')
  })
})
