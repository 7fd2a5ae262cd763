import type * as Y from 'yjs'
import { translatorFor } from '../i18n/index.ts'
import { addMonths, MONTH_WIDTH_PX } from '../scene/timeline.ts'
import { readElements, readSite } from '../schema/convert.ts'
import type { Element } from '../schema/elements.ts'
import { isPositioned } from '../schema/elements.ts'
import type { ElementId } from '../schema/fields.ts'
import { getElements } from '../schema/layout.ts'
import { methodTemplates } from '../templates/index.ts'
import { planAddElements } from './add-elements.ts'
import type { OperationOf } from './operation.ts'
import type { Plan } from './plan.ts'

/** Space between the board's content and the template placed beside it, in board units. */
export const TEMPLATE_GAP = 240
const MAX_ID = 64

type Bounds = { minX: number; minY: number; maxX: number; maxY: number }

function boundsOf(elements: readonly Element[]): Bounds | null {
  let bounds: Bounds | null = null
  for (const element of elements) {
    if (!isPositioned(element)) continue
    const { x, y, w, h } = element
    bounds = bounds
      ? {
          minX: Math.min(bounds.minX, x),
          minY: Math.min(bounds.minY, y),
          maxX: Math.max(bounds.maxX, x + w),
          maxY: Math.max(bounds.maxY, y + h),
        }
      : { minX: x, minY: y, maxX: x + w, maxY: y + h }
  }
  return bounds
}

/**
 * Fresh ids for the template's elements: `<template id>-<n>` with the smallest n ≥ 2 that
 * clashes with nothing on the board, the same n for all (readable, and deterministic, so
 * every replica of the operation gives the same ids).
 */
function freshIds(ids: readonly string[], taken: (id: string) => boolean): Map<string, ElementId> {
  for (let n = 2; ; n++) {
    const suffix = `-${n}`
    const mapped = new Map(ids.map((id) => [id, `${id.slice(0, MAX_ID - suffix.length)}${suffix}` as ElementId]))
    if (new Set(mapped.values()).size === ids.length && ![...mapped.values()].some(taken)) return mapped
  }
}

/**
 * The template's elements for this board: made with the board's site and zones, in the
 * operation's `lang` (the frame titles, prompts and example cards of the person who applies it), with fresh
 * ids (references follow), shifted right of the existing content by whole months so that
 * phases keep agreeing with the timeline (their months move with them). Top-aligned with the
 * content; an empty board gets the template where it was drawn.
 */
export function templateElementsFor(doc: Y.Doc, op: OperationOf<'template.add'>): Element[] {
  const existing = readElements(doc).elements
  const zones = existing
    .filter((element): element is Extract<Element, { kind: 'zone' }> => element.kind === 'zone')
    .sort((a, b) => (a.z ?? '').localeCompare(b.z ?? '') || a.y - b.y || a.x - b.x)
    .map((zone) => ({ label: zone.label, areaM2: zone.areaM2 }))
  const template = methodTemplates[op.template]({ site: readSite(doc), zones, t: translatorFor(op.lang ?? 'en') })
  // in the template's drawing order: without `z` they are put on top in this order
  const ordered = [...template.elements].sort((a, b) =>
    (isPositioned(a) ? (a.z ?? '') : '~').localeCompare(isPositioned(b) ? (b.z ?? '') : '~'),
  )
  const board = boundsOf(existing)
  const own = boundsOf(ordered)
  const months = board && own ? Math.ceil((board.maxX + TEMPLATE_GAP - own.minX) / MONTH_WIDTH_PX) : 0
  const dx = months * MONTH_WIDTH_PX
  const dy = board && own ? board.minY - own.minY : 0
  const elementsMap = getElements(doc)
  const ids = freshIds(
    ordered.map((element) => element.id),
    (id) => elementsMap.has(id),
  )
  const idOf = (id: ElementId): ElementId => ids.get(id) ?? id
  return ordered.map((element): Element => {
    const id = idOf(element.id)
    switch (element.kind) {
      case 'link':
        return { ...element, id, from: idOf(element.from), to: idOf(element.to) }
      case 'use': {
        const { z: _z, ...rest } = element
        return { ...rest, id, x: element.x + dx, y: element.y + dy, ...(element.zone ? { zone: idOf(element.zone) } : {}) }
      }
      case 'phase': {
        const { z: _z, ...rest } = element
        return {
          ...rest,
          id,
          x: element.x + dx,
          y: element.y + dy,
          start: addMonths(element.start, months),
          end: addMonths(element.end, months),
          ...(element.refs ? { refs: element.refs.map(idOf) } : {}),
        }
      }
      default: {
        const { z: _z, ...rest } = element
        return { ...rest, id, x: element.x + dx, y: element.y + dy }
      }
    }
  })
}

/** `template.add`: the template's frames and cards beside the board's content, nothing existing touched. */
export function planAddTemplate(doc: Y.Doc, op: OperationOf<'template.add'>): Plan {
  const elements = templateElementsFor(doc, op)
  const plan = planAddElements(doc, { type: 'element.add', elements })
  return plan.ok ? { ...plan, summary: { added: elements.length } } : plan
}
