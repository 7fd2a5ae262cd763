import ExcelJS from 'exceljs'
import type { Analysis } from '../../shared/analysis/types.ts'
import { keyIndicators } from '../../shared/export/analysis-view.ts'
import { briefIndex, enumLabel, nameOf, type Relationship, relationships } from '../../shared/export/brief-rows.ts'
import { rankedResults } from '../../shared/export/brief-votes.ts'
import { monthsBetween } from '../../shared/export/format.ts'
import type { Actor } from '../../shared/schema/actor.ts'
import type { BoardDocument } from '../../shared/schema/document.ts'
import type { Element } from '../../shared/schema/elements.ts'
import type { Note } from '../../shared/schema/note.ts'
import type { Phase } from '../../shared/schema/phase.ts'
import type { Use } from '../../shared/schema/use.ts'
import type { Zone } from '../../shared/schema/zone.ts'

/**
 * The board as an Excel workbook (`GET …/export/xlsx`, docs/exports.md): a sheet per element
 * kind, a sheet of relationships, one of indicators and, when the board has closed dot votes,
 * one of their rankings. A planner filters and sums it as it is: references are names (a use's
 * zone, a phase's uses and actors, a link's ends, a voted element), never ids; enumerations
 * are their English catalog names; numbers are native numbers with a number format (so Excel
 * shows them with the separators of its own language, which a CSV cannot promise).
 */

type Value = string | number | boolean | null
interface Column<T> {
  header: string
  width: number
  value(item: T): Value
  /** an Excel number format for numeric columns */
  numFmt?: string
}

const AREA = '#,##0.##'
const MONEY = '#,##0.00'
const PERCENT = '0.0%'
const COUNT = '0'

const text = (value: string | undefined) => (value === undefined || value === '' ? null : value)
const number = (value: number | undefined) => (value === undefined ? null : value)
const label = (element: { label?: string }) => element.label ?? ''

export interface WorkbookInput {
  document: BoardDocument
  analysis: Analysis | null
  /** When the document is a snapshot: its label and ISO time (the workbook's creation date). */
  snapshot?: { label: string; createdAt: string } | null
}

