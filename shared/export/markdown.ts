import type { Analysis } from '../analysis/types.ts'
import type { BoardDiff, FieldChanges } from '../diff/diff-documents.ts'
import type { BoardDocument } from '../schema/document.ts'
import type { Element } from '../schema/elements.ts'
import type { Phase } from '../schema/phase.ts'
import type { Site } from '../schema/site.ts'
import {
  conflictSentencesOf,
  gapCountSentence,
  gapSentencesOf,
  indicatorRows,
  timelineConflictsHeading,
} from './analysis-view.ts'
import {
  actorRows,
  actorSummary,
  type BriefIndex,
  type BriefRow,
  briefIndex,
  nameOf,
  phaseOccupancyRows,
  relationshipLine,
  relationshipNote,
  relationships,
  sectorGroups,
  sectorRows,
  siteRows,
  useMixSummary,
  useMoneyFields,
  useMoneyRows,
  useRows,
  zoneRows,
} from './brief-rows.ts'
import { briefVotes } from './brief-votes.ts'
import { monthsBetween, type NumberStyle } from './format.ts'
import { type BriefWords, englishWords } from './markdown-text.ts'

export interface MarkdownOptions {
  /** The analysis of this document (`shared/analysis` `analyse`); without it the brief says so. */
  analysis?: Analysis | null
  /** Adds "What changed since <label>" from a diff (snapshot → this document). */
  since?: { label: string; diff: BoardDiff }
  /** When the document is a snapshot: its label and ISO time, named under the title. */
  snapshot?: { label: string; createdAt: string }
  /**
   * The brief's language (`?lang=`, a planned language code): its words from the catalog
   * (`shared/i18n/en-export.ts`, `enum.*`) and its numbers, months and dates with `Intl`
   * (`1.500 m²` in German). English by default, numbers written by hand (the same bytes in
   * every runtime).
   */
  locale?: string
}

// ---------------------------------------------------------------- text helpers

/** Escapes the characters that would change how a name renders (emphasis, links, html, tables). */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, '\\$&').replace(/\s*[\r\n]+\s*/g, ' ')
}

/** The dash of an empty cell (the same in every language). */
const NONE = englishWords.say('none')

/** Text for a table cell: escaped, on one line, never empty (an empty cell reads as a gap). */
const cellText = (text: string) => (text.trim() === '' ? NONE : escapeInline(text))

/** A brief row (`brief-rows.ts`) as Markdown cells: escaped, a total's label in bold. */
const markdownCells = ({ cells, total }: BriefRow): string[] =>
  cells.map((cell, column) => (total && column === 0 ? `**${cellText(cell)}**` : cellText(cell)))

/** What a Markdown table writes for an element without a name (`cellText` writes the same for a blank one). */
const UNTITLED = { untitled: NONE }

/** A GitHub-flavoured Markdown table of cells already escaped; the columns in `alignRight` right-aligned. */
export function markdownTable(header: string[], rows: string[][], alignRight: readonly number[] = []): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  const rule = header.map((_, index) => (alignRight.includes(index) ? '---:' : '---'))
  return [line(header), line(rule), ...rows.map(line)].join('\n')
}

const quoted = (text: string) => `"${escapeInline(text)}"`

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
  fundingSource: 'fundingSource',
  heritageStatus: 'heritageStatus',
  condition: 'siteCondition',
}

// ---------------------------------------------------------------- sections

