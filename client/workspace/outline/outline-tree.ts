import type { BoardElement } from '../../board/board-store.ts'
import { outlineGroups } from './outline-model.ts'

/**
 * The outline as a WAI-ARIA tree (https://www.w3.org/WAI/ARIA/apg/patterns/treeview/): frames
 * (and "not in a frame") at level 1, their contents by kind at level 2, the elements at level 3,
 * each element's links at level 4. Pure data and key logic; the panel renders and focuses.
 */
export type TreeNodeType = 'frame' | 'loose' | 'kind' | 'element' | 'link'

export interface TreeNode {
  /** unique in the tree; an element's (or frame's) own key is `el:<id>`, so it can be found by id */
  readonly key: string
  readonly type: TreeNodeType
  /** the board element the line stands for (frame, element, link); none for the groups */
  readonly elementId?: string
  /** for a kind group: the kind */
  readonly kind?: string
  readonly children: readonly TreeNode[]
}

/** One visible line: a node with its place in the tree (aria-level, aria-setsize, aria-posinset). */
export interface TreeRow {
  readonly node: TreeNode
  readonly level: number
  readonly setSize: number
  readonly posInSet: number
  readonly parentKey: string | null
  /** undefined for a leaf; otherwise whether its children are shown */
  readonly expanded: boolean | undefined
}

export const elementKey = (id: string) => `el:${id}`

/** The tree of a board: frames in reading order, then what lies in none; kinds; elements; their links. */
export function outlineTree(elements: readonly BoardElement[]): TreeNode[] {
  const links = elements.filter((e) => e.kind === 'link')
  const linksOf = (id: string) => links.filter((l) => l.from === id || l.to === id)
  return outlineGroups(elements).map((group) => {
    const groupId = group.frame?.id ?? 'loose'
    const kinds = group.kinds.map(
      (kind): TreeNode => ({
        key: `kind:${groupId}:${kind.kind}`,
        type: 'kind',
        kind: kind.kind,
        children: kind.elements.map(
          (element): TreeNode => ({
            key: elementKey(element.id),
            type: 'element',
            elementId: element.id,
            children: linksOf(element.id).map((link) => ({
              key: `${elementKey(element.id)}/link:${link.id}`,
              type: 'link',
              elementId: link.id,
              children: [],
            })),
          }),
        ),
      }),
    )
    return group.frame
      ? { key: elementKey(group.frame.id), type: 'frame', elementId: group.frame.id, children: kinds }
      : { key: 'loose', type: 'loose', children: kinds }
  })
}

/** The lines shown: every node whose ancestors are all expanded (expanded unless `collapsed` holds its key). */
export function visibleRows(nodes: readonly TreeNode[], collapsed: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = []
  const walk = (list: readonly TreeNode[], level: number, parentKey: string | null) => {
    list.forEach((node, index) => {
      const expanded = node.children.length > 0 ? !collapsed.has(node.key) : undefined
      rows.push({ node, level, setSize: list.length, posInSet: index + 1, parentKey, expanded })
      if (expanded) walk(node.children, level + 1, node.key)
    })
  }
  walk(nodes, 1, null)
  return rows
}

/** The keys of a node's ancestors, nearest first (to open them when the canvas selects it). */
export function ancestorKeys(nodes: readonly TreeNode[], key: string): string[] | null {
  for (const node of nodes) {
    if (node.key === key) return []
    const below = ancestorKeys(node.children, key)
    if (below) return [...below, node.key]
  }
  return null
}

/** What a key does on the line `at`: move the focus, open or close a node; null when the key is not the tree's. */
export type TreeMove = { focus: string } | { expand: string } | { collapse: string }

export function treeKey(rows: readonly TreeRow[], at: string, key: string): TreeMove | null {
  const index = rows.findIndex((row) => row.node.key === at)
  const row = rows[index]
  if (!row) return rows[0] ? { focus: rows[0].node.key } : null
  const focus = (other: TreeRow | undefined): TreeMove | null => (other ? { focus: other.node.key } : null)
  switch (key) {
    case 'ArrowDown':
      return focus(rows[index + 1])
    case 'ArrowUp':
      return focus(rows[index - 1])
    case 'Home':
      return focus(rows[0])
    case 'End':
      return focus(rows[rows.length - 1])
    case 'ArrowRight':
      if (row.expanded === false) return { expand: row.node.key }
      if (row.expanded === true) return focus(rows[index + 1])
      return null
    case 'ArrowLeft':
      if (row.expanded === true) return { collapse: row.node.key }
      return focus(rows.find((r) => r.node.key === row.parentKey))
    default:
      return null
  }
}

/**
 * Type-ahead: the next line (after `from`, wrapping) whose name starts with `typed`. Typing one
 * letter again and again walks the lines starting with it; a longer word starts at the current
 * line, so "m", "ma" stays on "Makers" while it still fits.
 */
export function typeAhead(names: readonly string[], from: number, typed: string): number {
  const query = typed.toLocaleLowerCase()
  if (!query || names.length === 0) return -1
  const repeated = [...query].every((c) => c === query[0])
  const needle = repeated ? (query[0] as string) : query
  const start = repeated ? from + 1 : from
  for (let step = 0; step < names.length; step++) {
    const i = (((start + step) % names.length) + names.length) % names.length
    if ((names[i] ?? '').toLocaleLowerCase().trimStart().startsWith(needle)) return i
  }
  return -1
}
