import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Role } from '../../../shared/schema/roles.ts'
import { applyCompensated } from './compensate.ts'
import { guardUpdate, underAny, type Verdict } from './guard.ts'

/**
 * A server doc and a client doc in sync; `edit` runs on a fresh client in step with the
 * server (the server applies nothing here) and yields its update.
 */
function setup(seed: (elements: Y.Map<Y.Map<unknown>>) => void) {
  const server = new Y.Doc()
  server.transact(() => seed(server.getMap('elements')))
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const edit = (fn: (elements: Y.Map<Y.Map<unknown>>) => void): Uint8Array => {
    const fresh = new Y.Doc()
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server))
    const before = Y.encodeStateVector(fresh)
    fresh.transact(() => fn(fresh.getMap('elements')))
    return Y.encodeStateAsUpdate(fresh, before)
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

/** The guard's verdict, as `ok` (applied as it is) and the refusal codes and paths. */
const judged = (role: Role, update: Uint8Array, server: Y.Doc, foreign: (client: number) => boolean = () => false): Verdict =>
  guardUpdate({ doc: server, role, userId: 'u', now: 0, decoded: Y.decodeUpdate(update), isForeignWriter: foreign }).verdict
const verdict = (role: Role, update: Uint8Array, server: Y.Doc) => {
  const v = judged(role, update, server)
  return {
    ok: v.kind === 'apply',
    codes:
      v.kind === 'compensate'
        ? [...new Set(v.refusals.map((r) => r.code))]
        : v.kind === 'apply' || v.kind === 'resync'
          ? []
          : [v.code],
    paths: v.kind === 'compensate' ? v.refusals.map((r) => r.path.join('/')) : [],
  }
}

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
    expect(verdict('editor', update, server)).toMatchObject({ ok: false, codes: ['locked'] })
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

  it('refuses only the bad part of a multi-change update', () => {
    const { server, edit } = setup(seed)
    const update = edit((els) => {
      els.get('a1')?.set('label', 'fine')
      els.get('u1')?.set('x', 10)
    })
    const v = verdict('editor', update, server)
    expect(v.ok).toBe(false)
    expect(new Set(v.paths)).toEqual(new Set(['elements/u1/x']))
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
      expect(verdict('editor', update, server)).toMatchObject({ ok: false, codes: ['facilitator_only'] })
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

  it('allows top-level maps by a list: an unknown one, or the writers register, is the server’s', () => {
    for (const name of ['votes', 'writers']) {
      for (const role of ['editor', 'owner'] as const) {
        const { server, client } = setup(seed)
        const before = Y.encodeStateVector(client)
        client.getMap(name).set('anything', 1)
        expect(verdict(role, Y.encodeStateAsUpdate(client, before), server)).toMatchObject({ ok: false, codes: ['server_only'] })
      }
    }
  })

  it('refuses every role’s write into the comments map, and a reviewer’s writes anywhere (issue 17)', () => {
    for (const role of ['editor', 'facilitator', 'owner'] as const) {
      const { server, client } = setup(seed)
      const before = Y.encodeStateVector(client)
      client.getMap('comments').set('c1', { id: 'c1', threadId: 'c1', body: 'Forged' })
      expect(verdict(role, Y.encodeStateAsUpdate(client, before), server)).toMatchObject({ ok: false, codes: ['server_only'] })
    }
    const { server, edit } = setup(seed)
    expect(
      verdict(
        'reviewer',
        edit((els) => els.get('a1')?.set('label', 'x')),
        server,
      ),
    ).toMatchObject({
      ok: false,
      codes: ['read_only'],
    })
    expect(
      verdict(
        'reviewer',
        edit((els) => els.set('n9', element({ id: 'n9', kind: 'note', label: 'x' }))),
        server,
      ),
    ).toMatchObject({
      ok: false,
      codes: ['read_only'],
    })
  })

  it('refuses values beyond the contract: a long label, an unknown sector, a nested type in a field', () => {
    const cases: Array<(els: Y.Map<Y.Map<unknown>>) => void> = [
      (els) => els.get('a1')?.set('label', 'x'.repeat(501)),
      (els) => els.get('a1')?.set('sector', 'aliens'),
      (els) => els.get('a1')?.set('notes', new Y.Map()),
      (els) => els.get('a1')?.set('extra', 'y'.repeat(20_000)),
      (els) => (els as Y.Map<unknown>).set('plain', 'not an element map'),
      (els) => els.set('bad id!', element({ id: 'x', kind: 'note' })),
    ]
    for (const change of cases) {
      const { server, edit } = setup(seed)
      expect(verdict('owner', edit(change), server)).toMatchObject({ ok: false, codes: ['invalid_value'] })
    }
    const { server, edit } = setup(seed)
    expect(
      verdict(
        'editor',
        edit((els) => els.get('a1')?.set('sector', 'culture')),
        server,
      ).ok,
    ).toBe(true)
  })

  it('refuses a new element whole when one of its fields is refused', () => {
    const { server, edit } = setup(seed)
    const update = edit((els) => els.set('n9', element({ id: 'n9', kind: 'note', label: 'x'.repeat(600) })))
    expect(verdict('editor', update, server).paths).toEqual(['elements/n9'])
  })
})