function siteSection(site: Site, numbers: NumberStyle, words: BriefWords): string {
  const { say } = words
  const rows = siteRows(site, numbers, words)
  const parts = [`## ${say('siteProfile')}`]
  if (rows.length === 0 && !site.description) parts.push(say('noSiteProfile'))
  if (rows.length > 0) parts.push(markdownTable([say('fieldColumn'), say('valueColumn')], rows.map(markdownCells)))
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

function actorSection(index: BriefIndex): string {
  const { say, enumLabel } = index.words
  const parts = [`## ${say('actors')}`]
  if (index.actors.length === 0) return [...parts, say('noActors')].join('\n\n')
  parts.push(actorSummary(index))
  parts.push(
    markdownTable(
      [say('sector'), say('actorCount'), say('committedCount'), say('spaceNeed')],
      sectorRows(index).map(markdownCells),
      [1, 2, 3],
    ),
  )
  for (const { sector, actors } of sectorGroups(index)) {
    parts.push(`### ${escapeInline(enumLabel('sector', sector))} (${index.numbers.number(actors.length, 0)})`)
    parts.push(
      markdownTable(
        [say('actor'), say('subsector'), say('country'), say('commitment'), say('stance'), say('spaceNeed')],
        actorRows(actors, { ...UNTITLED, sectorColumn: false, numbers: index.numbers, words: index.words }).map(markdownCells),
        [5],
      ),
    )
  }
  return parts.join('\n\n')
}

function useSection(index: BriefIndex, site: Site): string {
  const { say } = index.words
  const parts = [`## ${say('useMix')}`]
  if (index.uses.length === 0) return [...parts, say('noUses')].join('\n\n')
  parts.push(useMixSummary(index, site))
  parts.push(`### ${say('byZone')}`)
  parts.push(
    markdownTable(
      [say('zone'), say('zoneArea'), say('uses'), say('plannedArea'), say('share'), say('zoneOccupancy')],
      zoneRows(index).map(markdownCells),
      [1, 2, 3, 4, 5],
    ),
  )
  parts.push(`### ${say('byUse')}`)
  parts.push(
    markdownTable(
      [say('use'), say('category'), say('zone'), say('area'), say('share')],
      useRows(index, UNTITLED).map(markdownCells),
      [3, 4],
    ),
  )
  const money = useMoneyRows(index, UNTITLED)
  if (money.length > 0) {
    const { fieldName, t } = index.words
    parts.push(`### ${t('analysis.money.title')}`)
    parts.push(markdownTable([say('use'), ...useMoneyFields.map(fieldName)], money.map(markdownCells), [1, 2, 3]))
  }
  return parts.join('\n\n')
}

/** Who operates, funds, uses, supplies what: one sentence per link. */
function relationshipSection(document: BoardDocument, index: BriefIndex): string {
  const { say } = index.words
  const parts = [`## ${say('relationships')}`]
  const all = relationships(document, index)
  if (all.length === 0) return [...parts, say('noRelationships')].join('\n\n')
  parts.push(say('relationshipsSummary', { count: all.length }))
  parts.push(
    all
      .map(
        (relationship) =>
          `- ${escapeInline(relationshipLine(relationship.sentence, relationshipNote(relationship, index.numbers)))}`,
      )
      .join('\n'),
  )
  return parts.join('\n\n')
}

function roadmapSection(index: BriefIndex): string {
  const { say, enumLabel } = index.words
  const parts = [`## ${say('roadmap')}`]
  if (index.phases.length === 0) return [...parts, say('noPhases')].join('\n\n')
  const scheduled = (phase: Phase, kind: 'use' | 'actor') =>
    (phase.refs ?? [])
      .map((id) => index.byId.get(id))
      .filter((element): element is Element => element?.kind === kind)
      .map((element) => nameOf(element, element.id))
  const missing = (phase: Phase) => (phase.refs ?? []).filter((id) => !index.byId.has(id)).map((id) => say('missingRef', { id }))
  parts.push(
    markdownTable(
      [say('stage'), say('phase'), say('start'), say('end'), say('months'), say('scheduledUses'), say('scheduledActors')],
      index.phases.map((phase) => [
        cellText(enumLabel('stage', phase.stage)),
        cellText(phase.label),
        index.numbers.month(phase.start),
        index.numbers.month(phase.end),
        index.numbers.number(monthsBetween(phase.start, phase.end), 0),
        cellText([...scheduled(phase, 'use'), ...missing(phase)].join('; ')),
        cellText(scheduled(phase, 'actor').join('; ')),
      ]),
      [4],
    ),
  )
  return parts.join('\n\n')
}

function analysisSections(analysis: Analysis | null, index: BriefIndex): string {
  const { words } = index
  const { say } = words
  const indicators = [`## ${say('indicators')}`]
  const gaps = [`## ${say('gaps')}`]
  if (!analysis) return [...indicators, say('noAnalysis'), ...gaps, say('noAnalysis')].join('\n\n')
  indicators.push(
    markdownTable(
      [say('indicator'), say('valueColumn')],
      indicatorRows(analysis, index.numbers, words).map((row) => [cellText(row.label), cellText(row.value)]),
      [1],
    ),
  )
  if (analysis.indicators.phases.length > 0) {
    indicators.push(`### ${say('phaseOccupancy')}`)
    indicators.push(
      markdownTable(
        [say('phase'), say('stage'), say('scheduledUses'), say('plannedArea'), say('occupancyColumn')],
        phaseOccupancyRows(analysis, index).map(markdownCells),
        [2, 3, 4],
      ),
    )
  }
  const names = (id: string) => quoted(nameOf(index.byId.get(id), id))
  const conflicts = conflictSentencesOf(analysis, names, index.numbers, words)
  if (conflicts.length > 0)
    indicators.push(`### ${timelineConflictsHeading(words)}`, conflicts.map((sentence) => `- ${sentence}`).join('\n'))
  // as many gaps as the API's `gaps` and the analysis panel count
  const sentences = gapSentencesOf(analysis, names, words)
  if (sentences.length === 0) gaps.push(say('noGaps'))
  else gaps.push(gapCountSentence(sentences.length, words), sentences.map((sentence) => `- ${sentence}`).join('\n'))
  return [indicators.join('\n\n'), gaps.join('\n\n')].join('\n\n')
}

function notesSection(index: BriefIndex): string {
  const { say } = index.words
  const parts = [`## ${say('notes')}`]
  const notes = index.notes.filter((note) => note.label.trim() !== '')
  if (notes.length === 0) return [...parts, say('noNotes')].join('\n\n')
  parts.push(notes.map((note) => `- ${paragraph(note.label).replace(/\n/g, '\n  ')}`).join('\n'))
  return parts.join('\n\n')
}

/** The closed dot votes with their rankings (none: no section). */
function votesSection(document: BoardDocument, index: BriefIndex): string | null {
  const votes = briefVotes(document, index)
  if (votes.length === 0) return null
  const { say } = index.words
  const parts = [`## ${say('votes')}`]
  for (const vote of votes) {
    parts.push(`### ${escapeInline(vote.heading)}`, escapeInline(vote.summary))
    if (vote.lines.length > 0) parts.push(vote.lines.map(escapeInline).join('\n'))
    if (vote.withoutDots) parts.push(vote.withoutDots)
  }
  return parts.join('\n\n')
}

// ---------------------------------------------------------------- what changed

/** Fields holding a `YYYY-MM` month (a phase's). */
const monthFields = new Set(['start', 'end', 'timelineOrigin'])

/** A field value in words: enum labels, areas in m², months, scheduled ids by name; numbers in the brief's language. */
function valueText(
  field: string,
  value: unknown,
  names: (id: string) => string,
  numbers: NumberStyle,
  { say, enumLabel }: BriefWords,
): string {
  if (value === null || value === undefined) return say('none')
  const enumeration = enumOfField[field]
  if (enumeration && typeof value === 'string') return escapeInline(enumLabel(enumeration, value))
  if (typeof value === 'number') return field.endsWith('M2') ? numbers.area(value) : numbers.number(value, 2)
  if (monthFields.has(field) && typeof value === 'string' && /^\d{4}-\d{2}$/.test(value)) return numbers.month(value)
  if (typeof value === 'boolean') return value ? say('yes') : say('no')
  if (Array.isArray(value)) return value.length === 0 ? say('none') : value.map((id) => quoted(names(String(id)))).join(', ')
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([key, text]) => `${key}: ${typeof text === 'number' ? numbers.number(text, 2) : quoted(String(text))}`)
      .join(', ')
  if (field === 'zone' || field === 'from' || field === 'to') return quoted(names(String(value)))
  return quoted(String(value))
}

