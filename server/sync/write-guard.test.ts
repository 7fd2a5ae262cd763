import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Role } from '../../shared/schema/roles.ts'
import { checkUpdate } from './write-guard.ts'

/** A server doc and a client doc in sync; `edit` runs on the client and yields its update. */
function setup(seed: (elements: Y.Map<Y.Map<unknown>>) => void) {
  const server = new Y.Doc()
  server.transact(() => seed(server.getMap('elements')))
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const edit = (fn: (elements: Y.Map<Y.Map<unknown>>) => void): Uint8Array => {
    const before = Y.encodeStateVector(client)
    client.transact(() => fn(client.getMap('elements')))
    return Y.encodeStateAsUpdate(client, before)
  }
  return { server, client, edit }
}

const element = (fields: Record<string, unknown>) => {
  const m = new Y.Map<unknown>()
  for (const [k, v] of Object.entries(fields)) m.set(k, v)
  return m
}

const seed = (elements: Y.Map<Y.Map<unknown>>) => {
  elements.set('a1', element({ id: 'a1', kind: 'actor', label: 'Makers', x: 0, y: 0, w: 180, h: 90 }))
  elements.set('u1', element({ id: 'u1', kind: 'use', label: 'Hall', x: 0, y: 0, w: 180, h: 90, locked: true }))
}

const verdict = (role: Role, update: Uint8Array, server: Y.Doc) => checkUpdate({ doc: server, role }, update)

describe('write guard', () => {
  it('refuses every change from a viewer', () => {
    const { server, edit } = setup(seed)
    const update = edit((els) => els.get('a1')?.set('label', 'x'))
    expect(verdict('viewer', update, server).ok).toBe(false)
  })

  it('lets an editor change an unlocked element and add new ones', () => {
    const { server, edit } = setup(seed)
    expect(
      verdict(
        'editor',
        edit((els) => els.get('a1')?.set('label', 'Makers e.V.')),
        server,
      ).ok,
    ).toBe(true)
    expect(
      verdict(
        'editor',
        edit((els) => els.set('n1', element({ id: 'n1', kind: 'note', label: 'hi' }))),
        server,
      ).ok,
    ).toBe(true)
    expect(
      verdict(
        'editor',
        edit((els) => els.delete('a1')),
        server,
      ).ok,
    ).toBe(true)
  })

  it('refuses an editor changing a field of a locked element', () => {
    const { server, edit } = setup(seed)
    const update = edit((els) => els.get('u1')?.set('label', 'renamed'))
    expect(verdict('editor', update, server)).toEqual({ ok: false, reason: 'element u1 is locked' })
  })

  it('refuses an editor adding a new field to a locked element', () => {
    const { server, edit } = setup(seed)
    expect(
      verdict(
        'editor',
        edit((els) => els.get('u1')?.set('zone', 'z1')),
        server,
      ).ok,
    ).toBe(false)
  })

  it('refuses an editor deleting a locked element or a field of it', () => {
    const { server, edit } = setup(seed)
    expect(
      verdict(
        'editor',
        edit((els) => els.delete('u1')),
        server,
      ).ok,
    ).toBe(false)
    const s2 = setup(seed)
    expect(
      verdict(
        'editor',
        s2.edit((els) => els.get('u1')?.delete('label')),
        s2.server,
      ).ok,
    ).toBe(false)
  })

  it('refuses an editor replacing a locked element with a new map', () => {
    const { server, edit } = setup(seed)
    const update = edit((els) => els.set('u1', element({ id: 'u1', kind: 'use', label: 'mine' })))
    expect(verdict('editor', update, server).ok).toBe(false)
  })

  it('refuses an editor setting or clearing `locked`, also on a new element', () => {
    const { server, edit } = setup(seed)
    expect(
      verdict(
        'editor',
        edit((els) => els.get('a1')?.set('locked', true)),
        server,
      ).ok,
    ).toBe(false)
    const s2 = setup(seed)
    expect(
      verdict(
        'editor',
        s2.edit((els) => els.get('u1')?.set('locked', false)),
        s2.server,
      ).ok,
    ).toBe(false)
    const s3 = setup(seed)
    const update = s3.edit((els) => els.set('n2', element({ id: 'n2', kind: 'note', label: 'x', locked: true })))
    expect(verdict('editor', update, s3.server).ok).toBe(false)
  })

  it('judges a whole multi-change update: one bad part refuses all', () => {
    const { server, edit } = setup(seed)
    const update = edit((els) => {
      els.get('a1')?.set('label', 'fine')
      els.get('u1')?.set('x', 10)
    })
    expect(verdict('editor', update, server).ok).toBe(false)
  })

  it('lets facilitators and owners change locked elements', () => {
    for (const role of ['facilitator', 'owner'] as const) {
      const { server, edit } = setup(seed)
      expect(
        verdict(
          role,
          edit((els) => els.get('u1')?.set('locked', false)),
          server,
        ).ok,
      ).toBe(true)
    }
  })

  it('sees through several edits of one field in one update (items that refer to each other)', () => {
    const { server, edit } = setup(seed)
    const update = edit((els) => {
      const n = element({ id: 'n3', kind: 'note', label: 'a' })
      els.set('n3', n)
      n.set('label', 'b')
      n.set('locked', true)
    })
    expect(verdict('editor', update, server).ok).toBe(false)
  })

  it('refuses nested content inside a locked element field', () => {
    const { server, edit } = setup((els) => {
      const u = element({ id: 'u2', kind: 'use', label: 'x', locked: true })
      u.set('text', new Y.Text('hello'))
      els.set('u2', u)
    })
    const update = edit((els) => (els.get('u2')?.get('text') as Y.Text | undefined)?.insert(5, ' world'))
    expect(verdict('editor', update, server).ok).toBe(false)
  })

  it('keeps the site profile, settings and meta for facilitators', () => {
    for (const name of ['site', 'settings', 'meta']) {
      const { server, client } = setup(seed)
      const before = Y.encodeStateVector(client)
      client.getMap(name).set('areaM2', 1)
      const update = Y.encodeStateAsUpdate(client, before)
      expect(verdict('editor', update, server)).toEqual({ ok: false, reason: `only facilitators may change the board's ${name}` })
      expect(verdict('facilitator', update, server).ok).toBe(true)
    }
  })

  it('judges an overwrite of an existing site field by its neighbour', () => {
    const server = new Y.Doc()
    server.getMap('site').set('name', 'Mill')
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
    const before = Y.encodeStateVector(client)
    client.getMap('site').set('name', 'Brewery')
    expect(verdict('editor', Y.encodeStateAsUpdate(client, before), server).ok).toBe(false)
  })

  it('allows changes in other top-level types', () => {
    const { server, client } = setup(seed)
    const before = Y.encodeStateVector(client)
    client.getMap('votes').set('anything', 1)
    expect(verdict('editor', Y.encodeStateAsUpdate(client, before), server).ok).toBe(true)
  })
})
