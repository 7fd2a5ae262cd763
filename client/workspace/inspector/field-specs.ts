import type { MessageKey } from '../../../shared/i18n/index.ts'
import { formatNumberInput, readNumber } from '../../../shared/i18n/numbers.ts'
import { parseElement } from '../../../shared/schema/elements.ts'
import {
  commitments,
  fundingSources,
  noteColors,
  relations,
  revenueModels,
  sectors,
  stages,
  stances,
  subsectors,
  useCategories,
} from '../../../shared/schema/enums.ts'
import type { BoardElement } from '../../board/board-store.ts'

/**
 * What the inspector shows for each element kind, as data: one spec per field, in display
 * order. Validation is the schema's (`shared/schema`): a typed value is merged into the element
 * and the whole element parsed, exactly as `element.update` will check it, so what the
 * inspector accepts the operation accepts.
 */
export type FieldSpec =
  | { name: string; type: 'text'; label: MessageKey; max: number; multiline?: boolean; required?: boolean }
  | { name: string; type: 'number'; label: MessageKey }
  | { name: string; type: 'enum'; label: MessageKey; enumName: string; values: readonly string[]; required: boolean }
  | { name: string; type: 'score'; label: MessageKey }
  | { name: string; type: 'country'; label: MessageKey }
  | { name: string; type: 'zone'; label: MessageKey }
  | { name: string; type: 'month'; label: MessageKey }
  | { name: string; type: 'refs'; label: MessageKey }
  | { name: string; type: 'flag'; label: MessageKey }
  | { name: string; type: 'endpoint'; label: MessageKey }

const label = (key: MessageKey = 'field.label', required = true): FieldSpec => ({
  name: 'label',
  type: 'text',
  label: key,
  max: 500,
  required,
})
const CREATIVE_SECTORS = new Set(['creative', 'culture'])

/** The fields of `element`'s kind; some depend on its values (subsector only for creative and culture). */
export function fieldsFor(element: BoardElement): FieldSpec[] {
  switch (element.kind) {
    case 'actor':
      return [
        label(),
        { name: 'sector', type: 'enum', label: 'field.sector', enumName: 'sector', values: sectors, required: true },
        ...(CREATIVE_SECTORS.has(String(element.sector))
          ? [
              {
                name: 'subsector',
                type: 'enum',
                label: 'field.subsector',
                enumName: 'subsector',
                values: subsectors,
                required: false,
              } as const,
            ]
          : []),
        {
          name: 'commitment',
          type: 'enum',
          label: 'field.commitment',
          enumName: 'commitment',
          values: commitments,
          required: true,
        },
        { name: 'stance', type: 'enum', label: 'field.stance', enumName: 'stance', values: stances, required: false },
        { name: 'influence', type: 'score', label: 'field.influence' },
        { name: 'interest', type: 'score', label: 'field.interest' },
        { name: 'country', type: 'country', label: 'field.country' },
        { name: 'spaceNeedM2', type: 'number', label: 'field.spaceNeedM2' },
        { name: 'budgetEurM2Month', type: 'number', label: 'field.budgetEurM2Month' },
        { name: 'horizon', type: 'text', label: 'field.horizon', max: 200 },
        { name: 'legalForm', type: 'text', label: 'field.legalForm', max: 200 },
      ]
    case 'use':
      return [
        label(),
        {
          name: 'category',
          type: 'enum',
          label: 'field.category',
          enumName: 'useCategory',
          values: useCategories,
          required: true,
        },
        { name: 'areaM2', type: 'number', label: 'field.areaM2' },
        { name: 'zone', type: 'zone', label: 'field.zone' },
        {
          name: 'revenueModel',
          type: 'enum',
          label: 'field.revenueModel',
          enumName: 'revenueModel',
          values: revenueModels,
          required: false,
        },
        { name: 'rentEurM2Month', type: 'number', label: 'field.rentEurM2Month' },
        { name: 'investmentEur', type: 'number', label: 'field.investmentEur' },
        { name: 'runningCostEurYear', type: 'number', label: 'field.runningCostEurYear' },
        { name: 'incomeEurYear', type: 'number', label: 'field.incomeEurYear' },
        {
          name: 'fundingSource',
          type: 'enum',
          label: 'field.fundingSource',
          enumName: 'fundingSource',
          values: fundingSources,
          required: false,
        },
        { name: 'publicAccess', type: 'flag', label: 'field.publicAccess' },
        { name: 'temporary', type: 'flag', label: 'field.temporary' },
      ]
    case 'link':
      return [
        { name: 'from', type: 'endpoint', label: 'field.from' },
        { name: 'relation', type: 'enum', label: 'field.relation', enumName: 'relation', values: relations, required: true },
        { name: 'to', type: 'endpoint', label: 'field.to' },
        label('field.labelLink', false),
        // The amount counts on `funds` links (docs/analysis.md); one kept from a former relation stays editable.
        ...(element.relation === 'funds' || element.amountEur !== undefined
          ? [{ name: 'amountEur', type: 'number', label: 'field.amountEur' } as const]
          : []),
      ]
    case 'phase':
      return [
        label(),
        { name: 'stage', type: 'enum', label: 'field.stage', enumName: 'stage', values: stages, required: true },
        { name: 'start', type: 'month', label: 'field.start' },
        { name: 'end', type: 'month', label: 'field.end' },
        { name: 'refs', type: 'refs', label: 'field.refs' },
      ]
    case 'note':
      return [
        { name: 'label', type: 'text', label: 'field.labelText', max: 500, multiline: true, required: true },
        { name: 'color', type: 'enum', label: 'field.color', enumName: 'noteColor', values: noteColors, required: false },
      ]
    case 'zone':
      return [label(), { name: 'areaM2', type: 'number', label: 'field.areaM2' }]
    case 'image':
      return [label(), { name: 'alt', type: 'text', label: 'field.alt', max: 500, multiline: true }]
    default:
      return [label()]
  }
}