export async function toXlsx({ document, analysis, snapshot }: WorkbookInput): Promise<Uint8Array> {
  const index = briefIndex(document)
  const name = (id: string | undefined) => {
    if (!id) return null
    const element = index.byId.get(id)
    return element ? nameOf(element, id) : `missing element ${id}`
  }
  const names = (ids: readonly string[] | undefined, kind: Element['kind']) =>
    (ids ?? [])
      .map((id) => index.byId.get(id))
      .filter((element): element is Element => element?.kind === kind)
      .map((element) => nameOf(element, element.id))
      .join('; ') || null
  const ofKind = <K extends Element['kind']>(kind: K) =>
    document.elements.filter((element): element is Extract<Element, { kind: K }> => element.kind === kind)

  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Refresh Board'
  workbook.title = document.board.title
  if (snapshot) {
    workbook.created = new Date(snapshot.createdAt)
    workbook.modified = new Date(snapshot.createdAt)
  }

  const sheet = <T>(title: string, columns: Column<T>[], items: readonly T[]) => {
    const worksheet = workbook.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] })
    worksheet.columns = columns.map((column) => ({
      header: column.header,
      width: column.width,
      ...(column.numFmt ? { style: { numFmt: column.numFmt } } : {}),
    }))
    worksheet.getRow(1).font = { bold: true }
    for (const item of items) worksheet.addRow(columns.map((column) => column.value(item)))
    worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } }
    return worksheet
  }

  const site = document.site
  sheet<[string, Value, string?]>(
    'Site',
    [
      { header: 'Field', width: 22, value: (row) => row[0] },
      { header: 'Value', width: 60, value: (row) => row[1] },
    ],
    (
      [
        ['Name', text(site.name)],
        ['Location', text(site.location)],
        ['Country', text(site.country)],
        ['Floor area (m²)', number(site.areaM2)],
        ['Built', number(site.builtYear)],
        ['Former use', text(site.formerUse)],
        ['Heritage status', site.heritageStatus ? enumLabel('heritageStatus', site.heritageStatus) : null],
        ['Condition', site.condition ? enumLabel('siteCondition', site.condition) : null],
        ['Description', text(site.description)],
      ] as [string, Value][]
    ).filter((row) => row[1] !== null),
  )

  sheet<Actor>(
    'Actors',
    [
      { header: 'Name', width: 36, value: label },
      { header: 'Sector', width: 22, value: (a) => enumLabel('sector', a.sector) },
      { header: 'Field', width: 18, value: (a) => (a.subsector ? enumLabel('subsector', a.subsector) : null) },
      { header: 'Country', width: 9, value: (a) => text(a.country) },
      { header: 'Commitment', width: 18, value: (a) => enumLabel('commitment', a.commitment) },
      { header: 'Stance', width: 14, value: (a) => (a.stance ? enumLabel('stance', a.stance) : null) },
      { header: 'Influence (1–5)', width: 10, value: (a) => number(a.influence), numFmt: COUNT },
      { header: 'Interest (1–5)', width: 10, value: (a) => number(a.interest), numFmt: COUNT },
      { header: 'Space need (m²)', width: 14, value: (a) => number(a.spaceNeedM2), numFmt: AREA },
      { header: 'Budget (€ per m² and month)', width: 14, value: (a) => number(a.budgetEurM2Month), numFmt: MONEY },
      { header: 'Legal form', width: 14, value: (a) => text(a.legalForm) },
      { header: 'Needed from', width: 14, value: (a) => text(a.horizon) },
    ],
    index.actors,
  )

  sheet<Use>(
    'Uses',
    [
      { header: 'Name', width: 32, value: label },
      { header: 'Category', width: 18, value: (u) => enumLabel('useCategory', u.category) },
      { header: 'Zone', width: 28, value: (u) => name(u.zone) },
      { header: 'Area (m²)', width: 12, value: (u) => number(u.areaM2), numFmt: AREA },
      { header: 'Revenue model', width: 16, value: (u) => (u.revenueModel ? enumLabel('revenueModel', u.revenueModel) : null) },
      { header: 'Rent (€ per m² and month)', width: 14, value: (u) => number(u.rentEurM2Month), numFmt: MONEY },
      { header: 'Open to the public', width: 10, value: (u) => u.publicAccess === true },
      { header: 'Interim use', width: 10, value: (u) => u.temporary === true },
    ],
    index.uses,
  )

  const plannedIn = (zoneId: string) =>
    index.uses.filter((use) => use.zone === zoneId).reduce((sum, use) => sum + (use.areaM2 ?? 0), 0)
  sheet<Zone>(
    'Zones',
    [
      { header: 'Name', width: 32, value: label },
      { header: 'Area (m²)', width: 12, value: (z) => number(z.areaM2), numFmt: AREA },
      { header: 'Uses', width: 8, value: (z) => index.uses.filter((use) => use.zone === z.id).length, numFmt: COUNT },
      { header: 'Planned area (m²)', width: 14, value: (z) => plannedIn(z.id), numFmt: AREA },
      { header: 'Occupancy', width: 12, value: (z) => (z.areaM2 ? plannedIn(z.id) / z.areaM2 : null), numFmt: PERCENT },
    ],
    index.zones,
  )

  sheet<Phase>(
    'Phases',
    [
      { header: 'Name', width: 28, value: label },
      { header: 'Stage', width: 16, value: (p) => enumLabel('stage', p.stage) },
      { header: 'Start', width: 10, value: (p) => p.start },
      { header: 'End', width: 10, value: (p) => p.end },
      { header: 'Months', width: 8, value: (p) => monthsBetween(p.start, p.end), numFmt: COUNT },
      { header: 'Uses', width: 40, value: (p) => names(p.refs, 'use') },
      { header: 'Actors', width: 40, value: (p) => names(p.refs, 'actor') },
    ],
    index.phases,
  )

  sheet<Relationship>(
    'Relationships',
    [
      { header: 'From', width: 36, value: (r) => r.from },
      { header: 'Relation', width: 16, value: (r) => r.relationLabel },
      { header: 'To', width: 36, value: (r) => r.to },
      { header: 'Note', width: 28, value: (r) => text(r.note) },
      { header: 'In words', width: 70, value: (r) => r.sentence },
    ],
    relationships(document, index),
  )

  const indicators = analysis ? Object.entries(keyIndicators(analysis)) : []
  sheet<[string, number | null]>(
    'Indicators',
    [
      { header: 'Indicator', width: 56, value: ([key]) => indicatorNames[key] ?? key },
      { header: 'Value', width: 14, value: ([, value]) => value },
      { header: 'Key', width: 20, value: ([key]) => key },
    ],
    indicators,
  ).eachRow((row, rowNumber) => {
    const key = indicators[rowNumber - 2]?.[0]
    if (key) row.getCell(2).numFmt = RATIOS.has(key) ? PERCENT : key.endsWith('M2') ? AREA : '0.##'
  })

  sheet<Note>(
    'Notes',
    [
      { header: 'Text', width: 80, value: label },
      { header: 'Colour', width: 12, value: (n) => (n.color ? enumLabel('noteColor', n.color) : null) },
    ],
    index.notes,
  )
  sheet<{ label?: string }>('Frames', [{ header: 'Name', width: 40, value: label }], ofKind('frame'))
  sheet<Extract<Element, { kind: 'image' }>>(
    'Images',
    [
      { header: 'Name', width: 32, value: label },
      { header: 'Description', width: 60, value: (i) => text(i.alt) },
    ],
    ofKind('image'),
  )

  // closed dot votes only (an open vote's ballots are never in a document): one row per voted element
  const votes = (document.votes ?? []).filter((vote) => !vote.open && vote.results)
  if (votes.length > 0) {
    type VoteRow = { vote: (typeof votes)[number]; rank: number; elementId: string; dots: number; voters: string | null }
    const rows: VoteRow[] = votes.flatMap((vote) =>
      rankedResults(vote).map((result) => ({
        vote,
        rank: result.rank,
        elementId: result.elementId,
        dots: result.dots,
        voters: vote.anonymous ? null : (result.voters ?? []).map((v) => `${v.name} (${v.dots})`).join('; ') || null,
      })),
    )
    sheet<VoteRow>(
      'Votes',
      [
        { header: 'Vote', width: 36, value: (r) => r.vote.title?.trim() || 'Dot vote' },
        {
          header: 'Closed',
          width: 18,
          value: (r) => (r.vote.closedAt ? new Date(r.vote.closedAt).toISOString().slice(0, 16).replace('T', ' ') : null),
        },
        { header: 'Rank', width: 6, value: (r) => r.rank, numFmt: COUNT },
        { header: 'Element', width: 36, value: (r) => name(r.elementId) },
        {
          header: 'Kind',
          width: 10,
          value: (r) => {
            const element = index.byId.get(r.elementId)
            return element ? enumLabel('elementKind', element.kind) : null
          },
        },
        { header: 'Dots', width: 8, value: (r) => r.dots, numFmt: COUNT },
        { header: 'Voters', width: 48, value: (r) => r.voters },
      ],
      rows,
    )
  }

  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

