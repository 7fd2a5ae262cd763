import { type Accessor, createEffect, createMemo, createSignal, on, onCleanup } from 'solid-js'
import { canEdit, canFacilitate } from '../../shared/schema/roles.ts'
import { isApiError, request } from '../api.ts'
import type { BoardSession } from '../board/board-context.ts'

/** One private note as `GET /api/boards/:id/private-notes` gives it (CONTRACT.md "Facilitation"). */
export interface PrivateNote {
  id: string
  label: string
  color?: string | undefined
  /** its top-left corner on the board, where the author put it */
  x?: number | undefined
  y?: number | undefined
  author: { userId: string; name: string }
  updatedAt: number
}

/** What the author writes: `PUT …/private-notes/:noteId`. */
export type PrivateNoteChange = Pick<PrivateNote, 'id' | 'label' | 'color' | 'x' | 'y'>

/**
 * `write`: a participant (editor) during a private brainstorm: new notes are theirs alone;
 * `read`: a facilitator who started it so that they can read along; null: nothing private now.
 */
export type PrivateNotesMode = 'write' | 'read' | null

export interface PrivateNotes {
  readonly mode: Accessor<PrivateNotesMode>
  /** this person's private notes (a facilitator reading along: everyone's) */
  readonly notes: Accessor<readonly PrivateNote[]>
  /** writes one of this person's notes (shown at once); false when the server did not take it */
  put(note: PrivateNoteChange): Promise<boolean>
  /** deletes one of this person's notes (gone at once); false when the server did not take it */
  remove(id: string): Promise<boolean>
  /** reads the notes again from the server */
  refresh(): Promise<void>
}

/** How often a facilitator reading along asks for the participants' notes. */
export const READ_ALONG_POLL_MS = 2000

/**
 * The private notes of a running private brainstorm (issue 13, item 7), as this client may see
 * them: held by the server (never in the board document) and read over REST when the brainstorm
 * starts, after a reconnect or reload, and every two seconds by a facilitator reading along.
 * Writes show at once and go to the server one after the other per note. When the facilitator
 * reveals them (the brainstorm ends), the list empties: the notes come back as board notes
 * through sync. Call inside a reactive owner.
 */
export function createPrivateNotes(
  session: BoardSession,
  options: { onError(message: string, ended: boolean): void },
): PrivateNotes {
  const path = `/api/boards/${encodeURIComponent(session.board.id)}/private-notes`
  const privateMode = createMemo(() => session.facilitation.state().privateMode, undefined, {
    equals: (a, b) => a.active === b.active && a.facilitatorSees === b.facilitatorSees && a.startedAt === b.startedAt,
  })
  const mode = createMemo<PrivateNotesMode>(() => {
    const current = privateMode()
    if (!current.active) return null
    const role = session.role()
    if (canFacilitate(role)) return current.facilitatorSees ? 'read' : null
    return canEdit(role) ? 'write' : null
  })

  const [notes, setNotes] = createSignal<readonly PrivateNote[]>([])
  /** writes per note not answered yet: a read from the server does not undo what is on its way */
  const pending = new Map<string, number>()
  const chains = new Map<string, Promise<unknown>>()
  /** bumped when the brainstorm starts or ends: answers to older requests are dropped */
  let generation = 0

  const upsert = (note: PrivateNote) =>
    setNotes((list) => (list.some((n) => n.id === note.id) ? list.map((n) => (n.id === note.id ? note : n)) : [...list, note]))
  const drop = (id: string) => setNotes((list) => list.filter((n) => n.id !== id))

  /** Runs `task` after the earlier writes of note `id`, counted as pending until it is answered. */
  const queue = <T>(id: string, task: () => Promise<T>): Promise<T> => {
    pending.set(id, (pending.get(id) ?? 0) + 1)
    const run = (chains.get(id) ?? Promise.resolve()).catch(() => undefined).then(task)
    const settled = run.finally(() => {
      const left = (pending.get(id) ?? 1) - 1
      if (left > 0) pending.set(id, left)
      else {
        pending.delete(id)
        if (chains.get(id) === settled) chains.delete(id)
      }
    })
    chains.set(id, settled)
    return run
  }

  const refresh = async () => {
    if (mode() === null) return
    const asked = generation
    try {
      const answer = await request<{ notes: PrivateNote[] }>('GET', path)
      if (asked !== generation || mode() === null) return
      setNotes((list) => {
        const local = new Map(list.map((n) => [n.id, n]))
        // a note with a write on its way stays as this person last left it (or gone, if deleted)
        const fromServer = answer.notes.flatMap((n) =>
          pending.has(n.id) ? (local.has(n.id) ? [local.get(n.id) as PrivateNote] : []) : [n],
        )
        const onTheirWay = list.filter((n) => pending.has(n.id) && !answer.notes.some((s) => s.id === n.id))
        return [...fromServer, ...onTheirWay]
      })
    } catch {
      // offline for a moment: the next reconnect or poll asks again
    }
  }

  const fail = (error: unknown) => {
    const ended = isApiError(error) && error.status === 409
    options.onError(error instanceof Error ? error.message : String(error), ended)
  }

  const put = async (change: PrivateNoteChange): Promise<boolean> => {
    if (mode() !== 'write') return false
    const asked = generation
    const before = notes().find((n) => n.id === change.id)
    const body = {
      label: change.label,
      ...(change.color ? { color: change.color } : {}),
      ...(change.x !== undefined && change.y !== undefined ? { x: Math.round(change.x), y: Math.round(change.y) } : {}),
    }
    upsert({ ...before, ...change, author: { userId: session.me.id, name: session.me.displayName }, updatedAt: Date.now() })
    try {
      const answer = await queue(change.id, () =>
        request<{ note: PrivateNote }>('PUT', `${path}/${encodeURIComponent(change.id)}`, body),
      )
      // the server's copy, unless another change of it is already on its way
      if (asked === generation && !pending.has(change.id) && notes().some((n) => n.id === change.id)) upsert(answer.note)
      return true
    } catch (error) {
      if (asked !== generation) return false
      if (before) upsert(before)
      else drop(change.id)
      fail(error)
      return false
    }
  }

  const remove = async (id: string): Promise<boolean> => {
    const before = notes().find((n) => n.id === id)
    if (mode() !== 'write' || !before) return false
    const asked = generation
    drop(id)
    try {
      await queue(id, () => request<void>('DELETE', `${path}/${encodeURIComponent(id)}`))
      return true
    } catch (error) {
      if (isApiError(error) && error.status === 404) return true
      if (asked === generation) {
        upsert(before)
        fail(error)
      }
      return false
    }
  }

  // started, ended (revealed) or started again: a fresh list from the server, or none
  createEffect(
    on([mode, () => privateMode().startedAt], ([now]) => {
      generation++
      pending.clear()
      chains.clear()
      setNotes([])
      if (now !== null) void refresh()
    }),
  )
  // back after a lost connection: the server may have what this client missed
  createEffect(
    on(
      session.connection.status,
      (status) => {
        if (status === 'connected') void refresh()
      },
      { defer: true },
    ),
  )
  // a facilitator reading along sees the participants' notes come in
  createEffect(() => {
    if (mode() !== 'read') return
    const timer = setInterval(() => void refresh(), READ_ALONG_POLL_MS)
    onCleanup(() => clearInterval(timer))
  })

  return { mode, notes, put, remove, refresh }
}
