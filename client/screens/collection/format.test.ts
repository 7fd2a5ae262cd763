import { afterEach, describe, expect, it } from 'vitest'
import { setLanguage } from '../../i18n/locale.ts'
import { domainOf } from './compare-charts.tsx'
import { criterionTitle, fieldName, formatValue, indicatorName } from './format.ts'

const euro = (value: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(value)

describe('collection page formats', () => {
  afterEach(() => setLanguage('en'))

  it('writes every unit as the UI language does', () => {
    setLanguage('en')
    expect(formatValue(1500, 'm2')).toBe('1,500 m²')
    expect(formatValue(0.456, 'share')).toBe('46%')
    expect(formatValue(2.5, 'count')).toBe('2.5')
    expect(formatValue(1.234, 'ratio')).toBe('1.23')
    expect(formatValue(2031, 'year')).toBe('2031')
    expect(formatValue(650000, 'eur')).toBe(euro(650000, 'en'))
    setLanguage('de')
    expect(formatValue(1500, 'm2')).toBe('1.500 m²')
    expect(formatValue(1.234, 'ratio')).toBe('1,23')
    // a year is never grouped
    expect(formatValue(2031, 'year')).toBe('2031')
    expect(formatValue(650000, 'eur')).toBe(euro(650000, 'de'))
  })

  it('names indicators, default criteria and creative fields from the catalog, renamed criteria as written', () => {
    setLanguage('de')
    expect(indicatorName('area.plannedM2')).not.toBe('compare.indicator.area.plannedM2')
    expect(criterionTitle({ id: 'viability', title: '' })).not.toBe('criterion.viability')
    expect(criterionTitle({ id: 'c-1', title: 'Nachbarschaft' })).toBe('Nachbarschaft')
    // an unknown criterion without a title shows its id rather than a catalog key
    expect(criterionTitle({ id: 'c-2', title: '' })).toBe('c-2')
    setLanguage('en')
    expect(fieldName('crafts')).toBe('Crafts')
    expect(fieldName('culture')).toBe('Culture')
  })

  it('puts counts on an axis from 0 and years around their values, one axis for all sites', () => {
    expect(domainOf([3, null, 12], 'count')).toEqual([0, 12])
    expect(domainOf([-2, 4], 'ratio')).toEqual([-2, 4])
    expect(domainOf([2030, 2034], 'year')).toEqual([2029, 2035])
    expect(domainOf([null, null], 'share')).toEqual([0, 1])
    expect(domainOf([0, 0], 'count')).toEqual([0, 1])
  })
})
