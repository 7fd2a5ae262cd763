import { describe, expect, it } from 'vitest'
import { textileMillDocument } from '../demo/textile-mill.ts'
import type { BoardDocument } from '../schema/document.ts'
import type { Element } from '../schema/elements.ts'
import { buildBoardScene, buildElementScene, buildLinkScene } from './build.ts'
import { edgePoint, linkEndpoints, sceneBounds } from './geometry.ts'
import { drawOrder } from './order.ts'
import { allNodes, contextFor, element, findByKey, texts } from './test-helpers.ts'
import { phaseBoxFor } from './timeline.ts'
import type { SceneNode } from './types.ts'

const actor = element({
  id: 'a1',
  kind: 'actor',
  x: 0,
  y: 0,
  w: 216,
  h: 100,
  label: 'Makers e.V.',
  sector: 'creative',
  country: 'DE',
  spaceNeedM2: 1350,
  commitment: 'loi',
  stance: 'champion',
})
const zone = element({
  id: 'z1',
  kind: 'zone',
  x: 0,
  y: 600,
  w: 500,
  h: 300,
  label: 'Hall B',
  labels: { de: 'Halle B' },
  areaM2: 1500,
})
const use = element({
  id: 'u1',
  kind: 'use',
  x: 300,
  y: 0,
  w: 216,
  h: 100,
  label: 'Open workshop',
  category: 'makerspace',
  areaM2: 400,
  zone: 'z1',
})
const phase = element({
  id: 'p1',
  kind: 'phase',
  ...phaseBoxFor('2027-03', '2028-02', 400, 64),
  label: 'Interim use',
  stage: 'interim',
  start: '2027-03',
  end: '2028-02',
  refs: ['u1', 'a1'],
})
const link = element({ id: 'l1', kind: 'link', from: 'a1', to: 'u1', relation: 'operates' })
const note = element({ id: 'n1', kind: 'note', x: 600, y: 0, w: 160, h: 160, label: 'Heating?', color: 'pink' })
const frame = element({ id: 'f1', kind: 'frame', x: -50, y: -50, w: 1200, h: 1000, label: 'Group 1', locked: true })
const image = element({
  id: 'i1',
  kind: 'image',
  x: 700,
  y: 600,
  w: 300,
  h: 200,
  label: 'Site plan',
  src: '/api/boards/b1/files/plan.png',
})
const all: Element[] = [actor, zone, use, phase, link, note, frame, image]
const ctx = contextFor(all)

