import type { Analysis, Indicators } from '../../../shared/analysis/types.ts'
import type { Criterion, Review, ReviewScore, StrategyTextKey } from '../../../shared/collections/collection.ts'
import { type ComparableKey, median } from '../../../shared/collections/compare.ts'
import { compareNames, type NumberStyle, numbersFor } from '../../../shared/export/format.ts'
import { type BriefWords, briefWords } from '../../../shared/export/markdown-text.ts'
import type { LanguageCode, MessageKey, Translator } from '../../../shared/i18n/index.ts'
import type { BoardDocument } from '../../../shared/schema/document.ts'
import type { Element, ElementOfKind } from '../../../shared/schema/elements.ts'
import { type Commitment, sectors, subsectors } from '../../../shared/schema/enums.ts'
import type {
  ChapterId,
  KeyFigure,
  StrategyBlock,
  StrategyChapter,
  StrategyColumn,
  StrategyDoc,
  StrategyRow,
} from './strategy-doc.ts'
import type { StrategyInput, StrategySite } from './strategy-input.ts'
import { siteSwot, swotFields } from './swot.ts'

type Actor = ElementOfKind<'actor'>
type Use = ElementOfKind<'use'>
type Phase = ElementOfKind<'phase'>

/** Commitments that count as committed (DOMAIN.md: a letter of intent or more), as the analysis counts them. */
const COMMITTED: ReadonlySet<Commitment> = new Set<Commitment>(['loi', 'precontract', 'signed'])
const CREATIVE: ReadonlySet<string> = new Set(['creative', 'culture'])

/** Every money figure the financial chapters read (the analysis' viability figures, docs/analysis.md). */
interface MoneyFigures {
  investmentEur: number
  runningCostEurYear: number
  incomeEurYear: number
  costRecovery: number | null
  breakEvenYear: number | null
  fundingEur: number
  publicFundingEur: number
  subsidyDependency: number | null
  fundingBySource: Record<string, number>
}

const finite = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined)

/** A use's money field (issue 17), undefined when not given. */
const useMoney = (use: Use, field: 'investmentEur' | 'runningCostEurYear' | 'incomeEurYear'): number | undefined =>
  finite(use[field])

const fundingSourceOf = (use: Use): string | undefined => use.fundingSource

/**
 * A site's money figures: the analysis' viability figures (docs/analysis.md), or — for an
 * analysis made before they existed — the sums over the uses, with what cannot be summed left out.
 */
function moneyOf(site: StrategySite): MoneyFigures {
  const viability = site.analysis.indicators.viability as unknown as Record<string, unknown>
  const uses = usesOf(site.document)
  const sum = (field: 'investmentEur' | 'runningCostEurYear' | 'incomeEurYear') =>
    uses.reduce((total, use) => total + (useMoney(use, field) ?? 0), 0)
  const investmentEur = finite(viability.investmentEur) ?? sum('investmentEur')
  const runningCostEurYear = finite(viability.runningCostEurYear) ?? sum('runningCostEurYear')
  const incomeEurYear = finite(viability.incomeEurYear) ?? sum('incomeEurYear')
  const orNull = (value: unknown) => (value === null ? null : (finite(value) ?? null))
  const bySource = viability.fundingBySource
  const fundingBySource: Record<string, number> = {}
  if (bySource && typeof bySource === 'object')
    for (const [source, amount] of Object.entries(bySource)) {
      const value = finite(amount)
      if (value !== undefined) fundingBySource[source] = value
    }
  return {
    investmentEur,
    runningCostEurYear,
    incomeEurYear,
    costRecovery:
      'costRecovery' in viability
        ? orNull(viability.costRecovery)
        : runningCostEurYear > 0
          ? incomeEurYear / runningCostEurYear
          : null,
    breakEvenYear: orNull(viability.breakEvenYear),
    fundingEur: finite(viability.fundingEur) ?? 0,
    publicFundingEur: finite(viability.publicFundingEur) ?? 0,
    subsidyDependency: orNull(viability.subsidyDependency),
    fundingBySource,
  }
}

/**
 * A site's sum of one money field as the strategy writes it: "—" (not known) when none of its
 * uses records that field, so a site nobody has costed yet does not read as costing 0 €.
 */
function siteMoney(
  site: StrategySite,
  field: 'investmentEur' | 'runningCostEurYear',
  value: number,
  w: Pick<Writer, 'money' | 'none'>,
): string {
  const recorded = usesOf(site.document).some((use) => useMoney(use, field) !== undefined)
  return recorded || value !== 0 ? w.money(value) : w.none
}