/**
 * A typed value as stored; `null` removes an optional field. Not ok when it cannot be read at
 * all, or (`ambiguous`) when a number reads two ways in the locale: the field asks which.
 */
export type Parsed = { ok: true; value: unknown } | { ok: false; ambiguous?: { thousands: number; decimal: number } }

/** Reads what the person typed or chose into the stored value; numbers as `locale` writes them. */
export function parseInput(spec: FieldSpec, raw: string, locale = 'en'): Parsed {
  const text = raw.trim()
  switch (spec.type) {
    case 'number': {
      const reading = readNumber(text, locale)
      if (reading.kind === 'empty') return { ok: true, value: null }
      if (reading.kind === 'number') return { ok: true, value: reading.value }
      if (reading.kind === 'ambiguous')
        return { ok: false, ambiguous: { thousands: reading.thousands, decimal: reading.decimal } }
      return { ok: false }
    }
    case 'score':
      return text === '' ? { ok: true, value: null } : { ok: true, value: Number(text) }
    case 'enum':
    case 'country':
    case 'zone':
      return { ok: true, value: text === '' ? null : text }
    case 'month':
      return { ok: true, value: text === '' ? undefined : text }
    case 'text':
      // Labels may be empty; other optional text goes away when cleared.
      return { ok: true, value: raw === '' && spec.name !== 'label' ? null : raw }
    default:
      return { ok: true, value: raw }
  }
}

/** How a stored value is shown in its control: numbers grouped as `locale` writes them. */
export function formatValue(value: unknown, locale = 'en'): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'number') return formatNumberInput(value, locale)
  return typeof value === 'string' ? value : ''
}

function messageFor(spec: FieldSpec, errorField: string | undefined): MessageKey {
  if (spec.type === 'number') return 'validation.numberMin0'
  if (spec.type === 'score') return 'validation.score'
  if (spec.type === 'month') return errorField === 'end' || spec.name === 'end' ? 'validation.endBeforeStart' : 'validation.month'
  if (spec.type === 'text') return spec.name === 'label' ? 'validation.labelLength' : 'validation.maxLength'
  return 'validation.invalid'
}

/**
 * Checks a new value of one field against the element's schema. Returns the catalog key of
 * the message to show, or null when the element with this value is valid. Problems of other
 * fields (an element that was already invalid) are not this field's to report.
 */
export function validateField(element: BoardElement, spec: FieldSpec, parsed: Parsed): MessageKey | null {
  if (!parsed.ok) return messageFor(spec, spec.name)
  if (spec.type === 'month' && parsed.value === undefined) return 'validation.month'
  const merged: Record<string, unknown> = { ...element }
  if (parsed.value === null) delete merged[spec.name]
  else merged[spec.name] = parsed.value
  const result = parseElement(merged)
  if (result.ok) return null
  const field = result.error.field?.split(/[.[]/)[0]
  if (field === spec.name) return messageFor(spec, field)
  // start and end are checked together: a start after the end is the start's problem while typing it
  if (spec.name === 'start' && field === 'end') return 'validation.endBeforeStart'
  return null
}

/** True when `value` would change the stored field. */
export function isChange(element: BoardElement, name: string, value: unknown): boolean {
  const current = element[name]
  if (value === null) return current !== undefined
  return JSON.stringify(current) !== JSON.stringify(value)
}
