import type { Ballot as BallotBody, FacilitationCommand } from '../../shared/facilitation/commands.ts'
import { ballotProblem, resolveCommand } from '../../shared/facilitation/resolve.ts'
import { revealedNotes } from '../../shared/facilitation/reveal.ts'
import { type FacilitationState, type Person, remainingMs, type Vote } from '../../shared/facilitation/state.ts'
import { facilitationOf } from '../../shared/rules/facilitation.ts'
import { newElementId } from '../../shared/schema/ids.ts'
import { canFacilitate } from '../../shared/schema/roles.ts'
import type { SessionUser } from '../access.ts'
import { KeyedLock } from '../auth/keyed-lock.ts'
import type { AccessError, BoardService } from '../boards/board-service.ts'
import { fail, ok, type Result } from '../http/result.ts'
import type { BoardContent } from '../sync/board-content.ts'
import type { BallotStore } from './ballot-store.ts'
import { MAX_PRIVATE_NOTES, type PrivateNote, type PrivateNoteBody, type PrivateNoteStore } from './private-notes.ts'

const VOTERS_EVERY_MS = 50

/** The facilitation state as one caller may see it (CONTRACT.md): their own dots only. */
export interface FacilitationView extends Omit<FacilitationState, 'vote'> {
  serverTime: number
  vote: (Vote & { myDots: Record<string, number> }) | null
}

export type FacilitationError = AccessError | 'validation_failed' | 'conflict' | 'not_found'

/** Who takes part on a board now (for groups.random): connected members below facilitator. */
export type ParticipantsOf = (boardId: string) => Promise<Person[]>

/**
 * Runs a live workshop on the server (CONTRACT.md "Facilitation"): reads the state for a
 * caller, resolves facilitators' commands (shared/facilitation/resolve.ts) and writes them as
 * one server transaction through `BoardContent.apply` (so they reach every client as an
 * ordinary update, on every instance), and holds the ballots of an open vote, which no
 * document or message carries until the vote closes.
 */
export class FacilitationService {
  /** one command or ballot at a time per board (within this instance) */
  readonly #lock = new KeyedLock()
  /** per board: when the voter count was last written, and a pending trailing write */
  readonly #votersWritten = new Map<string, number>()
  readonly #votersPending = new Map<string, ReturnType<typeof setTimeout>>()

  constructor(
    private readonly boards: BoardService,
    private readonly content: BoardContent,
    private readonly ballots: BallotStore,
    private readonly privateNotes: PrivateNoteStore,
    private readonly participants: ParticipantsOf,
    private readonly now: () => number = () => Date.now(),
  ) {}

  async view(user: SessionUser, boardId: string): Promise<Result<FacilitationView, AccessError>> {
    const access = await this.boards.access(user, boardId, 'viewer')
    if (!access.ok) return access
    return ok(await this.#view(boardId, user.id))
  }

  async command(
    user: SessionUser,
    boardId: string,
    command: FacilitationCommand,
  ): Promise<Result<FacilitationView, FacilitationError>> {
    const access = await this.boards.access(user, boardId, 'facilitator')
    if (!access.ok) return access
    const role = access.value.role
    return this.#lock.run(boardId, async () => {
      const state = await this.content.read(boardId, facilitationOf)
      const openVote = state.vote?.open ? state.vote : null
      const ballots = command.command === 'vote.close' && openVote ? await this.ballots.all(boardId, openVote.id) : []
      const participants = command.command === 'groups.random' ? await this.participants(boardId) : []
      const resolution = await this.content.read(boardId, (doc) =>
        resolveCommand(state, command, {
          doc,
          now: this.now(),
          by: { userId: user.id, name: user.displayName },
          newId: () => newElementId(),
          ballots,
          participants,
        }),
      )
      if (!resolution.ok)
        return fail(resolution.error.code === 'conflict' ? 'conflict' : 'validation_failed', resolution.error.message)
      if (command.command === 'private.start') await this.privateNotes.clear(boardId)
      if (command.command === 'private.reveal') {
        const notes = await this.privateNotes.list(boardId, null)
        if (notes.length > 0) {
          const elements = await this.content.read(boardId, (doc) =>
            revealedNotes(doc, state, notes, { anonymous: command.anonymous ?? false, newId: () => newElementId() }),
          )
          const added = await this.content.apply(boardId, { type: 'element.add', elements }, { role })
          if (!added.ok) return fail('validation_failed', added.error.message)
        }
      }
      if (resolution.lock) {
        if (resolution.lock.ids.length === 0) return fail('validation_failed', 'none of these elements exists')
        const locked = await this.content.apply(boardId, { type: 'element.lock', ...resolution.lock }, { role })
        if (!locked.ok) return fail('validation_failed', locked.error.message)
      }
      if (Object.keys(resolution.set).length > 0) {
        const written = await this.content.apply(boardId, { type: 'facilitation.set', values: resolution.set }, { role })
        if (!written.ok) return fail('forbidden', written.error.message)
      }
      // the ballots have been counted into the board (or the vote was dropped): no secret is kept longer than needed
      if (openVote && (command.command === 'vote.close' || command.command === 'vote.cancel'))
        await this.ballots.clear(boardId, openVote.id)
      if (command.command === 'private.reveal') await this.privateNotes.clear(boardId)
      return ok(await this.#view(boardId, user.id))
    })
  }