/** The key indicators that are ratios (shown as percentages). */
const RATIOS = new Set(['creativeShare', 'occupancy', 'vacancy', 'demandToPlanned', 'coverage', 'stakeholderHealth'])

/** The key indicators (`keyIndicators`) as the brief names them. */
const indicatorNames: Record<string, string> = {
  actors: 'Actors',
  creativeActors: 'Creative and cultural actors',
  creativeCommitted: 'Committed creative and cultural actors (letter of intent or more)',
  creativeInterested: 'Merely interested creative and cultural actors',
  creativeShare: 'Creative and cultural share of actors',
  plannedM2: 'Planned area (m²)',
  occupancy: 'Occupancy (planned / site area)',
  vacancy: 'Vacancy',
  demandM2: 'Space demand of actors (m²)',
  weightedDemandM2: 'Commitment-weighted demand (m²)',
  demandToPlanned: 'Weighted demand / planned area',
  mixEvenness: 'Use-mix evenness (0 one use, 1 even mix)',
  crossSectorLinks: 'Links between creative and established-sector actors',
  sharedUses: 'Uses shared by creative and established actors',
  sectorsCommitted: 'Sectors among committed actors',
  coverage: 'Uses with an operator',
  stakeholderHealth: 'Stakeholder health (key players who are champions or supporters)',
  blockers: 'Blockers',
  gaps: 'Gaps',
}
