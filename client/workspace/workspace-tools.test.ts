import { describe, expect, it } from 'vitest'
import { canvasActions } from '../canvas/actions/registry.ts'
import { workspaceTools } from './workspace-tools.ts'

describe('toolbar letters', () => {
  it('are the keys the tools’ actions are bound to (the router matches those)', () => {
    for (const tool of workspaceTools) {
      if (tool.id === 'image') continue // the workspace's own command, bound to "i" in workspace.tsx
      const binding = canvasActions.get(`tool.${tool.id}`)?.keys?.[0]
      expect(binding?.key.toUpperCase(), tool.id).toBe(tool.key)
    }
  })
})
