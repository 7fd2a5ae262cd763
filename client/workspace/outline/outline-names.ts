import { formatArea } from '../../../shared/i18n/numbers.ts'
import { formatMonthSpan } from '../../../shared/scene/text.ts'
import type { BoardElement } from '../../board/board-store.ts'
import { enumLabel, locale, t } from '../../i18n/locale.ts'

/**
 * How an element is named to people who do not see the canvas: the outline's lines, the
 * canvas's hidden list and the selection's announcement all say it with these words.
 */

export const str = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined)

/**
 * The element's key fields in words, the first its own name: ["Makers e.V.", "actor", "Creative
 * industries", …]; areas and months in the page's language; a use names the zone it takes
 * (where it lies on the site), when `byId` can look it up.
 */
export function outlineParts(element: BoardElement, byId?: (id: string) => BoardElement | undefined): string[] {
  const parts = [str(element.label) ?? str(element.alt) ?? str(element.text), t(`export.kind.${element.kind}` as never)]
  const area = () => (typeof element.areaM2 === 'number' && element.areaM2 > 0 ? formatArea(element.areaM2, locale()) : undefined)
  if (element.kind === 'actor')
    parts.push(
      str(element.sector) && enumLabel('sector', element.sector as string),
      str(element.commitment) && enumLabel('commitment', element.commitment as string),
    )
  if (element.kind === 'use') {
    parts.push(str(element.category) && enumLabel('useCategory', element.category as string), area())
    const zone = typeof element.zone === 'string' ? byId?.(element.zone) : undefined
    if (zone && str(zone.label)) parts.push(t('outline.inZone', { zone: zone.label as string }))
  }
  if (element.kind === 'zone') parts.push(area())
  if (element.kind === 'phase')
    parts.push(
      str(element.start) && str(element.end)
        ? formatMonthSpan(element.start as string, element.end as string, locale())
        : undefined,
    )
  return parts.filter((part): part is string => !!part)
}

/** The element's key fields in words: "Makers e.V., actor, Creative industries, Letter of intent". */
export const outlineName = (element: BoardElement, byId?: (id: string) => BoardElement | undefined): string =>
  outlineParts(element, byId).join(', ')
