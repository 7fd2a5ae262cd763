import type * as Y from 'yjs'
import { setIfChanged } from '../schema/convert.ts'
import { describeIssue } from '../schema/issues.ts'
import { getSettings } from '../schema/layout.ts'
import { isPlainObject } from '../schema/plain.ts'
import { CommitmentWeights, Settings } from '../schema/settings.ts'
import type { OperationOf } from './operation.ts'
import { refuse } from './operation-error.ts'
import { type Plan, planned } from './plan.ts'

/**
 * Sets board settings. `commitmentWeights` may name some commitments only: they are merged
 * into the stored weights and the complete set is stored; `languages` (the working languages)
 * and `showBothLanguages` are stored as given. `null` restores a default.
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
  return planned(() => {
    for (const [field, value] of writes) {
      if (value === null) settings.delete(field)
      else setIfChanged(settings, field, value)
    }
  })
}

function invalid(issue: Parameters<typeof describeIssue>[0] | undefined, prefix: string) {
  const described = issue ? describeIssue(issue, [prefix, ...issue.path]) : { message: `${prefix} is not valid` }
  return refuse('invalid_settings', described.message, { field: described.field ?? prefix })
}
