import type { BoardDiff, FieldChanges } from '../../../shared/diff/diff-documents.ts'
import type { MessageKey, MessageParams } from '../../../shared/i18n/index.ts'
import type { BoardDocument } from '../../../shared/schema/document.ts'
import type { Element } from '../../../shared/schema/elements.ts'

/** The words a sentence needs, injected so the view-model stays pure (and testable in English). */
export interface Words {
  t(key: MessageKey, params?: MessageParams): string
  /** `enum.<enumeration>.<value>`, or the value itself when the catalog lacks it */
  enumLabel(enumeration: string, value: string): string
  formatNumber(value: number): string
}

export type DiffItemKind = 'added' | 'removed' | 'changed' | 'site' | 'settings'

/** One line of the difference list; `elementId` is what a click zooms to (null for site and settings). */
export interface DiffItem {
  key: string
  kind: DiffItemKind
  elementId: string | null
  text: string
}

type Format =
  | { type: 'text' }
  | { type: 'number' }
  | { type: 'area' }
  | { type: 'eur' }
  | { type: 'flag' }
  | { type: 'enum'; enumeration: string }
  | { type: 'ref' }
  | { type: 'refs' }
  /** a change worth naming but not worth printing (a fractional index, an image source) */
  | { type: 'opaque' }

const enumOf = (enumeration: string): Format => ({ type: 'enum', enumeration })

/** How each field's values read in a sentence. Fields not listed print as plain text. */
const FORMATS: Record<string, Format> = {
  label: { type: 'text' },
  kind: enumOf('elementKind'),
  z: { type: 'opaque' },
  locked: { type: 'flag' },
  labels: { type: 'opaque' },
  sector: enumOf('sector'),
  subsector: enumOf('subsector'),
  spaceNeedM2: { type: 'area' },
  commitment: enumOf('commitment'),
  stance: enumOf('stance'),
  influence: { type: 'number' },
  interest: { type: 'number' },
  legalForm: { type: 'text' },
  budgetEurM2Month: { type: 'eur' },
  horizon: { type: 'text' },
  category: enumOf('useCategory'),
  areaM2: { type: 'area' },
  zone: { type: 'ref' },
  publicAccess: { type: 'flag' },
  revenueModel: enumOf('revenueModel'),
  temporary: { type: 'flag' },
  rentEurM2Month: { type: 'eur' },
  investmentEur: { type: 'eur' },
  runningCostEurYear: { type: 'eur' },
  incomeEurYear: { type: 'eur' },
  fundingSource: enumOf('fundingSource'),
  amountEur: { type: 'eur' },
  from: { type: 'ref' },
  to: { type: 'ref' },
  relation: enumOf('relation'),
  stage: enumOf('stage'),
  refs: { type: 'refs' },
  color: enumOf('noteColor'),
  src: { type: 'opaque' },
  alt: { type: 'text' },
  // site profile
  name: { type: 'text' },
  location: { type: 'text' },
  builtYear: { type: 'text' },
  formerUse: { type: 'text' },
  heritageStatus: { type: 'text' },
  condition: { type: 'text' },
  description: { type: 'opaque' },
  // settings
  creativeThreshold: { type: 'number' },
}

const GEOMETRY = new Set(['x', 'y', 'w', 'h'])

/** Element names from several lists; the first list that has an id wins (`to` first: the name people see now). */
export class ElementNames {
  readonly #byId = new Map<string, Element>()

