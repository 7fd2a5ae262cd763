import { type Accessor, createSignal } from 'solid-js'

/** The local selection: element ids, in the order they were selected. */
export interface Selection {
  readonly ids: Accessor<readonly string[]>
  has(id: string): boolean
  set(ids: readonly string[]): void
  toggle(id: string): void
  clear(): void
}

export function createSelection(): Selection {
  const [ids, setIds] = createSignal<readonly string[]>([], {
    equals: (a, b) => a.length === b.length && a.every((x, i) => x === b[i]),
  })
  return {
    ids,
    has: (id) => ids().includes(id),
    set: (next) => setIds([...new Set(next)]),
    toggle: (id) => setIds((cur) => (cur.includes(id) ? cur.filter((x) => x !== id) : [...cur, id])),
    clear: () => setIds([]),
  }
}