function fieldChangesText(fields: FieldChanges, names: (id: string) => string, numbers: NumberStyle, words: BriefWords): string {
  const { say } = words
  const text = (field: string, value: unknown) => valueText(field, value, names, numbers, words)
  return Object.entries(fields)
    .map(([field, [before, after]]) => {
      const name = words.fieldName(field)
      if (before === null) return say('set', { field: name, value: text(field, after) })
      if (after === null) return say('unset', { field: name, value: text(field, before) })
      return say('changedValue', { field: name, before: text(field, before), after: text(field, after) })
    })
    .join('; ')
}

function elementText(element: Element, names: (id: string) => string, { kindName, enumLabel }: BriefWords): string {
  const kind = kindName(element.kind)
  if (element.kind === 'link')
    return `${kind} ${quoted(names(element.from))} ${escapeInline(enumLabel('relation', element.relation))} ${quoted(names(element.to))}`
  return `${kind} ${quoted(nameOf(element, element.id))}`
}

function sinceSection(
  document: BoardDocument,
  since: { label: string; diff: BoardDiff },
  numbers: NumberStyle,
  words: BriefWords,
): string {
  const { say } = words
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
    parts.push(
      `### ${say('added', { count: numbers.number(diff.added.length, 0) })}`,
      list(diff.added.map((e) => elementText(e, names, words))),
    )
  if (diff.removed.length > 0)
    parts.push(
      `### ${say('removed', { count: numbers.number(diff.removed.length, 0) })}`,
      list(diff.removed.map((e) => elementText(e, names, words))),
    )
  if (diff.changed.length > 0)
    parts.push(
      `### ${say('changed', { count: numbers.number(diff.changed.length, 0) })}`,
      list(
        diff.changed.map((change) => {
          const element = byId.get(change.id)
          const head = element ? elementText(element, names, words) : quoted(change.id)
          return `${head}: ${fieldChangesText(change.fields, names, numbers, words)}`
        }),
      ),
    )
  if (diff.site) parts.push(`### ${say('siteChanged')}`, list([fieldChangesText(diff.site.fields, names, numbers, words)]))
  if (diff.settings)
    parts.push(`### ${say('settingsChanged')}`, list([fieldChangesText(diff.settings.fields, names, numbers, words)]))
  return parts.join('\n\n')
}

