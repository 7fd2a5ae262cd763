import { createEffect, createMemo, on, untrack } from 'solid-js'
import { currentStep, type FacilitationState } from '../../shared/facilitation/state.ts'
import type { BoardSession } from '../board/board-context.ts'
import { activeCanvas } from '../canvas/canvas-api.ts'
import { facilitationPreferences } from './preferences.ts'

/** The group `userId` is in while groups are active, or null. */
export function groupOf(state: Pick<FacilitationState, 'groups'>, userId: string) {
  if (!state.groups.active) return null
  return state.groups.groups.find((group) => group.userIds.includes(userId)) ?? null
}

/** Brings this view to a frame (animated); false when the frame is not on the board. */
export function goToFrame(frameId: string | undefined): boolean {
  const canvas = activeCanvas()
  const bounds = frameId ? canvas?.renderer.boundsOf(frameId) : null
  if (!canvas || !bounds) return false
  canvas.zoomTo(bounds, { animate: true })
  return true
}

/**
 * Moves this person's view when the workshop moves (issue 13, items 1 and 6): a new agenda step
 * brings everyone to its frame; groups starting take each person to their group's frame; groups
 * ending bring everyone back to the current step's frame (or the whole board). Only changes
 * seen after the first sync move anyone — opening a board mid-step keeps its own view — and
 * nobody is moved who chose "Don't move my view".
 */
export function createViewMoves(session: BoardSession): void {
  const { facilitation, connection, me } = session
  const preferences = facilitationPreferences()
  const agendaChanged = createMemo(() => facilitation.state().agenda.changedAt ?? 0)
  const groupsChanged = createMemo(() => facilitation.state().groups.changedAt ?? 0)

  const moves = () => untrack(() => connection.synced() && !preferences.stayPut())

  createEffect(
    on(agendaChanged, (at, before) => {
      if (before === undefined || at <= before || !moves()) return
      goToFrame(currentStep(untrack(facilitation.state))?.frameId)
    }),
  )

  createEffect(
    on(groupsChanged, (at, before) => {
      if (before === undefined || at <= before || !moves()) return
      const state = untrack(facilitation.state)
      if (state.groups.active) {
        goToFrame(groupOf(state, me.id)?.frameId)
        return
      }
      if (!goToFrame(currentStep(state)?.frameId)) activeCanvas()?.zoomToFit()
    }),
  )
}
