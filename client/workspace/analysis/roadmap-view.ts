import type { BoardIndex } from '../../../shared/analysis/board-index.ts'
import type { PhaseOccupancy, TimelineConflict, Viability, ZoneBalance } from '../../../shared/analysis/types.ts'
import { enumLabel, formatNumber, locale, t } from '../../i18n/locale.ts'
import { formatArea, formatPercent, nameOf } from './view-model.ts'

/**
 * The view model of the panel's cards that carry what the briefs also write: occupancy per
 * phase, timeline conflicts, space per zone, rent and viability. Plain functions from the
 * analysis to sentences and rows; no Solid, no DOM.
 */

/** "2027-04" → "Apr 2027" in the UI's locale; the text itself when it is no month. */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month)
  if (!match) return month
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1))
  return new Intl.DateTimeFormat(locale(), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date)
}

/** `6.5` → "€6.50" in English, "6,50 €" in German. */
export function formatEuro(value: number, digits = 2): string {
  return new Intl.NumberFormat(locale(), {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value)
}

export interface PhaseRow {
  phaseId: string
  label: string
  stageText: string
  monthsText: string
  usesText: string
  areaText: string
  occupancyText: string
  /** share of the site, capped at 1 for the bar; null without a site area */
  fraction: number | null
  overPlanned: boolean
}

/** One row per phase in time order: name, stage, months, uses, planned m², share of the site. */
export function phaseRows(phases: readonly PhaseOccupancy[], index: BoardIndex): PhaseRow[] {
  return phases.map((phase) => {
    const element = index.byId.get(phase.phaseId)
    const stageText = enumLabel('stage', phase.stage)
    const label =
      element && 'label' in element && typeof element.label === 'string' && element.label.trim()
        ? element.label.trim()
        : t('analysis.phases.unnamed', { stage: stageText })
    return {
      phaseId: phase.phaseId,
      label,
      stageText,
      monthsText: t('analysis.phases.months', { start: formatMonth(phase.start), end: formatMonth(phase.end) }),
      usesText: t('analysis.phases.uses', { count: phase.uses }),
      areaText: formatArea(phase.plannedM2),
      occupancyText: phase.occupancy === null ? t('analysis.phases.noSite') : formatPercent(phase.occupancy),
      fraction: phase.occupancy === null ? null : Math.min(1, phase.occupancy),
      overPlanned: phase.occupancy !== null && phase.occupancy > 1,
    }
  })
}

export interface ConflictItem {
  useId: string
  text: string
}

/** "Café opens in Interim use (Apr 2027), but Bäckerei has not committed yet". */
export function conflictItems(conflicts: readonly TimelineConflict[], index: BoardIndex): ConflictItem[] {
  const name = (id: string) => nameOf(index.byId.get(id))
  const list = new Intl.ListFormat(locale(), { type: 'conjunction' })
  return conflicts.map((conflict) => ({
    useId: conflict.useId,
    text: t(`analysis.conflicts.sentence.${conflict.reason}`, {
      use: name(conflict.useId),
      phase: name(conflict.phaseId),
      start: formatMonth(conflict.start),
      operators: list.format(conflict.operatorIds.map(name)),
    }),
  }))
}

export interface ZoneRow {
  zoneId: string
  label: string
  supplyText: string
  plannedText: string
  occupancyText: string
  overPlanned: boolean
}

/** Supply against planned area per zone, by name. */
export function zoneRows(zones: readonly ZoneBalance[], index: BoardIndex): ZoneRow[] {
  return zones
    .map((zone) => ({
      zoneId: zone.zoneId,
      label: nameOf(index.byId.get(zone.zoneId)),
      supplyText: zone.supplyM2 === null ? t('analysis.zones.noArea') : formatArea(zone.supplyM2),
      plannedText: formatArea(zone.plannedM2),
      occupancyText: zone.occupancy === null ? '–' : formatPercent(zone.occupancy),
      overPlanned: zone.occupancy !== null && zone.occupancy > 1,
    }))
    .sort((a, b) => a.label.localeCompare(b.label, locale()) || (a.zoneId < b.zoneId ? -1 : 1))
}

export interface ViabilityView {
  /** false when no use has a rent: the card says how to get the figures */
  hasRent: boolean
  figures: { key: string; label: string; value: string }[]
  affordableText: string | null
  affordability: { actorId: string; text: string; canPay: boolean }[]
}

/** The rent figures, and per actor with a budget whether it can pay the asking rent. */
export function viabilityView(viability: Viability, index: BoardIndex): ViabilityView {
  const figures: ViabilityView['figures'] = []
  if (viability.rentedAreaM2 > 0) {
    figures.push(
      { key: 'income', label: t('analysis.viability.income'), value: formatEuro(viability.rentIncomeEurYear, 0) },
      { key: 'rentedArea', label: t('analysis.viability.rentedArea'), value: formatArea(viability.rentedAreaM2) },
    )
    if (viability.meanRentEurM2Month !== null)
      figures.push({
        key: 'meanRent',
        label: t('analysis.viability.meanRent'),
        value: t('analysis.viability.perM2Month', { value: formatEuro(viability.meanRentEurM2Month) }),
      })
  }
  if (viability.subsidyAreaShare > 0)
    figures.push({
      key: 'subsidy',
      label: t('analysis.viability.subsidyShare'),
      value: formatPercent(viability.subsidyAreaShare),
    })
  const rows = viability.affordability
  return {
    hasRent: viability.rentedAreaM2 > 0 || rows.length > 0,
    figures,
    affordableText:
      rows.length === 0
        ? null
        : t('analysis.viability.affordable', {
            affordable: formatNumber(viability.affordableActors),
            count: formatNumber(rows.length),
          }),
    affordability: rows.map((row) => ({
      actorId: row.actorId,
      canPay: row.ratio >= 1,
      text: t('analysis.viability.affordRow', {
        actor: nameOf(index.byId.get(row.actorId)),
        budget: formatEuro(row.budgetEurM2Month),
        asking: formatEuro(row.askingRentEurM2Month),
      }),
    })),
  }
}

export interface MoneyView {
  /** false when no use has an investment or running cost and no link an amount: the card says how to add them */
  hasMoney: boolean
  figures: { key: string; label: string; value: string }[]
  /** Funding per source with money, in the order of `fundingBySource` */
  sources: { key: string; label: string; value: string }[]
  /** "Investment 1.2 million €, break-even 2039" for the card's closed summary, or null */
  summaryText: string | null
}

/** A large amount the short way, as the language writes it: "€1.2M", "1,2 Mio. €". */
export function formatEuroShort(value: number): string {
  return new Intl.NumberFormat(locale(), {
    style: 'currency',
    currency: 'EUR',
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(value)
}

/** Investment, running cost, income, cost recovery, payback, break-even and funding (docs/analysis.md). */
export function moneyView(viability: Viability): MoneyView {
  const hasMoney = viability.investmentEur > 0 || viability.runningCostEurYear > 0 || viability.fundingEur > 0
  const figures: MoneyView['figures'] = []
  if (hasMoney) {
    const year = viability.breakEvenYear === null ? t('analysis.money.never') : String(viability.breakEvenYear)
    figures.push(
      { key: 'investment', label: t('analysis.money.investment'), value: formatEuro(viability.investmentEur, 0) },
      { key: 'runningCost', label: t('analysis.money.runningCost'), value: formatEuro(viability.runningCostEurYear, 0) },
      { key: 'income', label: t('analysis.money.income'), value: formatEuro(viability.incomeEurYear, 0) },
      {
        key: 'costRecovery',
        label: t('analysis.money.costRecovery'),
        value: viability.costRecovery === null ? '–' : formatPercent(viability.costRecovery),
      },
      {
        key: 'payback',
        label: t('analysis.money.payback'),
        value:
          viability.paybackYears === null
            ? '–'
            : new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(viability.paybackYears),
      },
      { key: 'breakEven', label: t('analysis.money.breakEven'), value: year },
      { key: 'funding', label: t('analysis.money.funding'), value: formatEuro(viability.fundingEur, 0) },
      {
        key: 'subsidyDependency',
        label: t('analysis.money.subsidyDependency'),
        value: viability.subsidyDependency === null ? '–' : formatPercent(viability.subsidyDependency),
      },
    )
  }
  const sources = Object.entries(viability.fundingBySource)
    .filter(([, amount]) => amount > 0)
    .map(([key, amount]) => ({
      key,
      label: key === 'unspecified' ? t('analysis.money.unspecified') : enumLabel('fundingSource', key),
      value: formatEuro(amount, 0),
    }))
  return {
    hasMoney,
    figures,
    sources,
    summaryText:
      viability.investmentEur > 0
        ? t('analysis.money.summary', {
            investment: formatEuroShort(viability.investmentEur),
            year: viability.breakEvenYear === null ? t('analysis.money.never') : String(viability.breakEvenYear),
          })
        : null,
  }
}
