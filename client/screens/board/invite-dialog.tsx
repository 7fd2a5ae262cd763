import { createSignal, For, Show } from 'solid-js'
import { api, type Invite, type InviteLinks } from '../../api.ts'
import { useBoard } from '../../board/board-context.ts'
import { Dialog } from '../../components/dialog.tsx'
import { FormAlert, SelectField } from '../../components/field.tsx'
import { createInviteLink } from '../../components/invite-link.ts'
import { errorMessage } from '../../i18n/error-message.ts'
import { enumLabel, formatDateTime, t } from '../../i18n/locale.ts'
import { InviteList } from './invite-list.tsx'
import { InviteQr } from './invite-qr.tsx'

/** The roles an invite can give, from most to least (CONTRACT.md); the owner is never invited. */
const inviteRoles: Invite['role'][] = ['facilitator', 'editor', 'reviewer', 'viewer']
const validity = [
  { hours: 24, label: () => t('invite.expiresHours', { count: 24 }) },
  { hours: 24 * 7, label: () => t('invite.expiresDays', { count: 7 }) },
  { hours: 24 * 30, label: () => t('invite.expiresDays', { count: 30 }) },
]

/**
 * Owner and facilitators create invite links (POST /api/boards/:id/invites), copy them or show
 * them as a QR code to the room, and revoke the ones in use.
 */
export function InviteDialog(props: { open: boolean; onClose: () => void }) {
  const { board } = useBoard()
  const [role, setRole] = createSignal<Invite['role']>('editor')
  const [hours, setHours] = createSignal(24 * 7)
  /** bumped after a new link, so the list reloads */
  const [listVersion, setListVersion] = createSignal(0)
  /** the link shown full-size for the room */
  const [shown, setShown] = createSignal<Invite | null>(null)
  /** where links point, from the server; a loopback origin gets a warning */
  const [links, setLinks] = createSignal<InviteLinks | null>(null)
  const { invite, busy, error, copied, link, create, copy, forget, linkField } = createInviteLink(
    async () => (await api.createInvite(board.id, { role: role(), expiresInHours: hours() })).invite,
    () => setListVersion((v) => v + 1),
  )

  const forgetRevoked = (revoked: Invite) => {
    if (invite()?.token === revoked.token) forget()
    if (shown()?.token === revoked.token) setShown(null)
  }

  const close = () => {
    setShown(null)
    forget()
    props.onClose()
  }

  return (
    <Dialog open={props.open} onClose={close} title={t('invite.title')}>
      <form class="form" onSubmit={create}>
        <p class="form__intro">{t('invite.intro')}</p>
        <Show when={links()?.isLoopback ? links() : null}>
          {(where) => (
            <div class="alert alert--warning" role="note" data-testid="invite-loopback">
              <span class="alert__icon" aria-hidden="true">
                !
              </span>
              <span>
                <strong>{t('invite.loopback.title')}</strong> {t('invite.loopback.body', { origin: where().origin })}
              </span>
            </div>
          )}
        </Show>
        <FormAlert message={error() ? errorMessage(error()) : null} />
        <div class="grid grid--2">
          <SelectField label={t('invite.role')} value={role()} onChange={(e) => setRole(e.currentTarget.value as Invite['role'])}>
            <For each={inviteRoles}>{(code) => <option value={code}>{enumLabel('role', code)}</option>}</For>
          </SelectField>
          <SelectField
            label={t('invite.expires')}
            value={String(hours())}
            onChange={(e) => setHours(Number(e.currentTarget.value))}
          >
            <For each={validity}>{(entry) => <option value={String(entry.hours)}>{entry.label()}</option>}</For>
          </SelectField>
        </div>
        <div class="role-help" data-testid="invite-role-help">
          <p class="role-help__title">{t('invite.roles')}</p>
          <dl class="role-help__list">
            <For each={inviteRoles}>
              {(code) => (
                <div class="role-help__row" classList={{ 'role-help__row--chosen': role() === code }}>
                  <dt>{enumLabel('role', code)}</dt>
                  <dd>{t(`invite.roleHelp.${code}`)}</dd>
                </div>
              )}
            </For>
          </dl>
        </div>
        <div class="form__actions">
          <button type="submit" class="button button--primary" disabled={busy()} aria-busy={busy()}>
            {busy() ? t('invite.creating') : t('invite.create')}
          </button>
        </div>
      </form>
      <Show when={invite()}>
        {(created) => (
          <div class="invite-result">
            <label class="field__label" for="invite-link">
              {t('invite.link')}
            </label>
            <div class="copy-row">
              <input ref={linkField} id="invite-link" class="input" readOnly value={link()} data-testid="invite-link" />
              <button type="button" class="button" onClick={copy}>
                {t('invite.copy')}
              </button>
            </div>
            <p class="field__hint" role="status">
              {copied() ? t('invite.copied') : t('invite.expiresAt', { time: formatDateTime(new Date(created().expiresAt)) })}
            </p>
            <div class="invite-result__qr">
              <InviteQr url={link()} size={160} label={t('invite.qrLabel')} />
              <button type="button" class="button" onClick={() => setShown(created())}>
                {t('invite.showQr')}
              </button>
            </div>
          </div>
        )}
      </Show>
      <InviteList boardId={board.id} refresh={listVersion()} onShow={setShown} onRevoked={forgetRevoked} onLinks={setLinks} />
      <Show when={shown()}>
        {(invite) => (
          <div class="invite-room" role="dialog" aria-modal="true" aria-label={t('invite.roomTitle')}>
            <p class="invite-room__title">{t('invite.roomTitle')}</p>
            <InviteQr url={new URL(invite().url, location.origin).href} size={360} label={t('invite.qrLabel')} />
            <p class="invite-room__url">{new URL(invite().url, location.origin).href}</p>
            <p class="invite-room__role">{t('invite.roomRole', { role: enumLabel('role', invite().role) })}</p>
            <button type="button" class="button button--primary" onClick={() => setShown(null)} autofocus>
              {t('app.close')}
            </button>
          </div>
        )}
      </Show>
    </Dialog>
  )
}
