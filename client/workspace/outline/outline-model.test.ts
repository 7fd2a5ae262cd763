import { describe, expect, it } from 'vitest'
import type { BoardElement } from '../../board/board-store.ts'
import { freeSpotIn, outlineGroups, positionInside } from './outline-model.ts'

const box = (id: string, kind: string, x: number, y: number, w = 100, h = 50): BoardElement => ({ id, kind, x, y, w, h })

describe('outline groups', () => {
  const elements = [
    box('f-b', 'frame', 0, 1000, 800, 600),
    box('f-a', 'frame', 0, 0, 800, 600),
    box('a-1', 'actor', 100, 100),
    box('u-1', 'use', 100, 1100),
    box('n-1', 'note', 2000, 0),
    box('a-2', 'actor', 10, 10),
    { id: 'l-1', kind: 'link', from: 'a-1', to: 'u-1', relation: 'operates' },
  ]

  it('lists frames in reading order, then what lies in none; contents by kind; links not as items', () => {
    const groups = outlineGroups(elements)
    expect(groups.map((g) => g.frame?.id ?? null)).toEqual(['f-a', 'f-b', null])
    expect(groups[0]?.kinds).toEqual([{ kind: 'actor', elements: [elements[5], elements[2]] }])
    expect(groups[1]?.kinds.map((k) => k.kind)).toEqual(['use'])
    expect(groups[2]?.kinds.map((k) => k.kind)).toEqual(['note'])
  })

  it('an element belongs to the smallest frame holding its centre', () => {
    const nested = [
      box('f-big', 'frame', 0, 0, 1000, 1000),
      box('f-small', 'frame', 50, 50, 300, 300),
      box('a-1', 'actor', 100, 100),
    ]
    const groups = outlineGroups(nested)
    expect(groups.find((g) => g.frame?.id === 'f-small')?.kinds[0]?.elements.map((e) => e.id)).toEqual(['a-1'])
  })

  it('moving into a container centres the box inside it', () => {
    expect(positionInside(box('u', 'use', 0, 0, 100, 50), box('z', 'zone', 200, 200, 300, 150))).toEqual({ x: 300, y: 250 })
  })

  it('a new element goes to a free spot of its frame, nearest the middle', () => {
    const frame = box('f', 'frame', 0, 0, 1000, 600)
    expect(freeSpotIn(frame, [frame])).toEqual({ x: 500, y: 300 })
    // a zone is a place to put things, not in the way; an actor in the middle is
    expect(freeSpotIn(frame, [frame, box('z', 'zone', 0, 0, 1000, 600)])).toEqual({ x: 500, y: 300 })
    const actor = box('a', 'actor', 450, 250, 100, 100)
    const spot = freeSpotIn(frame, [frame, actor]) as { x: number; y: number }
    expect(Math.hypot(spot.x - 500, spot.y - 300)).toBe(120)
    // every spot taken: the middle after all
    expect(freeSpotIn(frame, [frame, box('big', 'image', -10, -10, 1020, 620)])).toEqual({ x: 500, y: 300 })
  })
})