const elementsOf = <K extends Element['kind']>(document: BoardDocument, kind: K) =>
  document.elements.filter((element): element is ElementOfKind<K> => element.kind === kind)
const usesOf = (document: BoardDocument): Use[] => elementsOf(document, 'use')

/** The arithmetic mean of the scores given; null when none. */
export function meanScore(scores: readonly (number | null)[]): number | null {
  const given = scores.filter((score): score is number => typeof score === 'number')
  return given.length === 0 ? null : given.reduce((a, b) => a + b, 0) / given.length
}

type ValueKind = 'count' | 'share' | 'm2' | 'eur' | 'year' | 'ratio'

/** The key indicators a proposal shows, with the comparison's key (shared/collections/compare.ts). */
const keyIndicators: { key: ComparableKey; label: MessageKey; unit: ValueKind; get: (i: Indicators) => number | null }[] = [
  { key: 'actors.total', label: 'export.indicator.actors', unit: 'count', get: (i) => i.actors.total },
  { key: 'creative.count', label: 'strategy.figure.creative', unit: 'count', get: (i) => i.creative.count },
  { key: 'creative.committed', label: 'export.indicator.creativeCommitted', unit: 'count', get: (i) => i.creative.committed },
  { key: 'creative.share', label: 'export.indicator.creativeShare', unit: 'share', get: (i) => i.creative.share },
  { key: 'area.plannedM2', label: 'export.indicator.plannedArea', unit: 'm2', get: (i) => i.area.plannedM2 },
  { key: 'area.ratio', label: 'export.indicator.occupancy', unit: 'share', get: (i) => i.area.ratio },
  {
    key: 'combination.crossSectorLinks',
    label: 'export.indicator.crossSectorLinks',
    unit: 'count',
    get: (i) => i.combination.crossSectorLinks,
  },
  { key: 'coverage', label: 'export.indicator.coverage', unit: 'share', get: (i) => i.coverage },
  { key: 'mix.evenness', label: 'export.indicator.mixEvenness', unit: 'ratio', get: (i) => i.mix.evenness },
  {
    key: 'viability.investmentEur',
    label: 'strategy.column.investment',
    unit: 'eur',
    get: (i) => finite(i.viability.investmentEur) ?? null,
  },
  {
    key: 'viability.costRecovery',
    label: 'strategy.column.costRecovery',
    unit: 'share',
    get: (i) => finite(i.viability.costRecovery) ?? null,
  },
  {
    key: 'viability.subsidyDependency',
    label: 'strategy.column.subsidyDependency',
    unit: 'share',
    get: (i) => finite(i.viability.subsidyDependency) ?? null,
  },
  {
    key: 'viability.breakEvenYear',
    label: 'strategy.column.breakEven',
    unit: 'year',
    get: (i) => finite(i.viability.breakEvenYear) ?? null,
  },
]

/** The words and number formats of one language, and the helpers every chapter uses. */
class Writer {
  readonly t: Translator<MessageKey>
  readonly words: BriefWords
  readonly numbers: NumberStyle
  readonly na: string
  readonly none: string

  constructor(readonly language: LanguageCode) {
    this.words = briefWords(language)
    this.t = this.words.t
    this.numbers = numbersFor(language === 'en' ? undefined : language)
    this.na = this.t('strategy.notAvailable')
    this.none = this.t('export.brief.none')
  }

  count = (value: number) => this.numbers.number(value, 0)
  area = (value: number) => this.numbers.area(value)
  money = (value: number) => this.t('strategy.money', { amount: this.numbers.number(value, 0) })
  share = (value: number | null) => (value === null ? this.na : this.numbers.percent(value))
  /** A calendar year: digits only, never grouped ("2031", not "2,031"). */
  year = (value: number | null) => (value === null ? this.na : String(Math.round(value)))

  value(unit: ValueKind, value: number | null): string {
    if (value === null) return this.na
    switch (unit) {
      case 'count':
        return this.numbers.number(value, 1)
      case 'share':
        return this.share(value)
      case 'm2':
        return this.area(value)
      case 'eur':
        return this.money(value)
      case 'year':
        return this.year(value)
      case 'ratio':
        return this.numbers.number(value, 2)
    }
  }

  name = (element: { label: string } | undefined) => element?.label.trim() || this.t('export.brief.untitled')
  enumLabel = (enumeration: string, value: string) => this.words.enumLabel(enumeration, value)

