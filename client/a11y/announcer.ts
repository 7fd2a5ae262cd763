/**
 * What a screen reader hears of the board, through one polite live region: `announce(text)`
 * writes the text after a short quiet spell (a burst of selections says only the last one),
 * drops a text said a moment ago (a repeated event is not read twice), and `summarize` lets a
 * stream of events (remote changes) speak at most once per `summaryMs`.
 */
export interface Announcer {
  announce(text: string): void
  /** collects `item` and speaks `summary(items)` at most once per `summaryMs` */
  summarize<T>(key: string, item: T, summary: (items: T[]) => string | null): void
  enabled(): boolean
  setEnabled(on: boolean): void
  dispose(): void
}

export interface AnnouncerOptions {
  /** writes the region's text */
  write(text: string): void
  /** quiet spell before a text is written (ms) */
  settleMs?: number
  /** a text equal to the last written one within this time is dropped (ms) */
  dedupeMs?: number
  /** at most one summary per key in this time (ms) */
  summaryMs?: number
  now?: () => number
}

export function createAnnouncer(options: AnnouncerOptions): Announcer {
  const settleMs = options.settleMs ?? 150
  const dedupeMs = options.dedupeMs ?? 2000
  const summaryMs = options.summaryMs ?? 5000
  const now = options.now ?? (() => Date.now())
  let on = true
  let pending: string | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let last = { text: '', at: Number.NEGATIVE_INFINITY }
  const summaries = new Map<string, { items: unknown[]; timer?: ReturnType<typeof setTimeout>; lastAt: number }>()

  const flush = () => {
    timer = undefined
    const text = pending
    pending = null
    if (text === null || !on) return
    if (text === last.text && now() - last.at < dedupeMs) return
    last = { text, at: now() }
    // a screen reader reads a changed region; an equal text written again after the dedupe time
    // is cleared first so that it is read once more
    options.write('')
    options.write(text)
  }

  const announce = (text: string) => {
    if (!on || !text.trim()) return
    pending = text
    if (timer !== undefined) clearTimeout(timer)
    timer = setTimeout(flush, settleMs)
  }

  return {
    announce,
    summarize<T>(key: string, item: T, summary: (items: T[]) => string | null) {
      if (!on) return
      const entry = summaries.get(key) ?? { items: [], lastAt: Number.NEGATIVE_INFINITY }
      summaries.set(key, entry)
      entry.items.push(item)
      if (entry.timer !== undefined) return
      const speak = () => {
        entry.timer = undefined
        const items = entry.items as T[]
        entry.items = []
        entry.lastAt = now()
        const text = items.length > 0 ? summary(items) : null
        if (text) announce(text)
      }
      const wait = Math.max(0, entry.lastAt + summaryMs - now())
      // the first change after a quiet spell is said soon (after the settle time), later ones wait
      entry.timer = setTimeout(speak, Math.max(wait, settleMs))
    },
    enabled: () => on,
    setEnabled(value) {
      on = value
      if (!on) {
        pending = null
        for (const entry of summaries.values()) {
          if (entry.timer !== undefined) clearTimeout(entry.timer)
          entry.timer = undefined
          entry.items = []
        }
      }
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer)
      for (const entry of summaries.values()) if (entry.timer !== undefined) clearTimeout(entry.timer)
      summaries.clear()
    },
  }
}
