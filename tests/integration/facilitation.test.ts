import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type Account, api, createBoard, exportJson, joinAs, signup } from '../helpers/api.ts'
import { labelOf, note, putElement } from '../helpers/elements.ts'
import type { TestServer } from '../helpers/server.ts'
import { actor, deniedReasons, elementOf, useSyncBed } from '../helpers/sync-bed.ts'
import { waitFor } from '../helpers/sync-client.ts'

let server: TestServer
let owner: Account
const { client, storedDocument } = useSyncBed({ ROOM_IDLE_MS: '50', PING_INTERVAL_MS: '200' }, (s, o) => {
  server = s
  owner = o
})

interface View {
  serverTime: number
  agenda: {
    steps: Array<{ id: string; title: string; minutes?: number; frameId?: string; allowedKinds?: string[] }>
    current: number | null
  }
  timer: { running: boolean; endsAt: number | null; remainingMs: number; durationMs: number }
  vote: null | {
    id: string
    open: boolean
    elementIds: string[]
    dotsPerPerson: number
    maxPerElement: number
    anonymous: boolean
    voters: number
    myDots: Record<string, number>
    results: null | Array<{ elementId: string; dots: number; voters?: Array<{ userId: string; name: string; dots: number }> }>
  }
  editingPaused: boolean
  presenter: { userId: string; name: string } | null
  summon: { id: string; rect: { x: number; y: number; w: number; h: number } } | null
  groups: { active: boolean; groups: Array<{ id: string; name: string; frameId?: string; userIds: string[] }> }
  privateMode: { active: boolean; facilitatorSees: boolean }
}

const command = (token: string, boardId: string, body: Record<string, unknown>) =>
  api<{ facilitation: View; error?: { code: string; message: string } }>(
    server.url,
    'POST',
    `/api/boards/${boardId}/facilitation`,
    {
      token,
      body,
    },
  )
const view = (token: string, boardId: string) =>
  api<{ facilitation: View }>(server.url, 'GET', `/api/boards/${boardId}/facilitation`, { token })
const ballot = (token: string, boardId: string, dots: Record<string, number>) =>
  api<{ facilitation: View; error?: { code: string } }>(server.url, 'PUT', `/api/boards/${boardId}/vote`, {
    token,
    body: { dots },
  })

const frame = (id: string, x: number, y: number, label = id) => ({ id, kind: 'frame', x, y, w: 800, h: 600, label })
const facilitationOf = (doc: Y.Doc) => doc.getMap('facilitation').toJSON() as Partial<View> & Record<string, unknown>

/** A board with a facilitator's sync client that has written `elements` and seen them stored. */
async function board(title: string, elements: Record<string, unknown>[] = []) {
  const boardId = await createBoard(server.url, owner.token, { title })
  const f = client(owner.token, boardId)
  await f.synced
  for (const element of elements) putElement(f.doc, element)
  // REST reads the room: wait until the elements are there
  const ids = elements.map((e) => e.id as string)
  for (let i = 0; i < 50; i++) {
    const doc = await exportJson(server.url, owner.token, boardId)
    if (ids.every((id) => doc.elements.some((e) => e.id === id))) break
    await new Promise((r) => setTimeout(r, 20))
  }
  return { boardId, f }
}

