import type * as Y from 'yjs'
import { getElementMap, getElements, isYMap } from '../schema/layout.ts'
import type { FacilitationCommand } from './commands.ts'
import {
  type AgendaStep,
  type FacilitationState,
  type Group,
  type Person,
  remainingMs,
  type Timer,
  type Vote,
  type VoteResult,
} from './state.ts'

/**
 * What a facilitation command does, as a pure function of the state, the document and the
 * server's inputs (time, caller, ballots, who is present): the new values of the keys it
 * changes, or why it cannot be done. The server then writes them in one transaction
 * (`facilitation.set`) — so the logic is testable without a server and every instance
 * resolves alike.
 */

export interface Ballot {
  userId: string
  name: string
  dots: Readonly<Record<string, number>>
}

export interface CommandContext {
  doc: Y.Doc
  now: number
  by: Person
  newId(): string
  /** the closing vote's ballots (vote.close) */
  ballots?: readonly Ballot[]
  /** who takes part (groups.random): participants, not facilitators */
  participants?: readonly Person[]
  /** for groups.random; Math.random by default */
  random?: () => number
}

export type CommandErrorCode = 'invalid_command' | 'conflict'
export interface CommandError {
  code: CommandErrorCode
  message: string
}

export type Resolution =
  | { ok: true; set: Partial<FacilitationState>; lock?: { ids: string[]; locked: boolean } }
  | { ok: false; error: CommandError }

const fail = (code: CommandErrorCode, message: string): Resolution => ({ ok: false, error: { code, message } })
const set = (values: Partial<FacilitationState>): Resolution => ({ ok: true, set: values })

export function startTimer(ms: number, now: number): Timer {
  return { running: true, endsAt: now + ms, remainingMs: ms, durationMs: ms }
}

const kindOf = (doc: Y.Doc, id: string): unknown => getElementMap(doc, id)?.get('kind')

function isFrame(doc: Y.Doc, id: string | undefined): boolean {
  return id === undefined || kindOf(doc, id) === 'frame'
}

