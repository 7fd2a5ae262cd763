import { createResource, createSignal, For, Show } from 'solid-js'
import { api, type Invite, type InviteLinks } from '../../api.ts'
import { inviteUses } from '../../components/invite-link.ts'
import { errorMessage } from '../../i18n/error-message.ts'
import { enumLabel, formatDateTime, t } from '../../i18n/locale.ts'

/** The board's active invite links: role, validity, uses; show one in the room or revoke it. */
export function InviteList(props: {
  boardId: string
  refresh: number
  onShow: (invite: Invite) => void
  /** a link was revoked: it must vanish everywhere it is shown (link field, QR codes) */
  onRevoked: (invite: Invite) => void
  onLinks: (links: InviteLinks) => void
}) {
  const [error, setError] = createSignal<unknown>(null)
  const [invites, { refetch }] = createResource(
    () => [props.boardId, props.refresh] as const,
    async ([boardId]) => {
      const answer = await api.listInvites(boardId)
      if (answer.links) props.onLinks(answer.links)
      return answer.invites
    },
  )
  const revoke = async (invite: Invite) => {
    setError(null)
    try {
      await api.revokeInvite(props.boardId, invite.token)
      props.onRevoked(invite)
      await refetch()
    } catch (failure) {
      setError(failure)
    }
  }
  return (
    <section class="invite-list" aria-labelledby="invite-list-title">
      <h3 id="invite-list-title" class="invite-list__title">
        {t('invite.active')}
      </h3>
      <Show when={error()}>
        <p class="form-alert" role="alert">
          {errorMessage(error())}
        </p>
      </Show>
      <Show when={(invites() ?? []).length > 0} fallback={<p class="field__hint">{t('invite.none')}</p>}>
        <ul class="invite-list__items">
          <For each={invites()}>
            {(invite) => (
              <li class="invite-list__item" data-testid="invite-row">
                <span class="invite-list__role">{enumLabel('role', invite.role)}</span>
                <span class="invite-list__meta">
                  {t('invite.expiresAt', { time: formatDateTime(new Date(invite.expiresAt)) })} · {inviteUses(invite)}
                </span>
                <span class="invite-list__actions">
                  <button type="button" class="button button--small" onClick={() => props.onShow(invite)}>
                    {t('invite.showQr')}
                  </button>
                  <button type="button" class="button button--small button--danger" onClick={() => void revoke(invite)}>
                    {t('invite.revoke')}
                  </button>
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  )
}