describe('facilitation API: roles', () => {
  it('lets every member read the state, only owners and facilitators command, editors and above vote', async () => {
    const { boardId } = await board('Roles', [note('n1')])
    const facilitator = await joinAs(server.url, owner.token, boardId, 'facilitator')
    const editor = await joinAs(server.url, owner.token, boardId, 'editor')
    const reviewer = await joinAs(server.url, owner.token, boardId, 'reviewer')
    const viewer = await joinAs(server.url, owner.token, boardId, 'viewer')
    const stranger = await signup(server.url, 'Stranger')

    for (const who of [owner, facilitator, editor, reviewer, viewer]) expect((await view(who.token, boardId)).status).toBe(200)
    expect((await view(stranger.token, boardId)).status).toBe(404)
    expect((await api(server.url, 'GET', `/api/boards/${boardId}/facilitation`)).status).toBe(401)

    expect((await command(owner.token, boardId, { command: 'timer.start', seconds: 60 })).status).toBe(200)
    expect((await command(facilitator.token, boardId, { command: 'timer.pause' })).status).toBe(200)
    for (const who of [editor, reviewer, viewer]) {
      const refused = await command(who.token, boardId, { command: 'timer.reset' })
      expect(refused.status).toBe(403)
      expect(refused.body.error?.code).toBe('forbidden')
    }
    expect((await command(stranger.token, boardId, { command: 'timer.reset' })).status).toBe(404)

    // unknown commands and bad arguments: 400 with a message naming the problem
    const unknown = await command(owner.token, boardId, { command: 'timer.explode' })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error?.message).toMatch(/timer\.start/)
    expect((await command(owner.token, boardId, { command: 'timer.start', seconds: -5 })).status).toBe(400)
    expect((await command(owner.token, boardId, { command: 'vote.open', dotsPerPerson: 3 })).status).toBe(400)
    expect((await command(owner.token, boardId, { command: 'vote.close' })).status).toBe(409)

    expect((await ballot(editor.token, boardId, { n1: 1 })).status).toBe(409)
    expect((await command(owner.token, boardId, { command: 'vote.open', elementIds: ['n1'], dotsPerPerson: 2 })).status).toBe(200)
    expect((await ballot(editor.token, boardId, { n1: 1 })).status).toBe(200)
    expect((await ballot(facilitator.token, boardId, { n1: 2 })).status).toBe(200)
    for (const who of [reviewer, viewer]) expect((await ballot(who.token, boardId, { n1: 1 })).status).toBe(403)
  })
})

describe('facilitation: timer and agenda', () => {
  it('runs the timer on server time: start, pause, resume, add, reset', async () => {
    const { boardId, f } = await board('Timer')
    const started = (await command(owner.token, boardId, { command: 'timer.start', seconds: 300 })).body.facilitation
    expect(started.timer).toMatchObject({ running: true, durationMs: 300_000 })
    expect(started.timer.endsAt).toBeGreaterThan(started.serverTime + 299_000)
    expect(started.timer.endsAt).toBeLessThanOrEqual(started.serverTime + 300_000)
    // every client sees the same end time in its document
    await waitFor(() => (facilitationOf(f.doc).timer as View['timer'] | undefined)?.endsAt === started.timer.endsAt)

    const paused = (await command(owner.token, boardId, { command: 'timer.pause' })).body.facilitation.timer
    expect(paused.running).toBe(false)
    expect(paused.endsAt).toBeNull()
    expect(paused.remainingMs).toBeGreaterThan(295_000)
    const later = (await view(owner.token, boardId)).body.facilitation.timer
    expect(later.remainingMs).toBe(paused.remainingMs)

    const added = (await command(owner.token, boardId, { command: 'timer.add', seconds: 60 })).body.facilitation.timer
    expect(added.remainingMs).toBe(paused.remainingMs + 60_000)
    const resumed = (await command(owner.token, boardId, { command: 'timer.resume' })).body.facilitation
    expect(resumed.timer.running).toBe(true)
    expect(resumed.timer.endsAt).toBeGreaterThanOrEqual(resumed.serverTime + added.remainingMs - 50)
    const reset = (await command(owner.token, boardId, { command: 'timer.reset' })).body.facilitation.timer
    expect(reset).toMatchObject({ running: false, endsAt: null, remainingMs: 360_000, durationMs: 360_000 })
  })

  it('moves through the agenda: steps with frames, the current step, its timer, the ends', async () => {
    const { boardId, f } = await board('Agenda', [frame('f1', 0, 0, 'Actors'), frame('f2', 1000, 0, 'Uses'), note('n1')])
    const refused = await command(owner.token, boardId, { command: 'agenda.set', steps: [{ title: 'Bad', frameId: 'n1' }] })
    expect(refused.status).toBe(400)
    expect(refused.body.error?.message).toMatch(/frame/)
    const set = await command(owner.token, boardId, {
      command: 'agenda.set',
      steps: [
        { title: 'Who is here', minutes: 10, frameId: 'f1', allowedKinds: ['actor', 'note'] },
        { title: 'What the site could hold', method: 'silent brainstorm, then cluster', minutes: 15, frameId: 'f2' },
      ],
    })
    expect(set.status).toBe(200)
    expect(set.body.facilitation.agenda.current).toBeNull()
    expect(set.body.facilitation.agenda.steps.map((s) => s.id).every((id) => /^[A-Za-z0-9_-]+$/.test(id))).toBe(true)

    const first = (await command(owner.token, boardId, { command: 'agenda.next' })).body.facilitation
    expect(first.agenda.current).toBe(0)
    expect(first.timer).toMatchObject({ running: true, durationMs: 600_000 })
    const second = (await command(owner.token, boardId, { command: 'agenda.go', index: 1, startTimer: false })).body.facilitation
    expect(second.agenda.current).toBe(1)
    expect(second.timer.durationMs).toBe(600_000)
    expect((await command(owner.token, boardId, { command: 'agenda.next' })).status).toBe(409)
    expect((await command(owner.token, boardId, { command: 'agenda.go', index: 2 })).status).toBe(400)
    await waitFor(() => (facilitationOf(f.doc).agenda as View['agenda'] | undefined)?.current === 1)
  })
})