export function resolveCommand(state: FacilitationState, command: FacilitationCommand, ctx: CommandContext): Resolution {
  const { now, doc } = ctx
  const timer = state.timer
  switch (command.command) {
    case 'timer.start':
      return set({ timer: startTimer(command.seconds * 1000, now) })
    case 'timer.pause':
      if (!timer.running) return set({})
      return set({ timer: { ...timer, running: false, endsAt: null, remainingMs: remainingMs(timer, now) } })
    case 'timer.resume':
      if (timer.running) return set({})
      if (timer.remainingMs <= 0) return fail('conflict', 'the timer has no time left: start it or add time')
      return set({ timer: { ...timer, running: true, endsAt: now + timer.remainingMs } })
    case 'timer.add': {
      const ms = command.seconds * 1000
      const durationMs = Math.max(0, timer.durationMs + ms)
      if (timer.running && timer.endsAt !== null) {
        const endsAt = Math.max(now, timer.endsAt) + ms
        return set({ timer: { ...timer, endsAt: Math.max(now, endsAt), remainingMs: Math.max(0, endsAt - now), durationMs } })
      }
      return set({ timer: { ...timer, remainingMs: Math.max(0, timer.remainingMs + ms), durationMs } })
    }
    case 'timer.reset':
      return set({ timer: { running: false, endsAt: null, remainingMs: timer.durationMs, durationMs: timer.durationMs } })
    case 'agenda.set': {
      const ids = new Set<string>()
      const steps: AgendaStep[] = []
      for (const [index, step] of command.steps.entries()) {
        let id = step.id ?? ctx.newId()
        while (ids.has(id)) id = ctx.newId()
        ids.add(id)
        if (!isFrame(doc, step.frameId)) return fail('invalid_command', `steps[${index}].frameId does not name a frame`)
        steps.push({ ...step, id })
      }
      // the current step stays current where it moved to; a list without ids keeps the place
      const current = state.agenda.current
      const currentId = current === null ? undefined : state.agenda.steps[current]?.id
      const moved = currentId === undefined ? -1 : steps.findIndex((step) => step.id === currentId)
      const kept =
        moved >= 0 ? moved : current !== null && current < steps.length && !command.steps.some((s) => s.id) ? current : null
      return set({
        agenda: {
          steps,
          current: kept,
          ...(state.agenda.changedAt === undefined ? {} : { changedAt: state.agenda.changedAt }),
        },
      })
    }
    case 'agenda.go':
      return goToStep(state, command.index, command.startTimer, now)
    case 'agenda.next':
    case 'agenda.previous': {
      const { current, steps } = state.agenda
      const next = command.command === 'agenda.next' ? (current === null ? 0 : current + 1) : (current ?? steps.length) - 1
      if (next < 0 || next >= steps.length)
        return fail('conflict', command.command === 'agenda.next' ? 'this is the last step' : 'this is the first step')
      return goToStep(state, next, command.startTimer, now)
    }
    case 'vote.open': {
      if (state.vote?.open) return fail('conflict', 'a vote is already open: close it first')
      let elementIds: string[]
      if (command.elementIds) {
        elementIds = [...new Set<string>(command.elementIds)]
        const missing = elementIds.find((id) => !getElementMap(doc, id))
        if (missing) return fail('invalid_command', `element ${missing} does not exist`)
        if (elementIds.some((id) => kindOf(doc, id) === 'link')) return fail('invalid_command', 'links cannot be voted on')
      } else {
        if (command.kind === 'link') return fail('invalid_command', 'links cannot be voted on')
        elementIds = []
        getElements(doc).forEach((value, id) => {
          if (isYMap(value) && value.get('kind') === command.kind) elementIds.push(id)
        })
        if (elementIds.length === 0) return fail('invalid_command', `the board has no element of kind ${command.kind}`)
      }
      const vote: Vote = {
        id: ctx.newId(),
        open: true,
        elementIds,
        dotsPerPerson: command.dotsPerPerson,
        maxPerElement: Math.min(command.maxPerElement ?? command.dotsPerPerson, command.dotsPerPerson),
        anonymous: command.anonymous ?? true,
        openedAt: now,
        voters: 0,
        results: null,
        ...(command.title ? { title: command.title } : {}),
      }
      return set({ vote })
    }
    case 'vote.close': {
      const vote = state.vote
      if (!vote?.open) return fail('conflict', 'no vote is open')
      const closed: Vote = {
        ...vote,
        open: false,
        closedAt: now,
        voters: (ctx.ballots ?? []).filter((b) => Object.values(b.dots).some((n) => n > 0)).length,
        results: tally(vote, ctx.ballots ?? []),
      }
      return set({ vote: closed, closedVotes: [...state.closedVotes, closed].slice(-500) })
    }
    case 'vote.cancel':
      if (!state.vote?.open) return fail('conflict', 'no vote is open')
      return set({ vote: null })
    case 'lock':
      return {
        ok: true,
        set: {},
        lock: { ids: lockTargets(doc, command.elementIds, command.withContents ?? false), locked: command.locked },
      }
    case 'editing.pause':
      return set({ editingPaused: true })
    case 'editing.resume':
      return set({ editingPaused: false })
    case 'present.start':
      return set({
        presenter: {
          userId: ctx.by.userId,
          name: ctx.by.name,
          // editing paused for the presentation resumes with its end; paused before, it stays so
          ...(command.pauseEditing && !state.editingPaused ? { pausedEditing: true } : {}),
        },
        ...(command.pauseEditing ? { editingPaused: true } : {}),
      })
    case 'present.stop':
      return set({ presenter: null, ...(state.presenter?.pausedEditing ? { editingPaused: false } : {}) })
    case 'summon':
      return set({ summon: { id: ctx.newId(), by: ctx.by, rect: command.rect, at: now } })
    case 'groups.set': {
      const taken = new Set<string>()
      const groups: Group[] = []
      for (const [index, group] of command.groups.entries()) {
        if (!isFrame(doc, group.frameId)) return fail('invalid_command', `groups[${index}].frameId does not name a frame`)
        const userIds = group.userIds.filter((id) => !taken.has(id) && taken.add(id))
        groups.push({ id: ctx.newId(), name: group.name, userIds, ...(group.frameId ? { frameId: group.frameId } : {}) })
      }
      return set({ groups: { active: true, groups, changedAt: now } })
    }
    case 'groups.random': {
      const frameIds = command.frameIds ?? []
      const badFrame = frameIds.findIndex((id) => !isFrame(doc, id))
      if (badFrame >= 0) return fail('invalid_command', `frameIds[${badFrame}] does not name a frame`)
      const people = shuffle([...(ctx.participants ?? [])], ctx.random ?? Math.random)
      const groups: Group[] = Array.from({ length: command.count }, (_, i) => ({
        id: ctx.newId(),
        name: `${i + 1}`,
        userIds: [],
        ...(frameIds[i] ? { frameId: frameIds[i] } : {}),
      }))
      for (const [i, person] of people.entries()) groups[i % groups.length]?.userIds.push(person.userId)
      return set({ groups: { active: true, groups, changedAt: now } })
    }
    case 'groups.end':
      return set({ groups: { ...state.groups, active: false, changedAt: now } })
    case 'private.start':
      if (state.privateMode.active) return fail('conflict', 'a private brainstorm is already running')
      return set({ privateMode: { active: true, facilitatorSees: command.facilitatorSees ?? false, startedAt: now } })
    case 'private.reveal':
      if (!state.privateMode.active) return fail('conflict', 'no private brainstorm is running')
      return set({ privateMode: { active: false, facilitatorSees: false } })
  }
}

