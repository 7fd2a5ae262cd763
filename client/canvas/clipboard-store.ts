import type { ClipboardStore } from './actions/types.ts'

/** What this tab copied last: pasting still works where the system clipboard may not be read. */
let memory: string | null = null

const READ_TIMEOUT_MS = 1500

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('clipboard timeout')), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}

/**
 * The async Clipboard API, so a copy reaches other tabs, boards and apps; and an in-memory
 * copy (shared by every board of this tab) for when the browser refuses (no permission,
 * insecure origin, headless).
 */
export const clipboardStore: ClipboardStore = {
  async write(text) {
    memory = text
    try {
      await withTimeout(navigator.clipboard.writeText(text), READ_TIMEOUT_MS)
    } catch {
      // the memory copy will do
    }
  },
  async read() {
    try {
      const text = await withTimeout(navigator.clipboard.readText(), READ_TIMEOUT_MS)
      if (text) return text
    } catch {
      // no permission: fall back
    }
    return memory
  },
}
