import type { Component } from 'solid-js'
import type { FacilitationState } from '../../shared/facilitation/state.ts'
import type { MessageKey } from '../../shared/i18n/index.ts'
import { mayCreateKind, mayEditNow } from '../../shared/rules/facilitation.ts'
import type { Role } from '../../shared/schema/roles.ts'
import type { Tool as CanvasTool } from '../canvas/tools.ts'
import {
  ActorToolIcon,
  FrameToolIcon,
  ImageToolIcon,
  LinkToolIcon,
  NoteToolIcon,
  PanToolIcon,
  PhaseToolIcon,
  SelectToolIcon,
  UseToolIcon,
  ZoneToolIcon,
} from './icons.tsx'

export type WorkspaceToolId = CanvasTool | 'image'

export interface WorkspaceTool {
  id: WorkspaceToolId
  /** the shortcut letter shown in the tooltip (the canvas handles the key itself; `image` is ours) */
  key: string
  icon: Component<{ size?: number }>
  /** creating or changing content: hidden for viewers */
  edits: boolean
  /** starts a separator group in the toolbar */
  groupStart?: boolean
}

/** The toolbar's tools, in the order a workshop meets them: navigate, people and uses, structure. */
export const workspaceTools: readonly WorkspaceTool[] = [
  { id: 'select', key: 'V', icon: SelectToolIcon, edits: false },
  { id: 'pan', key: 'H', icon: PanToolIcon, edits: false },
  { id: 'actor', key: 'A', icon: ActorToolIcon, edits: true, groupStart: true },
  { id: 'use', key: 'U', icon: UseToolIcon, edits: true },
  { id: 'link', key: 'L', icon: LinkToolIcon, edits: true },
  { id: 'phase', key: 'P', icon: PhaseToolIcon, edits: true },
  { id: 'note', key: 'N', icon: NoteToolIcon, edits: true, groupStart: true },
  { id: 'zone', key: 'Z', icon: ZoneToolIcon, edits: true },
  { id: 'frame', key: 'F', icon: FrameToolIcon, edits: true },
  { id: 'image', key: 'I', icon: ImageToolIcon, edits: true },
]

export const toolName = (id: WorkspaceToolId): MessageKey => `workspace.tool.${id}`

/**
 * Why a tool is off now while a workshop runs (null: it is not): editing paused by a
 * facilitator, or a kind the current agenda step does not ask for (shared/rules/facilitation.ts,
 * the rules the server holds).
 */
export function facilitationBlock(tool: WorkspaceTool, role: Role, state: FacilitationState): 'paused' | 'step' | null {
  if (!tool.edits) return null
  if (!mayEditNow(role, state)) return 'paused'
  // the link tool creates links; every other editing tool is named after the kind it creates
  return mayCreateKind(role, state, tool.id) ? null : 'step'
}
export const toolHint = (id: WorkspaceToolId): MessageKey => `workspace.tool.hint.${id}`
