import type { BoardDocument } from '../schema/document.ts'
import type { Element } from '../schema/elements.ts'
import { commitments, relations, sectors, stages, stances, useCategories } from '../schema/enums.ts'
import type { ElementId } from '../schema/fields.ts'

/** How many elements of each kind a synthetic board of `size` elements has. */
export interface SyntheticShape {
  actors: number
  uses: number
  zones: number
  phases: number
  links: number
  notes: number
  /** Links made to dangle on purpose (every 40th). */
  danglingLinks: number
}

/**
 * A realistic large board for benchmarks and scale tests, the same for the same size:
 * 25 % actors, 25 % uses, 2 % zones, 2 % phases, 36 % links (mostly actor–use, some
 * actor–actor, every 40th dangling), the rest notes. Deterministic (seeded PRNG).
 */
export function syntheticBoard(size: number, seed = 42): { document: BoardDocument; shape: SyntheticShape } {
  const random = mulberry32(seed)
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T
  const count = (share: number) => Math.max(1, Math.floor(size * share))
  const shape: SyntheticShape = {
    actors: count(0.25),
    uses: count(0.25),
    zones: count(0.02),
    phases: count(0.02),
    links: count(0.36),
    notes: 0,
    danglingLinks: 0,
  }
  shape.notes = Math.max(0, size - shape.actors - shape.uses - shape.zones - shape.phases - shape.links)
  const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(6, '0')}` as ElementId
  const box = (n: number) => ({ x: (n % 100) * 200, y: Math.floor(n / 100) * 120, w: 180, h: 90 })
  const elements: Element[] = []
  let n = 0
  for (let i = 0; i < shape.zones; i++)
    elements.push({ id: id('z', i), kind: 'zone', ...box(n++), label: `Zone ${i}`, areaM2: 200 + Math.floor(random() * 2000) })
  for (let i = 0; i < shape.actors; i++)
    elements.push({
      id: id('a', i),
      kind: 'actor',
      ...box(n++),
      label: `Actor ${i}`,
      sector: pick(sectors),
      commitment: pick(commitments),
      stance: pick(stances),
      influence: 1 + Math.floor(random() * 5),
      interest: 1 + Math.floor(random() * 5),
      spaceNeedM2: Math.floor(random() * 400),
      ...(random() < 0.5 ? { budgetEurM2Month: Math.round(random() * 120) / 10 } : {}),
    })
  for (let i = 0; i < shape.uses; i++)
    elements.push({
      id: id('u', i),
      kind: 'use',
      ...box(n++),
      label: `Use ${i}`,
      category: pick(useCategories),
      areaM2: Math.floor(random() * 600),
      zone: id('z', Math.floor(random() * shape.zones)),
      ...(random() < 0.6 ? { rentEurM2Month: Math.round(random() * 150) / 10 } : {}),
    })
  for (let i = 0; i < shape.phases; i++) {
    const year = 2027 + (i % 8)
    const refs: ElementId[] = []
    for (let r = 0; r < 20; r++)
      refs.push(random() < 0.7 ? id('u', Math.floor(random() * shape.uses)) : id('a', Math.floor(random() * shape.actors)))
    elements.push({
      id: id('p', i),
      kind: 'phase',
      ...box(n++),
      label: `Phase ${i}`,
      stage: pick(stages),
      start: `${year}-01`,
      end: `${year + 1}-06`,
      refs,
    })
  }
  for (let i = 0; i < shape.links; i++) {
    const from = id('a', Math.floor(random() * shape.actors))
    let to = random() < 0.85 ? id('u', Math.floor(random() * shape.uses)) : id('a', Math.floor(random() * shape.actors))
    if (i % 40 === 39) {
      to = id('gone', i)
      shape.danglingLinks++
    }
    elements.push({ id: id('l', i), kind: 'link', from, to, relation: random() < 0.4 ? 'operates' : pick(relations) })
  }
  for (let i = 0; i < shape.notes; i++) elements.push({ id: id('n', i), kind: 'note', ...box(n++), label: `Note ${i}` })
  const document: BoardDocument = {
    format: 'refresh-board',
    version: 1,
    board: { id: `synthetic-${size}`, title: `Synthetic board of ${size} elements` },
    site: { areaM2: 20 * size },
    elements,
  }
  return { document, shape }
}

/** A small seeded PRNG (public-domain mulberry32), so every run builds the same board. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
