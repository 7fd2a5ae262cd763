import { describe, expect, it } from 'vitest'
import { defaultFacilitation } from '../../shared/facilitation/state.ts'
import { canvasActions } from '../canvas/actions/registry.ts'
import { facilitationBlock, workspaceTools } from './workspace-tools.ts'

describe('toolbar letters', () => {
  it('are the keys the tools’ actions are bound to (the router matches those)', () => {
    for (const tool of workspaceTools) {
      if (tool.id === 'image') continue // the workspace's own command, bound to "i" in workspace.tsx
      const binding = canvasActions.get(`tool.${tool.id}`)?.keys?.[0]
      expect(binding?.key.toUpperCase(), tool.id).toBe(tool.key)
    }
  })
})

describe('tools while a workshop runs', () => {
  const tool = (id: string) => {
    const found = workspaceTools.find((t) => t.id === id)
    if (!found) throw new Error(id)
    return found
  }
  const step = (allowedKinds?: ('note' | 'actor')[]) => ({
    ...defaultFacilitation(),
    agenda: { steps: [{ id: 's1', title: 'Brainstorm', ...(allowedKinds ? { allowedKinds } : {}) }], current: 0 },
  })

  it('turns off the kinds the current step does not ask for, for participants only', () => {
    expect(facilitationBlock(tool('actor'), 'editor', step(['note']))).toBe('step')
    expect(facilitationBlock(tool('image'), 'editor', step(['note']))).toBe('step')
    expect(facilitationBlock(tool('note'), 'editor', step(['note']))).toBeNull()
    expect(facilitationBlock(tool('actor'), 'editor', step())).toBeNull()
    expect(facilitationBlock(tool('actor'), 'facilitator', step(['note']))).toBeNull()
  })

  it('turns off every editing tool while editing is paused, never the navigation', () => {
    const paused = { ...defaultFacilitation(), editingPaused: true }
    expect(facilitationBlock(tool('note'), 'editor', paused)).toBe('paused')
    expect(facilitationBlock(tool('link'), 'editor', paused)).toBe('paused')
    expect(facilitationBlock(tool('select'), 'editor', paused)).toBeNull()
    expect(facilitationBlock(tool('pan'), 'editor', paused)).toBeNull()
    expect(facilitationBlock(tool('note'), 'owner', paused)).toBeNull()
  })
})
