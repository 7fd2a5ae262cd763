import type { BoardDocument } from '../schema/document.ts'
import { resolveSettings, type Settings, type SettingsInput } from '../schema/settings.ts'
import { actorIndicators, creativeIndicators } from './actors.ts'
import { areaIndicators, siteAreaOf } from './area.ts'
import { indexBoard } from './board-index.ts'
import { combinationIndicators, coverageOf } from './combination.ts'
import { findGaps } from './gaps.ts'
import { gatherLinkFacts } from './link-facts.ts'
import { combinationMatrix } from './matrix.ts'
import { mixIndicators } from './mix.ts'
import { phaseOccupancy } from './phases.ts'
import { stakeholderHealth } from './stakeholders.ts'
import { timelineConflicts } from './timeline-conflicts.ts'
import type { Analysis } from './types.ts'
import { viabilityFigures } from './viability.ts'
import { zoneBalances } from './zones.ts'

/** The part of a board document the analysis reads. */
export type AnalysableDocument = Pick<BoardDocument, 'site' | 'elements' | 'settings'>

/**
 * Indicators, the combination matrix and the gaps of a board document (docs/analysis.md).
 * Pure and linear in the number of elements: one pass indexes the elements, one the links,
 * the rest read maps. `settings` (a facilitator's threshold and weights) override the
 * document's; missing ones take the defaults.
 */
export function analyse(document: AnalysableDocument, settings?: SettingsInput): Analysis {
  const resolved: Settings = resolveSettings(settings ?? document.settings)
  const index = indexBoard(document)
  const facts = gatherLinkFacts(index)
  const siteM2 = siteAreaOf(document.site)
  const area = areaIndicators(index, siteM2, resolved)
  return {
    indicators: {
      actors: actorIndicators(index),
      creative: creativeIndicators(index, resolved),
      area,
      combination: combinationIndicators(index, facts),
      coverage: coverageOf(index, facts),
      mix: mixIndicators(index),
      stakeholders: stakeholderHealth(index),
      phases: phaseOccupancy(index, siteM2),
      timelineConflicts: timelineConflicts(index, facts),
      zones: zoneBalances(index, facts, resolved),
      viability: viabilityFigures(index, facts, area.plannedM2, resolved),
    },
    matrix: combinationMatrix(facts),
    gaps: findGaps(index, facts),
  }
}
