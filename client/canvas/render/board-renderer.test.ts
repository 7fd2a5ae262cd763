import './test-canvas.ts'
import type Konva from 'konva'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { textileMillDocument } from '../../../shared/demo/textile-mill.ts'
import { translatorFor } from '../../../shared/i18n/index.ts'
import { writeBoardDocument } from '../../../shared/schema/convert.ts'
import { createDocumentBinding } from '../../board/document-binding.ts'
import { type BoardRenderer, createBoardRenderer } from './board-renderer.ts'
import { reconcileStats } from './reconcile.ts'

const renderers: BoardRenderer[] = []
afterEach(() => {
  for (const renderer of renderers.splice(0)) renderer.destroy()
})

function setUp(doc = demoDoc()) {
  const renderer = createBoardRenderer({ doc, t: translatorFor('en'), locale: 'en', cache: false })
  renderers.push(renderer)
  const changes: Set<string>[] = []
  renderer.onChange((ids) => changes.push(new Set(ids)))
  renderer.flush()
  return { doc, renderer, changes }
}

function demoDoc(): Y.Doc {
  const doc = new Y.Doc()
  writeBoardDocument(doc, textileMillDocument)
  return doc
}

const elementMap = (doc: Y.Doc, id: string) => doc.getMap('elements').get(id) as Y.Map<unknown>

function addElement(doc: Y.Doc, fields: Record<string, unknown>): void {
  const map = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(fields)) map.set(key, value)
  doc.getMap('elements').set(String(fields.id), map)
}

const textsOf = (node: Konva.Node | undefined): string[] =>
  node ? (node as Konva.Group).find('Text').map((text) => (text as Konva.Text).text()) : []

const arrowPoints = (renderer: BoardRenderer, id: string): number[] =>
  ((renderer.nodeOf(id)?.findOne('Arrow') as Konva.Arrow | undefined)?.points() ?? []).slice()

