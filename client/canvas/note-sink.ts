import { createSignal } from 'solid-js'
import type { Element } from '../../shared/schema/elements.ts'

/** A new note as the canvas would have put it on the board (its top-left corner at x, y). */
export interface NewNote {
  id: string
  x: number
  y: number
  label: string
  color?: string | undefined
}

/**
 * Where new notes go instead of the board while it is set: a participant's private brainstorm
 * (client/facilitation/private-notes.ts) takes them to the server's private store. `edit`: the
 * person placed it to type into it at once.
 */
export type NoteSink = (note: NewNote, options: { edit: boolean }) => void

const [noteSink, setNoteSink] = createSignal<NoteSink | null>(null)

/**
 * The sink every path that creates notes asks first (the note tool, paste, duplicate); null:
 * notes go on the board. One board is open at a time, like `activeCanvas`.
 */
export { noteSink, setNoteSink }

/**
 * Sends the notes among `elements` to the sink, if one is set, and returns what is left for the
 * board: the rest, without links to a note that went away.
 */
export function divertNotes(elements: readonly Element[]): Element[] {
  const sink = noteSink()
  if (!sink) return [...elements]
  const diverted = new Set<string>()
  for (const element of elements)
    if (element.kind === 'note') {
      sink(element, { edit: false })
      diverted.add(element.id)
    }
  return elements.filter(
    (element) =>
      !diverted.has(element.id) && !(element.kind === 'link' && (diverted.has(element.from) || diverted.has(element.to))),
  )
}
