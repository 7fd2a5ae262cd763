import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { Logger } from '../logger.ts'
import { isStorageUnavailable } from '../storage/unavailable.ts'
import { ApiError, apiError, type ErrorCode } from './errors.ts'

function codeForHttpException(err: HTTPException): ErrorCode {
  // Hono's own validator throws 400 only for a body that is not JSON.
  if (err.status === 400) return 'invalid_json'
  if (err.status === 413) return 'payload_too_large'
  if (err.status === 401) return 'unauthorized'
  if (err.status === 403) return 'forbidden'
  if (err.status === 404) return 'not_found'
  return err.status >= 500 ? 'internal_error' : 'bad_request'
}

/** The one place errors become responses: contract JSON, never a stack trace. */
export function errorHandler(logger: Logger): ErrorHandler {
  return function onError(err: Error, c: Context) {
    if (err instanceof ApiError) return apiError(c, err.code, err.message, err.headers)
    if (err instanceof HTTPException) return apiError(c, codeForHttpException(err))
    // storage (Redis) is away: fail fast, the client retries (docs/operations.md, "Redis outages")
    if (isStorageUnavailable(err)) {
      logger.warn('storage unavailable', { method: c.req.method, path: c.req.path, error: err.message })
      return apiError(c, 'unavailable', 'Storage is unreachable right now; try again in a moment.', { 'Retry-After': '5' })
    }
    logger.error('unhandled error', { method: c.req.method, path: c.req.path, error: err.message, stack: err.stack })
    return apiError(c, 'internal_error')
  }
}

export const notFoundHandler: NotFoundHandler = (c) => apiError(c, 'not_found')

export const onMethodNotAllowed = (c: Context, methods: string[]) =>
  apiError(c, 'method_not_allowed', undefined, { Allow: methods.join(', ') })