describe('buildElementScene', () => {
  it.each(all.map((e) => [e.kind, e] as const))('builds a %s as a group named element with the element id', (_kind, e) => {
    const scene = buildElementScene(e, ctx)
    expect(scene).toMatchObject({ type: 'group', key: e.id, attrs: { name: 'element', id: e.id } })
    expect(scene.children?.length).toBeGreaterThan(0)
    // keys are unique among siblings (the reconciler matches by key)
    for (const node of allNodes(scene)) {
      const keys = (node.children ?? []).map((child) => child.key)
      expect(new Set(keys).size).toBe(keys.length)
    }
    // only plain data: survives JSON unchanged
    expect(JSON.parse(JSON.stringify(scene))).toEqual(scene)
  })

  it('shows an actor’s name, sector, country, space need, commitment (meter and text) and stance', () => {
    const scene = buildElementScene(actor, ctx)
    expect(scene.attrs).toMatchObject({ x: 0, y: 0 })
    expect(texts(scene)).toEqual(
      expect.arrayContaining(['Makers e.V.', 'Creative industries', 'DE', '1,350 m²', 'Letter of intent', '++']),
    )
    const meter = allNodes(scene).filter((n) => n.key.startsWith('meter'))
    expect(meter).toHaveLength(5)
    expect(meter.filter((n) => n.attrs.fill === '#344054')).toHaveLength(3) // idea, interested, loi
    expect(findByKey(scene, 'icon')?.type).toBe('path')
  })

  it('formats numbers for the locale', () => {
    const german = buildElementScene(actor, contextFor(all, { locale: 'de' }))
    expect(texts(german)).toContain('1.350 m²')
  })

  it('shows a use’s label, category, area and its zone’s name (in the board language when translated)', () => {
    expect(texts(buildElementScene(use, ctx))).toEqual(
      expect.arrayContaining(['Open workshop', 'Makerspace', '400 m²', 'Hall B']),
    )
    expect(texts(buildElementScene(use, contextFor(all, { lang: 'de' })))).toContain('Halle B')
    const missing = element({ ...use, zone: 'gone' })
    expect(texts(buildElementScene(missing, ctx))).toContain('zone missing')
    expect(findByKey(buildElementScene(use, ctx), 'pattern')?.attrs.data).toMatch(/^M/)
  })

  it('shows a phase’s label, months, ticks and the names it schedules', () => {
    const scene = buildElementScene(phase, ctx)
    const shown = texts(scene).map((s) => s.replace(/\s/g, ' '))
    expect(shown).toContain('Interim use')
    expect(shown).toContain('Mar 2027 – Feb 2028 · 12 months')
    expect(shown).toContain('schedules: Open workshop, Makers e.V.')
    // 11 month boundaries inside a 12-month bar, one of them a new year (longer tick)
    const ticks = findByKey(scene, 'ticks')?.attrs.data ?? ''
    expect(ticks.match(/M/g)).toHaveLength(11)
    expect(ticks).toContain('v-10')
  })

  it('cuts a long list of scheduled names with a count of the rest', () => {
    const many = element({ ...phase, w: 200, refs: ['u1', 'a1', 'z1', 'n1', 'f1'] })
    const refs = texts(buildElementScene(many, ctx)).find((text) => text.startsWith('schedules'))
    expect(refs).toMatch(/\+\d$|elements$/)
  })

  it('shows a zone’s label, area and planned occupancy', () => {
    const scene = buildElementScene(zone, contextFor(all, { plannedAreaOf: (id) => (id === 'z1' ? 1800 : undefined) }))
    expect(texts(scene)).toEqual(expect.arrayContaining(['Hall B', '1,500 m²', '1,800 m² planned · 120% · over-planned']))
    expect(findByKey(scene, 'outline')?.attrs.dash).toEqual([8, 5])
    expect(findByKey(scene, 'hatch')?.type).toBe('path')
    // its name and area on a tab above the top edge, where cards placed in it never cover them
    expect(findByKey(scene, 'tab')?.attrs.y).toBeLessThan(0)
    for (const key of ['label', 'area']) expect((findByKey(scene, key)?.attrs.y ?? 0) + 16).toBeLessThanOrEqual(0)
  })

  it('draws a note in its colour with a folded corner, and a frame with its title tab and lock', () => {
    const sticky = buildElementScene(note, ctx)
    expect(findByKey(sticky, 'paper')?.attrs.fill).toBe('#fcd7e6')
    expect(findByKey(sticky, 'fold')).toBeDefined()
    expect(findByKey(sticky, 'text')?.attrs).toMatchObject({ text: 'Heating?', wrap: 'word', ellipsis: true })
    const titled = buildElementScene(frame, ctx)
    expect(findByKey(titled, 'tab')?.attrs.y).toBeLessThan(0)
    expect(texts(titled)).toContain('Group 1')
    expect(findByKey(titled, 'lock')).toBeDefined()
    expect(findByKey(buildElementScene(actor, ctx), 'lock')).toBeUndefined()
    expect(findByKey(buildElementScene(element({ ...actor, locked: true }), ctx), 'lock')).toBeDefined()
  })

  it('makes an image node with the src over a placeholder', () => {
    const scene = buildElementScene(image, ctx)
    expect(findByKey(scene, 'image')).toMatchObject({
      type: 'image',
      attrs: { src: '/api/boards/b1/files/plan.png', width: 300, height: 200 },
    })
    expect(findByKey(scene, 'placeholder')?.attrs.name).toBe('placeholder')
  })

  it('keeps every text inside a box of its own (width, height, ellipsis)', () => {
    for (const e of all) {
      for (const node of allNodes(buildElementScene(e, ctx)).filter((n) => n.type === 'text')) {
        expect(node.attrs.width, `${e.id} ${node.key}`).toBeGreaterThan(0)
        expect(node.attrs.height, `${e.id} ${node.key}`).toBeGreaterThan(0)
        expect(node.attrs.ellipsis).toBe(true)
      }
    }
  })
})

