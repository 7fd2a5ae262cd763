import type { Analysis } from '../analysis/types.ts'
import type { BoardDiff, FieldChanges } from '../diff/diff-documents.ts'
import { t } from '../i18n/index.ts'
import type { Actor } from '../schema/actor.ts'
import type { BoardDocument } from '../schema/document.ts'
import type { Element } from '../schema/elements.ts'
import { sectors, stages } from '../schema/enums.ts'
import type { Note } from '../schema/note.ts'
import type { Phase } from '../schema/phase.ts'
import type { Site } from '../schema/site.ts'
import type { Use } from '../schema/use.ts'
import type { Zone } from '../schema/zone.ts'
import { gapSentencesOf, indicatorRows } from './analysis-view.ts'
import { compareNames, formatArea, formatNumber, formatPercent, monthsBetween } from './format.ts'
import { fieldNames, kindNames, say } from './markdown-text.ts'

export interface MarkdownOptions {
  /** The analysis of this document (`shared/analysis` `analyse`); without it the brief says so. */
  analysis?: Analysis | null
  /** Adds "What changed since <label>" from a diff (snapshot → this document). */
  since?: { label: string; diff: BoardDiff }
  /** When the document is a snapshot: its label and ISO time, named under the title. */
  snapshot?: { label: string; createdAt: string }
}

// ---------------------------------------------------------------- text helpers

/** Escapes the characters that would change how a name renders (emphasis, links, html, tables). */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, '\\$&').replace(/\s*[\r\n]+\s*/g, ' ')
}

/** Text for a table cell: escaped, on one line, never empty (an empty cell reads as a gap). */
const cellText = (text: string) => (text.trim() === '' ? say('none') : escapeInline(text))

function table(header: string[], rows: string[][], alignRight: readonly number[] = []): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  const rule = header.map((_, index) => (alignRight.includes(index) ? '---:' : '---'))
  return [line(header), line(rule), ...rows.map(line)].join('\n')
}

const quoted = (text: string) => `"${escapeInline(text)}"`

/** The label of an enumeration value from the UI catalog, else the value itself. */
function enumLabel(enumeration: string, value: string): string {
  const key = `enum.${enumeration}.${value}`
  return t.has(key) ? t(key) : value
}

const enumOfField: Record<string, string> = {
  sector: 'sector',
  subsector: 'subsector',
  commitment: 'commitment',
  stance: 'stance',
  category: 'useCategory',
  relation: 'relation',
  stage: 'stage',
  color: 'noteColor',
  revenueModel: 'revenueModel',
  heritageStatus: 'heritageStatus',
  condition: 'siteCondition',
}

const nameOf = (element: Element | undefined, fallbackId: string) =>
  element && 'label' in element && element.label ? element.label : fallbackId

// ---------------------------------------------------------------- sections

interface Index {
  byId: Map<string, Element>
  actors: Actor[]
  uses: Use[]
  zones: Zone[]
  phases: Phase[]
  notes: Note[]
}

function indexOf(document: BoardDocument): Index {
  const index: Index = { byId: new Map(), actors: [], uses: [], zones: [], phases: [], notes: [] }
  for (const element of document.elements) {
    index.byId.set(element.id, element)
    if (element.kind === 'actor') index.actors.push(element)
    else if (element.kind === 'use') index.uses.push(element)
    else if (element.kind === 'zone') index.zones.push(element)
    else if (element.kind === 'phase') index.phases.push(element)
    else if (element.kind === 'note') index.notes.push(element)
  }
  const byName = (a: { label: string; id: string }, b: { label: string; id: string }) =>
    compareNames(a.label, b.label) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  index.actors.sort(byName)
  index.uses.sort(byName)
  index.zones.sort(byName)
  return index
}

function siteSection(site: Site): string {
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
  const present = rows.filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '')
  const parts = [`## ${say('siteProfile')}`]
  if (present.length === 0 && !site.description) parts.push(say('noSiteProfile'))
  if (present.length > 0)
    parts.push(
      table(
        [say('fieldColumn'), say('valueColumn')],
        present.map(([field, value]) => [field, cellText(value)]),
      ),
    )
  if (site.description) parts.push(paragraph(site.description))
  return parts.join('\n\n')
}

/** Free text as paragraphs: blank lines kept, every line escaped. */
function paragraph(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((block) =>
      block
        .split(/\r?\n/)
        .map((line) => escapeInline(line.trim()))
        .join('  \n'),
    )
    .filter((block) => block !== '')
    .join('\n\n')
}

