import { createEffect, on } from 'solid-js'
import type { Vote } from '../../shared/facilitation/state.ts'
import type { DrawingSurface } from '../board/snapshot-view.ts'
import { createVoteLayer, type ResultBadge } from '../canvas/layers/vote-layer.ts'
import { t } from '../i18n/locale.ts'
import { ranking } from './vote-ballot.ts'

/** The badges of a closed vote: each element with dots, its place and total ("#1 · 3 dots"). */
export function resultBadges(vote: Vote, boundsOf: (id: string) => ResultBadge['rect'] | null): ResultBadge[] {
  const badges: ResultBadge[] = []
  for (const result of ranking(vote.results)) {
    const rect = result.dots > 0 ? boundsOf(result.elementId) : null
    if (rect)
      badges.push({
        id: result.elementId,
        rect,
        rank: result.rank,
        dots: result.dots,
        text: t('vote.badge', { rank: result.rank, count: result.dots }),
      })
  }
  return badges
}

/**
 * A snapshot's last closed vote on its stage (the snapshot view): the same rank badges the live
 * board showed after the vote. Call inside a reactive owner; returns the remover.
 */
export function showVoteBadges(surface: DrawingSurface, votes: readonly Vote[] | undefined): () => void {
  const last = votes?.at(-1)
  if (!last?.results) return () => undefined
  const votesLayer = createVoteLayer()
  const remove = surface.addLayer(votesLayer.layer)
  const draw = () => {
    votesLayer.showResults(
      resultBadges(last, (id) => surface.renderer.boundsOf(id)),
      surface.viewport().scale,
    )
    votesLayer.draw()
  }
  const off = surface.renderer.onChange(draw)
  createEffect(on(() => surface.viewport().scale, draw))
  return () => {
    off()
    remove()
    votesLayer.layer.destroy()
  }
}
