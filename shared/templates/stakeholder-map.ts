import type { Quadrant } from '../analysis/types.ts'
import type { BoardDocument } from '../schema/document.ts'
import type { ElementInput } from '../schema/elements.ts'
import { cardBoxFor, quadrantBoxes, STAKEHOLDER_GRID } from './stakeholder-grid.ts'
import { CARD, frame, note, PAD, type TemplateContext, templateDocument, templateWords } from './template-document.ts'

/**
 * Stakeholder map: the influence/interest grid (Mendelow) with its four quadrants. Groups
 * place each actor where its influence and interest meet (the card's values follow, see
 * stakeholder-grid.ts) and set its stance from champion to blocker; the facilitator then asks
 * per quadrant how the project engages those actors.
 */
const quadrants: readonly Quadrant[] = ['keepSatisfied', 'manageClosely', 'monitor', 'keepInformed']

const exampleActors = [
  {
    id: 'actor-municipality',
    label: 'templates.stakeholderMap.example.municipality',
    sector: 'public',
    commitment: 'interested',
    stance: 'champion',
    influence: 5,
    interest: 5,
  },
  {
    id: 'actor-owner',
    label: 'templates.stakeholderMap.example.owner',
    sector: 'owner',
    commitment: 'interested',
    stance: 'neutral',
    influence: 5,
    interest: 2,
  },
  {
    id: 'actor-heritage',
    label: 'templates.stakeholderMap.example.heritage',
    sector: 'heritage',
    commitment: 'idea',
    stance: 'critic',
    influence: 4,
    interest: 3,
  },
  {
    id: 'actor-makers',
    label: 'templates.stakeholderMap.example.makers',
    sector: 'creative',
    commitment: 'idea',
    stance: 'supporter',
    influence: 2,
    interest: 5,
  },
  {
    id: 'actor-neighbours',
    label: 'templates.stakeholderMap.example.neighbours',
    sector: 'residents',
    commitment: 'idea',
    stance: 'neutral',
    influence: 2,
    interest: 2,
  },
] as const

const NOTE = { w: 200, h: 120 }
const grid = STAKEHOLDER_GRID
const LEFT = grid.x - NOTE.w - 2 * PAD // room for the influence axis label
const TOP = grid.y - 80
const BOTTOM = grid.y + grid.h + NOTE.h + 2 * PAD

export function stakeholderMapTemplate(context: TemplateContext = {}): BoardDocument {
  const t = templateWords(context)
  const boxes = quadrantBoxes(grid)
  const elements: ElementInput[] = [
    frame('stakeholder-map', t('templates.stakeholderMap.frame'), {
      x: LEFT,
      y: TOP,
      w: grid.x + grid.w + PAD - LEFT,
      h: BOTTOM + PAD - TOP,
    }),
    ...quadrants.map((quadrant) => frame(`quadrant-${quadrant}`, t(`templates.stakeholderMap.${quadrant}`), boxes[quadrant])),
    note(
      'axis-influence',
      t('templates.stakeholderMap.axisInfluence'),
      { x: LEFT + PAD, y: grid.y + grid.h / 2 - NOTE.h / 2, ...NOTE },
      'grey',
    ),
    note(
      'axis-interest',
      t('templates.stakeholderMap.axisInterest'),
      { x: grid.x + grid.w / 2 - NOTE.w / 2, y: grid.y + grid.h + PAD, ...NOTE },
      'grey',
    ),
    note('how-to', t('templates.stakeholderMap.howTo'), { x: LEFT + PAD, y: grid.y + grid.h + PAD, ...NOTE }, 'yellow'),
    ...exampleActors.map(({ influence, interest, label, ...actor }) => ({
      kind: 'actor' as const,
      ...actor,
      label: t(label),
      influence,
      interest,
      ...cardBoxFor(influence, interest, CARD, grid),
    })),
  ]
  return templateDocument('stakeholder-map', t('templates.stakeholderMap.title'), elements)
}
