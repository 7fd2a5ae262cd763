import { formatNumber } from './format.ts'

/**
 * The English wording of the strategy brief. The enumerations' labels come from the UI
 * catalog (`shared/i18n`, `enum.*`); these are the brief's own headings and sentences, kept
 * in one table so a translation (or a move into the catalog) touches one file.
 */
export const briefText = {
  intro: 'Strategy brief exported from Refresh Board.',
  snapshotOf: 'State of the board at snapshot "{label}" ({date}).',
  siteProfile: 'Site profile',
  fieldColumn: 'Field',
  valueColumn: 'Value',
  noSiteProfile: 'No site profile has been entered yet.',
  siteName: 'Name',
  siteLocation: 'Location',
  siteCountry: 'Country',
  siteArea: 'Floor area',
  siteBuiltYear: 'Built',
  siteFormerUse: 'Former use',
  siteHeritageStatus: 'Heritage status',
  siteCondition: 'Condition',
  actors: 'Actor constellation',
  actorsSummary: {
    one: '{count} actor in {sectors}; {committed} committed with a letter of intent or more.',
    other: '{count} actors in {sectors}; {committed} committed with a letter of intent or more.',
  },
  sectorCount: { one: '{count} sector', other: '{count} sectors' },
  noActors: 'No actors on the board yet.',
  sector: 'Sector',
  actorCount: 'Actors',
  committedCount: 'Letter of intent or more',
  spaceNeed: 'Space need',
  actor: 'Actor',
  subsector: 'Field',
  country: 'Country',
  commitment: 'Commitment',
  stance: 'Stance',
  useMix: 'Use mix',
  useMixSummary: { one: '{count} use with {planned} planned', other: '{count} uses with {planned} planned' },
  onSite: ' on a site of {area} ({share} of the site).',
  noUses: 'No uses on the board yet.',
  byZone: 'Areas per zone',
  zone: 'Zone',
  zoneArea: 'Zone area',
  uses: 'Uses',
  plannedArea: 'Planned area',
  share: 'Share of planned area',
  zoneOccupancy: 'Zone occupancy',
  noZone: 'No zone',
  missingZone: 'Missing zone ({id})',
  total: 'Total',
  byUse: 'Uses',
  use: 'Use',
  category: 'Category',
  area: 'Area',
  roadmap: 'Phasing roadmap',
  noPhases: 'No phases on the board yet.',
  stage: 'Stage',
  phase: 'Phase',
  start: 'Start',
  end: 'End',
  months: 'Months',
  scheduledUses: 'Uses',
  scheduledActors: 'Actors',
  missingRef: 'missing element {id}',
  indicators: 'Indicators',
  indicator: 'Indicator',
  noAnalysis: 'The analysis is not available for this export.',
  phaseOccupancy: 'Occupancy per phase',
  occupancyColumn: 'Occupancy of the site',
  gaps: 'Gaps',
  noGaps: 'No gaps found.',
  notes: 'Notes',
  noNotes: 'No notes on the board.',
  since: 'What changed since "{label}"',
  nothingChanged: 'Nothing changed.',
  added: 'Added ({count})',
  removed: 'Removed ({count})',
  changed: 'Changed ({count})',
  siteChanged: 'Site profile',
  settingsChanged: 'Analysis settings',
  set: '{field} set to {value}',
  unset: '{field} removed (was {value})',
  changedValue: '{field} {before} → {after}',
  none: '—',
  yes: 'yes',
  no: 'no',
  untitled: '(untitled)',
  relationships: 'Relationships',
  noRelationships: 'No relationships drawn on the board yet.',
  relationshipsSummary: { one: '{count} relationship, in words:', other: '{count} relationships, in words:' },
  from: 'From',
  relation: 'Relation',
  to: 'To',
  note: 'Note',
  votes: 'Dot votes',
  vote: 'Vote: {title}',
  untitledVote: 'Dot vote',
  voteSummary: {
    one: '{people} person voted ({dots} per person, at most {max} per element); closed {date}.',
    other: '{people} people voted ({dots} per person, at most {max} per element); closed {date}.',
  },
  voteAnonymous: 'Anonymous: totals only.',
  voteLine: '{rank}. {name} — {dots}',
  voteDots: { one: '{n} dot', other: '{n} dots' },
  voteVoters: '{line} (from {names})',
  voteVoter: '{name} {count}',
  voteWithoutDots: { one: 'No dots: {n} other element.', other: 'No dots: {n} other elements.' },
} as const

