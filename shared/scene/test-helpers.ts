import { translatorFor } from '../i18n/index.ts'
import { type Element, type ElementInput, parseElement } from '../schema/elements.ts'
import { createTimeline } from './timeline.ts'
import type { SceneContext, SceneNode, SceneTranslate } from './types.ts'

/** Parses an element literal (throws on a mistake in the test itself). */
export function element<T extends ElementInput>(input: T): Extract<Element, { kind: T['kind'] }> {
  const parsed = parseElement(input)
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value as Extract<Element, { kind: T['kind'] }>
}

export function contextFor(elements: readonly Element[], extra: Partial<SceneContext> = {}): SceneContext {
  const byId = new Map<string, Element>(elements.map((e) => [e.id, e]))
  return {
    t: translatorFor('en') as unknown as SceneTranslate,
    elementsById: (id) => byId.get(id),
    timeline: createTimeline(),
    locale: 'en',
    ...extra,
  }
}

/** Every node of a scene, depth first. */
export function allNodes(node: SceneNode): SceneNode[] {
  return [node, ...(node.children ?? []).flatMap(allNodes)]
}

/** The texts of a scene's text nodes. */
export const texts = (node: SceneNode): string[] =>
  allNodes(node)
    .filter((n) => n.type === 'text')
    .map((n) => n.attrs.text ?? '')

export const findByKey = (node: SceneNode, key: string): SceneNode | undefined => allNodes(node).find((n) => n.key === key)