  /** The caller's whole ballot in the open vote (`PUT /api/boards/:id/vote`). */
  async vote(user: SessionUser, boardId: string, body: BallotBody): Promise<Result<FacilitationView, FacilitationError>> {
    const access = await this.boards.access(user, boardId, 'editor')
    if (!access.ok) return access
    return this.#lock.run(boardId, async () => {
      const { vote } = await this.content.read(boardId, facilitationOf)
      if (!vote?.open) return fail('conflict', 'no vote is open on this board')
      const dots = Object.fromEntries(Object.entries(body.dots).filter(([, n]) => n > 0))
      const problem = ballotProblem(vote, dots)
      if (problem) return fail('validation_failed', problem)
      await this.ballots.put(boardId, vote.id, { userId: user.id, name: user.displayName, dots })
      // the count reaches everyone at most every VOTERS_EVERY_MS: a burst of ballots is one update, not one each
      const last = this.#votersWritten.get(boardId) ?? 0
      if (!this.#votersPending.has(boardId)) {
        const wait = last + VOTERS_EVERY_MS - this.now()
        if (wait <= 0) await this.#writeVoters(boardId)
        else
          this.#votersPending.set(
            boardId,
            setTimeout(() => {
              this.#votersPending.delete(boardId)
              void this.#lock.run(boardId, () => this.#writeVoters(boardId)).catch(() => undefined)
            }, wait).unref(),
          )
      }
      const state = await this.content.read(boardId, facilitationOf)
      const serverTime = this.now()
      return ok({
        ...state,
        serverTime,
        timer: { ...state.timer, remainingMs: remainingMs(state.timer, serverTime) },
        vote: state.vote ? { ...state.vote, myDots: { ...dots } } : null,
      })
    })
  }

  async #writeVoters(boardId: string): Promise<void> {
    this.#votersWritten.set(boardId, this.now())
    const { vote } = await this.content.read(boardId, facilitationOf)
    if (!vote?.open) return
    const voters = await this.ballots.voters(boardId, vote.id)
    if (voters !== vote.voters)
      await this.content.apply(
        boardId,
        { type: 'facilitation.set', values: { vote: { ...vote, voters } } },
        { role: 'facilitator' },
      )
  }

  /**
   * The private notes the caller may read: their own; a facilitator everyone's when the
   * brainstorm was started with `facilitatorSees`.
   */
  async listPrivateNotes(user: SessionUser, boardId: string): Promise<Result<PrivateNote[], AccessError>> {
    const access = await this.boards.access(user, boardId, 'viewer')
    if (!access.ok) return access
    const { privateMode } = await this.content.read(boardId, facilitationOf)
    const all = privateMode.active && privateMode.facilitatorSees && canFacilitate(access.value.role)
    return ok(await this.privateNotes.list(boardId, all ? null : user.id))
  }

  /** Writes one of the caller's private notes (editor and above, while a private brainstorm runs). */
  async putPrivateNote(
    user: SessionUser,
    boardId: string,
    noteId: string,
    body: PrivateNoteBody,
  ): Promise<Result<PrivateNote, FacilitationError>> {
    const access = await this.boards.access(user, boardId, 'editor')
    if (!access.ok) return access
    return this.#lock.run(`${boardId}:private:${user.id}`, async () => {
      const { privateMode } = await this.content.read(boardId, facilitationOf)
      if (!privateMode.active) return fail('conflict', 'no private brainstorm is running: notes go on the board')
      const isNew = !(await this.privateNotes.has(boardId, user.id, noteId))
      if (isNew && (await this.privateNotes.count(boardId, user.id)) >= MAX_PRIVATE_NOTES)
        return fail('validation_failed', `at most ${MAX_PRIVATE_NOTES} private notes per person`)
      const note: PrivateNote = {
        ...body,
        id: noteId as PrivateNote['id'],
        author: { userId: user.id, name: user.displayName },
        updatedAt: this.now(),
      }
      await this.privateNotes.put(boardId, note)
      return ok(note)
    })
  }

  async deletePrivateNote(user: SessionUser, boardId: string, noteId: string): Promise<Result<null, FacilitationError>> {
    const access = await this.boards.access(user, boardId, 'editor')
    if (!access.ok) return access
    return (await this.privateNotes.remove(boardId, user.id, noteId)) ? ok(null) : fail('not_found', 'no such private note')
  }

  async #view(boardId: string, userId: string): Promise<FacilitationView> {
    const state = await this.content.read(boardId, facilitationOf)
    const serverTime = this.now()
    const timer = { ...state.timer, remainingMs: remainingMs(state.timer, serverTime) }
    let vote: FacilitationView['vote'] = null
    if (state.vote) {
      const mine = state.vote.open ? await this.ballots.get(boardId, state.vote.id, userId) : null
      vote = { ...state.vote, myDots: { ...(mine?.dots ?? {}) } }
    }
    return { ...state, serverTime, timer, vote }
  }
}
