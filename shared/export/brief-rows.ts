import type { Analysis } from '../analysis/types.ts'
import type { Actor } from '../schema/actor.ts'
import type { BoardDocument } from '../schema/document.ts'
import type { Element } from '../schema/elements.ts'
import { relations, sectors, stages } from '../schema/enums.ts'
import type { Note } from '../schema/note.ts'
import type { Phase } from '../schema/phase.ts'
import type { Site } from '../schema/site.ts'
import type { Use } from '../schema/use.ts'
import type { Zone } from '../schema/zone.ts'
import { compareNames, englishNumbers, type NumberStyle, numbersFor } from './format.ts'
import { type BriefWords, briefWords, englishWords, exportLanguage } from './markdown-text.ts'

/**
 * What the strategy brief's tables say, once for both briefs: the Markdown brief
 * (`markdown.ts`) and the PDF (server/export/render/render-pdf.ts), so the two read alike.
 * The board's elements indexed in the brief's order, each table's rows as plain cells with
 * the brief's wording (`say`) and number formats (`format.ts`), and the sentences that sum
 * the tables up. Cells are not escaped: the Markdown brief escapes them, the PDF draws them
 * as they are. (The roadmap is not here: the Markdown brief writes it as a table, the PDF as a
 * Gantt chart, server/export/render/pdf-gantt.ts.)
 */

/** One row of a brief table. */
export interface BriefRow {
  cells: string[]
  /** The total row: the Markdown brief writes its label bold, the PDF sets it off with a rule. */
  total?: boolean
}

/** The label of an enumeration value from the UI catalog (in `words`' language, English by default), else the value itself. */
export function enumLabel(enumeration: string, value: string, words: BriefWords = englishWords): string {
  return words.enumLabel(enumeration, value)
}

/** An element's name, else `fallbackId` (elements without a label, or missing ones). */
export const nameOf = (element: Element | undefined, fallbackId: string): string =>
  element && 'label' in element && element.label ? element.label : fallbackId

/** By name as a reader expects, then by id, so the order is total and stable. */
export const byLabel = (a: { label: string; id: string }, b: { label: string; id: string }): number =>
  compareNames(a.label, b.label) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** The commitments that count as "letter of intent or more". */
const COMMITTED = new Set(['loi', 'precontract', 'signed'])

export interface BriefIndex {
  byId: Map<string, Element>
  /** By name. */
  actors: Actor[]
  /** By name. */
  uses: Use[]
  /** By name. */
  zones: Zone[]
  /** By stage, then start: the roadmap's order. */
  phases: Phase[]
  /** In board order (the Markdown brief lists them so; the PDF sorts them by name). */
  notes: Note[]
  /** How the brief writes numbers: English by hand, or `Intl` in the language asked for. */
  numbers: NumberStyle
  /** The brief's words in its language (`shared/i18n/en-export.ts`, `enum.*`). */
  words: BriefWords
}

/**
 * The elements by id and, per kind the brief writes about, in the brief's order. `language`
 * (`?lang=`, a planned language code; `de-AT` counts as `de`) picks the words and the number
 * formats; absent or unknown: English.
 */