const COMMITTED = new Set(['loi', 'precontract', 'signed'])

function actorSection(index: Index): string {
  const parts = [`## ${say('actors')}`]
  if (index.actors.length === 0) return [...parts, say('noActors')].join('\n\n')
  const bySector = sectors
    .map((sector) => ({ sector, actors: index.actors.filter((actor) => actor.sector === sector) }))
    .filter((group) => group.actors.length > 0)
  const committed = (actors: Actor[]) => actors.filter((actor) => COMMITTED.has(actor.commitment)).length
  const need = (actors: Actor[]) => actors.reduce((sum, actor) => sum + (actor.spaceNeedM2 ?? 0), 0)
  parts.push(
    say('actorsSummary', {
      count: formatNumber(index.actors.length, 0),
      sectors: formatNumber(bySector.length, 0),
      committed: formatNumber(committed(index.actors), 0),
    }),
  )
  parts.push(
    table(
      [say('sector'), say('actorCount'), say('committedCount'), say('spaceNeed')],
      [
        ...bySector.map(({ sector, actors }) => [
          cellText(enumLabel('sector', sector)),
          formatNumber(actors.length, 0),
          formatNumber(committed(actors), 0),
          formatArea(need(actors)),
        ]),
        [
          `**${say('total')}**`,
          formatNumber(index.actors.length, 0),
          formatNumber(committed(index.actors), 0),
          formatArea(need(index.actors)),
        ],
      ],
      [1, 2, 3],
    ),
  )
  for (const { sector, actors } of bySector) {
    parts.push(`### ${escapeInline(enumLabel('sector', sector))} (${formatNumber(actors.length, 0)})`)
    parts.push(
      table(
        [say('actor'), say('subsector'), say('country'), say('commitment'), say('stance'), say('spaceNeed')],
        actors.map((actor) => [
          cellText(actor.label),
          cellText(actor.subsector ? enumLabel('subsector', actor.subsector) : ''),
          cellText(actor.country ?? ''),
          cellText(enumLabel('commitment', actor.commitment)),
          cellText(actor.stance ? enumLabel('stance', actor.stance) : ''),
          actor.spaceNeedM2 === undefined ? say('none') : formatArea(actor.spaceNeedM2),
        ]),
        [5],
      ),
    )
  }
  return parts.join('\n\n')
}

function useSection(index: Index, site: Site): string {
  const parts = [`## ${say('useMix')}`]
  if (index.uses.length === 0) return [...parts, say('noUses')].join('\n\n')
  const areaOf = (uses: Use[]) => uses.reduce((sum, use) => sum + (use.areaM2 ?? 0), 0)
  const planned = areaOf(index.uses)
  const share = (area: number) => (planned > 0 ? formatPercent(area / planned) : say('none'))
  let summary = say('useMixSummary', { count: formatNumber(index.uses.length, 0), planned: formatArea(planned) })
  summary += site.areaM2 ? say('onSite', { area: formatArea(site.areaM2), share: formatPercent(planned / site.areaM2) }) : '.'
  parts.push(summary)

  // zones in name order, then uses with a zone id the board lacks, then uses without a zone
  const groups: { name: string; zone?: Zone; uses: Use[] }[] = index.zones.map((zone) => ({
    name: zone.label || zone.id,
    zone,
    uses: index.uses.filter((use) => use.zone === zone.id),
  }))
  const zoneIds = new Set(index.zones.map((zone) => zone.id))
  const missing = [...new Set(index.uses.flatMap((use) => (use.zone && !zoneIds.has(use.zone) ? [use.zone] : [])))].sort()
  for (const id of missing) groups.push({ name: say('missingZone', { id }), uses: index.uses.filter((use) => use.zone === id) })
  const unzoned = index.uses.filter((use) => !use.zone)
  if (unzoned.length > 0) groups.push({ name: say('noZone'), uses: unzoned })

  parts.push(`### ${say('byZone')}`)
  parts.push(
    table(
      [say('zone'), say('zoneArea'), say('uses'), say('plannedArea'), say('share'), say('zoneOccupancy')],
      [
        ...groups.map(({ name, zone, uses }) => {
          const area = areaOf(uses)
          const zoneArea = zone?.areaM2
          return [
            cellText(name),
            zoneArea === undefined ? say('none') : formatArea(zoneArea),
            formatNumber(uses.length, 0),
            formatArea(area),
            share(area),
            zoneArea ? formatPercent(area / zoneArea) : say('none'),
          ]
        }),
        [
          `**${say('total')}**`,
          site.areaM2 === undefined ? say('none') : formatArea(site.areaM2),
          formatNumber(index.uses.length, 0),
          formatArea(planned),
          planned > 0 ? formatPercent(1) : say('none'),
          site.areaM2 ? formatPercent(planned / site.areaM2) : say('none'),
        ],
      ],
      [1, 2, 3, 4, 5],
    ),
  )
  parts.push(`### ${say('byUse')}`)
  parts.push(
    table(
      [say('use'), say('category'), say('zone'), say('area'), say('share')],
      groups.flatMap(({ name, uses }) =>
        uses.map((use) => [
          cellText(use.label),
          cellText(enumLabel('useCategory', use.category)),
          cellText(name),
          use.areaM2 === undefined ? say('none') : formatArea(use.areaM2),
          share(use.areaM2 ?? 0),
        ]),
      ),
      [3, 4],
    ),
  )
  return parts.join('\n\n')
}