describe('facilitation: dot votes keep ballots secret until closed', () => {
  it('holds the limits, shows each voter only their own dots, publishes the ranking on close', async () => {
    const { boardId, f } = await board('Vote', [note('n1', 'Café'), note('n2', 'Makerspace'), note('n3', 'Event hall')])
    const anna = await joinAs(server.url, owner.token, boardId, 'editor', 'Anna')
    const bela = await joinAs(server.url, owner.token, boardId, 'editor', 'Béla')
    const a = client(anna.token, boardId)
    const b = client(bela.token, boardId)
    await Promise.all([a.synced, b.synced])

    const opened = await command(owner.token, boardId, {
      command: 'vote.open',
      kind: 'note',
      dotsPerPerson: 3,
      maxPerElement: 2,
      anonymous: false,
    })
    expect(opened.status).toBe(200)
    expect(opened.body.facilitation.vote).toMatchObject({ open: true, dotsPerPerson: 3, maxPerElement: 2, results: null })
    expect([...(opened.body.facilitation.vote?.elementIds ?? [])].sort()).toEqual(['n1', 'n2', 'n3'])
    expect((await command(owner.token, boardId, { command: 'vote.open', kind: 'note', dotsPerPerson: 1 })).status).toBe(409)

    // the limits
    expect((await ballot(anna.token, boardId, { n1: 3 })).status).toBe(400)
    expect((await ballot(anna.token, boardId, { n1: 2, n2: 2 })).status).toBe(400)
    expect((await ballot(anna.token, boardId, { zz: 1 })).status).toBe(400)
    expect((await ballot(anna.token, boardId, { n1: 1.5 })).status).toBe(400)
    // whole ballots: the second replaces the first
    expect((await ballot(anna.token, boardId, { n1: 1 })).status).toBe(200)
    const annas = await ballot(anna.token, boardId, { n1: 2, n2: 1 })
    expect(annas.body.facilitation.vote?.myDots).toEqual({ n1: 2, n2: 1 })
    const belas = await ballot(bela.token, boardId, { n2: 2, n3: 1 })
    expect(belas.body.facilitation.vote?.myDots).toEqual({ n2: 2, n3: 1 })

    // nobody sees another's dots: not over REST, not in any document, export or snapshot
    expect((await view(anna.token, boardId)).body.facilitation.vote?.myDots).toEqual({ n1: 2, n2: 1 })
    expect((await view(owner.token, boardId)).body.facilitation.vote?.myDots).toEqual({})
    await waitFor(() => (facilitationOf(a.doc).vote as View['vote'])?.voters === 2)
    for (const c of [a, b, f]) {
      const json = JSON.stringify(Y.encodeStateAsUpdate(c.doc).length) + JSON.stringify(facilitationOf(c.doc))
      expect(json).not.toContain(anna.user.id)
      expect(json).not.toContain(bela.user.id)
      expect((facilitationOf(c.doc).vote as View['vote'])?.results).toBeNull()
    }
    const docBytes = Buffer.from(Y.encodeStateAsUpdate(a.doc)).toString('latin1')
    expect(docBytes).not.toContain(bela.user.id)
    const exported = JSON.stringify(await exportJson(server.url, owner.token, boardId))
    expect(exported).not.toContain(anna.user.id)
    const snapshot = await api<{ snapshot: { id: string } }>(server.url, 'POST', `/api/boards/${boardId}/snapshots`, {
      token: owner.token,
      body: { label: 'during the vote' },
    })
    const during = await api(server.url, 'GET', `/api/boards/${boardId}/snapshots/${snapshot.body.snapshot.id}`, {
      token: owner.token,
    })
    expect(JSON.stringify(during.body)).not.toContain(anna.user.id)
    const analysis = await api(server.url, 'GET', `/api/boards/${boardId}/analysis`, { token: owner.token })
    expect(JSON.stringify(analysis.body)).not.toContain(anna.user.id)

    // closing publishes the ranking: totals, and the voters since the vote was not anonymous
    const closed = (await command(owner.token, boardId, { command: 'vote.close' })).body.facilitation.vote
    expect(closed?.open).toBe(false)
    expect(closed?.results?.map((r) => [r.elementId, r.dots])).toEqual([
      ['n2', 3],
      ['n1', 2],
      ['n3', 1],
    ])
    expect(closed?.results?.[0]?.voters?.map((v) => v.name).sort()).toEqual(['Anna', 'Béla'])
    await waitFor(() => (facilitationOf(b.doc).vote as View['vote'])?.results?.length === 3)
    expect((await ballot(anna.token, boardId, { n1: 1 })).status).toBe(409)

    // kept in the board and in later snapshots
    const after = await api<{ snapshot: { id: string } }>(server.url, 'POST', `/api/boards/${boardId}/snapshots`, {
      token: owner.token,
      body: { label: 'after the vote' },
    })
    const kept = await api<{ content: { votes?: Array<{ results: Array<{ elementId: string; dots: number }> }> } }>(
      server.url,
      'GET',
      `/api/boards/${boardId}/snapshots/${after.body.snapshot.id}`,
      { token: owner.token },
    )
    expect(kept.body.content.votes?.[0]?.results[0]).toMatchObject({ elementId: 'n2', dots: 3 })
    const stored = (await storedDocument(boardId)) as unknown as { votes?: Array<{ results: unknown[] }> }
    expect(stored.votes?.[0]?.results).toHaveLength(3)
  })

  it('keeps voters out of the results of an anonymous vote', async () => {
    const { boardId } = await board('Anonymous', [note('n1'), note('n2')])
    const anna = await joinAs(server.url, owner.token, boardId, 'editor', 'Anna')
    await command(owner.token, boardId, { command: 'vote.open', elementIds: ['n1', 'n2'], dotsPerPerson: 1 })
    await ballot(anna.token, boardId, { n2: 1 })
    const closed = (await command(owner.token, boardId, { command: 'vote.close' })).body.facilitation.vote
    expect(closed?.results).toEqual([
      { elementId: 'n2', dots: 1 },
      { elementId: 'n1', dots: 0 },
    ])
    expect(JSON.stringify(closed)).not.toContain(anna.user.id)
  })
})