function goToStep(state: FacilitationState, index: number | null, startTimer_: boolean | undefined, now: number): Resolution {
  if (index !== null && index >= state.agenda.steps.length)
    return fail('invalid_command', `the agenda has ${state.agenda.steps.length} steps; there is no step ${index}`)
  const agenda = { ...state.agenda, current: index, changedAt: now }
  const step = index === null ? null : state.agenda.steps[index]
  const minutes = step?.minutes
  if (minutes !== undefined && startTimer_ !== false) return set({ agenda, timer: startTimer(Math.round(minutes * 60_000), now) })
  return set({ agenda })
}

/** The ranking of a closed vote: every element of the vote, most dots first (ties: in the vote's order). */
export function tally(vote: Pick<Vote, 'elementIds' | 'anonymous' | 'maxPerElement'>, ballots: readonly Ballot[]): VoteResult[] {
  const results = vote.elementIds.map((elementId, order) => {
    const voters: NonNullable<VoteResult['voters']> = []
    let dots = 0
    for (const ballot of ballots) {
      const n = Math.min(ballot.dots[elementId] ?? 0, vote.maxPerElement)
      if (n > 0) {
        dots += n
        voters.push({ userId: ballot.userId, name: ballot.name, dots: n })
      }
    }
    return { order, result: vote.anonymous ? { elementId, dots } : { elementId, dots, voters } }
  })
  results.sort((a, b) => b.result.dots - a.result.dots || a.order - b.order)
  return results.map((r) => r.result)
}

/** Checks a ballot against the vote: known elements, whole dots, the limits. Null when it is valid. */
export function ballotProblem(vote: Vote, dots: Readonly<Record<string, number>>): string | null {
  const allowed = new Set(vote.elementIds)
  let total = 0
  for (const [id, n] of Object.entries(dots)) {
    if (!allowed.has(id)) return `element ${id} is not part of this vote`
    if (!Number.isInteger(n) || n < 0) return `dots on ${id} must be a whole number ≥ 0`
    if (n > vote.maxPerElement) return `at most ${vote.maxPerElement} dots per element`
    total += n
  }
  if (total > vote.dotsPerPerson) return `at most ${vote.dotsPerPerson} dots in all`
  return null
}

/** The elements a lock command locks: the named ones, and for frames with `withContents` what lies inside them. */
export function lockTargets(doc: Y.Doc, ids: readonly string[], withContents: boolean): string[] {
  const targets = new Set<string>(ids.filter((id) => getElementMap(doc, id)))
  if (!withContents) return [...targets]
  const boxOf = (map: Y.Map<unknown>) => {
    const [x, y, w, h] = ['x', 'y', 'w', 'h'].map((k) => map.get(k))
    return typeof x === 'number' && typeof y === 'number' && typeof w === 'number' && typeof h === 'number'
      ? { x, y, w, h }
      : null
  }
  const frames = [...targets].map((id) => getElementMap(doc, id)).filter((m) => m?.get('kind') === 'frame')
  const frameBoxes = frames.map((m) => (m ? boxOf(m) : null)).filter((b) => b !== null)
  const inside = new Set<string>()
  getElements(doc).forEach((value, id) => {
    if (!isYMap(value)) return
    const box = boxOf(value)
    if (!box) return
    const cx = box.x + box.w / 2
    const cy = box.y + box.h / 2
    if (frameBoxes.some((f) => cx >= f.x && cx <= f.x + f.w && cy >= f.y && cy <= f.y + f.h)) inside.add(id)
  })
  // links between two locked elements are part of what was agreed
  getElements(doc).forEach((value, id) => {
    if (!isYMap(value) || value.get('kind') !== 'link') return
    const from = value.get('from')
    const to = value.get('to')
    if (typeof from === 'string' && typeof to === 'string' && inside.has(from) && inside.has(to)) inside.add(id)
  })
  for (const id of inside) targets.add(id)
  return [...targets]
}

/** Shuffles `items` in place (Fisher–Yates) and returns them. */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const a = items[i] as T
    items[i] = items[j] as T
    items[j] = a
  }
  return items
}
