import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ElementId } from '../schema/fields.ts'
import { getElements } from '../schema/layout.ts'
import type { FacilitationCommand } from './commands.ts'
import {
  type Ballot,
  ballotProblem,
  type CommandContext,
  lockTargets,
  type Resolution,
  resolveCommand,
  shuffle,
  tally,
} from './resolve.ts'
import { defaultFacilitation, type FacilitationState, type Vote } from './state.ts'

const NOW = 1_000_000
/** element ids as the command schema brands them once parsed */
const ids = (...list: string[]) => list as ElementId[]
const eid = (id: string) => id as ElementId

/** A document holding `elements` (plain fields, as the `elements` map keeps them). */
function docWith(...elements: Array<Record<string, unknown>>): Y.Doc {
  const doc = new Y.Doc()
  doc.transact(() => {
    for (const element of elements) getElements(doc).set(element.id as string, new Y.Map(Object.entries(element)))
  })
  return doc
}
const box = (id: string, kind: string, x: number, y: number, w = 100, h = 100) => ({ id, kind, x, y, w, h, label: id })
const link = (id: string, from: string, to: string) => ({ id, kind: 'link', from, to, relation: 'uses' })

function context(doc = new Y.Doc(), extra: Partial<CommandContext> = {}): CommandContext {
  let n = 0
  return { doc, now: NOW, by: { userId: 'f1', name: 'Fran' }, newId: () => `id${++n}`, ...extra }
}

const state = (patch: Partial<FacilitationState> = {}): FacilitationState => ({ ...defaultFacilitation(), ...patch })

function resolve(s: FacilitationState, command: FacilitationCommand, ctx = context()): Partial<FacilitationState> {
  const r = resolveCommand(s, command, ctx)
  if (!r.ok) throw new Error(`${command.command} failed: ${r.error.message}`)
  return r.set
}
const failure = (r: Resolution) => (r.ok ? null : r.error.code)

describe('timer', () => {
  const running = (endsAt: number, durationMs = 300_000) => ({ running: true, endsAt, remainingMs: durationMs, durationMs })
  const paused = (remainingMs: number, durationMs = 300_000) => ({ running: false, endsAt: null, remainingMs, durationMs })

  it('starts with the given seconds, ending that long after now', () => {
    expect(resolve(state(), { command: 'timer.start', seconds: 300 }).timer).toEqual({
      running: true,
      endsAt: NOW + 300_000,
      remainingMs: 300_000,
      durationMs: 300_000,
    })
  })

  it('pauses with what is left at the server time, and resumes from it', () => {
    const pausedTimer = resolve(state({ timer: running(NOW + 42_000) }), { command: 'timer.pause' }).timer
    expect(pausedTimer).toEqual(paused(42_000))
    const later = context(new Y.Doc(), { now: NOW + 10_000 })
    expect(resolve(state({ timer: paused(42_000) }), { command: 'timer.resume' }, later).timer).toEqual({
      running: true,
      endsAt: NOW + 52_000,
      remainingMs: 42_000,
      durationMs: 300_000,
    })
    // a timer that ran out pauses at zero
    expect(resolve(state({ timer: running(NOW - 5000) }), { command: 'timer.pause' }).timer?.remainingMs).toBe(0)
  })

  it('pausing a paused timer or resuming a running one changes nothing; resuming with no time left is a conflict', () => {
    expect(resolve(state({ timer: paused(1000) }), { command: 'timer.pause' })).toEqual({})
    expect(resolve(state({ timer: running(NOW + 1000) }), { command: 'timer.resume' })).toEqual({})
    expect(failure(resolveCommand(state({ timer: paused(0) }), { command: 'timer.resume' }, context()))).toBe('conflict')
  })

  it('adds time to a running timer, from now when it already ran past zero', () => {
    expect(resolve(state({ timer: running(NOW + 30_000) }), { command: 'timer.add', seconds: 60 }).timer).toEqual({
      running: true,
      endsAt: NOW + 90_000,
      remainingMs: 90_000,
      durationMs: 360_000,
    })
    // ran out 20 s ago: one more minute from now, not 40 s
    expect(resolve(state({ timer: running(NOW - 20_000) }), { command: 'timer.add', seconds: 60 }).timer).toMatchObject({
      running: true,
      endsAt: NOW + 60_000,
      remainingMs: 60_000,
    })
    // taking away more than is left ends it now, never in the past
    expect(resolve(state({ timer: running(NOW + 30_000) }), { command: 'timer.add', seconds: -60 }).timer).toEqual({
      running: true,
      endsAt: NOW,
      remainingMs: 0,
      durationMs: 240_000,
    })
  })

  it('adds time to a paused timer, never below zero, and the duration with it', () => {
    expect(resolve(state({ timer: paused(10_000) }), { command: 'timer.add', seconds: 30 }).timer).toEqual(
      paused(40_000, 330_000),
    )
    expect(resolve(state({ timer: paused(10_000, 20_000) }), { command: 'timer.add', seconds: -60 }).timer).toEqual(paused(0, 0))
  })

  it('resets to its whole duration, stopped', () => {
    expect(resolve(state({ timer: running(NOW + 5000, 120_000) }), { command: 'timer.reset' }).timer).toEqual(
      paused(120_000, 120_000),
    )
  })
})