describe('facilitation: the server holds the rules against a raw y-websocket participant', () => {
  it('refuses a participant writing the timer, agenda, vote or groups; state unchanged; the next edit applies', async () => {
    const { boardId, f } = await board('Forged state', [note('n1')])
    await command(owner.token, boardId, { command: 'timer.start', seconds: 120 })
    await command(owner.token, boardId, { command: 'agenda.set', steps: [{ title: 'One' }] })
    const editor = await joinAs(server.url, owner.token, boardId, 'editor')
    const e = client(editor.token, boardId)
    await e.synced
    await waitFor(() => facilitationOf(e.doc).timer !== undefined && facilitationOf(e.doc).agenda !== undefined)
    const before = facilitationOf(f.doc)
    const denied = deniedReasons()
    try {
      const map = e.doc.getMap('facilitation')
      e.doc.transact(() => map.set('timer', { running: false, endsAt: null, remainingMs: 0, durationMs: 0 }))
      e.doc.transact(() => map.set('agenda', { steps: [], current: null }))
      e.doc.transact(() =>
        map.set('vote', { id: 'x', open: false, elementIds: ['n1'], results: [{ elementId: 'n1', dots: 99 }] }),
      )
      e.doc.transact(() => map.set('groups', { active: true, groups: [] }))
      await waitFor(() => denied.reasons.length >= 4, 3000, 'four refusals')
      putElement(e.doc, note('after', 'permitted'))
      await waitFor(() => labelOf(f.doc, 'after') === 'permitted', 3000, 'the permitted edit')
      await waitFor(() => JSON.stringify(facilitationOf(e.doc)) === JSON.stringify(before), 3000, 'the participant brought back')
    } finally {
      denied.restore()
    }
    expect(denied.reasons.every((r) => r.includes('server_only'))).toBe(true)
    expect(facilitationOf(f.doc)).toEqual(before)
    const state = (await view(owner.token, boardId)).body.facilitation
    expect(state.timer.durationMs).toBe(120_000)
    expect(state.agenda.steps).toHaveLength(1)
  })

  it('refuses a kind the current step does not ask for, and edits while editing is paused', async () => {
    const { boardId, f } = await board('Step rules', [note('n1'), actor('a1', 'Makers')])
    await command(owner.token, boardId, { command: 'agenda.set', steps: [{ title: 'Actors only', allowedKinds: ['actor'] }] })
    await command(owner.token, boardId, { command: 'agenda.go', index: 0 })
    const editor = await joinAs(server.url, owner.token, boardId, 'editor')
    const e = client(editor.token, boardId)
    await e.synced
    await waitFor(() => (facilitationOf(e.doc).agenda as View['agenda'] | undefined)?.current === 0)
    const denied = deniedReasons()
    try {
      putElement(e.doc, note('forbidden-note', 'not now'))
      await waitFor(() => denied.reasons.some((r) => r.includes('kind_not_allowed')), 3000, 'kind refusal')
      await waitFor(() => elementOf(e.doc, 'forbidden-note') === undefined, 3000, 'the note removed from the sender')
      putElement(e.doc, actor('a2', 'Brewery'))
      await waitFor(() => labelOf(f.doc, 'a2') === 'Brewery', 3000, 'the allowed kind')
      // a facilitator is not bound by the step
      putElement(f.doc, note('fac-note', 'facilitator'))
      await waitFor(() => labelOf(e.doc, 'fac-note') === 'facilitator')

      await command(owner.token, boardId, { command: 'editing.pause' })
      await waitFor(() => facilitationOf(e.doc).editingPaused === true)
      e.doc.transact(() => (e.doc.getMap('elements').get('a1') as Y.Map<unknown>).set('x', 500))
      await waitFor(() => denied.reasons.some((r) => r.includes('editing_paused')), 3000, 'paused refusal')
      await waitFor(() => (elementOf(e.doc, 'a1') as { x: number }).x === 0, 3000, 'the move undone')
      await command(owner.token, boardId, { command: 'editing.resume' })
      await waitFor(() => facilitationOf(e.doc).editingPaused === false)
      e.doc.transact(() => (e.doc.getMap('elements').get('a1') as Y.Map<unknown>).set('x', 40))
      await waitFor(() => (elementOf(f.doc, 'a1') as { x: number }).x === 40, 3000, 'the edit after resuming')
    } finally {
      denied.restore()
    }
    const stored = await storedDocument(boardId)
    expect(stored.elements.some((el) => el.id === 'forbidden-note')).toBe(false)
    expect(stored.elements.find((el) => el.id === 'a1')).toMatchObject({ x: 40 })
  })

  it('locks a frame with its contents and unlocks them again', async () => {
    const { boardId, f } = await board('Lock frame', [
      frame('fr', 0, 0),
      note('inside', 'inside', { x: 100, y: 100 }),
      note('outside', 'outside', { x: 2000, y: 100 }),
    ])
    const locked = await command(owner.token, boardId, { command: 'lock', elementIds: ['fr'], locked: true, withContents: true })
    expect(locked.status).toBe(200)
    await waitFor(() => (elementOf(f.doc, 'inside') as { locked?: boolean }).locked === true)
    expect((elementOf(f.doc, 'fr') as { locked?: boolean }).locked).toBe(true)
    expect((elementOf(f.doc, 'outside') as { locked?: boolean }).locked).toBeUndefined()
    const unlocked = await command(owner.token, boardId, {
      command: 'lock',
      elementIds: ['fr'],
      locked: false,
      withContents: true,
    })
    expect(unlocked.status).toBe(200)
    await waitFor(() => (elementOf(f.doc, 'inside') as { locked?: boolean }).locked === undefined)
  })

  it('splits into groups by hand and at random, presents, summons', async () => {
    const { boardId } = await board('Groups', [frame('g1', 0, 0), frame('g2', 1000, 0)])
    const anna = await joinAs(server.url, owner.token, boardId, 'editor', 'Anna')
    const bela = await joinAs(server.url, owner.token, boardId, 'editor', 'Béla')
    const byHand = await command(owner.token, boardId, {
      command: 'groups.set',
      groups: [
        { name: 'Makers', frameId: 'g1', userIds: [anna.user.id] },
        { name: 'Brewers', frameId: 'g2', userIds: [bela.user.id, anna.user.id] },
      ],
    })
    expect(byHand.body.facilitation.groups.groups.map((g) => g.userIds)).toEqual([[anna.user.id], [bela.user.id]])
    const a = client(anna.token, boardId)
    const b = client(bela.token, boardId)
    await Promise.all([a.synced, b.synced])
    await waitFor(() => server.rooms.connectedUserIds(boardId).size >= 3)
    const random = await command(owner.token, boardId, { command: 'groups.random', count: 2, frameIds: ['g1', 'g2'] })
    const groups = random.body.facilitation.groups.groups
    expect(groups.map((g) => g.userIds.length)).toEqual([1, 1])
    expect(groups.flatMap((g) => g.userIds).sort()).toEqual([anna.user.id, bela.user.id].sort())
    expect(groups.map((g) => g.frameId)).toEqual(['g1', 'g2'])
    expect((await command(owner.token, boardId, { command: 'groups.end' })).body.facilitation.groups.active).toBe(false)

    const presenting = (await command(owner.token, boardId, { command: 'present.start', pauseEditing: true })).body.facilitation
    expect(presenting.presenter?.userId).toBe(owner.user.id)
    expect(presenting.editingPaused).toBe(true)
    const summoned = (await command(owner.token, boardId, { command: 'summon', rect: { x: 10, y: 20, w: 800, h: 600 } })).body
      .facilitation
    expect(summoned.summon?.rect).toEqual({ x: 10, y: 20, w: 800, h: 600 })
    await waitFor(() => (facilitationOf(a.doc).summon as View['summon'])?.id === summoned.summon?.id)
  })
})