  constructor(lists: readonly (readonly Element[] | undefined)[]) {
    for (const list of lists)
      for (const element of list ?? []) if (!this.#byId.has(element.id)) this.#byId.set(element.id, element)
  }

  element(id: string): Element | undefined {
    return this.#byId.get(id)
  }

  /** The label, or for an unlabelled link "from → to", or "unnamed". */
  name(id: string, words: Words, depth = 0): string {
    const element = this.#byId.get(id)
    if (!element) return id
    const label = element.label?.trim()
    if (label) return label
    if (element.kind === 'link' && depth === 0)
      return words.t('diff.linkName', { from: this.name(element.from, words, 1), to: this.name(element.to, words, 1) })
    return words.t('diff.unnamed')
  }
}

const quote = (text: string) => `“${text}”`

function fieldLabel(field: string, words: Words): string {
  if (field.startsWith('commitmentWeights.')) {
    const commitment = field.slice('commitmentWeights.'.length)
    return words.t('diff.field.commitmentWeight', { commitment: words.enumLabel('commitment', commitment) })
  }
  const key = `diff.field.${field}` as MessageKey
  const label = words.t(key)
  return label === key ? field : label
}

function formatValue(field: string, value: unknown, names: ElementNames, words: Words): string {
  if (value === null || value === undefined) return words.t('diff.none.value')
  const format: Format = FORMATS[field] ?? (field.startsWith('commitmentWeights.') ? { type: 'number' } : { type: 'text' })
  switch (format.type) {
    case 'number':
      return typeof value === 'number' ? words.formatNumber(value) : String(value)
    case 'area':
      return typeof value === 'number' ? words.t('diff.area', { value }) : String(value)
    case 'eur':
      return typeof value === 'number' ? words.t('diff.eur', { value }) : String(value)
    case 'flag':
      return value === true ? words.t('diff.yes') : words.t('diff.no')
    case 'enum':
      return words.enumLabel(format.enumeration, String(value))
    case 'ref':
      return typeof value === 'string' ? quote(names.name(value, words)) : String(value)
    case 'refs':
      return Array.isArray(value)
        ? value.length === 0
          ? words.t('diff.none.value')
          : value.map((id) => quote(names.name(String(id), words))).join(', ')
        : String(value)
    case 'opaque':
      return ''
    case 'text':
      return typeof value === 'string' ? quote(value) : String(value)
  }
}

/** "area 120 m² → 180 m²", "moved", "zone set to “Hall B”", one per field (geometry folded). */
export function describeFieldChanges(fields: FieldChanges, names: ElementNames, words: Words): string[] {
  const parts: string[] = []
  const changed = Object.keys(fields)
  if (changed.some((field) => field === 'x' || field === 'y')) parts.push(words.t('diff.moved'))
  if (changed.some((field) => field === 'w' || field === 'h')) parts.push(words.t('diff.resized'))
  for (const [field, [before, after]] of Object.entries(fields)) {
    if (GEOMETRY.has(field)) continue
    const label = fieldLabel(field, words)
    if (FORMATS[field]?.type === 'opaque') {
      parts.push(words.t('diff.fieldChanged', { field: label }))
      continue
    }
    const was = formatValue(field, before, names, words)
    const is = formatValue(field, after, names, words)
    if (before === null) parts.push(words.t('diff.fieldAdded', { field: label, after: is }))
    else if (after === null) parts.push(words.t('diff.fieldRemoved', { field: label, before: was }))
    else parts.push(words.t('diff.fieldChange', { field: label, before: was, after: is }))
  }
  return parts
}

function kindWord(kind: string, words: Words): string {
  if (!kind) return words.t('diff.kind.element')
  const key = `diff.kind.${kind}` as MessageKey
  const word = words.t(key)
  return word === key ? kind : word
}

/**
 * The differences in words, in reading order: site profile, added, removed, changed, settings.
 * `from` and `to` are the compared documents when known (for names; removed elements carry
 * their own). Pure: the same diff and documents give the same sentences.
 */
export function describeDiff(
  diff: BoardDiff,
  documents: { from?: BoardDocument | null; to?: BoardDocument | null },
  words: Words,
): DiffItem[] {
  const names = new ElementNames([documents.to?.elements, documents.from?.elements, diff.added, diff.removed])
  const join = (parts: string[]) => parts.join(words.t('diff.separator'))
  const items: DiffItem[] = []
  if (diff.site)
    items.push({
      key: 'site',
      kind: 'site',
      elementId: null,
      text: words.t('diff.site', { changes: join(describeFieldChanges(diff.site.fields, names, words)) }),
    })
  for (const element of diff.added)
    items.push({
      key: `added:${element.id}`,
      kind: 'added',
      elementId: element.id,
      text: words.t('diff.added', { kind: kindWord(element.kind, words), name: names.name(element.id, words) }),
    })
  for (const element of diff.removed)
    items.push({
      key: `removed:${element.id}`,
      kind: 'removed',
      elementId: element.id,
      text: words.t('diff.removed', { kind: kindWord(element.kind, words), name: names.name(element.id, words) }),
    })
  for (const change of diff.changed) {
    const kind = names.element(change.id)?.kind ?? String(change.fields.kind?.[1] ?? '')
    items.push({
      key: `changed:${change.id}`,
      kind: 'changed',
      elementId: change.id,
      text: words.t('diff.changed', {
        kind: kindWord(kind, words),
        name: names.name(change.id, words),
        changes: join(describeFieldChanges(change.fields, names, words)),
      }),
    })
  }
  if (diff.settings)
    items.push({
      key: 'settings',
      kind: 'settings',
      elementId: null,
      text: words.t('diff.settings', { changes: join(describeFieldChanges(diff.settings.fields, names, words)) }),
    })
  return items
}
