import type { MessageKey } from '../i18n/index.ts'
import type { BoardDocument } from '../schema/document.ts'
import type { ElementInput } from '../schema/elements.ts'
import {
  type Box,
  CARD,
  FRAME_HEADER,
  frame,
  note,
  PAD,
  type TemplateContext,
  templateDocument,
  templateWords,
} from './template-document.ts'

/**
 * Use mix on a site plan: the site's buildings and open spaces as zones with their floor
 * areas, and candidate uses beside the plan. Groups move uses onto zones (a use dropped on a zone takes it);
 * the analysis shows each zone's occupancy, overcommitted zones and the evenness of the mix.
 */
const demoZones: readonly { id: string; label: MessageKey; areaM2: number; box: Box }[] = [
  { id: 'zone-hall-ground', label: 'templates.useMix.zone.hallGround', areaM2: 1200, box: { x: 20, y: 60, w: 620, h: 380 } },
  { id: 'zone-hall-upper', label: 'templates.useMix.zone.hallUpper', areaM2: 1800, box: { x: 660, y: 60, w: 620, h: 380 } },
  { id: 'zone-boiler', label: 'templates.useMix.zone.boiler', areaM2: 250, box: { x: 20, y: 460, w: 300, h: 200 } },
  { id: 'zone-courtyard', label: 'templates.useMix.zone.courtyard', areaM2: 900, box: { x: 340, y: 460, w: 620, h: 420 } },
  { id: 'zone-villa', label: 'templates.useMix.zone.villa', areaM2: 450, box: { x: 980, y: 460, w: 300, h: 200 } },
]

const PLAN = { x: 0, y: 0, w: 1300, h: 900 }
const USES_X = PLAN.w + 60

const waiting = [
  { id: 'use-workshop', label: 'templates.useMix.use.workshop', category: 'makerspace', areaM2: 400 },
  { id: 'use-events', label: 'templates.useMix.use.events', category: 'events', areaM2: 800 },
  { id: 'use-coworking', label: 'templates.useMix.use.coworking', category: 'coworking', areaM2: 300, rentEurM2Month: 10 },
  {
    id: 'use-market',
    label: 'templates.useMix.use.market',
    category: 'retail',
    areaM2: 500,
    publicAccess: true,
    temporary: true,
  },
  { id: 'use-visitors', label: 'templates.useMix.use.visitors', category: 'visitor_centre', areaM2: 150, publicAccess: true },
] as const

const round = (areaM2: number) => (areaM2 >= 100 ? Math.round(areaM2 / 10) * 10 : Math.round(areaM2))

/**
 * The five zone boxes with the board's own names and areas: its zones where it has them, else
 * neutral names with the site's floor area split in the demo's proportions; only a board that
 * says nothing of its site gets the demo mill's halls.
 */
function zonesFor(context: TemplateContext) {
  const t = templateWords(context)
  const own = context.zones ?? []
  const siteArea = context.site?.areaM2
  const demoTotal = demoZones.reduce((sum, zone) => sum + zone.areaM2, 0)
  const knowsSite = own.length > 0 || siteArea !== undefined || context.site?.name !== undefined
  return demoZones.map((zone, index) => {
    const board = own[index]
    if (board) return { ...zone, label: board.label, areaM2: board.areaM2 ?? zone.areaM2 }
    if (!knowsSite) return { ...zone, label: t(zone.label) }
    const areaM2 = siteArea !== undefined && siteArea > 0 ? round((siteArea * zone.areaM2) / demoTotal) : zone.areaM2
    return { ...zone, label: t('templates.useMix.zone.rename', { letter: String.fromCharCode(65 + index) }), areaM2 }
  })
}

export function useMixTemplate(context: TemplateContext = {}): BoardDocument {
  const t = templateWords(context)
  const zones = zonesFor(context)
  const siteName = context.site?.name
  const elements: ElementInput[] = [
    frame('site-plan', siteName ? t('templates.useMix.planOf', { site: siteName }) : t('templates.useMix.plan'), PLAN),
    ...zones.map((zone) => ({ id: zone.id, kind: 'zone' as const, ...zone.box, label: zone.label, areaM2: zone.areaM2 })),
    // two uses already placed, to show how: inside the zone's box, with `zone` set
    {
      id: 'use-studios',
      kind: 'use',
      x: 680,
      y: 130,
      ...CARD,
      label: t('templates.useMix.use.studios'),
      category: 'studio',
      areaM2: 600,
      zone: 'zone-hall-upper',
      rentEurM2Month: 6,
    },
    {
      id: 'use-cafe',
      kind: 'use',
      x: 1000,
      y: 530,
      ...CARD,
      label: t('templates.useMix.use.cafe'),
      category: 'gastronomy',
      areaM2: 200,
      zone: 'zone-villa',
      rentEurM2Month: 9,
    },
    frame('uses-to-place', t('templates.useMix.usesToPlace'), { x: USES_X, y: 0, w: 2 * CARD.w + 3 * PAD, h: PLAN.h }),
    ...waiting.map((use, index) => ({
      kind: 'use' as const,
      ...use,
      label: t(use.label),
      x: USES_X + PAD + (index % 2) * (CARD.w + PAD),
      y: FRAME_HEADER + Math.floor(index / 2) * (CARD.h + PAD),
      ...CARD,
    })),
    note('use-mix-how-to', t('templates.useMix.howTo'), { x: USES_X + PAD, y: 500, w: 2 * CARD.w + PAD, h: 140 }, 'yellow'),
  ]
  return templateDocument('use-mix', t('templates.useMix.title'), elements)
}