describe('createBoardRenderer', () => {
  it('draws every element of the demo as a group named element, in z-order, with links under the cards', () => {
    const { renderer } = setUp()
    const groups = renderer.layer.getChildren((node) => node.hasName('element'))
    expect(groups).toHaveLength(textileMillDocument.elements.length)
    const order = groups.map((group) => group.id())
    expect(order.indexOf('f-actors')).toBeLessThan(order.indexOf('z-hall-a'))
    expect(order.indexOf('z-hall-a')).toBeLessThan(order.indexOf('l-makers-workshop'))
    expect(order.indexOf('l-makers-workshop')).toBeLessThan(order.indexOf('a-makers'))
    expect(textsOf(renderer.nodeOf('a-makers'))).toEqual(
      expect.arrayContaining(['Werkstatt Weißenau e.V.', 'Creative industries', '350 m²']),
    )
    // the highlight overlay stays on top
    expect(renderer.layer.getChildren().at(-1)?.name()).toBe('highlights')
  })

  it('finds the element of any node inside its group', () => {
    const { renderer } = setUp()
    const group = renderer.nodeOf('u-cafe')
    const text = group?.findOne('Text') ?? null
    expect(renderer.elementIdOf(text)).toBe('u-cafe')
    expect(renderer.elementIdOf(group ?? null)).toBe('u-cafe')
    expect(renderer.elementIdOf(renderer.layer)).toBeNull()
    expect(renderer.elementIdOf(null)).toBeNull()
  })

  it('re-renders only the changed element, patching its nodes in place', () => {
    const { doc, renderer, changes } = setUp()
    const groups = () => renderer.layer.getChildren((node) => node.hasName('element'))
    const before = new Map(groups().map((node) => [node.id(), node]))
    const created = reconcileStats.created
    changes.length = 0
    elementMap(doc, 'n-roof').set('label', 'The dye works roof leaks.')
    renderer.flush()
    expect(changes).toEqual([new Set(['n-roof'])])
    expect(reconcileStats.created).toBe(created) // nothing built anew: one attribute set
    expect(textsOf(renderer.nodeOf('n-roof'))).toContain('The dye works roof leaks.')
    for (const node of groups()) expect(before.get(node.id())).toBe(node)
  })

  it('batches one transaction into one render, and renders nothing before the frame', () => {
    const { doc, renderer, changes } = setUp()
    changes.length = 0
    doc.transact(() => {
      elementMap(doc, 'a-owner').set('stance', 'champion')
      elementMap(doc, 'a-town').set('commitment', 'signed')
    })
    expect(changes).toEqual([])
    renderer.flush()
    expect(changes).toEqual([new Set(['a-owner', 'a-town'])])
  })

  it('re-routes the links of a moved element; only links near it (whose labels avoid cards) re-render too', () => {
    const { doc, renderer, changes } = setUp()
    const before = arrowPoints(renderer, 'l-makers-workshop')
    const unrelated = arrowPoints(renderer, 'l-roastery-cafe')
    changes.length = 0
    elementMap(doc, 'a-makers').set('y', 400)
    renderer.flush()
    const changed = changes[0] ?? new Set<string>()
    for (const id of ['a-makers', 'l-makers-workshop', 'l-cicmany-makers']) expect(changed.has(id)).toBe(true)
    const others = [...changed].filter((id) => !['a-makers', 'l-makers-workshop', 'l-cicmany-makers'].includes(id))
    expect(others.length).toBeLessThanOrEqual(3)
    for (const id of others) expect(id.startsWith('l-')).toBe(true)
    const after = arrowPoints(renderer, 'l-makers-workshop')
    expect(after).not.toEqual(before)
    expect(after[1]).toBeGreaterThan(before[1] ?? 0)
    expect(arrowPoints(renderer, 'l-roastery-cafe')).toEqual(unrelated)
  })

  it('updates the uses placed in a zone when the zone is renamed, and the zone when a use changes its area', () => {
    const { doc, renderer, changes } = setUp()
    changes.length = 0
    elementMap(doc, 'z-villa').set('label', 'Villa')
    renderer.flush()
    expect(changes[0]).toEqual(new Set(['z-villa', 'u-coworking', 'u-shop', 'u-community']))
    expect(textsOf(renderer.nodeOf('u-shop'))).toContain('Villa')
    changes.length = 0
    elementMap(doc, 'u-shop').set('areaM2', 220)
    renderer.flush()
    expect(changes[0]).toEqual(new Set(['u-shop', 'z-villa']))
    expect(textsOf(renderer.nodeOf('z-villa')).join(' ')).toContain('620 m² planned')
  })

  it('redraws the phases, and only them, when the timeline origin changes', () => {
    const { doc, renderer, changes } = setUp()
    const phases = textileMillDocument.elements.filter((element) => element.kind === 'phase').map((element) => element.id)
    expect(phases.length).toBeGreaterThan(0)
    changes.length = 0
    doc.getMap('settings').set('timelineOrigin', '2020-01')
    renderer.flush()
    expect(changes).toEqual([new Set(phases)])
    changes.length = 0
    doc.getMap('settings').set('commitmentWeights', { idea: 1 })
    renderer.flush()
    expect(changes).toEqual([])
  })

  it('redraws the cards with the board’s second working language when it shows both', () => {
    const { doc, renderer, changes } = setUp()
    elementMap(doc, 'a-makers').set('labels', { sl: 'Delavnica Weißenau' })
    renderer.flush()
    expect(textsOf(renderer.nodeOf('a-makers'))).not.toContain('Delavnica Weißenau')
    changes.length = 0
    doc.transact(() => {
      doc.getMap('settings').set('languages', ['de', 'sl'])
      doc.getMap('settings').set('showBothLanguages', true)
    })
    renderer.flush()
    expect(textsOf(renderer.nodeOf('a-makers'))).toEqual(
      expect.arrayContaining(['Werkstatt Weißenau e.V.', 'Delavnica Weißenau']),
    )
    const redrawn = changes[0] ?? new Set<string>()
    expect(redrawn.has('a-makers')).toBe(true)
    // links and phases show no second language: left alone
    const untouched = textileMillDocument.elements.filter((element) => element.kind === 'link' || element.kind === 'phase')
    expect(untouched.some((element) => redrawn.has(element.id))).toBe(false)
    doc.getMap('settings').delete('showBothLanguages')
    renderer.flush()
    expect(textsOf(renderer.nodeOf('a-makers'))).not.toContain('Delavnica Weißenau')
  })

  it('draws from a binding it is given, and leaves it open when destroyed', () => {
    const doc = demoDoc()
    const binding = createDocumentBinding(doc)
    const renderer = createBoardRenderer({ doc, binding, t: translatorFor('en'), locale: 'en', cache: false })
    renderer.flush()
    expect(renderer.nodeOf('a-makers')).toBeDefined()
    renderer.destroy()
    const seen: string[] = []
    binding.subscribe((change) => seen.push(...change.elements))
    elementMap(doc, 'a-makers').set('label', 'Makers')
    expect(seen).toEqual(['a-makers'])
    binding.destroy()
  })

  it('removes the node of a deleted element and leaves its links dangling', () => {
    const { doc, renderer } = setUp()
    doc.getMap('elements').delete('u-workshop')
    renderer.flush()
    expect(renderer.nodeOf('u-workshop')).toBeUndefined()
    expect(renderer.layer.findOne('#u-workshop')).toBeUndefined()
    expect(renderer.boundsOf('u-workshop')).toBeNull()
    const link = renderer.nodeOf('l-makers-workshop')
    expect(link?.findOne('Arrow')).toBeUndefined()
    expect(textsOf(link).join(' ')).toContain('linked element missing')
  })

  it('culls elements outside the viewport and shows them again when they come into view', () => {
    const { renderer } = setUp()
    renderer.setViewport({ x: 0, y: 0, width: 400, height: 300 })
    expect(renderer.nodeOf('a-owner')?.visible()).toBe(true)
    expect(renderer.nodeOf('p-longterm')?.visible()).toBe(false)
    expect(renderer.nodeOf('n-roof')?.visible()).toBe(false)
    const roof = renderer.boundsOf('n-roof')
    if (!roof) throw new Error('no bounds')
    renderer.setViewport({ x: roof.x - 100, y: roof.y - 100, width: 400, height: 300 })
    expect(renderer.nodeOf('n-roof')?.visible()).toBe(true)
    expect(renderer.nodeOf('a-owner')?.visible()).toBe(false)
  })

  it('does not build far elements until they come into view', () => {
    const doc = demoDoc()
    const renderer = createBoardRenderer({ doc, t: translatorFor('en'), locale: 'en', cache: false })
    renderers.push(renderer)
    renderer.setViewport({ x: -200, y: -100, width: 300, height: 200 })
    const built = renderer.layer.getChildren((node) => node.hasName('element')).map((node) => node.id())
    expect(built).toContain('a-szonyi')
    expect(built).not.toContain('p-longterm')
    expect(built.length).toBeLessThan(textileMillDocument.elements.length / 2)
  })

  it('shows previews (drags) with links following, and drops them when cleared', () => {
    const { renderer } = setUp()
    const doc = renderer.boundsOf('a-makers')
    const before = arrowPoints(renderer, 'l-makers-workshop')
    renderer.setPreview('me', new Map([['a-makers', { x: 0, y: 900 }]]))
    renderer.flush()
    expect(renderer.nodeOf('a-makers')?.position()).toEqual({ x: 0, y: 900 })
    expect(renderer.boundsOf('a-makers')).toMatchObject({ x: 0, y: 900 })
    expect(arrowPoints(renderer, 'l-makers-workshop')).not.toEqual(before)
    renderer.setPreview('peer-7', new Map([['u-cafe', { w: 300, h: 150 }]]))
    renderer.flush()
    expect(renderer.boundsOf('u-cafe')).toMatchObject({ width: 300, height: 150 })
    renderer.setPreview('me', new Map())
    renderer.flush()
    expect(renderer.boundsOf('a-makers')).toEqual(doc)
    expect(arrowPoints(renderer, 'l-makers-workshop')).toEqual(before)
    expect(renderer.boundsOf('u-cafe')).toMatchObject({ width: 300 })
  })

  it('answers marquee and point queries from its spatial index', () => {
    const { renderer } = setUp()
    const owner = renderer.boundsOf('a-owner')
    if (!owner) throw new Error('no bounds')
    const around = { x: owner.x - 5, y: owner.y - 5, width: owner.width + 10, height: owner.height + 10 }
    expect(renderer.elementsIn(around)).toEqual(['a-owner'])
    expect(renderer.elementAt({ x: owner.x + 10, y: owner.y + 10 })).toBe('a-owner')
    // inside the frame but on no card: the frame
    expect(renderer.elementAt({ x: owner.x + 10, y: owner.y - 20 })).toBe('f-actors')
    expect(renderer.elementAt({ x: -5000, y: -5000 })).toBeNull()
    // on a link's line between two cards
    const link = arrowPoints(renderer, 'l-town-visitor')
    const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = link
    expect(renderer.elementAt({ x: x1 + (x2 - x1) / 4, y: y1 + (y2 - y1) / 4 })).toBe('l-town-visitor')
  })

  it('skips malformed entries and draws them once they are valid', () => {
    const { doc, renderer } = setUp(new Y.Doc())
    addElement(doc, { id: 'bad', kind: 'actor', x: 0, y: 0, w: 100, h: 50, label: 'No sector' })
    addElement(doc, { id: 'odd', kind: 'spaceship', x: 0, y: 0 })
    doc.getMap('elements').set('junk', 42)
    addElement(doc, { id: 'ok', kind: 'note', x: 0, y: 0, w: 100, h: 100, label: 'Fine' })
    expect(() => renderer.flush()).not.toThrow()
    expect(renderer.nodeOf('bad')).toBeUndefined()
    expect(renderer.nodeOf('ok')).toBeDefined()
    doc.transact(() => {
      elementMap(doc, 'bad').set('sector', 'creative')
      elementMap(doc, 'bad').set('commitment', 'idea')
    })
    renderer.flush()
    expect(renderer.nodeOf('bad')).toBeDefined()
    elementMap(doc, 'bad').set('sector', 'pirates')
    renderer.flush()
    expect(renderer.nodeOf('bad')).toBeUndefined()
  })

  it('follows z-order changes', () => {
    const { doc, renderer } = setUp(new Y.Doc())
    addElement(doc, { id: 'n1', kind: 'note', x: 0, y: 0, w: 100, h: 100, label: 'one', z: 'a1' })
    addElement(doc, { id: 'n2', kind: 'note', x: 50, y: 50, w: 100, h: 100, label: 'two', z: 'a2' })
    renderer.flush()
    expect(renderer.elementAt({ x: 75, y: 75 })).toBe('n2')
    elementMap(doc, 'n1').set('z', 'a3')
    renderer.flush()
    expect(renderer.layer.getChildren((node) => node.hasName('element')).map((node) => node.id())).toEqual(['n2', 'n1'])
    expect(renderer.elementAt({ x: 75, y: 75 })).toBe('n1')
  })

  it('outlines highlighted elements with a dash pattern per kind', () => {
    const { renderer } = setUp()
    renderer.setHighlight(['a-owner', 'u-cafe'], 'gap')
    renderer.setHighlight(['a-town'], 'diff-removed')
    const gap = renderer.layer.findOne('.highlight-gap') as Konva.Group
    expect(gap.getChildren()).toHaveLength(2)
    const removed = renderer.layer.findOne('.highlight-diff-removed') as Konva.Group
    expect((removed.getChildren()[0] as Konva.Rect).dash()).toEqual([10, 6])
    renderer.setHighlight([], null)
    expect(renderer.layer.findOne('.highlight-gap')).toBeUndefined()
  })

  it('renders 1,000 elements without error', () => {
    const doc = new Y.Doc()
    doc.transact(() => {
      for (let i = 0; i < 1000; i++) {
        const x = (i % 40) * 240
        const y = Math.floor(i / 40) * 140
        if (i % 4 === 3) addElement(doc, { id: `l${i}`, kind: 'link', from: `e${i - 1}`, to: `e${i - 2}`, relation: 'supports' })
        else if (i % 4 === 0)
          addElement(doc, {
            id: `e${i}`,
            kind: 'actor',
            x,
            y,
            w: 216,
            h: 100,
            label: `Actor ${i}`,
            sector: 'civil',
            commitment: 'loi',
          })
        else if (i % 4 === 1)
          addElement(doc, { id: `e${i}`, kind: 'use', x, y, w: 216, h: 100, label: `Use ${i}`, category: 'retail', areaM2: i })
        else addElement(doc, { id: `e${i}`, kind: 'note', x, y, w: 216, h: 100, label: `Note ${i}`, color: 'green' })
      }
    })
    const { renderer } = setUp(doc)
    expect(renderer.layer.getChildren((node) => node.hasName('element'))).toHaveLength(1000)
    renderer.setViewport({ x: 0, y: 0, width: 1600, height: 900 })
    const visible = renderer.layer.getChildren((node) => node.hasName('element') && node.visible())
    expect(visible.length).toBeGreaterThan(20)
    expect(visible.length).toBeLessThan(400)
    expect(() => renderer.layer.draw()).not.toThrow()
  })
})

