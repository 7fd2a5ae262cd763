import { zValidator } from '@hono/zod-validator'
import type { z } from 'zod'
import { ApiError } from './errors.ts'

/** A human sentence about the first problem, naming the field; never zod's raw shape. */
export function describeIssue(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): string {
  const issue = error.issues[0]
  if (!issue) return 'The request body does not have the expected fields.'
  const field = issue.path.map(String).join('.')
  return field ? `${field}: ${issue.message}` : issue.message
}

/** Validates the JSON body with `schema`; failures become 400 `validation_failed`. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return zValidator('json', schema, (result) => {
    if (!result.success) throw new ApiError('validation_failed', describeIssue(result.error))
  })
}

/** Validates the query string with `schema`. */
export function queryParams<T extends z.ZodType>(schema: T) {
  return zValidator('query', schema, (result) => {
    if (!result.success) throw new ApiError('validation_failed', describeIssue(result.error))
  })
}
