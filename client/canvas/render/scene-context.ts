import type { MessageKey, Translator } from '../../../shared/i18n/index.ts'
import type { Box, Rect, SceneContext, SceneTranslate } from '../../../shared/scene/types.ts'
import type { Element } from '../../../shared/schema/elements.ts'
import type { DocumentBinding } from '../../board/document-binding.ts'
import { isCardKind } from './dependency-rules.ts'
import type { ElementIndex } from './element-index.ts'
import { type createPreviews, withPreview } from './previews.ts'

export interface RenderContextOptions {
  index: ElementIndex
  previews: ReturnType<typeof createPreviews>
  binding: DocumentBinding
  t: Translator<MessageKey>
  locale: string
  lang?: string | undefined
  fontFamily?: string | undefined
}

/**
 * What the scene builders read while the renderer draws: elements as drawn (document geometry
 * with previews), the timeline, zones' planned areas, the cards near a link. Every lookup here
 * is one the dependency rules (dependency-rules.ts) account for.
 */
export function createRenderContext(options: RenderContextOptions): {
  effective: (id: string) => Element | undefined
  ctx: SceneContext
} {
  const { index, previews, binding } = options

  /** The element as drawn: document geometry with previews applied. */
  function effective(id: string): Element | undefined {
    const element = index.get(id)?.element
    return element && withPreview(element, previews.of(id), binding.timeline)
  }

  function plannedAreaOf(zoneId: string): number | undefined {
    let total: number | undefined
    for (const id of index.referrersOf(zoneId)) {
      const element = index.get(id)?.element
      if (element?.kind === 'use' && element.zone === zoneId) total = (total ?? 0) + (element.areaM2 ?? 0)
    }
    return total
  }

  /** The cards (not containers, not links) meeting `rect`: link labels are put beside them. */
  function cardsNear(rect: Rect): Box[] {
    const out: Box[] = []
    for (const id of index.query(rect)) {
      const element = effective(id)
      if (element && element.kind !== 'link' && isCardKind(element.kind))
        out.push({ x: element.x, y: element.y, w: element.w, h: element.h })
    }
    return out
  }

  const ctx: SceneContext = {
    t: options.t as unknown as SceneTranslate,
    elementsById: effective,
    get timeline() {
      return binding.timeline
    },
    get languages() {
      return binding.languages
    },
    get showBothLanguages() {
      return binding.showBothLanguages
    },
    locale: options.locale,
    plannedAreaOf,
    cardsNear,
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.fontFamily ? { fontFamily: options.fontFamily } : {}),
  }
  return { effective, ctx }
}