describe('agenda', () => {
  const steps = [
    { id: 's1', title: 'Warm-up', minutes: 5 },
    { id: 's2', title: 'Silent brainstorm', minutes: 1.5, frameId: 'f1' },
    { id: 's3', title: 'Discussion' },
  ]
  const withAgenda = (current: number | null) => state({ agenda: { steps, current, changedAt: 7 } })

  it('keeps given ids, gives new ones to steps without one and to repeated ones', () => {
    const set = resolve(state(), {
      command: 'agenda.set',
      steps: [{ title: 'A' }, { id: 'keep', title: 'B' }, { id: 'keep', title: 'C' }],
    })
    expect(set.agenda?.steps.map((s) => s.id)).toEqual(['id1', 'keep', 'id2'])
    expect(set.agenda?.current).toBeNull()
  })

  it('keeps the current step while it exists, and its change time', () => {
    const replaced = (n: number) =>
      resolve(withAgenda(2), { command: 'agenda.set', steps: Array.from({ length: n }, (_, i) => ({ title: `T${i}` })) }).agenda
    expect(replaced(3)).toMatchObject({ current: 2, changedAt: 7 })
    expect(replaced(2)).toMatchObject({ current: null, changedAt: 7 })
    expect(resolve(withAgenda(null), { command: 'agenda.set', steps: [] }).agenda).toEqual({
      steps: [],
      current: null,
      changedAt: 7,
    })
  })

  it('refuses a step frame that is not a frame', () => {
    const doc = docWith(box('f1', 'frame', 0, 0), box('n1', 'note', 0, 0))
    expect(
      resolve(state(), { command: 'agenda.set', steps: [{ title: 'A', frameId: 'f1' }] }, context(doc)).agenda?.steps,
    ).toHaveLength(1)
    for (const frameId of ['n1', 'missing'])
      expect(failure(resolveCommand(state(), { command: 'agenda.set', steps: [{ title: 'A', frameId }] }, context(doc)))).toBe(
        'invalid_command',
      )
  })

  it('goes to a step, starting its timer from its minutes unless asked not to', () => {
    const went = resolve(withAgenda(0), { command: 'agenda.go', index: 1 })
    expect(went.agenda).toMatchObject({ current: 1, changedAt: NOW })
    expect(went.timer).toEqual({ running: true, endsAt: NOW + 90_000, remainingMs: 90_000, durationMs: 90_000 })
    expect(resolve(withAgenda(0), { command: 'agenda.go', index: 1, startTimer: false }).timer).toBeUndefined()
    // a step without minutes leaves the timer alone
    expect(resolve(withAgenda(0), { command: 'agenda.go', index: 2, startTimer: true }).timer).toBeUndefined()
    // null: no step is current
    expect(resolve(withAgenda(1), { command: 'agenda.go', index: null }).agenda).toMatchObject({ current: null, changedAt: NOW })
    expect(failure(resolveCommand(withAgenda(0), { command: 'agenda.go', index: 3 }, context()))).toBe('invalid_command')
  })

  it('moves to the next and previous step, and stops at the ends', () => {
    expect(resolve(withAgenda(null), { command: 'agenda.next' }).agenda?.current).toBe(0)
    expect(resolve(withAgenda(0), { command: 'agenda.next' }).agenda?.current).toBe(1)
    expect(failure(resolveCommand(withAgenda(2), { command: 'agenda.next' }, context()))).toBe('conflict')
    expect(resolve(withAgenda(2), { command: 'agenda.previous' }).agenda?.current).toBe(1)
    expect(failure(resolveCommand(withAgenda(0), { command: 'agenda.previous' }, context()))).toBe('conflict')
    // with no current step, previous goes to the last one
    expect(resolve(withAgenda(null), { command: 'agenda.previous' }).agenda?.current).toBe(2)
    // next starts the timer of a step with minutes, as go does
    expect(resolve(withAgenda(null), { command: 'agenda.next' }).timer?.durationMs).toBe(300_000)
    expect(resolve(withAgenda(null), { command: 'agenda.next', startTimer: false }).timer).toBeUndefined()
    const empty = state()
    expect(failure(resolveCommand(empty, { command: 'agenda.next' }, context()))).toBe('conflict')
    expect(failure(resolveCommand(empty, { command: 'agenda.previous' }, context()))).toBe('conflict')
  })
})

