import type * as Y from 'yjs'
import { type FacilitationKey, facilitationKeys, getFacilitation } from '../facilitation/state.ts'
import { setIfChanged } from '../schema/convert.ts'
import type { OperationOf } from './operation.ts'
import { refuse } from './operation-error.ts'
import { type Plan, planned } from './plan.ts'

const isKey = (key: string): key is FacilitationKey => Object.hasOwn(facilitationKeys, key)

/** Writes facilitation keys, each checked against its schema; only values that change are written. */
export function planSetFacilitation(doc: Y.Doc, op: OperationOf<'facilitation.set'>): Plan {
  const values: [FacilitationKey, unknown][] = []
  for (const [key, value] of Object.entries(op.values)) {
    if (!isKey(key)) return refuse('invalid_operation', `${key} is not a facilitation key`, { field: key })
    const parsed = facilitationKeys[key].safeParse(value)
    if (!parsed.success) return refuse('invalid_operation', `the facilitation key ${key} is not valid`, { field: key })
    values.push([key, parsed.data])
  }
  return planned(() => {
    const map = getFacilitation(doc)
    for (const [key, value] of values) setIfChanged(map, key, value)
  })
}
