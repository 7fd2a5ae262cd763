import type * as Y from 'yjs'
import { createTimeline, isYearMonth, monthToX, type Timeline } from '../scene/timeline.ts'
import { setIfChanged } from '../schema/convert.ts'
import { describeIssue } from '../schema/issues.ts'
import { getElements, getSettings, isYMap } from '../schema/layout.ts'
import { isPlainObject } from '../schema/plain.ts'
import { CommitmentWeights, Settings } from '../schema/settings.ts'
import type { OperationOf } from './operation.ts'
import { refuse } from './operation-error.ts'
import { type Plan, planned } from './plan.ts'

/**
 * Sets board settings. `commitmentWeights` may name some commitments only: they are merged
 * into the stored weights and the complete set is stored; `languages` (the working languages)
 * and `showBothLanguages` are stored as given; a new `timelineOrigin` moves the phases with it.
 * `null` restores a default.
 */
export function planUpdateSettings(doc: Y.Doc, op: OperationOf<'settings.update'>): Plan {
  const settings = getSettings(doc)
  const writes: [string, unknown][] = []
  const { creativeThreshold, commitmentWeights } = op.fields

  if (creativeThreshold !== undefined) {
    const parsed = Settings.shape.creativeThreshold.safeParse(creativeThreshold ?? undefined)
    if (creativeThreshold !== null && !parsed.success) return invalid(parsed.error.issues[0], 'settings.creativeThreshold')
    writes.push(['creativeThreshold', creativeThreshold === null ? null : parsed.data])
  }
  if (commitmentWeights !== undefined) {
    if (commitmentWeights !== null && !isPlainObject(commitmentWeights)) {
      return refuse('invalid_settings', 'settings.commitmentWeights must be an object of weights', {
        field: 'settings.commitmentWeights',
      })
    }
    const stored = settings.get('commitmentWeights')
    const merged = commitmentWeights === null ? null : { ...(isPlainObject(stored) ? stored : {}), ...commitmentWeights }
    const parsed = CommitmentWeights.safeParse(merged ?? {})
    if (!parsed.success) return invalid(parsed.error.issues[0], 'settings.commitmentWeights')
    writes.push(['commitmentWeights', merged === null ? null : parsed.data])
  }
  for (const field of ['timelineOrigin', 'languages', 'showBothLanguages'] as const) {
    const value = op.fields[field]
    if (value === undefined) continue
    if (value === null) {
      writes.push([field, null])
      continue
    }
    const parsed = Settings.shape[field].safeParse(value)
    if (!parsed.success) return invalid(parsed.error.issues[0], `settings.${field}`)
    writes.push([field, parsed.data])
  }
  const origin = writes.find(([field]) => field === 'timelineOrigin')
  const moved = origin ? phasesOnTimeline(doc, createTimeline(origin[1] ?? undefined)) : []
  return planned(() => {
    for (const [field, value] of writes) {
      if (value === null) settings.delete(field)
      else setIfChanged(settings, field, value)
    }
    for (const [phase, x] of moved) setIfChanged(phase, 'x', x)
  })
}

/**
 * Phases are placed by their months: a new origin moves each to where its start month now
 * lies (its width, the number of months, stays), so the drawing and the months agree.
 */
function phasesOnTimeline(doc: Y.Doc, timeline: Timeline): [Y.Map<unknown>, number][] {
  const out: [Y.Map<unknown>, number][] = []
  for (const element of getElements(doc).values()) {
    if (!isYMap(element) || element.get('kind') !== 'phase') continue
    const start = element.get('start')
    if (isYearMonth(start)) out.push([element, monthToX(timeline, start)])
  }
  return out
}

function invalid(issue: Parameters<typeof describeIssue>[0] | undefined, prefix: string) {
  const described = issue ? describeIssue(issue, [prefix, ...issue.path]) : { message: `${prefix} is not valid` }
  return refuse('invalid_settings', described.message, { field: described.field ?? prefix })
}