  nothing = (): StrategyBlock => ({ kind: 'paragraph', text: this.t('strategy.nothing') })

  /** Free text as paragraph blocks, split at blank lines. */
  paragraphs(text: string | undefined): StrategyBlock[] {
    if (!text) return []
    return text
      .split(/\r?\n\s*\r?\n/)
      .map((block) =>
        block
          .split(/\r?\n/)
          .map((line) => line.trim())
          .join('\n')
          .trim(),
      )
      .filter((block) => block !== '')
      .map((block) => ({ kind: 'paragraph', text: block }))
  }

  column = (key: MessageKey, options: Omit<StrategyColumn, 'header'> = {}): StrategyColumn => ({
    header: this.t(key),
    ...options,
  })
}

const right = 'right' as const

/** A site as headings name it: its title, and the snapshot when the collection holds one. */
function siteHeading(site: StrategySite, w: Writer): string {
  const title = site.title.trim() || site.site?.name?.trim() || w.t('export.brief.untitled')
  return site.snapshotLabel ? `${title} (${w.t('strategy.snapshot', { label: site.snapshotLabel })})` : title
}

// ---------------------------------------------------------------- 1 The creative sector

function creativeSector(input: StrategyInput, w: Writer): StrategyBlock[] {
  const { t } = w
  const blocks: StrategyBlock[] = [...w.paragraphs(input.collection.texts.introduction)]
  if (input.sites.length === 0) return [...blocks, { kind: 'paragraph', text: t('strategy.noSites') }]
  const actors = input.sites.flatMap((site) => elementsOf(site.document, 'actor'))
  const creative = actors.filter((actor) => CREATIVE.has(actor.sector))
  const sum = (get: (a: Analysis) => number) => input.sites.reduce((total, site) => total + get(site.analysis), 0)
  const need = (list: Actor[]) => list.reduce((total, actor) => total + (actor.spaceNeedM2 ?? 0), 0)
  blocks.push({
    kind: 'paragraph',
    text: t('strategy.creative.summary', {
      actors: w.count(sum((a) => a.indicators.actors.total)),
      creative: w.count(sum((a) => a.indicators.creative.count)),
      committed: w.count(sum((a) => a.indicators.creative.committed)),
      space: w.area(need(creative)),
    }),
  })

  blocks.push({ kind: 'heading', level: 2, text: t('strategy.creative.bySite') })
  const siteRows: StrategyRow[] = input.sites.map((site) => {
    const { actors: a, creative: c, area } = site.analysis.indicators
    return { cells: [siteHeading(site, w), w.count(a.total), w.count(c.count), w.count(c.committed), w.area(area.demandM2)] }
  })
  siteRows.push({
    total: true,
    cells: [
      t('strategy.total'),
      w.count(sum((a) => a.indicators.actors.total)),
      w.count(sum((a) => a.indicators.creative.count)),
      w.count(sum((a) => a.indicators.creative.committed)),
      w.area(sum((a) => a.indicators.area.demandM2)),
    ],
  })
  blocks.push({
    kind: 'table',
    columns: [
      w.column('strategy.column.site', { width: 3 }),
      w.column('strategy.column.actors', { align: right }),
      w.column('strategy.column.creative', { align: right, width: 1.4 }),
      w.column('strategy.column.committed', { align: right }),
      w.column('strategy.column.spaceNeed', { align: right, width: 1.2 }),
    ],
    rows: siteRows,
  })

  const groupRows = <K extends string>(
    keys: readonly K[],
    list: Actor[],
    keyOf: (actor: Actor) => K | undefined,
    label: (key: K) => string,
  ) => {
    const rows: StrategyRow[] = []
    for (const key of keys) {
      const group = list.filter((actor) => keyOf(actor) === key)
      if (group.length === 0) continue
      rows.push({
        cells: [
          label(key),
          w.count(group.length),
          w.count(group.filter((actor) => COMMITTED.has(actor.commitment)).length),
          w.area(need(group)),
        ],
      })
    }
    return rows
  }
  const groupColumns = (first: MessageKey): StrategyColumn[] => [
    w.column(first, { width: 3 }),
    w.column('strategy.column.actors', { align: right }),
    w.column('strategy.column.committed', { align: right }),
    w.column('strategy.column.spaceNeed', { align: right, width: 1.2 }),
  ]
  const totalRow = (list: Actor[]): StrategyRow => ({
    total: true,
    cells: [
      t('strategy.total'),
      w.count(list.length),
      w.count(list.filter((actor) => COMMITTED.has(actor.commitment)).length),
      w.area(need(list)),
    ],
  })

  blocks.push({ kind: 'heading', level: 2, text: t('strategy.figure.creative') })
  const named = input.sites.flatMap((site) =>
    elementsOf(site.document, 'actor')
      .filter((actor) => CREATIVE.has(actor.sector))
      .sort(byName(w))
      .map((actor) => ({ actor, site })),
  )
  if (named.length === 0) blocks.push(w.nothing())
  else
    blocks.push({
      kind: 'table',
      columns: [
        w.column('export.brief.actor', { width: 3 }),
        w.column('strategy.column.site', { width: 2 }),
        w.column('strategy.column.field', { width: 1.5 }),
        w.column('export.brief.commitment', { width: 1.4 }),
        w.column('strategy.column.spaceNeed', { align: right, width: 1.1 }),
      ],
      rows: named.map(({ actor, site }) => ({
        cells: [
          w.name(actor),
          siteHeading(site, w),
          actor.subsector ? w.enumLabel('subsector', actor.subsector) : t('strategy.noField'),
          w.enumLabel('commitment', actor.commitment),
          actor.spaceNeedM2 === undefined ? w.none : w.area(actor.spaceNeedM2),
        ],
      })),
    })

  blocks.push({ kind: 'heading', level: 2, text: t('strategy.creative.bySector') })
  if (actors.length === 0) blocks.push(w.nothing())
  else
    blocks.push({
      kind: 'table',
      columns: groupColumns('strategy.column.sector'),
      rows: [
        ...groupRows(
          sectors,
          actors,
          (actor) => actor.sector,
          (s) => w.enumLabel('sector', s),
        ),
        totalRow(actors),
      ],
    })

  blocks.push({ kind: 'heading', level: 2, text: t('strategy.creative.bySubsector') })
  if (creative.length === 0) blocks.push(w.nothing())
  else {
    const keys = [...subsectors, 'none'] as const
    blocks.push({
      kind: 'table',
      columns: groupColumns('strategy.column.field'),
      rows: [
        ...groupRows(
          keys,
          creative,
          (actor) => actor.subsector ?? 'none',
          (key) => (key === 'none' ? t('strategy.noField') : w.enumLabel('subsector', key)),
        ),
        totalRow(creative),
      ],
    })
  }
  return blocks
}