describe('vote', () => {
  const doc = () =>
    docWith(box('n1', 'note', 0, 0), box('n2', 'note', 200, 0), box('a1', 'actor', 400, 0), link('l1', 'n1', 'a1'))
  const open = (extra: Partial<Extract<FacilitationCommand, { command: 'vote.open' }>> = {}, d = doc()) =>
    resolveCommand(state(), { command: 'vote.open', dotsPerPerson: 3, ...extra } as FacilitationCommand, context(d))

  it('opens on every element of a kind, anonymous by default, at most dotsPerPerson on one element', () => {
    const r = open({ kind: 'note', title: 'Which first?' })
    expect(r.ok && r.set.vote).toEqual({
      id: 'id1',
      title: 'Which first?',
      open: true,
      elementIds: ['n1', 'n2'],
      dotsPerPerson: 3,
      maxPerElement: 3,
      anonymous: true,
      openedAt: NOW,
      voters: 0,
      results: null,
    })
    expect(failure(open({ kind: 'zone' }))).toBe('invalid_command')
  })

  it('opens on named elements (each once), and caps maxPerElement at dotsPerPerson', () => {
    const r = open({ elementIds: ids('a1', 'n1', 'a1'), maxPerElement: 5, anonymous: false })
    expect(r.ok && r.set.vote).toMatchObject({ elementIds: ['a1', 'n1'], maxPerElement: 3, anonymous: false })
    const capped = open({ elementIds: ids('n1'), maxPerElement: 2 })
    expect(capped.ok && capped.set.vote?.maxPerElement).toBe(2)
    expect(failure(open({ elementIds: ids('n1', 'gone') }))).toBe('invalid_command')
  })

  it('refuses links, named or by kind', () => {
    expect(failure(open({ elementIds: ids('n1', 'l1') }))).toBe('invalid_command')
    expect(failure(open({ kind: 'link' }))).toBe('invalid_command')
  })

  it('refuses a second open vote, but replaces a closed one', () => {
    const vote = (open: boolean): Vote => ({
      id: 'v0',
      open,
      elementIds: ['n1'],
      dotsPerPerson: 1,
      maxPerElement: 1,
      anonymous: true,
      openedAt: 1,
      voters: 0,
      results: open ? null : [],
    })
    const again = (s: FacilitationState) =>
      resolveCommand(s, { command: 'vote.open', kind: 'note', dotsPerPerson: 2 }, context(doc()))
    expect(failure(again(state({ vote: vote(true) })))).toBe('conflict')
    const r = again(state({ vote: vote(false) }))
    expect(r.ok && r.set.vote?.id).toBe('id1')
  })

  const openVote = (patch: Partial<Vote> = {}): Vote => ({
    id: 'v1',
    open: true,
    elementIds: ['n1', 'n2', 'n3'],
    dotsPerPerson: 5,
    maxPerElement: 3,
    anonymous: true,
    openedAt: 1,
    voters: 2,
    results: null,
    ...patch,
  })
  const ballots: Ballot[] = [
    { userId: 'u1', name: 'Ana', dots: { n2: 2, n3: 1 } },
    { userId: 'u2', name: 'Bo', dots: { n3: 2, n1: 0 } },
    { userId: 'u3', name: 'Cy', dots: {} },
  ]

  it('ranks by dots, ties in the order of the vote, every element listed', () => {
    expect(tally(openVote(), ballots)).toEqual([
      { elementId: 'n3', dots: 3 },
      { elementId: 'n2', dots: 2 },
      { elementId: 'n1', dots: 0 },
    ])
    const tie: Ballot[] = [{ userId: 'u1', name: 'Ana', dots: { n3: 1, n2: 1, n1: 1 } }]
    expect(tally(openVote(), tie).map((r) => r.elementId)).toEqual(['n1', 'n2', 'n3'])
  })

  it('counts at most maxPerElement dots of a ballot on one element, and nothing outside the vote', () => {
    const over: Ballot[] = [{ userId: 'u1', name: 'Ana', dots: { n1: 9, other: 4 } }]
    expect(tally(openVote({ maxPerElement: 2 }), over)).toEqual([
      { elementId: 'n1', dots: 2 },
      { elementId: 'n2', dots: 0 },
      { elementId: 'n3', dots: 0 },
    ])
  })

  it('names the voters only when the vote is not anonymous', () => {
    expect(tally(openVote({ anonymous: false }), ballots)).toEqual([
      {
        elementId: 'n3',
        dots: 3,
        voters: [
          { userId: 'u1', name: 'Ana', dots: 1 },
          { userId: 'u2', name: 'Bo', dots: 2 },
        ],
      },
      { elementId: 'n2', dots: 2, voters: [{ userId: 'u1', name: 'Ana', dots: 2 }] },
      { elementId: 'n1', dots: 0, voters: [] },
    ])
    for (const result of tally(openVote(), ballots)) expect(result).not.toHaveProperty('voters')
  })

  it('closes with the ranking and the people who placed a dot, kept among the closed votes; cancel drops it', () => {
    const earlier = { ...openVote({ id: 'v0', open: false, results: [] }) }
    const s = state({ vote: openVote(), closedVotes: [earlier] })
    const set = resolve(s, { command: 'vote.close' }, context(new Y.Doc(), { ballots }))
    expect(set.vote).toMatchObject({ id: 'v1', open: false, closedAt: NOW, voters: 2 })
    expect(set.vote?.results?.map((r) => r.dots)).toEqual([3, 2, 0])
    expect(set.closedVotes?.map((v) => v.id)).toEqual(['v0', 'v1'])
    for (const result of set.vote?.results ?? []) expect(result).not.toHaveProperty('voters')

    expect(resolve(s, { command: 'vote.cancel' })).toEqual({ vote: null })
    for (const command of ['vote.close', 'vote.cancel'] as const) {
      expect(failure(resolveCommand(state(), { command }, context()))).toBe('conflict')
      expect(failure(resolveCommand(state({ vote: earlier }), { command }, context()))).toBe('conflict')
    }
  })

  it('checks a ballot against the vote', () => {
    const vote = openVote()
    expect(ballotProblem(vote, {})).toBeNull()
    expect(ballotProblem(vote, { n1: 3, n2: 2 })).toBeNull()
    expect(ballotProblem(vote, { n4: 1 })).toMatch(/n4 is not part of this vote/)
    expect(ballotProblem(vote, { n1: 1.5 })).toMatch(/whole number/)
    expect(ballotProblem(vote, { n1: -1 })).toMatch(/whole number/)
    expect(ballotProblem(vote, { n1: 4 })).toMatch(/at most 3 dots per element/)
    expect(ballotProblem(vote, { n1: 3, n2: 3 })).toMatch(/at most 5 dots in all/)
  })
})