describe('link labels keep clear of cards', () => {
  const card = (id: string, x: number, y: number) => ({
    id,
    kind: 'use',
    x,
    y,
    w: 180,
    h: 90,
    label: id,
    category: 'studio',
    z: `a${id.length}`,
  })
  const plateRect = (renderer: BoardRenderer, id: string) => {
    const label = renderer.nodeOf(id)?.findOne('.label') ?? (renderer.nodeOf(id) as Konva.Group | undefined)?.getChildren()[1]
    const plate = (label as Konva.Group).findOne('Rect') as Konva.Rect
    return { x: label?.x() ?? 0, y: label?.y() ?? 0, width: plate.width(), height: plate.height() }
  }
  const meets = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number }) =>
    a.x < b.x + 180 && b.x < a.x + a.width && a.y < b.y + 90 && b.y < a.y + a.height

  it('a card moved onto a link’s label sends the label beside it, as the export would', () => {
    const doc = new Y.Doc()
    addElement(doc, card('u1', 0, 0))
    addElement(doc, card('u2', 800, 0))
    addElement(doc, card('u3', 2000, 0))
    addElement(doc, { id: 'l1', kind: 'link', from: 'u1', to: 'u2', relation: 'synergy' })
    const { renderer } = setUp(doc)
    const before = plateRect(renderer, 'l1')
    expect(before.x + before.width / 2).toBeCloseTo(490, 0)
    // another card dropped on the middle of the arrow
    elementMap(doc, 'u3').set('x', 400)
    renderer.flush()
    const after = plateRect(renderer, 'l1')
    expect(meets(after, { x: 400, y: 0 })).toBe(false)
    expect(after).not.toEqual(before)
  })
})

describe('a phase being dragged', () => {
  it('is drawn where it lands, on whole months, with the months it will get', () => {
    const doc = new Y.Doc()
    addElement(doc, {
      id: 'p1',
      kind: 'phase',
      x: 0,
      y: 0,
      w: 144,
      h: 60,
      label: 'Pilot',
      stage: 'pilot',
      start: '2027-01',
      end: '2027-06',
    })
    const { renderer } = setUp(doc)
    renderer.setPreview('local', new Map([['p1', { x: 3 * 24 + 5, y: 10 }]]))
    renderer.flush()
    expect(renderer.boundsOf('p1')).toMatchObject({ x: 72, y: 10, width: 144 })
    expect(textsOf(renderer.nodeOf('p1')).join(' ').replace(/\s/g, ' ')).toContain('Apr – Sep 2027')
    renderer.setPreview('local', new Map())
    renderer.flush()
    expect(textsOf(renderer.nodeOf('p1')).join(' ').replace(/\s/g, ' ')).toContain('Jan – Jun 2027')
  })
})