// ---------------------------------------------------------------- 2 SWOT

function swot(input: StrategyInput, w: Writer): StrategyBlock[] {
  const blocks: StrategyBlock[] = [...w.paragraphs(input.collection.texts.swot)]
  if (input.sites.length === 0) return [...blocks, { kind: 'paragraph', text: w.t('strategy.noSites') }]
  for (const site of input.sites) {
    blocks.push({ kind: 'heading', level: 2, text: siteHeading(site, w) })
    const found = siteSwot(site.document)
    if (!found.found) {
      blocks.push({ kind: 'paragraph', text: w.t('strategy.swot.noScan') })
      continue
    }
    for (const field of swotFields) {
      blocks.push({ kind: 'heading', level: 3, text: w.t(`templates.siteScan.${field}`) })
      const notes = found.fields[field]
      blocks.push(notes.length === 0 ? w.nothing() : { kind: 'list', items: notes })
    }
  }
  return blocks
}

// ---------------------------------------------------------------- 4 Proposals per site

/** The actors that operate each use (an `operates` link from an actor to the use), by use id. */
function operatorsOf(document: BoardDocument): Map<string, Actor[]> {
  const actors = new Map(elementsOf(document, 'actor').map((actor) => [actor.id, actor]))
  const operators = new Map<string, Actor[]>()
  for (const link of elementsOf(document, 'link')) {
    if (link.relation !== 'operates') continue
    const actor = actors.get(link.from)
    if (!actor) continue
    const list = operators.get(link.to) ?? []
    if (!list.includes(actor)) list.push(actor)
    operators.set(link.to, list)
  }
  return operators
}

