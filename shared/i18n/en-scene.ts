import type { Message } from './types.ts'

/** English strings of the scene part of the board UI; spread into the catalog by en.ts. */
export const enScene = {
  // Numbers arrive formatted for the viewer's locale (shared/scene/text.ts).
  'scene.area': '{area} m²',
  'scene.actor.spaceNeed': '{area} m²',
  'scene.actor.commitmentStep': '{label} ({step}/5)',
  'scene.stance.champion': '++',
  'scene.stance.supporter': '+',
  'scene.stance.neutral': '=',
  'scene.stance.critic': '–',
  'scene.stance.blocker': '– –',
  'scene.use.noArea': 'area open',
  'scene.use.noZone': 'no zone yet',
  'scene.use.missingZone': 'zone missing',
  'scene.phase.months': { one: '{count} month', other: '{count} months' },
  'scene.phase.refs': 'schedules: {names}',
  'scene.phase.noRefs': 'nothing scheduled yet',
  'scene.phase.more': '+{count}',
  'scene.phase.refCount': { one: 'schedules {count} element', other: 'schedules {count} elements' },
  'scene.phase.missingRef': 'missing',
  'scene.zone.planned': '{area} m² planned',
  'scene.zone.occupancy': '{area} m² planned · {percent}',
  'scene.zone.overplanned': 'over-planned',
  'scene.link.missingEnd': 'linked element missing',
  'scene.untitled': 'Untitled',
  'scene.image.loading': 'Image',
} as const satisfies Record<string, Message>
