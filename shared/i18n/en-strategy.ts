import type { Message } from './types.ts'

/**
 * What the regional strategy export writes (server/export/strategy/, issue 17): the chapter
 * headings of the partnership's chapter plan, the tables' captions and columns, and the
 * sentences that stand where a board recorded nothing. Enumerations come from `enum.*`, the
 * SWOT fields from `templates.siteScan.*`, indicator names from `export.indicator.*`.
 * Placeholders are filled with numbers already written in the export's language.
 */
export const enStrategy = {
  'strategy.kicker': 'Regional strategy',
  'strategy.untitled': 'Untitled collection',
  'strategy.footer': 'Regional strategy: {title}',
  'strategy.generated': 'Generated',
  'strategy.sites': 'Sites',
  'strategy.live': 'Live board',
  'strategy.snapshot': 'Snapshot “{label}”',
  'strategy.nothing': 'Nothing recorded yet.',
  'strategy.noSites': 'The collection holds no sites yet.',
  'strategy.total': 'Total',
  'strategy.money': '€{amount}',
  'strategy.notAvailable': 'n/a',
  'strategy.unspecified': 'Not specified',

  // Chapters, in the order of the chapter plan
  'strategy.chapter.creativeSector': 'The creative sector in the region',
  'strategy.chapter.swot': 'SWOT',
  'strategy.chapter.vision': 'Vision',
  'strategy.chapter.proposals': 'Proposals per site',
  'strategy.chapter.investments': 'Investments',
  'strategy.chapter.financialPlan': 'Financial plan',
  'strategy.chapter.operation': 'Operation',
  'strategy.chapter.marketing': 'Marketing',
  'strategy.chapter.annex': 'Annex: reviews',

  // Title page figures
  'strategy.figure.actors': 'Actors across all sites',
  'strategy.figure.creative': 'Creative and cultural actors',
  'strategy.figure.committed': 'Of them committed (letter of intent or more)',
  'strategy.figure.plannedArea': 'Planned area',
  'strategy.figure.investment': 'Investment',

  // 1 The creative sector
  'strategy.creative.summary':
    'Actors across all sites: {actors}. Creative and cultural actors: {creative}, of whom {committed} are committed (letter of intent or more). Their space need: {space}.',
  'strategy.creative.bySite': 'Actors per site',
  'strategy.creative.bySector': 'Actors by sector',
  'strategy.creative.bySubsector': 'Creative and cultural actors by field',
  'strategy.column.site': 'Site',
  'strategy.column.actors': 'Actors',
  'strategy.column.creative': 'Creative and cultural',
  'strategy.column.committed': 'Committed',
  'strategy.column.spaceNeed': 'Space need',
  'strategy.column.sector': 'Sector',
  'strategy.column.field': 'Field',
  'strategy.noField': 'No field given',

  // 2 SWOT
  'strategy.swot.noScan': 'No site scan on this board.',

  // 4 Proposals
  'strategy.proposals.uses': 'Uses',
  'strategy.proposals.phases': 'Phases',
  'strategy.proposals.indicators': 'Key indicators',
  'strategy.proposals.noUses': 'No uses planned yet.',
  'strategy.proposals.noPhases': 'No phases planned yet.',
  'strategy.column.use': 'Use',
  'strategy.column.category': 'Category',
  'strategy.column.area': 'Area',
  'strategy.column.zone': 'Zone',
  'strategy.column.operators': 'Operators',
  'strategy.column.phase': 'Phase',
  'strategy.column.stage': 'Stage',
  'strategy.column.months': 'Months',
  'strategy.column.indicator': 'Indicator',
  'strategy.column.thisSite': 'This site',
  'strategy.column.median': 'Regional median',

  // 5 Investments and 6 financial plan
  'strategy.investments.bySite': 'Investment per site',
  'strategy.financial.bySite': 'Running cost and income per site',
  'strategy.financial.recoveryCosted':
    'The region’s cost recovery counts only the sites with a running cost; the income of the others is in the total.',
  'strategy.financial.bySource': 'Funding by source',
  'strategy.investments.funders': 'Who funds what',
  'strategy.column.funder': 'Funder',
  'strategy.column.investment': 'Investment',
  'strategy.column.fundingSource': 'Funding source',
  'strategy.column.runningCost': 'Running cost per year',
  'strategy.column.income': 'Income per year',
  'strategy.column.costRecovery': 'Cost recovery',
  'strategy.column.breakEven': 'Break-even year',
  'strategy.column.subsidyDependency': 'Subsidy dependency',
  'strategy.column.amount': 'Amount',
  'strategy.column.source': 'Source',

  // 7 Operation
  'strategy.operation.none': 'No operator links on this board yet.',

  // Annex
  'strategy.annex.intro': 'Scores from 1 (weak) to 5 (strong) per criterion; the mean is taken over the scores given.',
  'strategy.annex.noReviews': 'No reviews of this site yet.',
  'strategy.annex.reviewBy': 'Review by {name}',
  'strategy.column.criterion': 'Criterion',
  'strategy.column.mean': 'Mean',
} as const satisfies Record<string, Message>