const byName = (w: Writer) => (a: { label: string; id: string }, b: { label: string; id: string }) =>
  compareNames(w.name(a), w.name(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

function sitePlace(site: StrategySite, w: Writer): string | null {
  const profile = site.site ?? site.document.site
  const parts = [
    profile.name,
    [profile.location, profile.country].filter(Boolean).join(', '),
    profile.areaM2 === undefined ? '' : w.area(profile.areaM2),
  ]
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
  return parts.length > 0 ? parts.join(' · ') : null
}

function proposals(input: StrategyInput, w: Writer): StrategyBlock[] {
  const { t } = w
  if (input.sites.length === 0) return [{ kind: 'paragraph', text: t('strategy.noSites') }]
  const blocks: StrategyBlock[] = []
  for (const site of input.sites) {
    const { document } = site
    blocks.push({ kind: 'heading', level: 2, text: siteHeading(site, w) })
    const place = sitePlace(site, w)
    const state = site.snapshotLabel ? t('strategy.snapshot', { label: site.snapshotLabel }) : t('strategy.live')
    blocks.push({ kind: 'paragraph', text: place ? `${place} — ${state}` : state })

    const zones = new Map(elementsOf(document, 'zone').map((zone) => [zone.id, zone]))
    const operators = operatorsOf(document)
    const uses = usesOf(document).sort(byName(w))
    blocks.push({ kind: 'heading', level: 3, text: t('strategy.proposals.uses') })
    if (uses.length === 0) blocks.push({ kind: 'paragraph', text: t('strategy.proposals.noUses') })
    else
      blocks.push({
        kind: 'table',
        columns: [
          w.column('strategy.column.use', { width: 2.4 }),
          w.column('strategy.column.category', { width: 1.5 }),
          w.column('strategy.column.area', { align: right }),
          w.column('strategy.column.zone', { width: 1.6 }),
          w.column('strategy.column.operators', { width: 2.4 }),
        ],
        rows: uses.map((use) => ({
          cells: [
            w.name(use),
            w.enumLabel('useCategory', use.category),
            use.areaM2 === undefined ? w.none : w.area(use.areaM2),
            use.zone ? (zones.has(use.zone) ? w.name(zones.get(use.zone)) : w.none) : w.none,
            (operators.get(use.id) ?? [])
              .sort(byName(w))
              .map((actor) => w.name(actor))
              .join(', ') || w.none,
          ],
        })),
      })

    const byId = new Map(document.elements.map((element) => [element.id, element]))
    const phases = elementsOf(document, 'phase').sort(
      (a: Phase, b: Phase) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || (a.id < b.id ? -1 : 1),
    )
    blocks.push({ kind: 'heading', level: 3, text: t('strategy.proposals.phases') })
    if (phases.length === 0) blocks.push({ kind: 'paragraph', text: t('strategy.proposals.noPhases') })
    else
      blocks.push({
        kind: 'table',
        columns: [
          w.column('strategy.column.phase', { width: 2.2 }),
          w.column('strategy.column.stage', { width: 1.3 }),
          w.column('strategy.column.months', { width: 1.6 }),
          w.column('strategy.proposals.uses', { width: 3 }),
        ],
        rows: phases.map((phase) => ({
          cells: [
            w.name(phase),
            w.enumLabel('stage', phase.stage),
            w.numbers.monthSpan(phase.start, phase.end),
            (phase.refs ?? [])
              .map((id) => byId.get(id))
              .filter((element): element is Use => element?.kind === 'use')
              .map((use) => w.name(use))
              .join(', ') || w.none,
          ],
        })),
      })

    blocks.push({ kind: 'heading', level: 3, text: t('strategy.proposals.indicators') })
    blocks.push({
      kind: 'table',
      columns: [
        w.column('strategy.column.indicator', { width: 3.2 }),
        w.column('strategy.column.thisSite', { align: right }),
        w.column('strategy.column.median', { align: right }),
      ],
      rows: keyIndicators.map(({ key, label, unit, get }) => {
        // the comparison's median; computed here for a key an older comparison lacks
        const known: number | null | undefined = input.compare.median[key]
        const middle = known === undefined ? median(input.sites.map((other) => get(other.analysis.indicators))) : known
        return { cells: [t(label), w.value(unit, get(site.analysis.indicators)), w.value(unit, middle)] }
      }),
    })
  }
  return blocks
}

// ---------------------------------------------------------------- 5 Investments, 6 Financial plan

function investments(input: StrategyInput, w: Writer, money: MoneyFigures[]): StrategyBlock[] {
  const { t } = w
  const blocks: StrategyBlock[] = [...w.paragraphs(input.collection.texts.investments)]
  if (input.sites.length === 0) return [...blocks, { kind: 'paragraph', text: t('strategy.noSites') }]
  blocks.push({ kind: 'heading', level: 2, text: t('strategy.investments.bySite') })
  blocks.push({
    kind: 'table',
    columns: [w.column('strategy.column.site', { width: 3 }), w.column('strategy.column.investment', { align: right })],
    rows: [
      ...input.sites.map((site, index) => ({
        cells: [siteHeading(site, w), siteMoney(site, 'investmentEur', money[index]?.investmentEur ?? 0, w)],
      })),
      { total: true, cells: [t('strategy.total'), w.money(money.reduce((sum, m) => sum + m.investmentEur, 0))] },
    ],
  })
  input.sites.forEach((site, index) => {
    blocks.push({ kind: 'heading', level: 2, text: siteHeading(site, w) })
    const uses = usesOf(site.document)
      .filter((use) => (useMoney(use, 'investmentEur') ?? 0) > 0 || fundingSourceOf(use) !== undefined)
      .sort(byName(w))
    const funders = fundersOf(site.document, w)
    if (uses.length === 0 && funders.length === 0) {
      blocks.push(w.nothing())
      return
    }
    if (funders.length > 0)
      blocks.push(
        { kind: 'heading', level: 3, text: t('strategy.investments.funders') },
        {
          kind: 'table',
          columns: [
            w.column('strategy.column.funder', { width: 2.4 }),
            w.column('strategy.column.use', { width: 2.4 }),
            w.column('strategy.column.amount', { align: right, width: 1.2 }),
          ],
          rows: funders,
        },
      )
    if (uses.length === 0) return
    blocks.push({
      kind: 'table',
      columns: [
        w.column('strategy.column.use', { width: 2.4 }),
        w.column('strategy.column.category', { width: 1.5 }),
        w.column('strategy.column.investment', { align: right, width: 1.2 }),
        w.column('strategy.column.fundingSource', { width: 1.6 }),
      ],
      rows: [
        ...uses.map((use) => {
          const source = fundingSourceOf(use)
          const amount = useMoney(use, 'investmentEur')
          return {
            cells: [
              w.name(use),
              w.enumLabel('useCategory', use.category),
              amount === undefined ? w.none : w.money(amount),
              source ? w.enumLabel('fundingSource', source) : t('strategy.unspecified'),
            ],
          }
        }),
        { total: true, cells: [t('strategy.total'), '', w.money(money[index]?.investmentEur ?? 0), ''] },
      ],
    })
  })
  return blocks
}

/** The `funds` links with an amount (an actor funds a use): funder, what it funds, how much; by funder, then use. */
function fundersOf(document: BoardDocument, w: Writer): StrategyRow[] {
  const byId = new Map<string, Element>(document.elements.map((element) => [element.id, element]))
  const named = (id: string) => {
    const element = byId.get(id)
    return element && element.kind !== 'link' ? w.name(element) : w.none
  }
  return elementsOf(document, 'link')
    .filter((link) => link.relation === 'funds' && finite(link.amountEur) !== undefined)
    .map((link) => ({ funder: named(link.from), use: named(link.to), amount: link.amountEur ?? 0 }))
    .sort((a, b) => compareNames(a.funder, b.funder) || compareNames(a.use, b.use) || a.amount - b.amount)
    .map((row) => ({ cells: [row.funder, row.use, w.money(row.amount)] }))
}

function financialPlan(input: StrategyInput, w: Writer, money: MoneyFigures[]): StrategyBlock[] {
  const { t } = w
  const blocks: StrategyBlock[] = [...w.paragraphs(input.collection.texts.financialPlan)]
  if (input.sites.length === 0) return [...blocks, { kind: 'paragraph', text: t('strategy.noSites') }]
  const total = (get: (m: MoneyFigures) => number) => money.reduce((sum, m) => sum + get(m), 0)
  const running = total((m) => m.runningCostEurYear)
  const income = total((m) => m.incomeEurYear)
  // the region's cost recovery counts the income of the sites whose running cost is known only:
  // a site with rents but no costs yet would make the region look more than covered
  const costedIncome = total((m) => (m.runningCostEurYear > 0 ? m.incomeEurYear : 0))
  const funding = total((m) => m.fundingEur)
  const publicFunding = total((m) => m.publicFundingEur)
  blocks.push({ kind: 'heading', level: 2, text: t('strategy.financial.bySite') })
  blocks.push({
    kind: 'table',
    columns: [
      w.column('strategy.column.site', { width: 2.6 }),
      w.column('strategy.column.runningCost', { align: right, width: 1.3 }),
      w.column('strategy.column.income', { align: right, width: 1.3 }),
      w.column('strategy.column.costRecovery', { align: right }),
      w.column('strategy.column.breakEven', { align: right }),
      w.column('strategy.column.subsidyDependency', { align: right, width: 1.2 }),
    ],
    rows: [
      ...input.sites.map((site, index) => {
        const m = money[index] as MoneyFigures
        return {
          cells: [
            siteHeading(site, w),
            siteMoney(site, 'runningCostEurYear', m.runningCostEurYear, w),
            w.money(m.incomeEurYear),
            w.share(m.costRecovery),
            w.year(m.breakEvenYear),
            w.share(m.subsidyDependency),
          ],
        }
      }),
      {
        total: true,
        cells: [
          t('strategy.total'),
          w.money(running),
          w.money(income),
          w.share(running > 0 ? costedIncome / running : null),
          '',
          w.share(funding > 0 ? publicFunding / funding : null),
        ],
      },
    ],
  })

  // a site with income but no running cost is in the income total, not in the region's recovery: say so
  if (running > 0 && costedIncome < income) blocks.push({ kind: 'paragraph', text: t('strategy.financial.recoveryCosted') })

  blocks.push({ kind: 'heading', level: 2, text: t('strategy.financial.bySource') })
  const bySource = new Map<string, number>()
  for (const m of money)
    for (const [source, amount] of Object.entries(m.fundingBySource))
      if (amount > 0) bySource.set(source, (bySource.get(source) ?? 0) + amount)
  if (bySource.size === 0) blocks.push(w.nothing())
  else
    blocks.push({
      kind: 'table',
      columns: [w.column('strategy.column.source', { width: 3 }), w.column('strategy.column.amount', { align: right })],
      rows: [
        ...[...bySource].map(([source, amount]) => ({
          cells: [source === 'unspecified' ? t('strategy.unspecified') : w.enumLabel('fundingSource', source), w.money(amount)],
        })),
        { total: true, cells: [t('strategy.total'), w.money([...bySource.values()].reduce((a, b) => a + b, 0))] },
      ],
    })
  return blocks
}

// ---------------------------------------------------------------- 7 Operation

function operation(input: StrategyInput, w: Writer): StrategyBlock[] {
  const blocks: StrategyBlock[] = [...w.paragraphs(input.collection.texts.operation)]
  if (input.sites.length === 0) return [...blocks, { kind: 'paragraph', text: w.t('strategy.noSites') }]
  for (const site of input.sites) {
    blocks.push({ kind: 'heading', level: 2, text: siteHeading(site, w) })
    const operators = operatorsOf(site.document)
    const sentences = usesOf(site.document)
      .sort(byName(w))
      .flatMap((use) =>
        (operators.get(use.id) ?? [])
          .sort(byName(w))
          .map((actor) => w.words.relationSentence('operates', w.name(actor), w.name(use))),
      )
    blocks.push(
      sentences.length === 0 ? { kind: 'paragraph', text: w.t('strategy.operation.none') } : { kind: 'list', items: sentences },
    )
  }
  return blocks
}

// ---------------------------------------------------------------- Annex: reviews

/** A review's score for one criterion: its own entry only (a criterion may be called `constructor` or `toString`). */
const scoreFor = (review: Review, criterion: Criterion): ReviewScore | undefined =>
  Object.hasOwn(review.scores, criterion.id) ? review.scores[criterion.id] : undefined

function criterionTitle(criterion: Criterion, w: Writer): string {
  if (criterion.title.trim()) return criterion.title.trim()
  const key = `criterion.${criterion.id}`
  return w.t.has(key) ? w.t(key) : criterion.id
}

function annex(input: StrategyInput, w: Writer): StrategyBlock[] {
  const { t } = w
  if (input.sites.length === 0) return [{ kind: 'paragraph', text: t('strategy.noSites') }]
  const blocks: StrategyBlock[] = [{ kind: 'paragraph', text: t('strategy.annex.intro') }]
  const criteria = input.collection.criteria
  for (const site of input.sites) {
    blocks.push({ kind: 'heading', level: 2, text: siteHeading(site, w) })
    const reviews = input.reviews
      .filter((review) => review.boardId === site.boardId)
      .sort((a: Review, b: Review) => compareNames(a.reviewerName, b.reviewerName) || (a.reviewerId < b.reviewerId ? -1 : 1))
    if (reviews.length === 0) {
      blocks.push({ kind: 'paragraph', text: t('strategy.annex.noReviews') })
      continue
    }
    const score = (value: number | null | undefined) => (typeof value === 'number' ? w.count(value) : w.none)
    if (criteria.length > 0)
      blocks.push({
        kind: 'table',
        columns: [
          w.column('strategy.column.criterion', { width: 2.4 }),
          ...reviews.map((review) => ({ header: review.reviewerName.trim() || w.none, align: right, width: 1 })),
          w.column('strategy.column.mean', { align: right }),
        ],
        rows: criteria.map((criterion) => {
          const scores = reviews.map((review) => scoreFor(review, criterion)?.score ?? null)
          const mean = meanScore(scores)
          return {
            cells: [criterionTitle(criterion, w), ...scores.map(score), mean === null ? w.none : w.numbers.number(mean, 1)],
          }
        }),
      })
    for (const review of reviews) {
      const notes = criteria
        .map((criterion) => ({ criterion, text: scoreFor(review, criterion)?.text.trim() ?? '' }))
        .filter(({ text }) => text !== '')
        .map(({ criterion, text }) => `${criterionTitle(criterion, w)}: ${text}`)
      if (notes.length === 0 && review.summary.trim() === '') continue
      blocks.push({
        kind: 'heading',
        level: 3,
        text: t('strategy.annex.reviewBy', { name: review.reviewerName.trim() || w.none }),
      })
      blocks.push(...w.paragraphs(review.summary))
      if (notes.length > 0) blocks.push({ kind: 'list', items: notes })
    }
  }
  return blocks
}

// ---------------------------------------------------------------- the document

const textChapter = (key: StrategyTextKey) => (input: StrategyInput, w: Writer) => w.paragraphs(input.collection.texts[key])

/**
 * The regional strategy of a collection in `language`, following the partnership's chapter plan:
 * the creative sector in the region, SWOT, vision, proposals per site, investments, financial
 * plan, operation, marketing, and the reviews in an annex. Every chapter is there, with a short
 * "nothing recorded yet" where the boards and the collection hold nothing for it. The figures are
 * the sites' analyses (`analyse()` of the state the collection holds) and their sums.
 */
export function strategyModel(input: StrategyInput, language: LanguageCode = 'en'): StrategyDoc {
  const w = new Writer(language)
  const { t } = w
  const money = input.sites.map(moneyOf)
  const builders: Record<ChapterId, (input: StrategyInput, w: Writer) => StrategyBlock[]> = {
    creativeSector,
    swot,
    vision: textChapter('vision'),
    proposals,
    investments: (i, writer) => investments(i, writer, money),
    financialPlan: (i, writer) => financialPlan(i, writer, money),
    operation,
    marketing: textChapter('marketing'),
    annex,
  }
  const chapters: StrategyChapter[] = (Object.keys(builders) as ChapterId[]).map((id) => {
    const blocks = builders[id](input, w)
    return { id, title: t(`strategy.chapter.${id}`), blocks: blocks.length > 0 ? blocks : [w.nothing()] }
  })

  const title = input.collection.title.trim() || t('strategy.untitled')
  const sum = (get: (a: Analysis) => number) => input.sites.reduce((total, site) => total + get(site.analysis), 0)
  const figures: KeyFigure[] = [
    { label: t('strategy.sites'), value: w.count(input.sites.length) },
    { label: t('strategy.figure.actors'), value: w.count(sum((a) => a.indicators.actors.total)) },
    { label: t('strategy.figure.creative'), value: w.count(sum((a) => a.indicators.creative.count)) },
    { label: t('strategy.figure.committed'), value: w.count(sum((a) => a.indicators.creative.committed)) },
    { label: t('strategy.figure.plannedArea'), value: w.area(sum((a) => a.indicators.area.plannedM2)) },
    { label: t('strategy.figure.investment'), value: w.money(money.reduce((total, m) => total + m.investmentEur, 0)) },
  ]
  const generated = Number.isNaN(input.generatedAt.getTime()) ? new Date(0) : input.generatedAt
  const meta: KeyFigure[] = [
    { label: t('strategy.generated'), value: w.numbers.date(generated.toISOString()) },
    {
      label: t('strategy.sites'),
      value: input.sites.length === 0 ? t('strategy.noSites') : input.sites.map((site) => siteHeading(site, w)).join('; '),
    },
  ]
  return {
    language,
    title,
    kicker: t('strategy.kicker'),
    meta,
    figures,
    chapters,
    footer: t('strategy.footer', { title }),
    continued: (heading) => t('export.pdf.continued', { heading }),
    pageLabel: (page, pages) => t('export.pdf.page', { page: w.count(page), pages: w.count(pages) }),
    generatedAt: generated,
  }
}
