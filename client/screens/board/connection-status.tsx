import { Match, Switch } from 'solid-js'
import type { ConnectionStatus as Status } from '../../board/connection.ts'
import { ConnectedIcon, ConnectingIcon, OfflineIcon, ReconnectingIcon } from '../../components/icons.tsx'
import { t } from '../../i18n/locale.ts'

/** The connection state as icon + text (never colour alone), announced politely when it changes. */
export function ConnectionStatus(props: { status: Status }) {
  // The final states are shown by the board screen itself; this chip only ever says offline then.
  const shown = () =>
    props.status === 'unauthorized' || props.status === 'no_access' || props.status === 'removed' || props.status === 'rejected'
      ? 'offline'
      : props.status
  return (
    <div
      class={`status status--${shown()}`}
      role="status"
      data-testid="connection-status"
      data-status={shown()}
      title={shown() === 'offline' ? t('connection.offlineHint') : undefined}
    >
      <span class="visually-hidden">{t('connection.label')}: </span>
      <Switch>
        <Match when={shown() === 'connected'}>
          <ConnectedIcon size={16} />
          <span>{t('connection.connected')}</span>
        </Match>
        <Match when={shown() === 'connecting'}>
          <ConnectingIcon size={16} />
          <span>{t('connection.connecting')}</span>
        </Match>
        <Match when={shown() === 'reconnecting'}>
          <ReconnectingIcon size={16} />
          <span>{t('connection.reconnecting')}</span>
        </Match>
        <Match when={shown() === 'limited'}>
          <ReconnectingIcon size={16} />
          <span>{t('connection.limited')}</span>
        </Match>
        <Match when={shown() === 'offline'}>
          <OfflineIcon size={16} />
          <span>{t('connection.offlineKept')}</span>
        </Match>
      </Switch>
    </div>
  )
}
