import { MONTH_WIDTH_PX } from '../../../shared/scene/timeline.ts'
import { canEdit } from '../../../shared/schema/roles.ts'
import { boxOf, withFrameContents } from '../board-geometry.ts'
import { duplicateSelection } from '../clipboard-document.ts'
import { divertNotes } from '../note-sink.ts'
import { changeableIds } from './editing-rules.ts'
import { type Action, type ActionContext, type ActionName, defineAction } from './types.ts'

const hasChangeable = ({ role, selection, editor }: ActionContext) =>
  canEdit(role) && changeableIds(selection, editor.elements(), role).length > 0

export const deleteSelection = defineAction({
  name: 'deleteSelection',
  label: 'action.deleteSelection',
  group: 'edit',
  keys: [{ key: 'Delete' }, { key: 'Backspace' }],
  enabled: hasChangeable,
  perform: ({ role, selection, editor }) => {
    const ids = changeableIds(selection, editor.elements(), role)
    if (ids.length === 0) return
    // Links attached to a deleted box go with it (withLinks), as people expect.
    const result = editor.apply({ type: 'element.delete', ids, withLinks: true })
    if (result.ok) editor.select([])
  },
})

export const duplicate = defineAction({
  name: 'duplicate',
  label: 'action.duplicate',
  group: 'edit',
  keys: [{ key: 'd', mod: true }],
  enabled: ({ role, selection }) => canEdit(role) && selection.length > 0,
  perform: ({ selection, editor }) => {
    const elements = editor.elements()
    // during a private brainstorm a participant's copies of notes stay private
    const copies = divertNotes(duplicateSelection(selection, elements, (id) => id in elements))
    if (copies.length === 0) return
    const result = editor.apply({ type: 'element.add', elements: copies })
    if (result.ok) editor.select(copies.map((e) => e.id))
  },
})

/** Moves the selection (and what lies in selected frames) by one step: one operation per key press. */
function nudge(name: ActionName, label: Action['label'], key: string, ux: number, uy: number): Action {
  return defineAction({
    name,
    label,
    group: 'arrange',
    // 10 board px a press, Shift 50: a keyboard move is a real move, not a pixel tweak
    keys: [{ key, shift: 'any' }],
    enabled: hasChangeable,
    perform: ({ role, selection, editor }, { event }) => {
      const step = event?.shiftKey ? 50 : 10
      const elements = editor.elements()
      const ids = changeableIds(withFrameContents(changeableIds(selection, elements, role), elements), elements, role)
      const moves = ids.flatMap((id) => {
        const box = boxOf(elements[id])
        // a phase sits on whole months: sideways it steps a month (Shift: a year)
        const stepX = elements[id]?.kind === 'phase' ? MONTH_WIDTH_PX * (event?.shiftKey ? 12 : 1) : step
        return box ? [{ id, x: box.x + ux * stepX, y: box.y + uy * step }] : []
      })
      if (moves.length > 0) editor.apply({ type: 'element.move', moves })
    },
  })
}

export const nudgeLeft = nudge('nudgeLeft', 'action.nudgeLeft', 'ArrowLeft', -1, 0)
export const nudgeRight = nudge('nudgeRight', 'action.nudgeRight', 'ArrowRight', 1, 0)
export const nudgeUp = nudge('nudgeUp', 'action.nudgeUp', 'ArrowUp', 0, -1)
export const nudgeDown = nudge('nudgeDown', 'action.nudgeDown', 'ArrowDown', 0, 1)

const textKinds = new Set(['note', 'actor', 'use', 'zone', 'frame', 'phase'])

export const editText = defineAction({
  name: 'editText',
  label: 'action.editText',
  group: 'edit',
  keys: [{ key: 'Enter' }],
  enabled: ({ role, selection, editor }) =>
    canEdit(role) &&
    selection.length === 1 &&
    textKinds.has(editor.elements()[selection[0] ?? '']?.kind ?? '') &&
    changeableIds(selection, editor.elements(), role).length === 1,
  perform: ({ selection, editor }) => {
    const id = selection[0]
    if (id) editor.editText(id)
  },
})

/** The smallest box a keyboard resize leaves. */
const MIN_KEY_SIZE = 20

/**
 * Ctrl/Cmd+arrows resize the one selected box by 10 px (Shift: 50): right/down grow it,
 * left/up shrink it. The keyboard's alternative to dragging a handle; one operation a press.
 * Phases are left out: their width is their months (set in the inspector).
 */
export const resizeByKeys = defineAction({
  name: 'resizeByKeys',
  label: 'action.resizeByKeys',
  group: 'arrange',
  keys: [
    { key: 'ArrowRight', mod: true, shift: 'any' },
    { key: 'ArrowLeft', mod: true, shift: 'any' },
    { key: 'ArrowDown', mod: true, shift: 'any' },
    { key: 'ArrowUp', mod: true, shift: 'any' },
  ],
  enabled: ({ role, selection, editor }) =>
    canEdit(role) &&
    selection.length === 1 &&
    editor.elements()[selection[0] ?? '']?.kind !== 'phase' &&
    boxOf(editor.elements()[selection[0] ?? '']) !== null &&
    changeableIds(selection, editor.elements(), role).length === 1,
  perform: ({ selection, editor }, { event }) => {
    const id = selection[0]
    const box = boxOf(editor.elements()[id ?? ''])
    if (!id || !box || !event) return
    const step = event.shiftKey ? 50 : 10
    const dw = event.key === 'ArrowRight' ? step : event.key === 'ArrowLeft' ? -step : 0
    const dh = event.key === 'ArrowDown' ? step : event.key === 'ArrowUp' ? -step : 0
    const w = Math.max(MIN_KEY_SIZE, box.width + dw)
    const h = Math.max(MIN_KEY_SIZE, box.height + dh)
    if (w !== box.width || h !== box.height) editor.apply({ type: 'element.resize', id, w, h })
  },
})

/** "Link to…": opens the dialog that links the one selected box to another chosen from a list (the keyboard's link gesture). */
export const linkTo = defineAction({
  name: 'linkTo',
  label: 'action.linkTo',
  group: 'edit',
  keys: [{ key: 'k', mod: true }],
  enabled: ({ role, selection, editor }) =>
    canEdit(role) &&
    selection.length === 1 &&
    boxOf(editor.elements()[selection[0] ?? '']) !== null &&
    changeableIds(selection, editor.elements(), role).length === 1,
  perform: ({ selection, editor }) => {
    const id = selection[0]
    if (id) editor.canvas.setLinkingFrom(id)
  },
})
