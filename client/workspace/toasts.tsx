import { createContext, createSignal, For, useContext } from 'solid-js'
import { t } from '../i18n/locale.ts'

export interface Toast {
  id: number
  message: string
  tone: 'info' | 'warning' | 'error'
  /** a progress value 0–100 for uploads */
  progress?: number
}

export interface Toasts {
  readonly list: () => readonly Toast[]
  /** shows a message; it goes by itself after `timeoutMs` (0: stays until updated or dismissed) */
  show(message: string, tone?: Toast['tone'], timeoutMs?: number): number
  update(id: number, patch: Partial<Omit<Toast, 'id'>>, timeoutMs?: number): void
  dismiss(id: number): void
}

export function createToasts(): Toasts {
  const [list, setList] = createSignal<readonly Toast[]>([])
  let next = 1
  const timers = new Map<number, ReturnType<typeof setTimeout>>()
  const dismiss = (id: number) => {
    clearTimeout(timers.get(id))
    timers.delete(id)
    setList((all) => all.filter((toast) => toast.id !== id))
  }
  const expire = (id: number, timeoutMs: number) => {
    clearTimeout(timers.get(id))
    if (timeoutMs > 0)
      timers.set(
        id,
        setTimeout(() => dismiss(id), timeoutMs),
      )
  }
  return {
    list,
    show: (message, tone = 'info', timeoutMs = 5000) => {
      // The same message twice in a row is one toast (a burst of refusals is one notice).
      const same = list().find((toast) => toast.message === message && toast.progress === undefined)
      if (same) {
        expire(same.id, timeoutMs)
        return same.id
      }
      const id = next++
      setList((all) => [...all.slice(-3), { id, message, tone }])
      expire(id, timeoutMs)
      return id
    },
    update: (id, patch, timeoutMs) => {
      setList((all) => all.map((toast) => (toast.id === id ? { ...toast, ...patch } : toast)))
      if (timeoutMs !== undefined) expire(id, timeoutMs)
    },
    dismiss,
  }
}

export const ToastContext = createContext<Toasts>()

export function useToasts(): Toasts {
  const toasts = useContext(ToastContext)
  if (!toasts) throw new Error('useToasts outside <ToastContext.Provider>')
  return toasts
}

/** Notices over the canvas: announced politely (errors assertively), each dismissible. */
export function ToastRegion(props: { toasts: Toasts }) {
  return (
    <section class="ws-toasts" aria-label={t('toast.region')}>
      <For each={props.toasts.list()}>
        {(toast) => (
          <div
            class={`ws-toast ws-toast--${toast.tone}`}
            role={toast.tone === 'error' ? 'alert' : 'status'}
            data-testid="toast"
            data-tone={toast.tone}
          >
            <span class="ws-toast__icon" aria-hidden="true">
              {toast.tone === 'info' ? 'i' : '!'}
            </span>
            <span class="ws-toast__message">{toast.message}</span>
            {toast.progress !== undefined && (
              <progress class="ws-toast__progress" max={100} value={toast.progress} aria-label={toast.message} />
            )}
            <button
              type="button"
              class="ws-toast__close"
              aria-label={t('toast.dismiss')}
              onClick={() => props.toasts.dismiss(toast.id)}
            >
              ×
            </button>
          </div>
        )}
      </For>
    </section>
  )
}