describe('forgeries', () => {
  it('takes a delete of content the server has not seen for a forgery', () => {
    const { server, client } = setup(seed)
    // the client holds something the server never received, and deletes it in a second update
    client.getMap<Y.Map<unknown>>('elements').set('ghost', element({ id: 'ghost', kind: 'note', label: 'g' }))
    const before = Y.encodeStateVector(client)
    client.getMap('elements').delete('ghost')
    const deleteOnly = Y.encodeStateAsUpdate(client, before)
    expect(judged('owner', deleteOnly, server)).toMatchObject({ kind: 'forged', code: 'unseen_delete' })
  })

  it("takes an update that cannot be placed (its neighbour is someone else's unseen item) for a forgery", () => {
    const { server, client } = setup(seed)
    client.getArray('list').push(['one'])
    // another client receives that (the server never does) and writes after it
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(client))
    const before = Y.encodeStateVector(other)
    other.getArray('list').push(['two'])
    expect(judged('owner', Y.encodeStateAsUpdate(other, before), server)).toMatchObject({ kind: 'forged', code: 'unplaceable' })
  })

  it("asks for a resync when the sender's earlier updates are missing (sent while it could not write)", () => {
    const { server, client } = setup(seed)
    client.getMap<Y.Map<unknown>>('elements').get('a1')?.set('label', 'one')
    const before = Y.encodeStateVector(client)
    client.getMap<Y.Map<unknown>>('elements').set('n5', element({ id: 'n5', kind: 'note', label: 'new' }))
    expect(judged('editor', Y.encodeStateAsUpdate(client, before), server)).toEqual({ kind: 'resync' })
  })

  it('takes structs under a foreign client id for a forgery, and ignores content the server already holds', () => {
    const { server, client, edit } = setup(seed)
    const update = edit((els) => els.get('a1')?.set('label', 'x'))
    expect(judged('owner', update, server, () => true)).toMatchObject({ kind: 'forged', code: 'foreign_client_id' })
    // a re-sent copy of the whole board (sync step 2 after a reconnect) writes nothing new
    expect(judged('editor', Y.encodeStateAsUpdate(client), server, () => true)).toEqual({ kind: 'apply' })
  })

  it('ignores a re-sent old edit of an element that has since been locked', () => {
    const server = new Y.Doc()
    const client = new Y.Doc()
    client.getMap('elements').set('a1', element({ id: 'a1', kind: 'note', label: 'x' }))
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client))
    ;(server.getMap('elements').get('a1') as Y.Map<unknown>).set('locked', true)
    expect(judged('editor', Y.encodeStateAsUpdate(client), server)).toEqual({ kind: 'apply' })
  })
})

describe('compensation', () => {
  const run = (role: Role, change: (els: Y.Map<Y.Map<unknown>>) => void) => {
    const { server, edit } = setup(seed)
    const update = edit(change)
    const v = judged(role, update, server)
    if (v.kind !== 'compensate') throw new Error(`expected a compensation, got ${v.kind}`)
    const sender = new Y.Doc()
    Y.applyUpdate(sender, Y.encodeStateAsUpdate(server))
    Y.applyUpdate(sender, update)
    const updates: Uint8Array[] = []
    server.on('update', (u: Uint8Array) => updates.push(u))
    applyCompensated(server, update, {}, underAny(v.refusals))
    // what the sender receives: the refused update and its compensation, merged
    Y.applyUpdate(sender, Y.mergeUpdates(updates))
    return { server, sender }
  }
  const u1 = (doc: Y.Doc) => (doc.getMap('elements').get('u1') as Y.Map<unknown> | undefined)?.toJSON()
  const locked = { id: 'u1', kind: 'use', label: 'Hall', x: 0, y: 0, w: 180, h: 90, locked: true }

  it('brings a locked element back after an edit, a move, an unlock and a delete — on the server and the sender', () => {
    const changes: Array<(els: Y.Map<Y.Map<unknown>>) => void> = [
      (els) => els.get('u1')?.set('label', 'renamed'),
      (els) => {
        els.get('u1')?.set('x', 500)
        els.get('u1')?.set('y', 500)
      },
      (els) => els.get('u1')?.set('locked', false),
      (els) => els.get('u1')?.delete('label'),
      (els) => els.delete('u1'),
      (els) => els.set('u1', element({ id: 'u1', kind: 'use', label: 'mine' })),
    ]
    for (const change of changes) {
      const { server, sender } = run('editor', change)
      expect(u1(server)).toEqual(locked)
      expect(u1(sender)).toEqual(locked)
    }
  })

  it('keeps the permitted changes of the same update', () => {
    const { server, sender } = run('editor', (els) => {
      els.get('a1')?.set('label', 'Makers e.V.')
      els.get('u1')?.set('label', 'renamed')
    })
    for (const doc of [server, sender]) {
      expect(u1(doc)).toEqual(locked)
      expect(doc.getMap<Y.Map<unknown>>('elements').get('a1')?.get('label')).toBe('Makers e.V.')
    }
  })
})
