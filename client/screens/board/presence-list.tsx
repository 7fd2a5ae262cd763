import { For, Show } from 'solid-js'
import { useBoard } from '../../board/board-context.ts'
import { Avatar } from '../../components/avatar.tsx'
import { enumLabel, t } from '../../i18n/locale.ts'

const MAX_AVATARS = 5

/** Compact avatars for the header; the full list is in the side panel. */
export function PresenceAvatars() {
  const { connection } = useBoard()
  const shown = () => connection.presence().slice(0, MAX_AVATARS)
  const hidden = () => Math.max(0, connection.presence().length - MAX_AVATARS)
  return (
    <ul class="presence-avatars" aria-label={t('presence.count', { count: connection.presence().length })}>
      <For each={shown()}>
        {(peer) => (
          <li>
            <Avatar
              name={peer.name}
              color={peer.color}
              size="sm"
              isSelf={peer.isSelf}
              label={peer.isSelf ? t('presence.you', { name: peer.name }) : peer.name}
            />
          </li>
        )}
      </For>
      <Show when={hidden() > 0}>
        <li class="avatar avatar--sm avatar--more">{t('presence.more', { count: hidden() })}</li>
      </Show>
    </ul>
  )
}

/** Everyone connected to the board: avatar, name, role; you first. */
export function PresenceList() {
  const { connection } = useBoard()
  return (
    <section class="panel" aria-labelledby="presence-title">
      <h2 id="presence-title" class="panel__title">
        {t('presence.title')} <span class="panel__count">({connection.presence().length})</span>
      </h2>
      <ul class="presence-list" data-testid="presence-list" aria-live="polite">
        <For each={connection.presence()}>
          {(peer) => (
            <li class="presence-list__item" data-user-id={peer.id} data-self={peer.isSelf ? 'true' : undefined}>
              <Avatar name={peer.name} color={peer.color} isSelf={peer.isSelf} />
              <span class="presence-list__name">
                <span class="presence-list__person" data-testid="presence-name">
                  {peer.name}
                </span>
                <Show when={peer.isSelf}>
                  <span class="badge badge--muted">{t('presence.youBadge')}</span>
                </Show>
              </span>
              <span class="presence-list__role">{enumLabel('role', peer.role)}</span>
            </li>
          )}
        </For>
      </ul>
    </section>
  )
}
