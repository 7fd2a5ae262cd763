import type { BoardDocument } from '../schema/document.ts'
import type { ElementInput } from '../schema/elements.ts'
import { type Box, CARD, FRAME_HEADER, frame, note, PAD, type TemplateContext, templateDocument } from './template-document.ts'

/**
 * Use mix on a site plan: the site's buildings and open spaces as zones with their floor
 * areas, and candidate uses beside the plan. Groups move uses onto zones (a use dropped on a zone takes it);
 * the analysis shows each zone's occupancy, overcommitted zones and the evenness of the mix.
 */
const demoZones: readonly { id: string; label: string; areaM2: number; box: Box }[] = [
  { id: 'zone-hall-ground', label: 'Spinning hall, ground floor', areaM2: 1200, box: { x: 20, y: 60, w: 620, h: 380 } },
  { id: 'zone-hall-upper', label: 'Spinning hall, upper floors', areaM2: 1800, box: { x: 660, y: 60, w: 620, h: 380 } },
  { id: 'zone-boiler', label: 'Boiler house', areaM2: 250, box: { x: 20, y: 460, w: 300, h: 200 } },
  { id: 'zone-courtyard', label: 'Courtyard', areaM2: 900, box: { x: 340, y: 460, w: 620, h: 420 } },
  { id: 'zone-villa', label: 'Office villa', areaM2: 450, box: { x: 980, y: 460, w: 300, h: 200 } },
]

const PLAN = { x: 0, y: 0, w: 1300, h: 900 }
const USES_X = PLAN.w + 60

const waiting = [
  { id: 'use-workshop', label: 'Open workshop', category: 'makerspace', areaM2: 400 },
  { id: 'use-events', label: 'Event hall', category: 'events', areaM2: 800 },
  { id: 'use-coworking', label: 'Coworking', category: 'coworking', areaM2: 300, rentEurM2Month: 10 },
  { id: 'use-market', label: "Farmers' market", category: 'retail', areaM2: 500, publicAccess: true, temporary: true },
  { id: 'use-visitors', label: 'Visitor centre', category: 'visitor_centre', areaM2: 150, publicAccess: true },
] as const

const round = (areaM2: number) => (areaM2 >= 100 ? Math.round(areaM2 / 10) * 10 : Math.round(areaM2))

/**
 * The five zone boxes with the board's own names and areas: its zones where it has them, else
 * neutral names with the site's floor area split in the demo's proportions; only a board that
 * says nothing of its site gets the demo mill's halls.
 */
function zonesFor(context: TemplateContext) {
  const own = context.zones ?? []
  const siteArea = context.site?.areaM2
  const demoTotal = demoZones.reduce((sum, zone) => sum + zone.areaM2, 0)
  const knowsSite = own.length > 0 || siteArea !== undefined || context.site?.name !== undefined
  return demoZones.map((zone, index) => {
    const board = own[index]
    if (board) return { ...zone, label: board.label, areaM2: board.areaM2 ?? zone.areaM2 }
    if (!knowsSite) return zone
    const areaM2 = siteArea !== undefined && siteArea > 0 ? round((siteArea * zone.areaM2) / demoTotal) : zone.areaM2
    return { ...zone, label: `Zone ${String.fromCharCode(65 + index)} (rename)`, areaM2 }
  })
}

export function useMixTemplate(context: TemplateContext = {}): BoardDocument {
  const zones = zonesFor(context)
  const siteName = context.site?.name
  const elements: ElementInput[] = [
    frame(
      'site-plan',
      siteName ? `Site plan of ${siteName}: zones and their floor areas` : 'Site plan: zones and their floor areas',
      PLAN,
    ),
    ...zones.map((zone) => ({ id: zone.id, kind: 'zone' as const, ...zone.box, label: zone.label, areaM2: zone.areaM2 })),
    // two uses already placed, to show how: inside the zone's box, with `zone` set
    {
      id: 'use-studios',
      kind: 'use',
      x: 680,
      y: 130,
      ...CARD,
      label: 'Artist studios',
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
      label: 'Café and canteen',
      category: 'gastronomy',
      areaM2: 200,
      zone: 'zone-villa',
      rentEurM2Month: 9,
    },
    frame('uses-to-place', 'Uses to place', { x: USES_X, y: 0, w: 2 * CARD.w + 3 * PAD, h: PLAN.h }),
    ...waiting.map((use, index) => ({
      kind: 'use' as const,
      ...use,
      x: USES_X + PAD + (index % 2) * (CARD.w + PAD),
      y: FRAME_HEADER + Math.floor(index / 2) * (CARD.h + PAD),
      ...CARD,
    })),
    note(
      'use-mix-how-to',
      'Move a use onto a zone: it takes that zone. Watch each zone’s occupancy and the mix in the analysis.',
      { x: USES_X + PAD, y: 500, w: 2 * CARD.w + PAD, h: 140 },
      'yellow',
    ),
  ]
  return templateDocument('use-mix', 'Use mix on the site plan', elements)
}
