import { describe, expect, it } from 'vitest'
import type { BoardElement } from '../../board/board-store.ts'
import { type FieldSpec, fieldsFor, formatValue, parseInput, validateField } from './field-specs.ts'

const actor: BoardElement = {
  id: 'a1',
  kind: 'actor',
  x: 0,
  y: 0,
  w: 180,
  h: 90,
  label: 'Makers',
  sector: 'industry',
  commitment: 'idea',
}
const phase: BoardElement = {
  id: 'p1',
  kind: 'phase',
  x: 0,
  y: 0,
  w: 240,
  h: 60,
  label: 'Interim',
  stage: 'interim',
  start: '2027-03',
  end: '2027-12',
}
const use: BoardElement = { id: 'u1', kind: 'use', x: 0, y: 0, w: 180, h: 90, label: 'Open workshop', category: 'production' }
const spec = (element: BoardElement, name: string) => fieldsFor(element).find((s) => s.name === name) as FieldSpec

describe('inspector field specs', () => {
  it('offers a subsector only to creative and culture actors', () => {
    expect(fieldsFor(actor).some((s) => s.name === 'subsector')).toBe(false)
    expect(fieldsFor({ ...actor, sector: 'culture' }).some((s) => s.name === 'subsector')).toBe(true)
  })

  it('reads numbers as the locale writes them, and asks when a number reads two ways', () => {
    const area = spec(use, 'areaM2')
    expect(parseInput(area, '1.200', 'de')).toEqual({ ok: true, value: 1200 })
    expect(parseInput(area, '1.200,50', 'de')).toEqual({ ok: true, value: 1200.5 })
    expect(parseInput(area, '1,5', 'de')).toEqual({ ok: true, value: 1.5 })
    expect(parseInput(area, '1.200', 'en')).toEqual({ ok: false, ambiguous: { thousands: 1200, decimal: 1.2 } })
    expect(parseInput(area, '12 m2', 'en')).toEqual({ ok: false })
    expect(formatValue(1200, 'de')).toBe('1.200')
    expect(formatValue(1200.5, 'en')).toBe('1,200.5')
  })

  it('validates as the schema does, with the catalog’s messages', () => {
    const need = spec(actor, 'spaceNeedM2')
    expect(validateField(actor, need, parseInput(need, '300'))).toBeNull()
    expect(validateField(actor, need, parseInput(need, '1 200,5'))).toBeNull()
    expect(validateField(actor, need, parseInput(need, '-4'))).toBe('validation.numberMin0')
    expect(validateField(actor, need, parseInput(need, 'lots'))).toBe('validation.numberMin0')
    expect(parseInput(need, '')).toEqual({ ok: true, value: null })
    const label = spec(actor, 'label')
    expect(validateField(actor, label, parseInput(label, 'x'.repeat(501)))).toBe('validation.labelLength')
    const sector = spec(actor, 'sector')
    expect(validateField(actor, sector, parseInput(sector, ''))).toBe('validation.invalid')
  })

  it('checks phase months against each other', () => {
    const end = spec(phase, 'end')
    const start = spec(phase, 'start')
    expect(validateField(phase, end, parseInput(end, '2028-06'))).toBeNull()
    expect(validateField(phase, end, parseInput(end, '2027-01'))).toBe('validation.endBeforeStart')
    expect(validateField(phase, start, parseInput(start, '2028-01'))).toBe('validation.endBeforeStart')
    expect(validateField(phase, end, parseInput(end, ''))).toBe('validation.month')
  })
})

describe('money fields', () => {
  it('a use has investment, running cost, income (numbers in the locale) and a funding source', () => {
    const names = fieldsFor(use).map((field) => field.name)
    expect(names).toEqual(expect.arrayContaining(['investmentEur', 'runningCostEurYear', 'incomeEurYear', 'fundingSource']))
    const investment = spec(use, 'investmentEur')
    expect(parseInput(investment, '1.200.000', 'de')).toEqual({ ok: true, value: 1200000 })
    expect(parseInput(investment, '1,200,000', 'en')).toEqual({ ok: true, value: 1200000 })
    expect(formatValue(1200000, 'de')).toBe('1.200.000')
    expect(validateField(use, investment, { ok: true, value: -1 })).toBe('validation.numberMin0')
    const source = spec(use, 'fundingSource')
    expect(source).toMatchObject({ type: 'enum', enumName: 'fundingSource', required: false })
    expect(validateField(use, source, parseInput(source, 'eu'))).toBeNull()
    expect(validateField(use, source, parseInput(source, 'bank'))).toBe('validation.invalid')
  })

  it('a link has an amount when it funds (or already has one)', () => {
    const link = (relation: string, extra: object = {}): BoardElement =>
      ({ id: 'l1', kind: 'link', from: 'a1', to: 'u1', relation, ...extra }) as BoardElement
    expect(fieldsFor(link('funds')).map((field) => field.name)).toContain('amountEur')
    expect(fieldsFor(link('operates')).map((field) => field.name)).not.toContain('amountEur')
    expect(fieldsFor(link('operates', { amountEur: 5 })).map((field) => field.name)).toContain('amountEur')
    expect(
      validateField(link('funds'), spec(link('funds'), 'amountEur'), parseInput(spec(link('funds'), 'amountEur'), '250000')),
    ).toBeNull()
  })
})
