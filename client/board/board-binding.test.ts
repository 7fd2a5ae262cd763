import '../canvas/render/test-canvas.ts'
import { createRoot } from 'solid-js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { translatorFor } from '../../shared/i18n/index.ts'
import type { Board, User } from '../api.ts'
import { createBoardRenderer } from '../canvas/render/board-renderer.ts'
import { type BoardSession, createBoardSession } from './board-context.ts'
import { createBoardStore } from './board-store.ts'
import { createDocumentBinding } from './document-binding.ts'

/**
 * An open board reads its document once: the session's binding is the only observer of the
 * doc's `elements`, and the store and the canvas renderer both draw from it, so they see the
 * same valid elements.
 */

/** A socket that never connects: the session works on its local doc. */
class IdleSocket {
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSING = 2
  static readonly CLOSED = 3
  readonly CONNECTING = 0
  readonly OPEN = 1
  readonly CLOSING = 2
  readonly CLOSED = 3
  readyState = 0
  binaryType = 'arraybuffer'
  onopen = null
  onclose = null
  onmessage = null
  onerror = null
  send() {}
  close() {
    this.readyState = 3
  }
}

/** How many `observeDeep` handlers the doc's `elements` map has (Yjs keeps them in `_dEH.l`). */
const elementObservers = (doc: Y.Doc): number => (doc.getMap('elements') as unknown as { _dEH: { l: unknown[] } })._dEH.l.length

const box = { x: 0, y: 0, w: 180, h: 90 }

function addElement(doc: Y.Doc, fields: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(fields)) map.set(key, value)
  doc.getMap('elements').set(String(fields.id), map)
  return map
}

const board: Board = { id: 'b1', title: 'Mill', role: 'editor' } as Board
const me: User = { id: 'u-ana', displayName: 'Ana' } as User

function openBoard(): { session: BoardSession; close: () => void } {
  let session: BoardSession | undefined
  let close = () => {}
  createRoot((dispose) => {
    close = dispose
    session = createBoardSession(board, me, {
      serverUrl: 'ws://test/sync',
      persist: false,
      WebSocketPolyfill: IdleSocket as unknown as typeof WebSocket,
    })
  })
  if (!session) throw new Error('no session')
  return { session, close }
}

/** Ids of the element groups the renderer drew. */
const drawnIds = (renderer: ReturnType<typeof createBoardRenderer>): string[] =>
  renderer.layer
    .getChildren((node) => node.hasName('element'))
    .map((node) => node.id())
    .sort()

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('one document binding per open board', () => {
  it('is the only elements observer of the doc while the board is open, shared by the canvas renderer', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{}', { status: 503 })),
    )
    const { session, close } = openBoard()
    const doc = session.connection.doc
    expect(elementObservers(doc)).toBe(1)
    // as the live canvas makes its renderer (canvas-controller.ts)
    const renderer = createBoardRenderer({ doc, binding: session.binding, t: translatorFor('en'), locale: 'en', cache: false })
    expect(elementObservers(doc)).toBe(1)
    renderer.destroy()
    expect(elementObservers(doc)).toBe(1)
    close()
    expect(elementObservers(doc)).toBe(0)
  })

  it('gives the store and the renderer the same elements: an invalid one is skipped by both', () => {
    const doc = new Y.Doc()
    addElement(doc, { id: 'n1', kind: 'note', ...box, label: 'Heating?' })
    addElement(doc, { id: 'bad', kind: 'actor', ...box, label: 'No sector', commitment: 'idea' })
    doc.getMap('elements').set('junk', 42)
    const binding = createDocumentBinding(doc)
    let store: ReturnType<typeof createBoardStore> | undefined
    const dispose = createRoot((d) => {
      store = createBoardStore(doc, binding)
      return d
    })
    const renderer = createBoardRenderer({ doc, binding, t: translatorFor('en'), locale: 'en', cache: false })
    const storeIds = () => Object.keys(store?.state.elements ?? {}).sort()
    renderer.flush()
    expect(elementObservers(doc)).toBe(1)
    expect(storeIds()).toEqual(['n1'])
    expect(drawnIds(renderer)).toEqual(['n1'])

    // one transaction: a new valid element, the invalid one fixed, the valid one broken
    const note = doc.getMap('elements').get('n1') as Y.Map<unknown>
    doc.transact(() => {
      addElement(doc, { id: 'u1', kind: 'use', ...box, label: 'Open workshop', category: 'makerspace' })
      ;(doc.getMap('elements').get('bad') as Y.Map<unknown>).set('sector', 'creative')
      note.set('w', -5)
    })
    renderer.flush()
    expect(storeIds()).toEqual(['bad', 'u1'])
    expect(drawnIds(renderer)).toEqual(['bad', 'u1'])

    note.set('w', 120)
    doc.getMap('elements').delete('u1')
    renderer.flush()
    expect(storeIds()).toEqual(['bad', 'n1'])
    expect(drawnIds(renderer)).toEqual(['bad', 'n1'])

    // neither the store nor the renderer destroys a binding it was given
    renderer.destroy()
    dispose()
    expect(elementObservers(doc)).toBe(1)
    binding.destroy()
    expect(elementObservers(doc)).toBe(0)
  })
})
