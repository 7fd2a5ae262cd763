import { isContainerKind } from '../../../shared/scene/order.ts'
import type { Element } from '../../../shared/schema/elements.ts'
import type { ElementKind } from '../../../shared/schema/enums.ts'
import { isSameValue } from '../../../shared/schema/plain.ts'

/** A part of an element that another element's drawing may show. */
export type Aspect = 'geometry' | 'label' | 'area'

/** The fields of each aspect: when one of them changes, the aspect changed. */
export const aspectFields: Readonly<Record<Aspect, readonly string[]>> = {
  geometry: ['x', 'y', 'w', 'h'],
  label: ['label', 'labels'],
  area: ['areaM2'],
}

/**
 * What a kind's drawing reads besides its own fields (shared/scene/kinds). The renderer redraws
 * an element when something it reads changes, and nothing else, so this table is the whole
 * answer to "what else must be redrawn?".
 */
export interface DependencyRule {
  /** Fields holding the ids of elements this drawing reads (an id or a list of ids). */
  readonly references?: readonly string[]
  /** Which aspects of those referenced elements it shows. */
  readonly reads?: readonly Aspect[]
  /**
   * The referenced element's drawing reads these aspects of the elements referring to it
   * (a zone sums the areas of the uses placed in it): it is redrawn when such a referrer
   * appears, goes, refers elsewhere, or changes one of them.
   */
  readonly referencedReads?: readonly Aspect[]
  /** Keys of the `settings` map the drawing reads. */
  readonly settings?: readonly string[]
  /**
   * Elements around it whose geometry the drawing reads: elements of the kinds `of` that
   * meet its index rect grown by `margin` (board px each side).
   */
  readonly near?: { readonly of: (kind: ElementKind) => boolean; readonly margin: { readonly x: number; readonly y: number } }
}

/** Cards: every kind but containers (zones, frames) and links. */
export const isCardKind = (kind: ElementKind): boolean => kind !== 'link' && !isContainerKind(kind)

/** The settings a card's second line follows (shared/scene/text.ts `secondaryLabel`). */
const BILINGUAL = ['languages', 'showBothLanguages'] as const

export const dependencyRules: Readonly<Partial<Record<ElementKind, DependencyRule>>> = {
  // An arrow runs between its ends' boxes; its label keeps clear of the cards around it and
  // sits at most about a plate's width beside the arrow.
  link: { references: ['from', 'to'], reads: ['geometry'], near: { of: isCardKind, margin: { x: 200, y: 80 } } },
  // A use names its zone; the zone shows the planned area of the uses placed in it.
  use: { references: ['zone'], reads: ['label'], referencedReads: ['area'], settings: BILINGUAL },
  // Cards and containers of a bilingual board show a second working language.
  actor: { settings: BILINGUAL },
  note: { settings: BILINGUAL },
  zone: { settings: BILINGUAL },
  frame: { settings: BILINGUAL },
  // A phase names the elements it schedules, and its months follow the timeline's origin.
  phase: { references: ['refs'], reads: ['label'], settings: ['timelineOrigin'] },
}

export const ruleOf = (kind: ElementKind): DependencyRule | undefined => dependencyRules[kind]

const fieldOf = (element: Element, field: string): unknown => (element as Record<string, unknown>)[field]

/** The ids `element` refers to by its kind's reference fields. */
export function referencesOf(element: Element): string[] {
  const ids: string[] = []
  for (const field of ruleOf(element.kind)?.references ?? []) {
    const value = fieldOf(element, field)
    if (typeof value === 'string') ids.push(value)
    else if (Array.isArray(value)) for (const id of value) if (typeof id === 'string') ids.push(id)
  }
  return ids
}

/** The aspects in which two versions of one element (of one kind) differ. */
export function changedAspects(before: Element, after: Element): Set<Aspect> {
  const out = new Set<Aspect>()
  for (const [aspect, fields] of Object.entries(aspectFields) as [Aspect, readonly string[]][]) {
    if (fields.some((field) => !isSameValue(fieldOf(before, field), fieldOf(after, field)))) out.add(aspect)
  }
  return out
}

/** Whether a drawing of `kind` must follow `aspects` of an element it refers to. */
export const readsReferenced = (kind: ElementKind, aspects: ReadonlySet<Aspect>): boolean =>
  (ruleOf(kind)?.reads ?? []).some((aspect) => aspects.has(aspect))

/** The kinds whose drawings read one of `keys` of the settings. */
export function kindsReadingSettings(keys: ReadonlySet<string>): Set<ElementKind> {
  const kinds = new Set<ElementKind>()
  for (const [kind, rule] of Object.entries(dependencyRules) as [ElementKind, DependencyRule][])
    if (rule.settings?.some((key) => keys.has(key))) kinds.add(kind)
  return kinds
}

/** The `near` rules that follow an element of `kind`, with the kinds that hold them. */
export function nearRulesFollowing(kind: ElementKind): { kind: ElementKind; margin: { x: number; y: number } }[] {
  const out: { kind: ElementKind; margin: { x: number; y: number } }[] = []
  for (const [ruleKind, rule] of Object.entries(dependencyRules) as [ElementKind, DependencyRule][])
    if (rule.near?.of(kind)) out.push({ kind: ruleKind, margin: rule.near.margin })
  return out
}
