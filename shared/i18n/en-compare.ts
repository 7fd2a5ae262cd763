import type { Message } from './types.ts'

/**
 * Names shared by the collection page, the compare endpoint's readers and the strategy export
 * (issue 17): the comparable indicators (`compare.indicator.<key>`, the keys of
 * shared/collections/compare.ts) and the default review criteria (`criterion.<id>`, shown when a
 * collection keeps a default criterion's title empty).
 */
export const enCompare = {
  'compare.indicator.actors.total': 'Actors',
  'compare.indicator.creative.count': 'Creative and cultural actors',
  'compare.indicator.creative.share': 'Share of creative and cultural actors',
  'compare.indicator.creative.committed': 'Committed creative and cultural actors',
  'compare.indicator.area.plannedM2': 'Planned area of uses',
  'compare.indicator.area.ratio': 'Share of the site planned',
  'compare.indicator.area.demandToPlanned': 'Committed demand to planned area',
  'compare.indicator.combination.crossSectorLinks': 'Links creative ↔ established sectors',
  'compare.indicator.combination.sharedUses': 'Uses shared by both',
  'compare.indicator.combination.sectorsCommitted': 'Sectors among committed actors',
  'compare.indicator.coverage': 'Uses with an operator',
  'compare.indicator.mix.evenness': 'Evenness of the use mix',
  'compare.indicator.stakeholders.health': 'Stakeholder health',
  'compare.indicator.viability.investmentEur': 'Investment',
  'compare.indicator.viability.costRecovery': 'Cost recovery',
  'compare.indicator.viability.subsidyDependency': 'Subsidy dependency',
  'compare.indicator.viability.breakEvenYear': 'Break-even year',
  'criterion.criticalMass': 'Critical mass',
  'criterion.combination': 'Combination of sectors',
  'criterion.heritage': 'Use of the heritage',
  'criterion.viability': 'Viability',
  'criterion.phasing': 'Phasing',
} as const satisfies Record<string, Message>
