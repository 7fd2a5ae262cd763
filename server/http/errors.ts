import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/**
 * Every error the API can answer, with its HTTP status. One table: handlers return a code,
 * this module turns it into the contract's `{"error": {"code", "message"}}` body.
 */
export const errorStatus = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 400,
  invalid_document: 400,
  weak_password: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  forbidden: 403,
  origin_mismatch: 403,
  not_found: 404,
  board_not_found: 404,
  snapshot_not_found: 404,
  collection_not_found: 404,
  invite_not_found: 404,
  member_not_found: 404,
  method_not_allowed: 405,
  email_taken: 409,
  conflict: 409,
  invite_gone: 410,
  reset_link_invalid: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  rate_limited: 429,
  internal_error: 500,
  not_implemented: 501,
  unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>

export type ErrorCode = keyof typeof errorStatus

const defaultMessage: Record<ErrorCode, string> = {
  bad_request: 'The request is not valid.',
  invalid_json: 'The request body is not valid JSON.',
  validation_failed: 'The request body does not have the expected fields.',
  invalid_document: 'The board document is not valid.',
  weak_password: 'The password is too weak: use at least 10 characters, not a common password, not your email or name.',
  unauthorized: 'Sign in first: no valid session.',
  invalid_credentials: 'The email or password is wrong.',
  forbidden: 'Your role on this board does not allow this action.',
  origin_mismatch: 'The request came from an origin that may not change this server.',
  not_found: 'There is nothing at this address.',
  board_not_found: 'There is no such board, or you may not see it.',
  snapshot_not_found: 'There is no such snapshot on this board.',
  collection_not_found: 'There is no such collection, or you may not see it.',
  invite_not_found: 'There is no such invite link.',
  member_not_found: 'This person is not a member of this board.',
  method_not_allowed: 'This address does not accept that method.',
  email_taken: 'An account with this email exists already.',
  conflict: "This cannot be done in the board's current state.",
  invite_gone: 'This invite link has expired, was used up or was revoked.',
  reset_link_invalid: 'This password reset link has expired or was used already; ask for a new one.',
  payload_too_large: 'The request body is too large.',
  unsupported_media_type: 'Send the body as application/json.',
  too_many_requests: 'Too many attempts; wait a moment and try again.',
  rate_limited: 'Too many requests from this address; wait the seconds Retry-After says and try again.',
  internal_error: 'Something went wrong on the server.',
  not_implemented: 'This is not available yet.',
  unavailable: 'The server is shutting down or not ready.',
}

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string }
}

/** A failure that carries its API code; thrown inside handlers, rendered by `onError`. */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly status: ContentfulStatusCode
  readonly headers: Record<string, string>
  constructor(code: ErrorCode, message?: string, headers: Record<string, string> = {}) {
    super(message ?? defaultMessage[code])
    this.code = code
    this.status = errorStatus[code]
    this.headers = headers
  }
}

export function errorBody(code: ErrorCode, message?: string): ApiErrorBody {
  return { error: { code, message: message ?? defaultMessage[code] } }
}

/** Answers with the contract's JSON error. */
export function apiError(c: Context, code: ErrorCode, message?: string, headers?: Record<string, string>) {
  return c.json(errorBody(code, message), errorStatus[code], headers)
}
