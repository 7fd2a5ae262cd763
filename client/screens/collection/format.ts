import type { Criterion } from '../../../shared/collections/collection.ts'
import type { ComparableKey, ComparableUnit, CreativeField } from '../../../shared/collections/compare.ts'
import type { MessageKey } from '../../../shared/i18n/index.ts'
import { formatArea, formatNumber, formatPercent } from '../../../shared/i18n/numbers.ts'
import { subsectors } from '../../../shared/schema/enums.ts'
import { enumLabel, locale, t } from '../../i18n/locale.ts'
import { formatEuro } from '../../workspace/analysis/roadmap-view.ts'

/** A comparable value as people read it in the UI language (`1.200 m²`, `45 %`, `120.000 €`). */
export function formatValue(value: number, unit: ComparableUnit): string {
  const at = locale()
  switch (unit) {
    case 'count':
      return formatNumber(value, at, 1)
    case 'share':
      return formatPercent(value, at, 0)
    case 'm2':
      return formatArea(value, at)
    case 'eur':
      return formatEuro(value, 0)
    case 'year':
      return String(Math.round(value))
    case 'ratio':
      return formatNumber(value, at, 2)
  }
}

/** The indicator's name in the UI language (catalog `compare.indicator.<key>`). */
export const indicatorName = (key: ComparableKey): string => t(`compare.indicator.${key}` as MessageKey)

/** A criterion's title: its own, or the catalog's for a default one left unrenamed. */
export function criterionTitle(criterion: Criterion): string {
  if (criterion.title.trim()) return criterion.title
  const key = `criterion.${criterion.id}` as MessageKey
  const text = t(key)
  return text === key ? criterion.id : text
}

/** A creative field: a subsector's name, else the sector's. */
export function fieldName(field: CreativeField): string {
  return (subsectors as readonly string[]).includes(field) ? enumLabel('subsector', field) : enumLabel('sector', field)
}
