import { describe, expect, it } from 'vitest'
import type { BoardElement } from '../../board/board-store.ts'
import { ancestorKeys, outlineTree, treeKey, typeAhead, visibleRows } from './outline-tree.ts'

const box = (id: string, kind: string, x: number, y: number, w = 100, h = 50): BoardElement => ({ id, kind, x, y, w, h })

const elements: BoardElement[] = [
  box('f-a', 'frame', 0, 0, 800, 600),
  box('a-1', 'actor', 100, 100),
  box('u-1', 'use', 100, 300),
  box('n-1', 'note', 2000, 0),
  { id: 'l-1', kind: 'link', from: 'a-1', to: 'u-1', relation: 'operates' },
]

const keys = (collapsed: string[] = []) => visibleRows(outlineTree(elements), new Set(collapsed)).map((r) => r.node.key)

describe('outline tree', () => {
  it('frames, kinds, elements and each element’s links, every line with its level, set size and position', () => {
    const rows = visibleRows(outlineTree(elements), new Set())
    expect(rows.map((r) => [r.node.key, r.level, r.posInSet, r.setSize, r.expanded])).toEqual([
      ['el:f-a', 1, 1, 2, true],
      ['kind:f-a:actor', 2, 1, 2, true],
      ['el:a-1', 3, 1, 1, true],
      ['el:a-1/link:l-1', 4, 1, 1, undefined],
      ['kind:f-a:use', 2, 2, 2, true],
      ['el:u-1', 3, 1, 1, true],
      ['el:u-1/link:l-1', 4, 1, 1, undefined],
      ['loose', 1, 2, 2, true],
      ['kind:loose:note', 2, 1, 1, true],
      ['el:n-1', 3, 1, 1, undefined],
    ])
    expect(rows[3]?.node.elementId).toBe('l-1')
  })

  it('a collapsed node hides what is under it', () => {
    expect(keys(['kind:f-a:actor', 'loose'])).toEqual([
      'el:f-a',
      'kind:f-a:actor',
      'kind:f-a:use',
      'el:u-1',
      'el:u-1/link:l-1',
      'loose',
    ])
  })

  it('ancestors of a line, nearest first', () => {
    expect(ancestorKeys(outlineTree(elements), 'el:u-1/link:l-1')).toEqual(['el:u-1', 'kind:f-a:use', 'el:f-a'])
    expect(ancestorKeys(outlineTree(elements), 'el:f-a')).toEqual([])
    expect(ancestorKeys(outlineTree(elements), 'el:gone')).toBeNull()
  })

  it('arrow keys, Home and End as the APG tree view pattern says', () => {
    const rows = visibleRows(outlineTree(elements), new Set(['kind:f-a:use']))
    expect(treeKey(rows, 'el:f-a', 'ArrowDown')).toEqual({ focus: 'kind:f-a:actor' })
    expect(treeKey(rows, 'el:f-a', 'ArrowUp')).toBeNull() // nothing above the first line
    expect(treeKey(rows, 'el:n-1', 'ArrowDown')).toBeNull()
    expect(treeKey(rows, 'el:a-1', 'End')).toEqual({ focus: 'el:n-1' })
    expect(treeKey(rows, 'el:n-1', 'Home')).toEqual({ focus: 'el:f-a' })
    // Right: a closed node opens, an open one goes to its first child, a leaf stays
    expect(treeKey(rows, 'kind:f-a:use', 'ArrowRight')).toEqual({ expand: 'kind:f-a:use' })
    expect(treeKey(rows, 'el:a-1', 'ArrowRight')).toEqual({ focus: 'el:a-1/link:l-1' })
    expect(treeKey(rows, 'el:n-1', 'ArrowRight')).toBeNull()
    // Left: an open node closes, otherwise to the parent; a closed top line stays
    expect(treeKey(rows, 'el:a-1', 'ArrowLeft')).toEqual({ collapse: 'el:a-1' })
    expect(treeKey(rows, 'el:a-1/link:l-1', 'ArrowLeft')).toEqual({ focus: 'el:a-1' })
    expect(treeKey(rows, 'kind:f-a:use', 'ArrowLeft')).toEqual({ focus: 'el:f-a' })
    const closed = visibleRows(outlineTree(elements), new Set(['loose']))
    expect(treeKey(closed, 'loose', 'ArrowLeft')).toBeNull()
    expect(treeKey(rows, 'el:a-1', 'a')).toBeNull()
    // a line that is gone: the first
    expect(treeKey(rows, 'el:gone', 'ArrowDown')).toEqual({ focus: 'el:f-a' })
  })

  it('type-ahead: the next line starting with the letters typed, wrapping', () => {
    const names = ['Ground floor', 'Actors', 'Makers e.V.', 'Uses', 'Mill café', 'Notes', 'Mayor']
    expect(typeAhead(names, 0, 'm')).toBe(2)
    expect(typeAhead(names, 2, 'm')).toBe(4) // the same letter again: the next one
    expect(typeAhead(names, 2, 'mm')).toBe(4)
    expect(typeAhead(names, 6, 'm')).toBe(2) // wraps
    expect(typeAhead(names, 2, 'ma')).toBe(2) // a longer word stays while it fits
    expect(typeAhead(names, 2, 'may')).toBe(6)
    expect(typeAhead(names, 0, 'GR')).toBe(0)
    expect(typeAhead(names, 0, 'x')).toBe(-1)
  })
})