export function briefIndex(document: BoardDocument, language?: string): BriefIndex {
  const code = exportLanguage(language) ?? 'en'
  const index: BriefIndex = {
    byId: new Map(),
    actors: [],
    uses: [],
    zones: [],
    phases: [],
    notes: [],
    numbers: numbersFor(code === 'en' ? undefined : code),
    words: briefWords(code),
  }
  for (const element of document.elements) {
    index.byId.set(element.id, element)
    if (element.kind === 'actor') index.actors.push(element)
    else if (element.kind === 'use') index.uses.push(element)
    else if (element.kind === 'zone') index.zones.push(element)
    else if (element.kind === 'phase') index.phases.push(element)
    else if (element.kind === 'note') index.notes.push(element)
  }
  index.actors.sort(byLabel)
  index.uses.sort(byLabel)
  index.zones.sort(byLabel)
  index.phases.sort(
    (a, b) =>
      stages.indexOf(a.stage) - stages.indexOf(b.stage) ||
      (a.start < b.start ? -1 : a.start > b.start ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
  return index
}

// ---------------------------------------------------------------- site profile

/** Field | Value rows of the site profile, for the fields that are filled in. */
export function siteRows(site: Site, { area }: NumberStyle = englishNumbers, words: BriefWords = englishWords): BriefRow[] {
  const { say, enumLabel } = words
  const rows: [string, string | undefined][] = [
    [say('siteName'), site.name],
    [say('siteLocation'), site.location],
    [say('siteCountry'), site.country],
    [say('siteArea'), site.areaM2 === undefined ? undefined : area(site.areaM2)],
    [say('siteBuiltYear'), site.builtYear === undefined ? undefined : String(site.builtYear)],
    [say('siteFormerUse'), site.formerUse],
    [say('siteHeritageStatus'), site.heritageStatus === undefined ? undefined : enumLabel('heritageStatus', site.heritageStatus)],
    [say('siteCondition'), site.condition === undefined ? undefined : enumLabel('siteCondition', site.condition)],
  ]
  return rows.filter((row): row is [string, string] => Boolean(row[1])).map((row) => ({ cells: row }))
}

// ---------------------------------------------------------------- actors

export interface SectorGroup {
  sector: Actor['sector']
  /** By name. */
  actors: Actor[]
}

/** The sectors that have actors, in the catalog's order. */
export function sectorGroups(index: BriefIndex): SectorGroup[] {
  return sectors
    .map((sector) => ({ sector, actors: index.actors.filter((actor) => actor.sector === sector) }))
    .filter((group) => group.actors.length > 0)
}

const spaceNeed = (actors: Actor[]) => actors.reduce((sum, actor) => sum + (actor.spaceNeedM2 ?? 0), 0)
const committed = (actors: Actor[]) => actors.filter((actor) => COMMITTED.has(actor.commitment)).length

/** "{count} actors in {sectors} sectors; {committed} committed …" */
export function actorSummary(index: BriefIndex): string {
  const { say } = index.words
  return say('actorsSummary', {
    count: index.actors.length,
    sectors: say('sectorCount', { count: sectorGroups(index).length }),
    committed: committed(index.actors),
  })
}

/** Sector | Actors | Letter of intent or more | Space need, with a total. */
export function sectorRows(index: BriefIndex): BriefRow[] {
  const { say, enumLabel } = index.words
  const { number: formatNumber, area: formatArea } = index.numbers
  const row = (label: string, actors: Actor[]) => [
    label,
    formatNumber(actors.length, 0),
    formatNumber(committed(actors), 0),
    formatArea(spaceNeed(actors)),
  ]
  return [
    ...sectorGroups(index).map(({ sector, actors }) => ({ cells: row(enumLabel('sector', sector), actors) })),
    { cells: row(say('total'), index.actors), total: true },
  ]
}

/** All actors by sector (in the catalog's order), then by name. */
export const actorsBySector = (index: BriefIndex): Actor[] =>
  [...index.actors].sort((a, b) => sectors.indexOf(a.sector) - sectors.indexOf(b.sector) || byLabel(a, b))

/**
 * What a table writes for an element without a name: the PDF "(untitled)" (the default),
 * the Markdown brief its empty-cell dash.
 */
export interface Naming {
  untitled?: string
  /** The brief's words (English by default). */
  words?: BriefWords
}

/**
 * Actor | Sector | Field | Country | Commitment | Stance | Space need. The PDF has one table
 * of all actors; the Markdown brief one per sector, without the Sector column (`sectorColumn: false`).
 */
export function actorRows(
  actors: Actor[],
  {
    words = englishWords,
    untitled = words.say('untitled'),
    sectorColumn = true,
    numbers = englishNumbers,
  }: Naming & { sectorColumn?: boolean; numbers?: NumberStyle } = {},
): BriefRow[] {
  const { say, enumLabel } = words
  return actors.map((actor) => ({
    cells: [
      actor.label || untitled,
      ...(sectorColumn ? [enumLabel('sector', actor.sector)] : []),
      actor.subsector ? enumLabel('subsector', actor.subsector) : say('none'),
      actor.country ?? say('none'),
      enumLabel('commitment', actor.commitment),
      actor.stance ? enumLabel('stance', actor.stance) : say('none'),
      actor.spaceNeedM2 === undefined ? say('none') : numbers.area(actor.spaceNeedM2),
    ],
  }))
}

// ---------------------------------------------------------------- uses and zones

const areaOf = (uses: Use[]) => uses.reduce((sum, use) => sum + (use.areaM2 ?? 0), 0)

/** "{count} uses with {planned} planned", and the share of the site when its area is known. */
export function useMixSummary(index: BriefIndex, site: Site): string {
  const { say } = index.words
  const { area: formatArea, percent: formatPercent } = index.numbers
  const planned = areaOf(index.uses)
  const summary = say('useMixSummary', { count: index.uses.length, planned: formatArea(planned) })
  return (
    summary + (site.areaM2 ? say('onSite', { area: formatArea(site.areaM2), share: formatPercent(planned / site.areaM2) }) : '.')
  )
}

interface ZoneGroup {
  name: string
  zone?: Zone
  uses: Use[]
}

/** Zones by name, then uses naming a zone the board lacks, then uses without a zone. */
function zoneGroups(index: BriefIndex): ZoneGroup[] {
  const { say } = index.words
  const groups: ZoneGroup[] = index.zones.map((zone) => ({
    name: zone.label || zone.id,
    zone,
    uses: index.uses.filter((use) => use.zone === zone.id),
  }))
  const zoneIds = new Set(index.zones.map((zone) => zone.id))
  const missing = [...new Set(index.uses.flatMap((use) => (use.zone && !zoneIds.has(use.zone) ? [use.zone] : [])))].sort()
  for (const id of missing) groups.push({ name: say('missingZone', { id }), uses: index.uses.filter((use) => use.zone === id) })
  const unzoned = index.uses.filter((use) => !use.zone)
  if (unzoned.length > 0) groups.push({ name: say('noZone'), uses: unzoned })
  return groups
}

/**
 * Zone | Zone area | Uses | Planned area | Share of planned area | Zone occupancy, with a
 * total. The total's zone area is the sum of the zones' areas (not the site's floor area, which
 * the use-mix sentence names), and its occupancy is what the uses in those zones plan of it.
 */
export function zoneRows(index: BriefIndex): BriefRow[] {
  const { say } = index.words
  const { number: formatNumber, area: formatArea, percent: formatPercent } = index.numbers
  const planned = areaOf(index.uses)
  const measured = index.zones.filter((zone) => zone.areaM2 !== undefined)
  const zonesM2 = measured.reduce((sum, zone) => sum + (zone.areaM2 ?? 0), 0)
  const measuredIds = new Set(measured.map((zone) => zone.id))
  const plannedInZones = areaOf(index.uses.filter((use) => use.zone !== undefined && measuredIds.has(use.zone)))
  const share = (area: number) => (planned > 0 ? formatPercent(area / planned) : say('none'))
  return [
    ...zoneGroups(index).map(({ name, zone, uses }) => {
      const area = areaOf(uses)
      return {
        cells: [
          name,
          zone?.areaM2 === undefined ? say('none') : formatArea(zone.areaM2),
          formatNumber(uses.length, 0),
          formatArea(area),
          share(area),
          zone?.areaM2 ? formatPercent(area / zone.areaM2) : say('none'),
        ],
      }
    }),
    {
      cells: [
        say('total'),
        measured.length === 0 ? say('none') : formatArea(zonesM2),
        formatNumber(index.uses.length, 0),
        formatArea(planned),
        planned > 0 ? formatPercent(1) : say('none'),
        zonesM2 > 0 ? formatPercent(plannedInZones / zonesM2) : say('none'),
      ],
      total: true,
    },
  ]
}

/** Use | Category | Zone | Area | Share of planned area, grouped by zone as `zoneRows`. */
export function useRows(index: BriefIndex, { untitled = index.words.say('untitled') }: Naming = {}): BriefRow[] {
  const { say, enumLabel } = index.words
  const { area: formatArea, percent: formatPercent } = index.numbers
  const planned = areaOf(index.uses)
  return zoneGroups(index).flatMap(({ name, uses }) =>
    uses.map((use) => ({
      cells: [
        use.label || untitled,
        enumLabel('useCategory', use.category),
        name,
        use.areaM2 === undefined ? say('none') : formatArea(use.areaM2),
        planned > 0 ? formatPercent((use.areaM2 ?? 0) / planned) : say('none'),
      ],
    })),
  )
}

/** The money fields of the uses, as their columns: investment, running cost, income (EUR), funding source. */
export const useMoneyFields = ['investmentEur', 'runningCostEurYear', 'incomeEurYear', 'fundingSource'] as const

/**
 * Use | Investment | Running cost | Income | Funding source, for the uses that have any of
 * them (in the order of `useRows`), then a total row; none without money on the board.
 */
export function useMoneyRows(index: BriefIndex, { untitled = index.words.say('untitled') }: Naming = {}): BriefRow[] {
  const { say, enumLabel } = index.words
  const euros = (value: number | undefined) => (value === undefined ? say('none') : index.numbers.number(value, 0))
  const uses = zoneGroups(index)
    .flatMap(({ uses }) => uses)
    .filter((use) => useMoneyFields.some((field) => use[field] !== undefined))
  if (uses.length === 0) return []
  const sum = (field: 'investmentEur' | 'runningCostEurYear' | 'incomeEurYear') =>
    uses.reduce((total, use) => total + (use[field] ?? 0), 0)
  return [
    ...uses.map((use) => ({
      cells: [
        use.label || untitled,
        euros(use.investmentEur),
        euros(use.runningCostEurYear),
        euros(use.incomeEurYear),
        use.fundingSource ? enumLabel('fundingSource', use.fundingSource) : say('none'),
      ],
    })),
    {
      cells: [say('total'), euros(sum('investmentEur')), euros(sum('runningCostEurYear')), euros(sum('incomeEurYear')), ''],
      total: true,
    },
  ]
}

// ---------------------------------------------------------------- relationships

/** One link of the board, its ends named, and the sentence that says it. */
export interface Relationship {
  linkId: string
  from: string
  relation: string
  /** The relation as the catalog names it ("cooperates with"). */
  relationLabel: string
  to: string
  /** The link's own label, when it has one. */
  note: string
  /** "Makers e.V. operates Open workshop" */
  sentence: string
  /** The link's amountEur, when it has one (counted on `funds` links). */
  amountEur?: number
}

/**
 * Every link as words, sorted by the name of its source, then the relation (in the catalog's
 * order), then the target. An end the board lacks is named "missing element <id>".
 */
export function relationships(document: BoardDocument, index: BriefIndex = briefIndex(document)): Relationship[] {
  const { say, enumLabel, relationSentence } = index.words
  const name = (id: string) => {
    const element = index.byId.get(id)
    return element ? nameOf(element, say('untitled')) : say('missingRef', { id })
  }
  return document.elements
    .flatMap((element) => (element.kind === 'link' ? [element] : []))
    .map((link) => {
      const from = name(link.from)
      const to = name(link.to)
      return {
        linkId: link.id,
        from,
        relation: link.relation,
        relationLabel: enumLabel('relation', link.relation),
        to,
        note: link.label ?? '',
        sentence: relationSentence(link.relation, from, to),
        ...(link.amountEur === undefined ? {} : { amountEur: link.amountEur }),
      }
    })
    .sort(
      (a, b) =>
        compareNames(a.from, b.from) ||
        relations.indexOf(a.relation as (typeof relations)[number]) -
          relations.indexOf(b.relation as (typeof relations)[number]) ||
        compareNames(a.to, b.to) ||
        (a.linkId < b.linkId ? -1 : a.linkId > b.linkId ? 1 : 0),
    )
}

/**
 * A link's note with its amount, as the brief's language writes money: "€60,000" in English
 * (by hand, like the other numbers: the same bytes on every runtime), "60.000 €" in German.
 */
export function relationshipNote({ note, amountEur }: Pick<Relationship, 'note' | 'amountEur'>, numbers: NumberStyle): string {
  if (amountEur === undefined) return note
  const amount =
    numbers.locale === 'en'
      ? `€${numbers.number(amountEur, 0)}`
      : new Intl.NumberFormat(numbers.locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(amountEur)
  return [note.trim(), amount].filter((part) => part !== '').join('; ')
}

/** A relationship as a line of text: the sentence, its note in parentheses, one full stop. */
export function relationshipLine(sentence: string, note: string): string {
  if (note.trim()) return `${sentence} (${note.trim()}).`
  return sentence.endsWith('.') ? sentence : `${sentence}.`
}

// ---------------------------------------------------------------- indicators

/** Phase | Stage | Uses | Planned area | Occupancy of the site, from the analysis. */
export function phaseOccupancyRows(analysis: Analysis, index: BriefIndex): BriefRow[] {
  const { say, enumLabel } = index.words
  const { number: formatNumber, area: formatArea, percent: formatPercent } = index.numbers
  return analysis.indicators.phases.map((phase) => ({
    cells: [
      nameOf(index.byId.get(phase.phaseId), phase.phaseId),
      enumLabel('stage', phase.stage),
      formatNumber(phase.uses, 0),
      formatArea(phase.plannedM2),
      phase.occupancy === null ? say('none') : formatPercent(phase.occupancy),
    ],
  }))
}
