import { describe, expect, it } from 'vitest'
import type { Element } from '../../shared/schema/elements.ts'
import { divertNotes, type NewNote, noteSink, setNoteSink } from './note-sink.ts'

const note = (id: string, label: string) => ({ id, kind: 'note', x: 10, y: 20, w: 160, h: 160, label }) as Element
const actor = (id: string) =>
  ({ id, kind: 'actor', x: 0, y: 0, w: 180, h: 90, label: 'A', sector: 'creative', commitment: 'idea' }) as Element
const link = (id: string, from: string, to: string) => ({ id, kind: 'link', from, to, relation: 'supplies' }) as Element

describe('note sink', () => {
  it('leaves everything for the board while no sink is set', () => {
    setNoteSink(null)
    const elements = [note('n1', 'x'), actor('a1')]
    expect(divertNotes(elements)).toEqual(elements)
  })

  it('hands the notes to the sink and keeps the rest, without links to a diverted note', () => {
    const taken: NewNote[] = []
    setNoteSink(() => (n: NewNote) => taken.push(n))
    try {
      const rest = divertNotes([
        note('n1', 'Rooftop garden'),
        actor('a1'),
        actor('a2'),
        link('l1', 'a1', 'n1'),
        link('l2', 'a1', 'a2'),
      ])
      expect(taken.map((n) => [n.id, n.label, n.x, n.y])).toEqual([['n1', 'Rooftop garden', 10, 20]])
      expect(rest.map((e) => e.id)).toEqual(['a1', 'a2', 'l2'])
    } finally {
      setNoteSink(null)
    }
    expect(noteSink()).toBeNull()
  })
})
