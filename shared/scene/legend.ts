import { commitments, type Relation, relations, sectors, stages, stances, useCategories } from '../schema/enums.ts'
import { sectorIcons } from './icons.ts'
import { commitmentMeter, stanceMark } from './kinds/actor.ts'
import { relationArrow } from './kinds/link.ts'
import { stageFill } from './kinds/phase.ts'
import { categoryMarks } from './kinds/use.ts'
import { group, icon, rect } from './nodes.ts'
import { categoryColors, categoryTint, sectorColors, textOn } from './palette.ts'
import { defaultTimeline } from './timeline.ts'
import type { SceneContext, SceneNode, SceneTranslate } from './types.ts'

/**
 * The legend of the card symbols. Every swatch is made of the very parts the card builders
 * draw (`commitmentMeter`, `stanceMark`, `categoryMarks`, `stageFill`, `relationArrow`, the
 * palette and icons), so the legend cannot drift from the cards. The client draws the
 * swatches as SVG; the names are the enumerations' catalog names.
 */
export interface LegendEntry {
  /** the enumeration value (`creative`, `loi`, `conflicts`) */
  value: string
  name: string
  /** a note beside the name (a relation's direction) */
  note?: string
  swatch: SceneNode
  width: number
  height: number
}

export type LegendSectionKey = 'sectors' | 'commitment' | 'stance' | 'categories' | 'stages' | 'relations'

export interface LegendSection {
  key: LegendSectionKey
  title: string
  entries: LegendEntry[]
}

const SWATCH_W = 38

export function buildLegend(t: SceneTranslate, locale = 'en'): LegendSection[] {
  const ctx: SceneContext = { t, elementsById: () => undefined, timeline: defaultTimeline, locale }
  const swatch = (value: string, children: SceneNode[]) => group(value, {}, children)
  const isMutual = (relation: Relation) => relationArrow(relation, [0, 0, 1, 0]).attrs.pointerAtBeginning === true
  return [
    {
      key: 'sectors',
      title: t('scene.legend.sectors'),
      entries: sectors.map((sector) => ({
        value: sector,
        name: t(`enum.sector.${sector}`),
        width: SWATCH_W,
        height: 24,
        swatch: swatch(sector, [
          rect('band', { width: SWATCH_W, height: 24, cornerRadius: 6, fill: sectorColors[sector] }),
          icon('icon', sectorIcons[sector], 12, 4, 16, textOn(sectorColors[sector])),
        ]),
      })),
    },
    {
      key: 'commitment',
      title: t('scene.legend.commitment'),
      entries: commitments.map((commitment, step) => ({
        value: commitment,
        name: t(`enum.commitment.${commitment}`),
        width: SWATCH_W + 4,
        height: 24,
        swatch: swatch(commitment, commitmentMeter(step, 0, 8.5)),
      })),
    },
    {
      key: 'stance',
      title: t('scene.legend.stance'),
      entries: stances.map((stance) => ({
        value: stance,
        name: t(`enum.stance.${stance}`),
        width: SWATCH_W,
        height: 24,
        // the mark sits on an actor's band; shown here on a neutral one
        swatch: swatch(stance, [
          rect('band', { width: SWATCH_W, height: 24, cornerRadius: 6, fill: sectorColors.industry }),
          ...stanceMark(stance, ctx, SWATCH_W - 4),
        ]),
      })),
    },
    {
      key: 'categories',
      title: t('scene.legend.categories'),
      entries: useCategories.map((category) => ({
        value: category,
        name: t(`enum.useCategory.${category}`),
        // a use block's left end, at 65 %
        width: 35,
        height: 26,
        swatch: group(category, { scaleX: 0.65, scaleY: 0.65 }, [
          rect('bg', {
            width: 54,
            height: 40,
            cornerRadius: 3,
            fill: categoryTint(category),
            stroke: categoryColors[category],
            strokeWidth: 1.5,
          }),
          ...categoryMarks(category, 40),
        ]),
      })),
    },
    {
      key: 'stages',
      title: t('scene.legend.stages'),
      entries: stages.map((stage) => ({
        value: stage,
        name: t(`enum.stage.${stage}`),
        width: SWATCH_W,
        height: 24,
        swatch: swatch(stage, stageFill(stage, SWATCH_W, 24)),
      })),
    },
    {
      key: 'relations',
      title: t('scene.legend.relations'),
      entries: relations.map((relation) => ({
        value: relation,
        name: t(`enum.relation.${relation}`),
        note:
          relation === 'conflicts'
            ? t('scene.legend.conflict')
            : isMutual(relation)
              ? t('scene.legend.bothWays')
              : t('scene.legend.oneWay'),
        width: 56,
        height: 24,
        swatch: swatch(relation, [relationArrow(relation, [4, 12, 52, 12])]),
      })),
    },
  ]
}
