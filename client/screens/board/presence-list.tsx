import { For, Show } from 'solid-js'
import { useBoard } from '../../board/board-context.ts'
import { Avatar } from '../../components/avatar.tsx'
import { activeAttention } from '../../facilitation/attention/attention.ts'
import { groupOf } from '../../facilitation/view-moves.ts'
import { enumLabel, t } from '../../i18n/locale.ts'
import { TargetIcon } from '../../workspace/icons.tsx'
import { usePeerCursors } from '../../workspace/peer-presence.tsx'
import { useToasts } from '../../workspace/toasts.tsx'

/** Zooms to a person's cursor, or says they are not pointing at the board. */
function useGoTo() {
  const cursors = usePeerCursors()
  const toasts = useToasts()
  return (peer: { id: string; name: string }) => {
    if (!cursors?.goTo(peer.id)) toasts.show(t('presence.noCursor', { name: peer.name }), 'info', 3000)
  }
}

const MAX_AVATARS = 5

/** Compact avatars for the header; the full list is in the side panel. */
export function PresenceAvatars() {
  const { connection } = useBoard()
  const goTo = useGoTo()
  const shown = () => connection.presence().slice(0, MAX_AVATARS)
  const hidden = () => Math.max(0, connection.presence().length - MAX_AVATARS)
  return (
    <ul class="presence-avatars" aria-label={t('presence.count', { count: connection.presence().length })}>
      <For each={shown()}>
        {(peer) => (
          <li>
            <Show
              when={!peer.isSelf}
              fallback={
                <Avatar name={peer.name} color={peer.color} size="sm" isSelf label={t('presence.you', { name: peer.name })} />
              }
            >
              {/* named by its words, not an aria-label: the initials shown are a picture of the person, not
                  the button's label (an aria-label beside visible initials fails WCAG 2.5.3, label in name) */}
              <button
                type="button"
                class="presence-avatars__button"
                title={t('presence.goTo', { name: peer.name })}
                onClick={() => goTo(peer)}
              >
                <Avatar name={peer.name} color={peer.color} size="sm" />
                <span class="visually-hidden">{t('presence.goTo', { name: peer.name })}</span>
              </button>
            </Show>
          </li>
        )}
      </For>
      <Show when={hidden() > 0}>
        <li class="avatar avatar--sm avatar--more">{t('presence.more', { count: hidden() })}</li>
      </Show>
    </ul>
  )
}

/** Follow a person's view (again: stop following); while following, Esc or one's own pan ends it. */
function FollowButton(props: { peer: { id: string; name: string } }) {
  const following = () => activeAttention()?.following()?.userId === props.peer.id
  return (
    <Show when={activeAttention()}>
      {(attention) => (
        <button
          type="button"
          class="button button--ghost button--small presence-list__follow"
          aria-pressed={following()}
          aria-label={t('attention.follow', { name: props.peer.name })}
          title={t('attention.follow', { name: props.peer.name })}
          data-testid="follow-person"
          onClick={() => (following() ? attention().stopFollowing() : attention().follow(props.peer))}
        >
          {t('attention.followShort')}
        </button>
      )}
    </Show>
  )
}

/** Everyone connected to the board: avatar, name, role; you first. */
export function PresenceList() {
  const { connection, facilitation } = useBoard()
  const goTo = useGoTo()
  // while groups work apart, each person's group is beside their name
  const groupName = (userId: string) => groupOf(facilitation.state(), userId)?.name
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
                <Show when={groupName(peer.id)}>
                  {(name) => (
                    <span class="presence-list__group" data-testid="presence-group">
                      {t('facilitation.groupName', { name: name() })}
                    </span>
                  )}
                </Show>
              </span>
              <span class="presence-list__role">{enumLabel('role', peer.role)}</span>
              <Show when={!peer.isSelf}>
                <button
                  type="button"
                  class="button button--ghost button--small presence-list__goto"
                  aria-label={t('presence.goTo', { name: peer.name })}
                  title={t('presence.goTo', { name: peer.name })}
                  onClick={() => goTo(peer)}
                >
                  <TargetIcon size={16} />
                </button>
                <FollowButton peer={peer} />
              </Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  )
}
