import { translatorFor } from '../i18n/index.ts'
import type { BoardDocument } from '../schema/document.ts'
import type { Element } from '../schema/elements.ts'
import { boxToRect, intersects } from './geometry.ts'
import { buildActor } from './kinds/actor.ts'
import { buildFrame } from './kinds/frame.ts'
import { buildImage } from './kinds/image.ts'
import { buildLink } from './kinds/link.ts'
import { buildNote } from './kinds/note.ts'
import { buildPhase } from './kinds/phase.ts'
import { buildUse } from './kinds/use.ts'
import { buildZone } from './kinds/zone.ts'
import { drawOrder, isContainerKind } from './order.ts'
import type { Link } from './schema-types.ts'
import { createTimeline, type Timeline } from './timeline.ts'
import type { Box, SceneContext, SceneNode, SceneTranslate } from './types.ts'

/** The box of an element that has one (every kind but `link`). */
export const boxOf = (element: Element | undefined): Box | undefined =>
  element && element.kind !== 'link' ? { x: element.x, y: element.y, w: element.w, h: element.h } : undefined

/**
 * The scene of one element: a group named `element` with the element id, at the element's
 * position (links at 0, 0 in board coordinates), its parts in local coordinates. Links look
 * their ends up through `ctx.elementsById`; use `buildLinkScene` to pass other geometry.
 */
export function buildElementScene(element: Element, ctx: SceneContext): SceneNode {
  switch (element.kind) {
    case 'actor':
      return buildActor(element, ctx)
    case 'use':
      return buildUse(element, ctx)
    case 'phase':
      return buildPhase(element, ctx)
    case 'note':
      return buildNote(element, ctx)
    case 'zone':
      return buildZone(element, ctx)
    case 'frame':
      return buildFrame(element, ctx)
    case 'image':
      return buildImage(element, ctx)
    case 'link':
      return buildLink(element, boxOf(ctx.elementsById(element.from)), boxOf(ctx.elementsById(element.to)), ctx)
  }
}

/** A link between two boxes (either may be missing: a dangling link). */
export function buildLinkScene(link: Link, from: Box | undefined, to: Box | undefined, ctx: SceneContext): SceneNode {
  return buildLink(link, from, to, ctx)
}

/** Planned floor area per zone id: the sum of `areaM2` of the uses placed in it. */
export function plannedAreaByZone(elements: Iterable<Element>): Map<string, number> {
  const planned = new Map<string, number>()
  for (const element of elements) {
    if (element.kind === 'use' && element.zone !== undefined) {
      planned.set(element.zone, (planned.get(element.zone) ?? 0) + (element.areaM2 ?? 0))
    }
  }
  return planned
}

export interface BoardSceneOptions {
  t?: SceneTranslate
  locale?: string
  lang?: string
  fontFamily?: string
  timeline?: Timeline
  /** The board's working languages and whether cards show two (the document's settings). */
  languages?: readonly string[]
  showBothLanguages?: boolean
}

/**
 * The whole board as one group (key `board`), elements in drawing order (`drawOrder`): what
 * the exports render. Deterministic: the same document gives the same JSON.
 */
export function buildBoardScene(document: BoardDocument, options: BoardSceneOptions = {}): SceneNode {
  const byId = new Map<string, Element>(document.elements.map((element) => [element.id, element]))
  const planned = plannedAreaByZone(document.elements)
  const cards = document.elements.flatMap((element) => {
    const box = isContainerKind(element.kind) ? undefined : boxOf(element)
    return box ? [box] : []
  })
  const ctx: SceneContext = {
    t: options.t ?? (translatorFor('en') as unknown as SceneTranslate),
    elementsById: (id) => byId.get(id),
    timeline: options.timeline ?? createTimeline(),
    locale: options.locale ?? 'en',
    plannedAreaOf: (zoneId) => planned.get(zoneId),
    cardsNear: (rect) => cards.filter((box) => intersects(rect, boxToRect(box))),
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.fontFamily ? { fontFamily: options.fontFamily } : {}),
    ...(options.languages ? { languages: options.languages } : {}),
    ...(options.showBothLanguages ? { showBothLanguages: true } : {}),
  }
  return {
    type: 'group',
    key: 'board',
    attrs: { x: 0, y: 0 },
    children: drawOrder(document.elements).map((element) => buildElementScene(element, ctx)),
  }
}
