/**
 * What another person did, in one sentence per kind of change: "Ana added 2 notes and 1 actor.
 * Ana changed 1 use." The announcer collects the changes of a few seconds and says this once.
 */

export type RemoteAction = 'added' | 'changed' | 'removed'

export interface RemoteChange {
  readonly id: string
  readonly kind: string
  readonly action: RemoteAction
}

/** The words, in the page's language. */
export interface SummaryWords {
  /** "{name} added {items}" */
  sentence(action: RemoteAction, name: string, items: string): string
  /** "2 notes" */
  count(kind: string, count: number): string
  /** "2 notes and 1 actor" */
  list(items: string[]): string
}

const actions: readonly RemoteAction[] = ['added', 'changed', 'removed']
const kindOrder = ['actor', 'use', 'zone', 'phase', 'note', 'frame', 'image', 'link']

/**
 * One change per element over a stream: added then changed is added; added then removed is
 * nothing (it came and went); changed then removed is removed; removed then added (an undo) is changed.
 */
export function collapseChanges(changes: readonly RemoteChange[]): RemoteChange[] {
  const byId = new Map<string, RemoteChange | null>()
  for (const change of changes) {
    const before = byId.get(change.id)
    if (!before) {
      byId.set(change.id, change)
      continue
    }
    if (change.action === 'removed') byId.set(change.id, before.action === 'added' ? null : change)
    else if (before.action === 'removed') byId.set(change.id, { ...change, action: 'changed' })
  }
  return [...byId.values()].filter((change): change is RemoteChange => change !== null)
}

/** The sentences for one person's changes, or null when nothing is left to say. */
export function remoteSummary(name: string, changes: readonly RemoteChange[], words: SummaryWords): string | null {
  const collapsed = collapseChanges(changes)
  const sentences: string[] = []
  for (const action of actions) {
    const counts = new Map<string, number>()
    for (const change of collapsed) if (change.action === action) counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1)
    if (counts.size === 0) continue
    const rank = (kind: string) => (kindOrder.includes(kind) ? kindOrder.indexOf(kind) : kindOrder.length)
    const items = [...counts]
      .sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]))
      .map(([kind, count]) => words.count(kind, count))
    sentences.push(words.sentence(action, name, words.list(items)))
  }
  return sentences.length > 0 ? sentences.join('. ') : null
}
