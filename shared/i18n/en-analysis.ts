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
  'sidePanel.tab.outline': 'Outline',
  'outline.add': 'Add',
  'outline.notInFrame': 'Not in a frame',
  'outline.inZone': 'in {zone}',
  'outline.edit': 'Edit',
  'outline.moveInto': 'Move into',
  'outline.hint': 'Arrow keys walk the list, Enter edits, Delete deletes; Shift+F10 or a right-click opens an element’s actions.',
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
  'analysis.uses.summary': { one: 'Planned: {area} in {count} kind of use', other: 'Planned: {area} in {count} kinds of use' },
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
  'analysis.area.vacancy': 'Vacancy: {percent} of the site stays empty',
  'analysis.area.vacancyLabel': 'Vacancy (site area not planned)',

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
  'analysis.evenness.value': {
    one: 'Evenness {value} over {count} kind of use',
    other: 'Evenness {value} over {count} kinds of use',
  },
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

  // Full screen (projecting the analysis to the room)
  'analysis.fullscreen.open': 'Full screen',
  'analysis.fullscreen.openHint': 'Show the analysis full screen, in large type, to project it to the room',
  'analysis.fullscreen.close': 'Leave full screen (Esc)',
  'analysis.fullscreen.title': 'Analysis: {board}',

  // Combination matrix: present rows and columns, or all of them
  'analysis.matrix.showAll': 'Show the full matrix',
  'analysis.matrix.showPresent': 'Show only what is on the board',
  'analysis.matrix.presentNote':
    '{sectors} of {allSectors} sectors and {categories} of {allCategories} kinds of use are on the board.',
  'analysis.matrix.fullNote':
    'All {allSectors} sectors and {allCategories} kinds of use; empty rows and columns have no actors or uses yet.',

  // Critical mass: committed and merely interested apart
  'analysis.creative.split': '{committed} committed (letter of intent or more) · {interested} interested · {idea} idea only',
  'analysis.creative.legend.committed': 'committed',
  'analysis.creative.legend.interested': 'interested',
  'analysis.creative.legend.idea': 'idea only',

  // Occupancy per phase
  'analysis.phases.title': 'Occupancy per phase',
  'analysis.phases.summary': {
    one: '{count} phase on the roadmap',
    other: '{count} phases on the roadmap',
  },
  'analysis.phases.none': 'No phases yet. Add phases with the Phase tool and list the uses they open.',
  'analysis.phases.column': 'Phase',
  'analysis.phases.months': '{start} – {end}',
  'analysis.phases.uses': {
    one: '{count} use',
    other: '{count} uses',
  },
  'analysis.phases.area': 'Planned area',
  'analysis.phases.occupancy': 'Share of the site',
  'analysis.phases.noSite': 'no site area',
  'analysis.phases.unnamed': '{stage} (no name)',

  // Timeline conflicts
  'analysis.conflicts.title': 'Timeline conflicts',
  'analysis.conflicts.none': 'No use opens before its operator has committed.',
  'analysis.conflicts.count': {
    one: '{count} use opens too early',
    other: '{count} uses open too early',
  },
  'analysis.conflicts.sentence.operator-uncommitted': '{use} opens in {phase} ({start}), but {operators} has not committed yet',
  'analysis.conflicts.sentence.operator-scheduled-later':
    '{use} opens in {phase} ({start}), before its committed operator {operators} comes on board',

  // Space per zone
  'analysis.zones.title': 'Space per zone',
  'analysis.zones.column': 'Zone',
  'analysis.zones.supply': 'Zone area',
  'analysis.zones.planned': 'Planned',
  'analysis.zones.occupancy': 'Occupancy',
  'analysis.zones.noArea': 'no area',
  'analysis.zones.over': 'over-planned',

  // Rent and viability
  'analysis.viability.title': 'Rent and viability',
  'analysis.viability.none': 'No use has a rent yet. Enter the rent (€/m² per month) and the area of each use in the inspector.',
  'analysis.viability.income': 'Rent income per year (fully let)',
  'analysis.viability.rentedArea': 'Rented area',
  'analysis.viability.meanRent': 'Mean asking rent',
  'analysis.viability.subsidyShare': 'Planned area on subsidy',
  'analysis.viability.perM2Month': '{value} per m² and month',
  'analysis.viability.affordable': '{affordable} of {count} actors with a budget can pay the asking rent',
  'analysis.viability.affordRow': '{actor}: budget {budget}, asking {asking}',
  'analysis.viability.canPay': 'can pay',
  'analysis.viability.cannotPay': 'cannot pay',
  'analysis.viability.missing':
    'Debt service and occupancy are not on the board: every figure assumes the uses fully let and running.',

  // Explanations: what each figure means and how it is computed (docs/analysis.md)
  'analysis.explain.toggle': 'What does this mean?',
  'analysis.explain.how': 'How it is computed:',
  'analysis.explain.gaps.meaning':
    'What the concept still lacks: uses nobody runs, actors without a role, zones with more planned than they hold, uses in no phase, links and references to elements that are gone, and no combination of the creative scene with established businesses at all.',
  'analysis.explain.gaps.how':
    'One gap per element that breaks a rule (a use without an “operates” link from an actor, an actor linked to no use, …) plus one for the whole board when no creative or cultural actor is linked to an established-sector actor and no use is shared by both. The briefs and the API count the same gaps.',
  'analysis.explain.sectors.meaning': 'Who sits at the table, by sector: a missing sector is a party nobody has invited yet.',
  'analysis.explain.sectors.how': 'The number of actor cards per sector; the share is of all actors.',
  'analysis.explain.creative.meaning':
    'Whether the site can rely on a creative scene of its own: rural towns often lack this critical mass. Only committed actors are more than goodwill.',
  'analysis.explain.creative.how':
    'Actors of the sectors “creative industries” and “culture”, against the target the facilitator sets (no standard exists). Committed: letter of intent, pre-contract or signed; interested: commitment “interested”; the rest are ideas.',
  'analysis.explain.uses.meaning': 'What the site would hold, by floor area: the use mix.',
  'analysis.explain.uses.how': 'The floor areas (m²) of the uses, added up per kind of use; the share is of all planned area.',
  'analysis.explain.area.meaning':
    'Whether the plan fits the site (occupancy above 100 % is over-planned) and whether the parties ask for that much space.',
  'analysis.explain.area.how':
    'Occupancy = planned area ÷ site area. Weighted demand = Σ space need × weight of the commitment (idea 0.1, interested 0.25, letter of intent 0.5, pre-contract 0.8, signed 1); it covers the plan by weighted demand ÷ planned area.',
  'analysis.explain.coverage.meaning': 'Who will run what: a use without an operator is still a wish.',
  'analysis.explain.coverage.how': 'Uses with at least one “operates” link from an actor, out of all uses.',
  'analysis.explain.evenness.meaning': 'How balanced the use mix is: 0 is a single use, 1 an even mix.',
  'analysis.explain.evenness.how':
    'Shannon evenness of the floor area over the k kinds of use that have area: −Σ pᵢ ln pᵢ ÷ ln k, where pᵢ is a kind’s share of the planned area.',
  'analysis.explain.stakeholders.meaning':
    'Whether the people who can make or break the project are on its side, and whom to talk to first.',
  'analysis.explain.stakeholders.how':
    'Key players have influence and interest of 4 or more; health = key players who are champions or supporters ÷ key players. Quadrants of the influence/interest grid split at 4.',
  'analysis.explain.combination.meaning':
    'How far the creative scene is combined with commerce, industry, services, gastronomy and tourism: the pairing the project is about.',
  'analysis.explain.combination.how':
    'Links between a creative or cultural actor and an established-sector actor; uses linked to both kinds of actor; distinct sectors among committed actors.',
  'analysis.explain.matrix.meaning':
    'Which sectors work with which kinds of use: dark cells are strong pairings, blank ones untried.',
  'analysis.explain.matrix.how':
    'Each cell counts the links (any relation, either direction) between an actor of that sector and a use of that kind. By default only the sectors and kinds of use on the board are shown.',
  'analysis.explain.phases.meaning':
    'How much of the site each stage of the roadmap opens, e.g. the interim use 45 %, the pilot 40 %.',
  'analysis.explain.phases.how': 'Per phase: the uses it lists, their floor area added up, and that area ÷ the site area.',
  'analysis.explain.conflicts.meaning':
    'Uses scheduled before anyone who will run them has committed: secure a letter of intent first, or move the use to a later phase.',
  'analysis.explain.conflicts.how':
    'A use opens with the earliest phase (not an analysis phase) that lists it. It conflicts when none of its operators is committed, or when every committed operator joins the roadmap in a later month.',
  'analysis.explain.zones.meaning': 'Whether each building or zone holds what is planned in it.',
  'analysis.explain.zones.how': 'Per zone: the floor area of the uses placed in it ÷ the zone’s own area.',
  'analysis.explain.viability.meaning':
    'What the site would earn from rents, whether the parties can pay what it asks, and how much of it depends on subsidy.',
  'analysis.explain.viability.how':
    'Rent income = Σ rent per m² and month × area × 12 over uses with a rent; mean rent is weighted by area. An actor can pay when its budget per m² ≥ the asking rent of the uses it runs or uses (else the mean rent). Subsidy share = area of uses on subsidy ÷ planned area.',

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