function roadmapSection(index: Index): string {
  const parts = [`## ${say('roadmap')}`]
  if (index.phases.length === 0) return [...parts, say('noPhases')].join('\n\n')
  const stageOrder = (phase: Phase) => stages.indexOf(phase.stage)
  const phases = [...index.phases].sort(
    (a, b) =>
      stageOrder(a) - stageOrder(b) ||
      (a.start < b.start ? -1 : a.start > b.start ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
  const scheduled = (phase: Phase, kind: 'use' | 'actor') =>
    (phase.refs ?? [])
      .map((id) => index.byId.get(id))
      .filter((element): element is Element => element?.kind === kind)
      .map((element) => nameOf(element, element.id))
  const missing = (phase: Phase) => (phase.refs ?? []).filter((id) => !index.byId.has(id)).map((id) => say('missingRef', { id }))
  parts.push(
    table(
      [say('stage'), say('phase'), say('start'), say('end'), say('months'), say('scheduledUses'), say('scheduledActors')],
      phases.map((phase) => [
        cellText(enumLabel('stage', phase.stage)),
        cellText(phase.label),
        phase.start,
        phase.end,
        formatNumber(monthsBetween(phase.start, phase.end), 0),
        cellText([...scheduled(phase, 'use'), ...missing(phase)].join('; ')),
        cellText(scheduled(phase, 'actor').join('; ')),
      ]),
      [4],
    ),
  )
  return parts.join('\n\n')
}

function analysisSections(analysis: Analysis | null, index: Index): string {
  const indicators = [`## ${say('indicators')}`]
  const gaps = [`## ${say('gaps')}`]
  if (!analysis) return [...indicators, say('noAnalysis'), ...gaps, say('noAnalysis')].join('\n\n')
  indicators.push(
    table(
      [say('indicator'), say('valueColumn')],
      indicatorRows(analysis).map((row) => [cellText(row.label), cellText(row.value)]),
      [1],
    ),
  )
  const phases = analysis.indicators.phases
  if (phases.length > 0) {
    indicators.push(`### ${say('phaseOccupancy')}`)
    indicators.push(
      table(
        [say('phase'), say('stage'), say('scheduledUses'), say('plannedArea'), say('occupancyColumn')],
        phases.map((phase) => [
          cellText(nameOf(index.byId.get(phase.phaseId), phase.phaseId)),
          cellText(enumLabel('stage', phase.stage)),
          formatNumber(phase.uses, 0),
          formatArea(phase.plannedM2),
          phase.occupancy === null ? say('none') : formatPercent(phase.occupancy),
        ]),
        [2, 3, 4],
      ),
    )
  }
  const sentences = gapSentencesOf(analysis, (id) => quoted(nameOf(index.byId.get(id), id)))
  gaps.push(sentences.length === 0 ? say('noGaps') : sentences.map((sentence) => `- ${sentence}`).join('\n'))
  return [indicators.join('\n\n'), gaps.join('\n\n')].join('\n\n')
}

function notesSection(index: Index): string {
  const parts = [`## ${say('notes')}`]
  const notes = index.notes.filter((note) => note.label.trim() !== '')
  if (notes.length === 0) return [...parts, say('noNotes')].join('\n\n')
  parts.push(notes.map((note) => `- ${paragraph(note.label).replace(/\n/g, '\n  ')}`).join('\n'))
  return parts.join('\n\n')
}

// ---------------------------------------------------------------- what changed

/** A field value in words: enum labels, areas in m², scheduled ids by name. */
function valueText(field: string, value: unknown, names: (id: string) => string): string {
  if (value === null || value === undefined) return say('none')
  const enumeration = enumOfField[field]
  if (enumeration && typeof value === 'string') return escapeInline(enumLabel(enumeration, value))
  if (typeof value === 'number') return field.endsWith('M2') ? formatArea(value) : formatNumber(value, 2)
  if (typeof value === 'boolean') return value ? say('yes') : say('no')
  if (Array.isArray(value)) return value.length === 0 ? say('none') : value.map((id) => quoted(names(String(id)))).join(', ')
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([key, text]) => `${key}: ${quoted(String(text))}`)
      .join(', ')
  if (field === 'zone' || field === 'from' || field === 'to') return quoted(names(String(value)))
  return quoted(String(value))
}

function fieldChangesText(fields: FieldChanges, names: (id: string) => string): string {
  return Object.entries(fields)
    .map(([field, [before, after]]) => {
      const name = fieldNames[field] ?? field
      if (before === null) return say('set', { field: name, value: valueText(field, after, names) })
      if (after === null) return say('unset', { field: name, value: valueText(field, before, names) })
      return say('changedValue', { field: name, before: valueText(field, before, names), after: valueText(field, after, names) })
    })
    .join('; ')
}

function elementText(element: Element, names: (id: string) => string): string {
  const kind = kindNames[element.kind] ?? element.kind
  if (element.kind === 'link')
    return `${kind} ${quoted(names(element.from))} ${escapeInline(enumLabel('relation', element.relation))} ${quoted(names(element.to))}`
  return `${kind} ${quoted(nameOf(element, element.id))}`
}

function sinceSection(document: BoardDocument, since: { label: string; diff: BoardDiff }): string {
  const { diff } = since
  const parts = [`## ${say('since', { label: escapeInline(since.label) })}`]
  // names from the newer document, else from what was removed
  const byId = new Map<string, Element>([
    ...diff.removed.map((e) => [e.id, e] as const),
    ...document.elements.map((e) => [e.id, e] as const),
  ])
  const names = (id: string) => nameOf(byId.get(id), id)
  const empty = diff.added.length + diff.removed.length + diff.changed.length === 0 && !diff.site && !diff.settings
  if (empty) return [...parts, say('nothingChanged')].join('\n\n')
  const list = (items: string[]) => items.map((item) => `- ${item}`).join('\n')
  if (diff.added.length > 0)
    parts.push(`### ${say('added', { count: diff.added.length })}`, list(diff.added.map((e) => elementText(e, names))))
  if (diff.removed.length > 0)
    parts.push(`### ${say('removed', { count: diff.removed.length })}`, list(diff.removed.map((e) => elementText(e, names))))
  if (diff.changed.length > 0)
    parts.push(
      `### ${say('changed', { count: diff.changed.length })}`,
      list(
        diff.changed.map((change) => {
          const element = byId.get(change.id)
          const head = element ? elementText(element, names) : quoted(change.id)
          return `${head}: ${fieldChangesText(change.fields, names)}`
        }),
      ),
    )
  if (diff.site) parts.push(`### ${say('siteChanged')}`, list([fieldChangesText(diff.site.fields, names)]))
  if (diff.settings) parts.push(`### ${say('settingsChanged')}`, list([fieldChangesText(diff.settings.fields, names)]))
  return parts.join('\n\n')
}

// ---------------------------------------------------------------- the brief

/**
 * The strategy brief as Markdown (GitHub flavoured tables): title, site profile, actor
 * constellation by sector, use mix with areas per zone, phasing roadmap, indicators and
 * gaps, notes, and optionally what changed since a snapshot. English; numbers written
 * plainly (`1,500 m²`, `45.5%`). Pure and deterministic: the same input gives the same text.
 */
export function toMarkdown(document: BoardDocument, options: MarkdownOptions = {}): string {
  const index = indexOf(document)
  const title = document.board.title.trim() || document.site.name || say('untitled')
  const head = [`# ${escapeInline(title)}`, say('intro')]
  if (options.snapshot)
    head.push(say('snapshotOf', { label: escapeInline(options.snapshot.label), date: options.snapshot.createdAt.slice(0, 10) }))
  const sections = [
    head.join('\n\n'),
    siteSection(document.site),
    actorSection(index),
    useSection(index, document.site),
    roadmapSection(index),
    analysisSections(options.analysis ?? null, index),
    notesSection(index),
  ]
  if (options.since) sections.push(sinceSection(document, options.since))
  return `${sections.join('\n\n')}\n`
}
