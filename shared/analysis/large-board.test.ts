import { describe, expect, it } from 'vitest'
import { parseBoardDocument } from '../schema/document.ts'
import { analyse } from './analyse.ts'
import { syntheticBoard } from './synthetic-board.ts'

describe('analyse: a 5,000-element board', () => {
  const { document, shape } = syntheticBoard(5000)

  it('is a valid board document of 5,000 elements', () => {
    expect(document.elements).toHaveLength(5000)
    expect(parseBoardDocument(document).ok).toBe(true)
  })

  it('counts what it was given', () => {
    const { indicators, matrix, gaps } = analyse(document)
    expect(indicators.actors.total).toBe(shape.actors)
    expect(Object.values(indicators.actors.bySector).reduce((a, b) => a + b, 0)).toBe(shape.actors)
    expect(indicators.zones).toHaveLength(shape.zones)
    expect(indicators.phases).toHaveLength(shape.phases)
    expect(gaps.filter((gap) => gap.type === 'link-dangling')).toHaveLength(shape.danglingLinks)

    // the same figures counted the slow, obvious way
    const byId = new Map(document.elements.map((element) => [element.id, element]))
    let actorUseLinks = 0
    const operated = new Set<string>()
    let plannedM2 = 0
    for (const element of document.elements) {
      if (element.kind === 'use') plannedM2 += element.areaM2 ?? 0
      if (element.kind !== 'link') continue
      const kinds = [byId.get(element.from)?.kind, byId.get(element.to)?.kind].sort().join('-')
      if (kinds === 'actor-use') actorUseLinks++
      if (element.relation === 'operates' && byId.get(element.from)?.kind === 'actor' && byId.get(element.to)?.kind === 'use')
        operated.add(element.to)
    }
    expect(matrix.cells.flat().reduce((a, b) => a + b, 0)).toBe(actorUseLinks)
    expect(indicators.coverage).toBeCloseTo(operated.size / shape.uses, 12)
    expect(indicators.area.plannedM2).toBe(plannedM2)
    expect(gaps.filter((gap) => gap.type === 'use-without-operator')).toHaveLength(shape.uses - operated.size)
  })
})
