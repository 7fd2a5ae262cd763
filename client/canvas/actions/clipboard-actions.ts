import type { Element } from '../../../shared/schema/elements.ts'
import { newElementId } from '../../../shared/schema/ids.ts'
import { canEdit } from '../../../shared/schema/roles.ts'
import { copySelection, offsetToCentre, readClipboardText, remapElements } from '../clipboard-document.ts'
import { divertNotes } from '../note-sink.ts'
import { changeableIds } from './editing-rules.ts'
import { type ActionContext, defineAction } from './types.ts'

/** Writes the selection as a board document (JSON) to the clipboard; true when there was something. */
async function copyToClipboard({ selection, editor }: ActionContext): Promise<boolean> {
  const document = copySelection(selection, editor.elements(), editor.board)
  if (document.elements.length === 0) return false
  await editor.clipboard.write(JSON.stringify(document))
  return true
}

export const copy = defineAction({
  name: 'copy',
  label: 'action.copy',
  group: 'edit',
  keys: [{ key: 'c', mod: true }],
  enabled: ({ selection }) => selection.length > 0,
  perform: async (context) => {
    await copyToClipboard(context)
  },
})

export const cut = defineAction({
  name: 'cut',
  label: 'action.cut',
  group: 'edit',
  keys: [{ key: 'x', mod: true }],
  enabled: ({ role, selection, editor }) => canEdit(role) && changeableIds(selection, editor.elements(), role).length > 0,
  perform: async (context) => {
    const { role, selection, editor } = context
    const ids = changeableIds(selection, editor.elements(), role)
    if (!(await copyToClipboard({ ...context, selection: ids }))) return
    if (editor.apply({ type: 'element.delete', ids, withLinks: true }).ok) editor.select([])
  },
})

const MAX_NOTE_TEXT = 500

/**
 * Pastes a board document (from this board, another board or another tab) centred at the
 * pointer, or at the viewport's centre; plain text becomes a note.
 */
export const paste = defineAction({
  name: 'paste',
  label: 'action.paste',
  group: 'edit',
  keys: [{ key: 'v', mod: true }],
  enabled: ({ role }) => canEdit(role),
  perform: async ({ editor }) => {
    const text = await editor.clipboard.read()
    if (!text) return
    const at = editor.pointer() ?? editor.canvas.centre()
    const parsed = readClipboardText(text)
    let elements: Element[]
    if (parsed) {
      const current = editor.elements()
      const { dx, dy } = offsetToCentre(parsed, at)
      elements = remapElements(parsed, { dx, dy, exists: (id) => id in current })
    } else {
      const label = text.trim().slice(0, MAX_NOTE_TEXT)
      if (!label) return
      elements = [
        { id: newElementId('n'), kind: 'note', x: at.x - 80, y: at.y - 80, w: 160, h: 160, label, color: 'yellow' } as Element,
      ]
    }
    // during a private brainstorm a participant's pasted notes stay private
    elements = divertNotes(elements)
    if (elements.length === 0) return
    if (editor.apply({ type: 'element.add', elements }).ok) editor.select(elements.map((e) => e.id))
  },
})