describe('lock targets', () => {
  const doc = () =>
    docWith(
      box('f1', 'frame', 0, 0, 1000, 1000),
      box('in1', 'note', 100, 100),
      box('in2', 'actor', 800, 800),
      // its centre (1010, 500) lies outside, though it overlaps the frame
      box('edge', 'note', 960, 450),
      box('out', 'note', 2000, 0),
      box('n9', 'note', 3000, 0),
      link('l-in', 'in1', 'in2'),
      link('l-out', 'in1', 'out'),
      box('f2', 'frame', 2000, 2000, 200, 200),
    )

  it('locks the named elements that exist', () => {
    expect(lockTargets(doc(), ['in1', 'gone', 'f1'], false)).toEqual(['in1', 'f1'])
  })

  it('with contents: what lies inside the named frames, and the links between what it locks', () => {
    expect(lockTargets(doc(), ['f1'], true).sort()).toEqual(['f1', 'in1', 'in2', 'l-in'])
    // not a frame: no contents
    expect(lockTargets(doc(), ['out'], true)).toEqual(['out'])
    expect(lockTargets(doc(), ['f2', 'n9'], true).sort()).toEqual(['f2', 'n9'])
  })
})

describe('groups', () => {
  const people = (n: number) => Array.from({ length: n }, (_, i) => ({ userId: `u${i}`, name: `P${i}` }))
  /** a fixed sequence of numbers in [0, 1): the same split every run */
  const seeded = (seed: number) => () => {
    seed = (seed * 16_807) % 2_147_483_647
    return (seed - 1) / 2_147_483_646
  }

  it('sets groups by hand, each person in the first group that names them', () => {
    const doc = docWith(box('f1', 'frame', 0, 0), box('n1', 'note', 0, 0))
    const set = resolve(
      state(),
      {
        command: 'groups.set',
        groups: [
          { name: 'Makers', frameId: eid('f1'), userIds: ['u1', 'u2', 'u1'] },
          { name: 'Shops', userIds: ['u2', 'u3'] },
        ],
      },
      context(doc),
    )
    expect(set.groups).toEqual({
      active: true,
      changedAt: NOW,
      groups: [
        { id: 'id1', name: 'Makers', frameId: 'f1', userIds: ['u1', 'u2'] },
        { id: 'id2', name: 'Shops', userIds: ['u3'] },
      ],
    })
    const bad = resolveCommand(
      state(),
      { command: 'groups.set', groups: [{ name: 'X', frameId: eid('n1'), userIds: [] }] },
      context(doc),
    )
    expect(failure(bad)).toBe('invalid_command')
  })

  it('splits the participants evenly at random, frames to the first groups', () => {
    const doc = docWith(box('f1', 'frame', 0, 0), box('f2', 'frame', 500, 0))
    const split = (random: () => number) =>
      resolve(
        state(),
        { command: 'groups.random', count: 3, frameIds: ids('f1', 'f2') },
        context(doc, { participants: people(10), random }),
      ).groups
    const groups = split(seeded(42))
    expect(groups?.active).toBe(true)
    expect(groups?.groups.map((g) => g.name)).toEqual(['1', '2', '3'])
    expect(groups?.groups.map((g) => g.frameId)).toEqual(['f1', 'f2', undefined])
    expect(groups?.groups.map((g) => g.userIds.length)).toEqual([4, 3, 3])
    const everyone = groups?.groups.flatMap((g) => g.userIds).sort()
    expect(everyone).toEqual(
      people(10)
        .map((p) => p.userId)
        .sort(),
    )
    // the same random numbers give the same split; others mix differently
    expect(split(seeded(42))?.groups.map((g) => g.userIds)).toEqual(groups?.groups.map((g) => g.userIds))
    expect(split(seeded(7))?.groups.map((g) => g.userIds)).not.toEqual(groups?.groups.map((g) => g.userIds))

    const notFrame = resolveCommand(state(), { command: 'groups.random', count: 2, frameIds: ids('nope') }, context(doc))
    expect(failure(notFrame)).toBe('invalid_command')
  })

  it('ends the group phase, keeping the groups', () => {
    const groups = { active: true, groups: [{ id: 'g1', name: '1', userIds: ['u1'] }] }
    expect(resolve(state({ groups }), { command: 'groups.end' }).groups).toEqual({ ...groups, active: false, changedAt: NOW })
  })

  it('shuffles every item exactly once', () => {
    const items = Array.from({ length: 20 }, (_, i) => i)
    const shuffled = shuffle([...items], seeded(1))
    expect(shuffled).not.toEqual(items)
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items)
  })
})