/**
 * How a relationship reads as a sentence ("Makers e.V. operates Open workshop"), per relation;
 * `{from}` and `{to}` are the names of the two ends.
 */
export const relationSentences: Record<string, string> = {
  operates: '{from} operates {to}',
  uses: '{from} uses {to}',
  owns: '{from} owns {to}',
  funds: '{from} funds {to}',
  supplies: '{from} supplies {to}',
  cooperates: '{from} cooperates with {to}',
  mentors: '{from} mentors {to}',
  regulates: '{from} regulates {to}',
  supports: '{from} supports {to}',
  conflicts: '{from} is in conflict with {to}',
  synergy: '{from} and {to} have a synergy',
  depends_on: '{from} depends on {to}',
}

export type BriefTextKey = keyof typeof briefText

/** The brief's language: plural forms are chosen by its `Intl.PluralRules` ("1 use", "2 uses"). */
const plurals = new Intl.PluralRules('en')

/**
 * The sentence for `key` with `{name}` placeholders filled in. A message with plural forms
 * takes the form for the number `count` (passed as a number; it is written with grouped
 * thousands, `1,200`).
 */
export function say(key: BriefTextKey, params: Record<string, string | number> = {}): string {
  const message: string | Readonly<Record<string, string>> = briefText[key]
  let text: string
  if (typeof message === 'string') text = message
  else {
    const count = params.count
    const form = typeof count === 'number' ? plurals.select(count) : 'other'
    text = message[form] ?? message.other ?? ''
  }
  return fill(text, params)
}

/** Fills `{name}` placeholders; a number is written as the brief writes counts (`1,200`). */
export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    if (value === undefined) return whole
    return typeof value === 'number' ? formatNumber(value, 0) : value
  })
}

/** Field names as the "what changed" section writes them. */
export const fieldNames: Record<string, string> = {
  label: 'name',
  labels: 'translations',
  x: 'position x',
  y: 'position y',
  w: 'width',
  h: 'height',
  z: 'stacking order',
  locked: 'lock',
  sector: 'sector',
  subsector: 'field',
  country: 'country',
  spaceNeedM2: 'space need',
  commitment: 'commitment',
  stance: 'stance',
  influence: 'influence',
  interest: 'interest',
  legalForm: 'legal form',
  budgetEurM2Month: 'budget (€/m²/month)',
  horizon: 'needed from',
  category: 'category',
  areaM2: 'area',
  zone: 'zone',
  publicAccess: 'public access',
  revenueModel: 'revenue model',
  temporary: 'interim use',
  rentEurM2Month: 'rent (€/m²/month)',
  from: 'from',
  to: 'to',
  relation: 'relation',
  stage: 'stage',
  start: 'start',
  end: 'end',
  refs: 'scheduled',
  color: 'colour',
  src: 'image',
  alt: 'description',
  kind: 'kind',
  name: 'name',
  location: 'location',
  builtYear: 'year built',
  formerUse: 'former use',
  heritageStatus: 'heritage status',
  condition: 'condition',
  description: 'description',
  creativeThreshold: 'creative critical mass target',
}

/** Element kinds as a sentence names them ("actor "Makers e.V.""). */
export const kindNames: Record<string, string> = {
  actor: 'actor',
  use: 'use',
  link: 'link',
  phase: 'phase',
  note: 'note',
  zone: 'zone',
  frame: 'frame',
  image: 'image',
}