describe('links', () => {
  it('computes where the centre-to-centre line leaves each box (hand-computed)', () => {
    // from centre (50, 50) of a 100×100 box to centre (350, 150) of a 100×100 box: slope 1/3
    const from = { x: 0, y: 0, w: 100, h: 100 }
    const to = { x: 300, y: 100, w: 100, h: 100 }
    const exit = edgePoint(from, { x: 350, y: 150 })
    expect(exit.x).toBe(100)
    expect(exit.y).toBeCloseTo(66.667, 3)
    const ends = linkEndpoints(from, to)
    expect(ends?.start.x).toBe(100)
    expect(ends?.start.y).toBeCloseTo(66.667, 3)
    expect(ends?.end.x).toBe(300)
    expect(ends?.end.y).toBeCloseTo(133.333, 3)
    // straight down: leaves through the bottom edge
    expect(linkEndpoints({ x: 0, y: 0, w: 200, h: 100 }, { x: 0, y: 300, w: 200, h: 100 })).toEqual({
      start: { x: 100, y: 100 },
      end: { x: 100, y: 300 },
    })
    // overlapping boxes with the same centre: nothing to draw
    expect(linkEndpoints(from, from)).toBeNull()
  })

  it('draws an arrow between the box edges with the relation at the middle', () => {
    const scene = buildLinkScene(link, { x: 0, y: 0, w: 100, h: 100 }, { x: 300, y: 100, w: 100, h: 100 }, ctx)
    const arrow = findByKey(scene, 'arrow')
    expect(arrow?.type).toBe('arrow')
    const [x1, y1, x2, y2] = arrow?.attrs.points ?? []
    expect([x1, y1, x2, y2]).toEqual([100, 66.67, 300, 133.33])
    expect(arrow?.attrs.dash).toBeUndefined()
    expect(texts(scene)).toContain('operates')
    const plate = findByKey(scene, 'label')
    const plateBox = plate ? sceneBounds(plate) : null
    expect(plateBox && plateBox.x + plateBox.width / 2).toBeCloseTo(200, 0)
    expect(plateBox && plateBox.y + plateBox.height / 2).toBeCloseTo(100, 0)
  })

  it('draws conflicts dashed and red, with the relation and the link’s own label', () => {
    const conflict = element({ id: 'l2', kind: 'link', from: 'a1', to: 'u1', relation: 'conflicts', label: 'noise at weekends' })
    const scene = buildLinkScene(conflict, { x: 0, y: 0, w: 216, h: 100 }, { x: 600, y: 0, w: 216, h: 100 }, ctx)
    expect(findByKey(scene, 'arrow')?.attrs).toMatchObject({ dash: [7, 5], stroke: '#c4320a', pointerAtBeginning: true })
    expect(texts(scene)).toEqual(expect.arrayContaining(['conflicts with', 'noise at weekends']))
  })

  it('draws a dangling link as a stub with a warning from the end that exists', () => {
    const dangling = element({ id: 'l3', kind: 'link', from: 'a1', to: 'gone', relation: 'uses' })
    const scene = buildElementScene(dangling, ctx)
    expect(findByKey(scene, 'arrow')).toBeUndefined()
    const stub = findByKey(scene, 'stub')
    expect(stub?.attrs.dash).toBeDefined()
    const [x1, y1] = stub?.attrs.points ?? []
    // leaves the 216×100 actor box at its top edge, up and to the right of its centre
    expect(y1).toBe(0)
    expect(x1).toBeCloseTo(158, 0)
    expect(findByKey(scene, 'glyph')?.type).toBe('path')
    expect(texts(scene).join(' ')).toContain('linked element missing')
    expect(buildLinkScene(dangling, undefined, undefined, ctx).children).toEqual([])
  })
})

describe('buildBoardScene', () => {
  it('orders frames first, links above containers and below cards', () => {
    const order: string[] = drawOrder(all).map((e) => e.id)
    expect(order.indexOf('f1')).toBe(0)
    expect(order.indexOf('l1')).toBeGreaterThan(order.indexOf('z1'))
    expect(order.indexOf('l1')).toBeGreaterThan(order.indexOf('i1'))
    expect(order.indexOf('l1')).toBeLessThan(order.indexOf('a1'))
  })

  it('builds the demo board with every element, deterministically', () => {
    const scene = buildBoardScene(textileMillDocument)
    expect(scene.children).toHaveLength(textileMillDocument.elements.length)
    const again = buildBoardScene(JSON.parse(JSON.stringify(textileMillDocument)) as BoardDocument)
    expect(JSON.stringify(again)).toBe(JSON.stringify(scene))
    const shuffled = { ...textileMillDocument, elements: [...textileMillDocument.elements].reverse() }
    expect(JSON.stringify(buildBoardScene(shuffled))).toBe(JSON.stringify(scene))
    const bounds = sceneBounds(scene)
    expect(bounds?.width).toBeGreaterThan(2000)
    // the zones show their planned occupancy, computed from the uses placed in them
    expect(texts(scene).some((text) => /m² planned · \d+%/.test(text))).toBe(true)
  })

  it('builds a board of 5,000 elements', () => {
    const elements: Element[] = []
    for (let i = 0; i < 5000; i++) {
      const x = (i % 70) * 240
      const y = Math.floor(i / 70) * 140
      if (i % 5 === 4) elements.push(element({ id: `l${i}`, kind: 'link', from: `e${i - 1}`, to: `e${i - 2}`, relation: 'uses' }))
      else if (i % 5 === 0)
        elements.push(
          element({
            id: `e${i}`,
            kind: 'actor',
            x,
            y,
            w: 216,
            h: 100,
            label: `Actor ${i}`,
            sector: 'culture',
            commitment: 'idea',
          }),
        )
      else
        elements.push(
          element({ id: `e${i}`, kind: 'use', x, y, w: 216, h: 100, label: `Use ${i}`, category: 'studio', areaM2: i }),
        )
    }
    const document: BoardDocument = { ...textileMillDocument, elements }
    const scene: SceneNode = buildBoardScene(document)
    expect(scene.children).toHaveLength(5000)
  })
})
