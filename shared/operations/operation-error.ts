import type { z } from 'zod'
import { describeIssue } from '../schema/issues.ts'

export type OperationErrorCode =
  | 'invalid_operation'
  | 'invalid_element'
  | 'element_not_found'
  | 'element_exists'
  | 'not_positioned'
  | 'not_a_link'
  | 'invalid_site'
  | 'invalid_settings'
  /** the caller's role may not do this (shared/operations/authorize.ts) */
  | 'forbidden'
  /** the element is locked by a facilitator */
  | 'locked'
  /** a facilitator paused editing */
  | 'editing_paused'
  /** the current agenda step does not ask for this kind of element */
  | 'kind_not_allowed'
  /** the board would hold more elements than the server's MAX_ELEMENTS_PER_BOARD */
  | 'too_many_elements'

/** Why an operation was refused; nothing was written. `message` is plain English. */
export type OperationError = { code: OperationErrorCode; message: string; elementId?: string; field?: string }

/** `summary`: what an operation reports of its effect (a restore: elements added, removed, changed). */
export type OperationResult = { ok: true; summary?: Record<string, number> } | { ok: false; error: OperationError }

export function refuse(
  code: OperationErrorCode,
  message: string,
  at: { elementId?: string | undefined; field?: string | undefined } = {},
): { ok: false; error: OperationError } {
  const error: OperationError = { code, message }
  if (at.elementId !== undefined) error.elementId = at.elementId
  if (at.field !== undefined) error.field = at.field
  return { ok: false, error }
}

/** An operation that failed its own schema. */
export function invalidOperation(issue: z.core.$ZodIssue | undefined): { ok: false; error: OperationError } {
  if (!issue) return refuse('invalid_operation', 'the operation is not valid')
  const described = describeIssue(issue)
  const message = described.field === undefined ? `the operation ${described.message}` : `the operation's ${described.message}`
  return refuse('invalid_operation', message, { field: described.field })
}
