import ExcelJS from 'exceljs'
import type { Analysis } from '../../shared/analysis/types.ts'
import { keyIndicators } from '../../shared/export/analysis-view.ts'
import { briefIndex, nameOf, type Relationship, relationships } from '../../shared/export/brief-rows.ts'
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
 * are their catalog names in the workbook's language; numbers are native numbers with a number format (so Excel
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
  /** The workbook's language (`?lang=`, a planned language code): sheet names, headers, enumerations. English by default. */
  language?: string
}

export async function toXlsx({ document, analysis, snapshot, language }: WorkbookInput): Promise<Uint8Array> {
  const index = briefIndex(document, language)
  const { t, enumLabel, say } = index.words
  const name = (id: string | undefined) => {
    if (!id) return null
    const element = index.byId.get(id)
    return element ? nameOf(element, id) : t('export.xlsx.missingElement', { id })
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
    t('export.xlsx.sheet.site'),
    [
      { header: t('export.xlsx.field'), width: 22, value: (row) => row[0] },
      { header: t('export.xlsx.value'), width: 60, value: (row) => row[1] },
    ],
    (
      [
        [t('export.xlsx.site.name'), text(site.name)],
        [t('export.xlsx.site.location'), text(site.location)],
        [t('export.xlsx.site.country'), text(site.country)],
        [t('export.xlsx.site.areaM2'), number(site.areaM2)],
        [t('export.xlsx.site.builtYear'), number(site.builtYear)],
        [t('export.xlsx.site.formerUse'), text(site.formerUse)],
        [t('export.xlsx.site.heritageStatus'), site.heritageStatus ? enumLabel('heritageStatus', site.heritageStatus) : null],
        [t('export.xlsx.site.condition'), site.condition ? enumLabel('siteCondition', site.condition) : null],
        [t('export.xlsx.site.description'), text(site.description)],
      ] as [string, Value][]
    ).filter((row) => row[1] !== null),
  )

  sheet<Actor>(
    t('export.xlsx.sheet.actors'),
    [
      { header: t('export.xlsx.name'), width: 36, value: label },
      { header: t('export.xlsx.sector'), width: 22, value: (a) => enumLabel('sector', a.sector) },
      { header: t('export.xlsx.subsector'), width: 18, value: (a) => (a.subsector ? enumLabel('subsector', a.subsector) : null) },
      { header: t('export.xlsx.country'), width: 9, value: (a) => text(a.country) },
      { header: t('export.xlsx.commitment'), width: 18, value: (a) => enumLabel('commitment', a.commitment) },
      { header: t('export.xlsx.stance'), width: 14, value: (a) => (a.stance ? enumLabel('stance', a.stance) : null) },
      { header: t('export.xlsx.influence'), width: 10, value: (a) => number(a.influence), numFmt: COUNT },
      { header: t('export.xlsx.interest'), width: 10, value: (a) => number(a.interest), numFmt: COUNT },
      { header: t('export.xlsx.spaceNeed'), width: 14, value: (a) => number(a.spaceNeedM2), numFmt: AREA },
      { header: t('export.xlsx.budget'), width: 14, value: (a) => number(a.budgetEurM2Month), numFmt: MONEY },
      { header: t('export.xlsx.legalForm'), width: 14, value: (a) => text(a.legalForm) },
      { header: t('export.xlsx.horizon'), width: 14, value: (a) => text(a.horizon) },
    ],
    index.actors,
  )

  sheet<Use>(
    t('export.xlsx.sheet.uses'),
    [
      { header: t('export.xlsx.name'), width: 32, value: label },
      { header: t('export.xlsx.category'), width: 18, value: (u) => enumLabel('useCategory', u.category) },
      { header: t('export.xlsx.zone'), width: 28, value: (u) => name(u.zone) },
      { header: t('export.xlsx.areaM2'), width: 12, value: (u) => number(u.areaM2), numFmt: AREA },
      {
        header: t('export.xlsx.revenueModel'),
        width: 16,
        value: (u) => (u.revenueModel ? enumLabel('revenueModel', u.revenueModel) : null),
      },
      { header: t('export.xlsx.rent'), width: 14, value: (u) => number(u.rentEurM2Month), numFmt: MONEY },
      { header: t('export.xlsx.investment'), width: 16, value: (u) => number(u.investmentEur), numFmt: MONEY },
      { header: t('export.xlsx.runningCost'), width: 16, value: (u) => number(u.runningCostEurYear), numFmt: MONEY },
      { header: t('export.xlsx.income'), width: 16, value: (u) => number(u.incomeEurYear), numFmt: MONEY },
      {
        header: t('export.xlsx.fundingSource'),
        width: 18,
        value: (u) => (u.fundingSource ? enumLabel('fundingSource', u.fundingSource) : null),
      },
      { header: t('export.xlsx.publicAccess'), width: 10, value: (u) => u.publicAccess === true },
      { header: t('export.xlsx.temporary'), width: 10, value: (u) => u.temporary === true },
    ],
    index.uses,
  )

  const plannedIn = (zoneId: string) =>
    index.uses.filter((use) => use.zone === zoneId).reduce((sum, use) => sum + (use.areaM2 ?? 0), 0)
  sheet<Zone>(
    t('export.xlsx.sheet.zones'),
    [
      { header: t('export.xlsx.name'), width: 32, value: label },
      { header: t('export.xlsx.areaM2'), width: 12, value: (z) => number(z.areaM2), numFmt: AREA },
      {
        header: t('export.xlsx.uses'),
        width: 8,
        value: (z) => index.uses.filter((use) => use.zone === z.id).length,
        numFmt: COUNT,
      },
      { header: t('export.xlsx.plannedArea'), width: 14, value: (z) => plannedIn(z.id), numFmt: AREA },
      {
        header: t('export.xlsx.occupancy'),
        width: 12,
        value: (z) => (z.areaM2 ? plannedIn(z.id) / z.areaM2 : null),
        numFmt: PERCENT,
      },
    ],
    index.zones,
  )

  sheet<Phase>(
    t('export.xlsx.sheet.phases'),
    [
      { header: t('export.xlsx.name'), width: 28, value: label },
      { header: t('export.xlsx.stage'), width: 16, value: (p) => enumLabel('stage', p.stage) },
      { header: t('export.xlsx.start'), width: 10, value: (p) => p.start },
      { header: t('export.xlsx.end'), width: 10, value: (p) => p.end },
      { header: t('export.xlsx.months'), width: 8, value: (p) => monthsBetween(p.start, p.end), numFmt: COUNT },
      { header: t('export.xlsx.uses'), width: 40, value: (p) => names(p.refs, 'use') },
      { header: t('export.xlsx.actors'), width: 40, value: (p) => names(p.refs, 'actor') },
    ],
    index.phases,
  )

  sheet<Relationship>(
    t('export.xlsx.sheet.relationships'),
    [
      { header: t('export.xlsx.from'), width: 36, value: (r) => r.from },
      { header: t('export.xlsx.relation'), width: 16, value: (r) => r.relationLabel },
      { header: t('export.xlsx.to'), width: 36, value: (r) => r.to },
      { header: t('export.xlsx.note'), width: 28, value: (r) => text(r.note) },
      { header: t('export.xlsx.amount'), width: 14, value: (r) => number(r.amountEur), numFmt: MONEY },
      { header: t('export.xlsx.inWords'), width: 70, value: (r) => r.sentence },
    ],
    relationships(document, index),
  )

  const indicators = analysis ? Object.entries(keyIndicators(analysis)) : []
  const indicatorName = (key: string) => {
    const catalogKey = `export.xlsx.keyIndicator.${key}`
    return t.has(catalogKey) ? t(catalogKey) : key
  }
  sheet<[string, number | null]>(
    t('export.xlsx.sheet.indicators'),
    [
      { header: t('export.xlsx.indicator'), width: 56, value: ([key]) => indicatorName(key) },
      { header: t('export.xlsx.value'), width: 14, value: ([, value]) => value },
      { header: t('export.xlsx.key'), width: 20, value: ([key]) => key },
    ],
    indicators,
  ).eachRow((row, rowNumber) => {
    const key = indicators[rowNumber - 2]?.[0]
    if (key) row.getCell(2).numFmt = RATIOS.has(key) ? PERCENT : key.endsWith('M2') ? AREA : '0.##'
  })

  sheet<Note>(
    t('export.xlsx.sheet.notes'),
    [
      { header: t('export.xlsx.text'), width: 80, value: label },
      { header: t('export.xlsx.colour'), width: 12, value: (n) => (n.color ? enumLabel('noteColor', n.color) : null) },
    ],
    index.notes,
  )
  sheet<{ label?: string }>(
    t('export.xlsx.sheet.frames'),
    [{ header: t('export.xlsx.name'), width: 40, value: label }],
    ofKind('frame'),
  )
  sheet<Extract<Element, { kind: 'image' }>>(
    t('export.xlsx.sheet.images'),
    [
      { header: t('export.xlsx.name'), width: 32, value: label },
      { header: t('export.xlsx.description'), width: 60, value: (i) => text(i.alt) },
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
        voters: vote.anonymous
          ? null
          : (result.voters ?? []).map((v) => t('export.xlsx.voter', { name: v.name, dots: v.dots })).join('; ') || null,
      })),
    )
    sheet<VoteRow>(
      t('export.xlsx.sheet.votes'),
      [
        { header: t('export.xlsx.vote'), width: 36, value: (r) => r.vote.title?.trim() || say('untitledVote') },
        {
          header: t('export.xlsx.closed'),
          width: 18,
          value: (r) => (r.vote.closedAt ? new Date(r.vote.closedAt).toISOString().slice(0, 16).replace('T', ' ') : null),
        },
        { header: t('export.xlsx.rank'), width: 6, value: (r) => r.rank, numFmt: COUNT },
        { header: t('export.xlsx.element'), width: 36, value: (r) => name(r.elementId) },
        {
          header: t('export.xlsx.kind'),
          width: 10,
          value: (r) => {
            const element = index.byId.get(r.elementId)
            return element ? enumLabel('elementKind', element.kind) : null
          },
        },
        { header: t('export.xlsx.dots'), width: 8, value: (r) => r.dots, numFmt: COUNT },
        { header: t('export.xlsx.voters'), width: 48, value: (r) => r.voters },
      ],
      rows,
    )
  }

  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

/** The key indicators that are ratios (shown as percentages). */
const RATIOS = new Set(['creativeShare', 'occupancy', 'vacancy', 'demandToPlanned', 'coverage', 'stakeholderHealth'])
