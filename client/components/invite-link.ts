import { createSignal } from 'solid-js'
import type { Invite } from '../api.ts'
import { t } from '../i18n/locale.ts'

/**
 * Making and copying an invite link (a board's or a collection's): the link just made, whether
 * a request runs, its error, whether the link was copied; `create` asks `make` for a new link
 * and selects it in the link field; `copy` puts it on the clipboard, or selects it to copy by
 * hand when the clipboard is refused (permissions, an insecure origin).
 */
export function createInviteLink(make: () => Promise<Invite>, onCreated: () => void = () => {}) {
  const [invite, setInvite] = createSignal<Invite | null>(null)
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<unknown>(null)
  const [copied, setCopied] = createSignal(false)
  let field: HTMLInputElement | undefined

  const link = () => {
    const current = invite()
    return current ? new URL(current.url, location.origin).href : ''
  }
  const create = async (event: SubmitEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    setCopied(false)
    try {
      setInvite(await make())
      onCreated()
      queueMicrotask(() => field?.select())
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link())
      setCopied(true)
    } catch {
      field?.select()
    }
  }
  /** forgets the link shown (it was revoked, or the dialog closed) */
  const forget = () => {
    setInvite(null)
    setCopied(false)
  }
  return {
    invite,
    busy,
    error,
    copied,
    link,
    create,
    copy,
    forget,
    /** `ref` of the field that shows the link */
    linkField: (element: HTMLInputElement) => {
      field = element
    },
  }
}

/** "3 of 10 used" or "3 used": an invite's uses, as both invite lists show them. */
export const inviteUses = (invite: Invite): string =>
  invite.maxUses
    ? t('invite.usesOf', { count: invite.uses ?? 0, max: invite.maxUses })
    : t('invite.uses', { count: invite.uses ?? 0 })