describe('presence, editing, summon, private brainstorm', () => {
  it('pauses and resumes editing; presenting names the caller and may pause editing', () => {
    expect(resolve(state(), { command: 'editing.pause' })).toEqual({ editingPaused: true })
    expect(resolve(state({ editingPaused: true }), { command: 'editing.resume' })).toEqual({ editingPaused: false })
    expect(resolve(state(), { command: 'present.start' })).toEqual({ presenter: { userId: 'f1', name: 'Fran' } })
    expect(resolve(state(), { command: 'present.start', pauseEditing: true })).toEqual({
      presenter: { userId: 'f1', name: 'Fran', pausedEditing: true },
      editingPaused: true,
    })
    expect(resolve(state(), { command: 'present.stop' })).toEqual({ presenter: null })
  })

  it('summons everyone to a rect, with a new id each time', () => {
    const rect = { x: 1, y: 2, w: 300, h: 200 }
    expect(resolve(state(), { command: 'summon', rect })).toEqual({
      summon: { id: 'id1', by: { userId: 'f1', name: 'Fran' }, rect, at: NOW },
    })
  })

  it('starts one private brainstorm at a time and reveals a running one', () => {
    expect(resolve(state(), { command: 'private.start', facilitatorSees: true })).toEqual({
      privateMode: { active: true, facilitatorSees: true, startedAt: NOW },
    })
    const running = state({ privateMode: { active: true, facilitatorSees: false, startedAt: 1 } })
    expect(failure(resolveCommand(running, { command: 'private.start' }, context()))).toBe('conflict')
    expect(resolve(running, { command: 'private.reveal' })).toEqual({ privateMode: { active: false, facilitatorSees: false } })
    expect(failure(resolveCommand(state(), { command: 'private.reveal' }, context()))).toBe('conflict')
  })

  it('lock resolves to an element.lock of its targets and no state change', () => {
    const doc = docWith(box('n1', 'note', 0, 0))
    expect(resolveCommand(state(), { command: 'lock', elementIds: ids('n1'), locked: true }, context(doc))).toEqual({
      ok: true,
      set: {},
      lock: { ids: ['n1'], locked: true },
    })
  })
})

