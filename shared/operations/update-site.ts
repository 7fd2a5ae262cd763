import type * as Y from 'yjs'
import { setIfChanged } from '../schema/convert.ts'
import { describeIssue } from '../schema/issues.ts'
import { getSite } from '../schema/layout.ts'
import { Site, siteFields } from '../schema/site.ts'
import type { OperationOf } from './operation.ts'
import { refuse } from './operation-error.ts'
import { type Plan, planned } from './plan.ts'

/** Sets (or, with `null`, removes) site profile fields; each given value is validated. */
export function planUpdateSite(doc: Y.Doc, op: OperationOf<'site.update'>): Plan {
  const known = new Set<string>(siteFields)
  const values: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(op.fields)) {
    if (!known.has(field))
      return refuse('invalid_site', `site.${field} is not a field of the site profile`, { field: `site.${field}` })
    if (value !== null) values[field] = value
  }
  const parsed = Site.safeParse(values)
  if (!parsed.success) {
    const [issue] = parsed.error.issues
    const described = issue ? describeIssue(issue, ['site', ...issue.path]) : { message: 'the site is not valid' }
    return refuse('invalid_site', described.message, { field: described.field })
  }
  const next: Record<string, unknown> = parsed.data
  const site = getSite(doc)
  return planned(() => {
    for (const [field, value] of Object.entries(op.fields)) {
      if (value === null) site.delete(field)
      else setIfChanged(site, field, next[field])
    }
  })
}
