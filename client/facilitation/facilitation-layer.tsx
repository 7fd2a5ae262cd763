import { Show } from 'solid-js'
import { canFacilitate } from '../../shared/schema/roles.ts'
import { useBoard } from '../board/board-context.ts'
import { FacilitationBar } from './facilitation-bar.tsx'
import { FacilitationStrip, PausedBanner } from './facilitation-strip.tsx'
import { createViewMoves } from './view-moves.ts'
import './facilitation.css'

/**
 * Everything of the live workshop over the canvas: at the top, the strip everyone sees (step,
 * timer) with the facilitator's bar under it; the paused-editing banner; and the view moves
 * that follow the agenda and the groups. Mounted once in the workspace.
 */
export function FacilitationLayer() {
  const session = useBoard()
  createViewMoves(session)
  return (
    <div class="fac-dock" data-testid="facilitation">
      <FacilitationStrip />
      <PausedBanner />
      <Show when={canFacilitate(session.role())}>
        <FacilitationBar />
      </Show>
    </div>
  )
}
