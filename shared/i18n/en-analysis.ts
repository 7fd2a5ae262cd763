import type { Message } from './types.ts'

/**
 * English strings of the analysis panel, the side panel's tabs and the template picker of the
 * new-board form; spread into the catalog by en.ts. Numbers in `{…}` are formatted for the
 * language by the translator; percentages and areas come pre-formatted as text.
 */
export const enAnalysis = {
  // Side panel tabs
  'sidePanel.label': 'Board panel',
  'sidePanel.tabs': 'Panel views',
  'sidePanel.tab.inspect': 'Inspect',
  'sidePanel.tab.analysis': 'Analysis',
  'sidePanel.tab.snapshots': 'Snapshots',
  'sidePanel.collapse': 'Hide the side panel',
  'sidePanel.expand': 'Show the side panel',

  // Panel frame
  'analysis.title': 'Analysis of the reuse concept',
  'analysis.intro': 'Updated live as the board changes.',
  'analysis.empty.title': 'Nothing to analyse yet',
  'analysis.empty.body':
    'Add actors and uses to see the analysis: who takes part, what the site could hold, and what the concept still lacks.',
  'analysis.empty.hintEditor': 'Use the Actor (A) and Use (U) tools on the left, then link them with the Link tool (L).',
  'analysis.empty.hintViewer': 'The analysis appears as soon as the group adds actors and uses.',
  'analysis.showTable': 'Show as table',
  'analysis.showChart': 'Show as chart',
  'analysis.table.item': 'Item',
  'analysis.table.value': 'Value',
  'analysis.table.share': 'Share',
  'analysis.unit.m2': '{value} m²',
  'analysis.unit.count': '{value}',

  // Sector mix
  'analysis.sectors.title': 'Who takes part',
  'analysis.sectors.summary': {
    one: '{count} actor from {sectors} sectors',
    other: '{count} actors from {sectors} sectors',
  },
  'analysis.sectors.summaryOne': {
    one: '{count} actor from 1 sector',
    other: '{count} actors from 1 sector',
  },
  'analysis.sectors.none': 'No actors yet.',
  'analysis.sectors.column': 'Sector',
  'analysis.sectors.actors': 'Actors',

  // Use mix
  'analysis.uses.title': 'Use mix by floor area',
  'analysis.uses.summary': 'Planned: {area} in {count} kinds of use',
  'analysis.uses.none': 'No use has a floor area yet. Enter the area (m²) of each use in the inspector.',
  'analysis.uses.column': 'Kind of use',
  'analysis.uses.area': 'Floor area',

  // Area balance
  'analysis.area.title': 'Area balance',
  'analysis.area.planned': 'Planned uses',
  'analysis.area.site': 'Site area',
  'analysis.area.weighted': 'Weighted demand',
  'analysis.area.demand': 'Named demand (unweighted)',
  'analysis.area.ratio': '{percent} of the site is planned',
  'analysis.area.overPlanned': 'Over-planned: {percent} of the site area is planned',
  'analysis.area.noSite': 'Enter the site’s floor area in the site profile to compare it with the plan.',
  'analysis.area.demandCover': 'Committed demand covers {percent} of the planned area',
  'analysis.area.marker': '100 % of the site',
  'analysis.area.column': 'Figure',

  // Critical mass
  'analysis.creative.title': 'Creative critical mass',
  'analysis.creative.countOf': '{count} of {threshold}',
  'analysis.creative.reached': 'Reached',
  'analysis.creative.missing': {
    one: '{count} more needed',
    other: '{count} more needed',
  },
  'analysis.creative.detail': 'Creative and cultural actors: {share} of all actors, {committed} committed',
  'analysis.creative.threshold': 'Target',
  'analysis.creative.thresholdHint': 'No standard exists: set the number your site needs.',
  'analysis.creative.thresholdSave': 'Set',
  'analysis.creative.thresholdInvalid': 'Enter a whole number from 0 to 1000.',
  'analysis.creative.thresholdReadOnly': 'Target {threshold} (set by a facilitator)',
  'analysis.creative.gaugeLabel': '{count} creative and cultural actors against a target of {threshold}',

  // Coverage, mix evenness
  'analysis.coverage.title': 'Uses with an operator',
  'analysis.coverage.value': {
    one: '{covered} of {count} use has an operator',
    other: '{covered} of {count} uses have an operator',
  },
  'analysis.coverage.none': 'No uses yet.',
  'analysis.evenness.title': 'Mix evenness',
  'analysis.evenness.value': 'Evenness {value} over {count} kinds of use',
  'analysis.evenness.single': 'One kind of use only: evenness 0',
  'analysis.evenness.none': 'No planned floor area yet.',
  'analysis.evenness.low': 'dominated by one use',
  'analysis.evenness.medium': 'a mix with a clear lead',
  'analysis.evenness.high': 'an even mix',
  'analysis.evenness.scaleLow': 'one use',
  'analysis.evenness.scaleHigh': 'even mix',

  // Stakeholder health
  'analysis.stakeholders.title': 'Stakeholder health',
  'analysis.stakeholders.health': '{supportive} of {keyPlayers} key players support the project',
  'analysis.stakeholders.noKeyPlayers': 'No key players yet (influence and interest 4 or higher).',
  'analysis.stakeholders.blockers': {
    one: '{count} blocker',
    other: '{count} blockers',
  },
  'analysis.stakeholders.critics': {
    one: '{count} critic',
    other: '{count} critics',
  },
  'analysis.stakeholders.quadrants': 'Actors per quadrant of the influence/interest grid',
  'analysis.stakeholders.quadrant.manageClosely': 'Manage closely',
  'analysis.stakeholders.quadrant.keepSatisfied': 'Keep satisfied',
  'analysis.stakeholders.quadrant.keepInformed': 'Keep informed',
  'analysis.stakeholders.quadrant.monitor': 'Monitor',
  'analysis.stakeholders.unplaced': {
    one: '{count} actor without influence or interest',
    other: '{count} actors without influence or interest',
  },

  // Combination figures
  'analysis.combination.title': 'Combination',
  'analysis.combination.crossSectorLinks': 'Links creative ↔ established sectors',
  'analysis.combination.sharedUses': 'Uses shared by both',
  'analysis.combination.sectorsCommitted': 'Sectors among committed actors',

  // Matrix
  'analysis.matrix.title': 'Combination matrix',
  'analysis.matrix.intro': 'Links between actor sectors (rows) and kinds of use (columns). Select a cell to see its links.',
  'analysis.matrix.none': 'Link actors to uses to fill the matrix.',
  'analysis.matrix.corner': 'Sector × use',
  'analysis.matrix.cell': {
    one: '{count} link: {sector} × {category}. Select it on the board.',
    other: '{count} links: {sector} × {category}. Select them on the board.',
  },
  'analysis.matrix.selected': {
    one: 'Selected {count} element',
    other: 'Selected {count} elements',
  },

  // Gaps
  'analysis.gaps.title': 'What the concept still lacks',
  'analysis.gaps.none': 'No gaps: every use has an operator and a phase, every actor a role.',
  'analysis.gaps.count': {
    one: '{count} gap',
    other: '{count} gaps',
  },
  'analysis.gaps.zoomHint': 'Show on the board',
  'analysis.gaps.showAll': 'Show all {count}',
  'analysis.gaps.showFewer': 'Show fewer',
  'analysis.gaps.group.combination-missing': 'No combination yet',
  'analysis.gaps.group.use-without-operator': 'Uses without an operator',
  'analysis.gaps.group.actor-without-use': 'Actors without a use',
  'analysis.gaps.group.zone-overcommitted': 'Overcommitted zones',
  'analysis.gaps.group.use-without-phase': 'Uses in no phase',
  'analysis.gaps.group.link-dangling': 'Links to missing elements',
  'analysis.gaps.group.use-zone-missing': 'Uses in a missing zone',
  'analysis.gaps.group.phase-ref-dangling': 'Phases naming missing elements',
  'analysis.gaps.sentence.combination-missing':
    'No creative or cultural actor works with an established business yet: link one to commerce, industry, services, gastronomy or tourism, or give them a use they share',
  'analysis.gaps.sentence.use-without-operator': '{name} has no operator',
  'analysis.gaps.sentence.actor-without-use': '{name} is linked to no use',
  'analysis.gaps.sentence.zone-overcommitted': '{name} holds {planned} of uses on {supply}',
  'analysis.gaps.sentence.use-without-phase': '{name} is scheduled in no phase',
  'analysis.gaps.sentence.link-dangling': 'A link from {from} to {to} has lost an end',
  'analysis.gaps.sentence.use-zone-missing': '{name} is placed in a zone that no longer exists',
  'analysis.gaps.sentence.phase-ref-dangling': '{name} names an element that no longer exists',
  'analysis.gaps.missing': 'a missing element',
  'analysis.gaps.unnamed': '{kind} without a name',
  'analysis.gaps.notOnBoard': 'This element is not on the board any more.',

  // Template picker (new-board form)
  'newBoard.template.legend': 'Start from',
  'newBoard.template.hint': 'Each template sets up the frames of one workshop method. You can add everything else later.',
  'newBoard.template.blank.name': 'Blank board',
  'newBoard.template.blank.description': 'An empty board: start with actors, uses and notes of your own.',
  'newBoard.template.site-scan.name': 'Site scan',
  'newBoard.template.site-scan.description': 'Context cards, then SWOT, then TOWS strategies for a candidate site.',
  'newBoard.template.stakeholder-map.name': 'Stakeholder map',
  'newBoard.template.stakeholder-map.description': 'The influence × interest grid: place each actor, set its stance.',
  'newBoard.template.needs-inventory.name': 'Needs inventory',
  'newBoard.template.needs-inventory.description': 'What the creative scene needs: m², rent and how sure, by commitment.',
  'newBoard.template.use-mix.name': 'Use mix on the site plan',
  'newBoard.template.use-mix.description': 'Zones with their floor areas; move candidate uses onto them.',
  'newBoard.template.combination-matrix.name': 'Combination matrix',
  'newBoard.template.combination-matrix.description': 'Creative subsectors × commerce, industry and services: find pairings.',
  'newBoard.template.phasing-roadmap.name': 'Phasing roadmap',
  'newBoard.template.phasing-roadmap.description': 'Analysis → interim use → pilot → consolidation → long term.',
  'newBoard.template.business-model-canvas.name': 'Business model canvas',
  'newBoard.template.business-model-canvas.description': 'The nine blocks of the future site operator’s business model.',
  'newBoard.template.textile-mill.name': 'Demo: textile mill',
  'newBoard.template.textile-mill.description': 'A worked example half-way through a workshop, to explore the board.',
} as const satisfies Record<string, Message>