describe('facilitation: private brainstorm', () => {
  const putNote = (token: string, boardId: string, noteId: string, body: Record<string, unknown>) =>
    api<{ note?: { id: string }; error?: { code: string } }>(
      server.url,
      'PUT',
      `/api/boards/${boardId}/private-notes/${noteId}`,
      {
        token,
        body,
      },
    )
  const listNotes = (token: string, boardId: string) =>
    api<{ notes: Array<{ id: string; label: string; author: { name: string } }> }>(
      server.url,
      'GET',
      `/api/boards/${boardId}/private-notes`,
      { token },
    )

  it('keeps each participant’s notes from everyone else until revealed, then puts them on the board with names', async () => {
    const { boardId, f } = await board('Private', [frame('fr', 0, 0, 'Ideas'), actor('a1', 'Makers')])
    const anna = await joinAs(server.url, owner.token, boardId, 'editor', 'Anna')
    const bela = await joinAs(server.url, owner.token, boardId, 'editor', 'Béla')
    const a = client(anna.token, boardId)
    const b = client(bela.token, boardId)
    await Promise.all([a.synced, b.synced])
    expect((await putNote(anna.token, boardId, 'p1', { label: 'too early' })).status).toBe(409)

    await command(owner.token, boardId, { command: 'agenda.set', steps: [{ title: 'Ideas', frameId: 'fr' }] })
    await command(owner.token, boardId, { command: 'agenda.go', index: 0 })
    expect((await command(owner.token, boardId, { command: 'private.start' })).status).toBe(200)
    expect((await command(owner.token, boardId, { command: 'private.start' })).status).toBe(409)
    expect((await putNote(anna.token, boardId, 'p1', { label: 'Secret café idea', x: 100, y: 120 })).status).toBe(200)
    expect((await putNote(anna.token, boardId, 'p2', { label: 'Rooftop garden' })).status).toBe(200)
    expect((await putNote(bela.token, boardId, 'p1', { label: 'Bela’s brewery tour', color: 'blue' })).status).toBe(200)
    expect((await putNote(bela.token, boardId, '../x', { label: 'bad id' })).status).toBeGreaterThanOrEqual(400)

    // each reads their own; the facilitator did not ask to see them
    expect((await listNotes(anna.token, boardId)).body.notes.map((n) => n.label).sort()).toEqual([
      'Rooftop garden',
      'Secret café idea',
    ])
    expect((await listNotes(bela.token, boardId)).body.notes.map((n) => n.label)).toEqual(['Bela’s brewery tour'])
    expect((await listNotes(owner.token, boardId)).body.notes).toEqual([])
    // nothing of them in any document, export or snapshot
    const secret = /Secret café|Rooftop|brewery tour/
    for (const c of [a, b, f]) expect(Buffer.from(Y.encodeStateAsUpdate(c.doc)).toString('utf8')).not.toMatch(secret)
    expect(JSON.stringify(await exportJson(server.url, owner.token, boardId))).not.toMatch(secret)
    const snap = await api<{ snapshot: { id: string } }>(server.url, 'POST', `/api/boards/${boardId}/snapshots`, {
      token: owner.token,
      body: { label: 'during' },
    })
    const during = await api(server.url, 'GET', `/api/boards/${boardId}/snapshots/${snap.body.snapshot.id}`, {
      token: owner.token,
    })
    expect(JSON.stringify(during.body)).not.toMatch(secret)

    // a participant's note written straight into the board doc is refused meanwhile; their next edit applies
    const denied = deniedReasons()
    try {
      putElement(b.doc, note('leak', 'Leaked idea'))
      await waitFor(() => denied.reasons.some((r) => r.includes('private_mode')), 3000, 'private_mode refusal')
      await waitFor(() => elementOf(b.doc, 'leak') === undefined, 3000, 'the note taken back')
      b.doc.transact(() => (b.doc.getMap('elements').get('a1') as Y.Map<unknown>).set('x', 77))
      await waitFor(() => (elementOf(f.doc, 'a1') as { x: number }).x === 77, 3000, 'the permitted edit')
    } finally {
      denied.restore()
    }
    expect(labelOf(f.doc, 'leak')).toBeUndefined()

    const revealed = await command(owner.token, boardId, { command: 'private.reveal' })
    expect(revealed.status).toBe(200)
    expect(revealed.body.facilitation.privateMode).toMatchObject({ active: false })
    const notesIn = (doc: Y.Doc) =>
      [...doc.getMap('elements').values()]
        .map(
          (m) =>
            (m as Y.Map<unknown>).toJSON() as { kind: string; label: string; author?: string; x: number; y: number; id: string },
        )
        .filter((e) => e.kind === 'note')
    await waitFor(() => notesIn(a.doc).length === 3 && notesIn(b.doc).length === 3, 3000, 'revealed notes everywhere')
    const byLabel = Object.fromEntries(notesIn(b.doc).map((n) => [n.label, n]))
    expect(byLabel['Secret café idea']).toMatchObject({ author: 'Anna', x: 100, y: 120 })
    expect(byLabel['Bela’s brewery tour']).toMatchObject({ author: 'Béla', color: 'blue' })
    // notes without a place are laid out inside the step's frame
    expect(byLabel['Rooftop garden']?.x).toBeGreaterThanOrEqual(0)
    expect(byLabel['Rooftop garden']?.x).toBeLessThan(800)
    // fresh ids: a client-chosen id never reaches the board
    expect(notesIn(b.doc).some((n) => n.id === 'p1' || n.id === 'p2')).toBe(false)
    expect((await listNotes(anna.token, boardId)).body.notes).toEqual([])
    expect((await putNote(anna.token, boardId, 'p3', { label: 'late' })).status).toBe(409)
  })

  it('lets the facilitator read along when asked, and reveals without names', async () => {
    const { boardId, f } = await board('Private anonymous')
    const anna = await joinAs(server.url, owner.token, boardId, 'editor', 'Anna')
    const bela = await joinAs(server.url, owner.token, boardId, 'editor', 'Béla')
    await command(owner.token, boardId, { command: 'private.start', facilitatorSees: true })
    await putNote(anna.token, boardId, 'x1', { label: 'Idea A' })
    await putNote(bela.token, boardId, 'x1', { label: 'Idea B' })
    const seen = (await listNotes(owner.token, boardId)).body.notes
    expect(seen.map((n) => [n.label, n.author.name]).sort()).toEqual([
      ['Idea A', 'Anna'],
      ['Idea B', 'Béla'],
    ])
    expect((await listNotes(bela.token, boardId)).body.notes.map((n) => n.label)).toEqual(['Idea B'])
    await command(owner.token, boardId, { command: 'private.reveal', anonymous: true })
    await waitFor(() => [...f.doc.getMap('elements').values()].length === 2, 3000, 'revealed')
    const revealed = JSON.stringify(f.doc.getMap('elements').toJSON())
    expect(revealed).toContain('Idea A')
    expect(revealed).not.toMatch(/Anna|Béla|author/)
  })
})
