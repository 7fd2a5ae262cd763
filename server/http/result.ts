import type { ErrorCode } from './errors.ts'

/** What services return for expected failures: a value, never a throw. */
export type Result<T, E extends ErrorCode = ErrorCode> = { ok: true; value: T } | { ok: false; error: E; message?: string }

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value })
export const fail = <E extends ErrorCode>(error: E, message?: string): { ok: false; error: E; message?: string } =>
  message === undefined ? { ok: false, error } : { ok: false, error, message }
