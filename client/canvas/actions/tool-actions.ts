import type { MessageKey } from '../../../shared/i18n/index.ts'
import { canEdit } from '../../../shared/schema/roles.ts'
import { isReadOnlyTool, type Tool } from '../tools.ts'
import { type Action, defineAction } from './types.ts'

const keys: Record<Tool, string> = {
  select: 'v',
  pan: 'h',
  actor: 'a',
  use: 'u',
  note: 'n',
  zone: 'z',
  frame: 'f',
  phase: 'p',
  link: 'l',
}

/** One action per tool ("tool.actor" …): single-letter shortcuts, creation tools for editors only. */
function toolAction(tool: Tool): Action {
  return defineAction({
    name: `tool.${tool}`,
    label: `tool.${tool}` as MessageKey,
    group: 'tools',
    keys: [{ key: keys[tool] }],
    enabled: ({ role }) => isReadOnlyTool(tool) || canEdit(role),
    perform: ({ editor }) => editor.canvas.setTool(tool),
  })
}

export const toolActions: readonly Action[] = (Object.keys(keys) as Tool[]).map(toolAction)
