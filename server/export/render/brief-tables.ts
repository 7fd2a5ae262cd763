import { compareNames, formatArea, formatNumber, formatPercent, monthsBetween } from '../../../shared/export/format.ts'
import { say } from '../../../shared/export/markdown-text.ts'
import { t } from '../../../shared/i18n/index.ts'
import type { BoardDocument } from '../../../shared/schema/document.ts'
import type { Element, ElementOfKind } from '../../../shared/schema/elements.ts'
import { sectors, stages } from '../../../shared/schema/enums.ts'
import type { TableRow } from './pdf-writer.ts'

/**
 * The rows of the strategy brief's tables for the PDF, with the brief's wording and number
 * formats (shared/export: `say`, `formatArea`), so the PDF reads like the Markdown brief.
 */

type Actor = ElementOfKind<'actor'>
type Use = ElementOfKind<'use'>
type Zone = ElementOfKind<'zone'>
type Phase = ElementOfKind<'phase'>

/** The label of an enumeration value from the UI catalog, else the value itself. */
export function enumLabel(enumeration: string, value: string): string {
  const key = `enum.${enumeration}.${value}`
  return t.has(key) ? t(key) : value
}

const COMMITTED = new Set(['loi', 'precontract', 'signed'])
const byLabel = (a: { label: string; id: string }, b: { label: string; id: string }) =>
  compareNames(a.label, b.label) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export const nameOf = (element: Element | undefined, fallbackId: string): string =>
  element && 'label' in element && element.label ? element.label : fallbackId

export interface BriefIndex {
  byId: Map<string, Element>
  actors: Actor[]
  uses: Use[]
  zones: Zone[]
  phases: Phase[]
  notes: ElementOfKind<'note'>[]
}

export function briefIndex(document: BoardDocument): BriefIndex {
  const index: BriefIndex = { byId: new Map(), actors: [], uses: [], zones: [], phases: [], notes: [] }
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
  index.notes.sort(byLabel)
  // stage order, then start, as in the brief's roadmap
  index.phases.sort(
    (a, b) =>
      stages.indexOf(a.stage) - stages.indexOf(b.stage) ||
      (a.start < b.start ? -1 : a.start > b.start ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
  return index
}

/** Field | Value rows of the site profile. */
export function siteRows(document: BoardDocument): TableRow[] {
  const site = document.site
  const rows: [string, string | undefined][] = [
    [say('siteName'), site.name],
    [say('siteLocation'), site.location],
    [say('siteCountry'), site.country],
    [say('siteArea'), site.areaM2 === undefined ? undefined : formatArea(site.areaM2)],
    [say('siteBuiltYear'), site.builtYear === undefined ? undefined : String(site.builtYear)],
    [say('siteFormerUse'), site.formerUse],
    [say('siteHeritageStatus'), site.heritageStatus === undefined ? undefined : enumLabel('heritageStatus', site.heritageStatus)],
    [say('siteCondition'), site.condition === undefined ? undefined : enumLabel('siteCondition', site.condition)],
  ]
  return rows.filter((row): row is [string, string] => Boolean(row[1])).map((row) => ({ cells: row }))
}

const spaceNeed = (actors: Actor[]) => actors.reduce((sum, actor) => sum + (actor.spaceNeedM2 ?? 0), 0)
const committed = (actors: Actor[]) => actors.filter((actor) => COMMITTED.has(actor.commitment)).length

/** Sector | Actors | Letter of intent or more | Space need, with a total. */
export function sectorRows(index: BriefIndex): TableRow[] {
  const groups = sectors
    .map((sector) => ({ sector, actors: index.actors.filter((actor) => actor.sector === sector) }))
    .filter((group) => group.actors.length > 0)
  return [
    ...groups.map(({ sector, actors }) => ({
      cells: [
        enumLabel('sector', sector),
        formatNumber(actors.length, 0),
        formatNumber(committed(actors), 0),
        formatArea(spaceNeed(actors)),
      ],
    })),
    {
      cells: [
        say('total'),
        formatNumber(index.actors.length, 0),
        formatNumber(committed(index.actors), 0),
        formatArea(spaceNeed(index.actors)),
      ],
      total: true,
    },
  ]
}

/** Actor | Sector | Field | Country | Commitment | Stance | Space need: by sector, then name. */
export function actorRows(index: BriefIndex): TableRow[] {
  const sorted = [...index.actors].sort((a, b) => sectors.indexOf(a.sector) - sectors.indexOf(b.sector) || byLabel(a, b))
  return sorted.map((actor) => ({
    cells: [
      actor.label || say('untitled'),
      enumLabel('sector', actor.sector),
      actor.subsector ? enumLabel('subsector', actor.subsector) : say('none'),
      actor.country ?? say('none'),
      enumLabel('commitment', actor.commitment),
      actor.stance ? enumLabel('stance', actor.stance) : say('none'),
      actor.spaceNeedM2 === undefined ? say('none') : formatArea(actor.spaceNeedM2),
    ],
  }))
}

interface ZoneGroup {
  name: string
  zone?: Zone
  uses: Use[]
}

/** Zones by name, then uses naming a zone the board lacks, then uses without a zone. */
function zoneGroups(index: BriefIndex): ZoneGroup[] {
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

const areaOf = (uses: Use[]) => uses.reduce((sum, use) => sum + (use.areaM2 ?? 0), 0)

/** Zone | Zone area | Uses | Planned area | Share of planned area | Zone occupancy, with a total. */
export function zoneRows(index: BriefIndex, document: BoardDocument): TableRow[] {
  const planned = areaOf(index.uses)
  const share = (area: number) => (planned > 0 ? formatPercent(area / planned) : say('none'))
  const siteArea = document.site.areaM2
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
        siteArea === undefined ? say('none') : formatArea(siteArea),
        formatNumber(index.uses.length, 0),
        formatArea(planned),
        planned > 0 ? formatPercent(1) : say('none'),
        siteArea ? formatPercent(planned / siteArea) : say('none'),
      ],
      total: true,
    },
  ]
}

/** Use | Category | Zone | Area | Share of planned area, grouped by zone. */
export function useRows(index: BriefIndex): TableRow[] {
  const planned = areaOf(index.uses)
  return zoneGroups(index).flatMap(({ name, uses }) =>
    uses.map((use) => ({
      cells: [
        use.label || say('untitled'),
        enumLabel('useCategory', use.category),
        name,
        use.areaM2 === undefined ? say('none') : formatArea(use.areaM2),
        planned > 0 ? formatPercent((use.areaM2 ?? 0) / planned) : say('none'),
      ],
    })),
  )
}

/** The uses and actors a phase schedules, by name; refs the board lacks are named as missing. */
export function scheduledOf(phase: Phase, index: BriefIndex): { uses: string[]; actors: string[] } {
  const uses: string[] = []
  const actors: string[] = []
  for (const id of phase.refs ?? []) {
    const element = index.byId.get(id)
    if (!element) uses.push(say('missingRef', { id }))
    else if (element.kind === 'use') uses.push(nameOf(element, id))
    else if (element.kind === 'actor') actors.push(nameOf(element, id))
  }
  return { uses, actors }
}

export const phaseMonths = (phase: Phase): number => monthsBetween(phase.start, phase.end)
