import { canEdit } from '../../../shared/schema/roles.ts'
import { boxOf } from '../board-geometry.ts'
import { changeableIds } from './editing-rules.ts'
import { type Action, type ActionContext, type ActionName, defineAction } from './types.ts'

type Target = 'front' | 'back' | 'forward' | 'backward'

const boxIds = ({ role, selection, editor }: ActionContext) => {
  const elements = editor.elements()
  return changeableIds(selection, elements, role).filter((id) => boxOf(elements[id]) !== null)
}

/** Ctrl+] / Ctrl+[ step, with Shift to the front / back. `code` keeps it layout-independent. */
function reorder(name: ActionName, label: Action['label'], to: Target): Action {
  const code = to === 'front' || to === 'forward' ? 'BracketRight' : 'BracketLeft'
  const shift = to === 'front' || to === 'back'
  return defineAction({
    name,
    label,
    group: 'arrange',
    keys: [{ key: code === 'BracketRight' ? ']' : '[', code, mod: true, shift }],
    enabled: (context) => canEdit(context.role) && boxIds(context).length > 0,
    perform: (context) => {
      const ids = boxIds(context)
      if (ids.length > 0) context.editor.apply({ type: 'element.reorder', ids, to })
    },
  })
}

export const bringForward = reorder('bringForward', 'action.bringForward', 'forward')
export const sendBackward = reorder('sendBackward', 'action.sendBackward', 'backward')
export const bringToFront = reorder('bringToFront', 'action.bringToFront', 'front')
export const sendToBack = reorder('sendToBack', 'action.sendToBack', 'back')