describe('presenting and agenda edits keep what facilitators expect', () => {
  it('resumes editing when a presentation that paused it ends, and only then', () => {
    const presenting = state(resolve(state(), { command: 'present.start', pauseEditing: true }))
    expect(presenting.editingPaused).toBe(true)
    expect(resolve(presenting, { command: 'present.stop' })).toEqual({ presenter: null, editingPaused: false })
    // paused before the presentation: it stays paused after it
    const pausedFirst = state({ editingPaused: true })
    const again = { ...pausedFirst, ...resolve(pausedFirst, { command: 'present.start', pauseEditing: true }) }
    expect(resolve(again, { command: 'present.stop' })).toEqual({ presenter: null })
  })

  it('keeps the current step current when steps are reordered around it', () => {
    const before = state({
      agenda: {
        steps: [
          { id: 's1', title: 'One' },
          { id: 's2', title: 'Two' },
        ],
        current: 1,
      },
    })
    const reordered = resolve(before, {
      command: 'agenda.set',
      steps: [
        { id: 's2', title: 'Two' },
        { id: 's0', title: 'Zero' },
        { id: 's1', title: 'One' },
      ],
    })
    expect(reordered.agenda?.current).toBe(0)
    const removed = resolve(before, {
      command: 'agenda.set',
      steps: [
        { id: 's1', title: 'One' },
        { id: 's3', title: 'Three' },
      ],
    })
    expect(removed.agenda?.current).toBeNull()
  })
})
