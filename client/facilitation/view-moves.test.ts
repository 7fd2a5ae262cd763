import { describe, expect, it } from 'vitest'
import { defaultFacilitation } from '../../shared/facilitation/state.ts'
import { groupOf } from './view-moves.ts'

describe('groupOf', () => {
  const groups = [
    { id: 'g1', name: '1', frameId: 'f-1', userIds: ['u-ana', 'u-ben'] },
    { id: 'g2', name: '2', userIds: ['u-cleo'] },
  ]

  it('finds the group a person is in while groups are active', () => {
    const state = { ...defaultFacilitation(), groups: { active: true, groups } }
    expect(groupOf(state, 'u-ben')?.id).toBe('g1')
    expect(groupOf(state, 'u-cleo')?.id).toBe('g2')
    expect(groupOf(state, 'u-dora')).toBeNull()
  })

  it('finds none once the groups have ended', () => {
    expect(groupOf({ ...defaultFacilitation(), groups: { active: false, groups } }, 'u-ben')).toBeNull()
  })
})