// ---------------------------------------------------------------- the brief

/**
 * The strategy brief as Markdown (GitHub flavoured tables): title, site profile, actor
 * constellation by sector, use mix with areas per zone, phasing roadmap, indicators and
 * gaps, notes, the closed dot votes' rankings, and optionally what changed since a snapshot. In English with numbers
 * written plainly (`1,500 m²`, `45.5%`), or in the language of `options.locale`. Pure and deterministic: the same input gives the same text.
 */
export function toMarkdown(document: BoardDocument, options: MarkdownOptions = {}): string {
  const index = briefIndex(document, options.locale)
  const { say } = index.words
  const title = document.board.title.trim() || document.site.name || say('untitled')
  const head = [`# ${escapeInline(title)}`, say('intro')]
  if (options.snapshot)
    head.push(
      say('snapshotOf', { label: escapeInline(options.snapshot.label), date: index.numbers.date(options.snapshot.createdAt) }),
    )
  const sections = [
    head.join('\n\n'),
    siteSection(document.site, index.numbers, index.words),
    actorSection(index),
    useSection(index, document.site),
    relationshipSection(document, index),
    roadmapSection(index),
    analysisSections(options.analysis ?? null, index),
    notesSection(index),
  ]
  const votes = votesSection(document, index)
  if (votes) sections.push(votes)
  if (options.since) sections.push(sinceSection(document, options.since, index.numbers, index.words))
  return `${sections.join('\n\n')}\n`
}
