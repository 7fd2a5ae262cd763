import type { MessageKey } from '../../shared/i18n/index.ts'
import { isApiError } from '../api.ts'
import { t } from './locale.ts'

const byCode: Partial<Record<string, MessageKey>> = {
  network_error: 'error.network',
  weak_password: 'error.weak_password',
  email_taken: 'error.email_taken',
  invalid_credentials: 'error.invalid_credentials',
  too_many_requests: 'error.too_many_requests',
  validation_failed: 'error.validation_failed',
  bad_request: 'error.validation_failed',
  forbidden: 'error.forbidden',
  unauthorized: 'error.unauthorized',
  origin_mismatch: 'error.origin_mismatch',
  internal_error: 'error.internal_error',
  unavailable: 'error.unavailable',
  reset_link_invalid: 'error.reset_link_invalid',
}

/** The catalog text for a failed request: by the API's error code, never the server's English. */
export function errorMessage(error: unknown): string {
  if (!isApiError(error)) return t('error.generic')
  const wait = error.retryAfterSeconds
  if (error.code === 'too_many_requests' && wait) {
    return wait > 90
      ? t('error.too_many_requests_minutes', { count: Math.ceil(wait / 60) })
      : t('error.too_many_requests_seconds', { count: wait })
  }
  const key = byCode[error.code]
  return key ? t(key) : t('error.generic')
}
