import * as Y from 'yjs'

/** Writes an element the way the contract lets a third-party client: a Y.Map of plain fields. */
export function putElement(doc: Y.Doc, fields: Record<string, unknown>): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>()
    for (const [k, v] of Object.entries(fields)) map.set(k, v)
    doc.getMap('elements').set(String(fields.id), map)
  })
}

export function note(id: string, label = id, extra: Record<string, unknown> = {}) {
  return { id, kind: 'note', x: 0, y: 0, w: 160, h: 160, label, color: 'yellow', ...extra }
}

export function labelOf(doc: Y.Doc, id: string): unknown {
  const el = doc.getMap('elements').get(id)
  return el instanceof Y.Map ? el.get('label') : undefined
}
