import type { LogLevel } from './config.ts'

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

export type LogFields = Record<string, unknown>

export interface Logger {
  debug(msg: string, fields?: LogFields): void
  info(msg: string, fields?: LogFields): void
  warn(msg: string, fields?: LogFields): void
  error(msg: string, fields?: LogFields): void
  child(fields: LogFields): Logger
}

/**
 * Structured logs: one JSON object per line on stdout. Callers never pass secrets
 * (passwords, tokens, cookies); field names that look like one are redacted anyway.
 */
export function createLogger(
  level: LogLevel,
  base: LogFields = {},
  write = (line: string) => process.stdout.write(`${line}\n`),
): Logger {
  const min = rank[level]
  const emit = (lvl: LogLevel, msg: string, fields?: LogFields) => {
    if (rank[lvl] < min) return
    const entry: LogFields = { t: new Date().toISOString(), level: lvl, msg, ...base }
    for (const [k, v] of Object.entries(fields ?? {})) entry[k] = /token|password|cookie|secret/i.test(k) ? '[redacted]' : v
    write(JSON.stringify(entry))
  }
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (fields) => createLogger(level, { ...base, ...fields }, write),
  }
}
