import { A, useNavigate } from '@solidjs/router'
import { createSignal, Show } from 'solid-js'
import { canFacilitate } from '../../../shared/schema/roles.ts'
import { useBoard } from '../../board/board-context.ts'
import { ArrowLeftIcon, BrandIcon, LinkIcon } from '../../components/icons.tsx'
import { RoleBadge } from '../../components/role-badge.tsx'
import { t } from '../../i18n/locale.ts'
import { ExportButton } from '../../workspace/export/export-button.tsx'
import { copyBoardForMe } from '../home/copy-board.ts'
import { BoardSettingsButton } from './board-settings-dialog.tsx'
import { ConnectionStatus } from './connection-status.tsx'
import { InviteDialog } from './invite-dialog.tsx'
import { PresenceAvatars } from './presence-list.tsx'
import { useSiteProfile } from './site-panel.tsx'

/** Title, site, your role, connection state, who is here; invites for those who may send them. */
export function BoardHeader() {
  const { board, role, connection, store } = useBoard()
  const site = useSiteProfile()
  const [inviting, setInviting] = createSignal(false)
  const navigate = useNavigate()
  const [copying, setCopying] = createSignal(false)
  /** the demo, opened read-only by someone who is no member: offer their own copy */
  const canCopy = () => board.publicRead === true && role() === 'viewer'
  const [copyFailed, setCopyFailed] = createSignal(false)
  const copy = async () => {
    setCopying(true)
    setCopyFailed(false)
    try {
      navigate(`/boards/${encodeURIComponent(await copyBoardForMe({ id: board.id, title: board.title }))}`)
    } catch {
      setCopyFailed(true)
    } finally {
      setCopying(false)
    }
  }
  const siteLine = () => [site().name, site().location].filter(Boolean).join(' · ')
  return (
    <header class="board-header">
      <div class="board-header__start">
        <A href="/" class="button button--ghost button--small board-header__back">
          <ArrowLeftIcon size={16} />
          <span class="board-header__back-text">{t('app.backToBoards')}</span>
        </A>
        <BrandIcon size={22} class="board-header__brand" />
        <div class="board-header__titles">
          <h1 class="board-header__title" data-testid="board-title">
            {store.state.title ?? board.title}
          </h1>
          <Show when={siteLine()}>
            <p class="board-header__site" data-testid="board-site">
              {siteLine()}
            </p>
          </Show>
        </div>
      </div>
      <div class="board-header__end">
        <span class="visually-hidden">{t('board.yourRole')}: </span>
        <RoleBadge role={role()} />
        <ConnectionStatus status={connection.status()} />
        <PresenceAvatars />
        <ExportButton />
        <BoardSettingsButton />
        <Show when={canCopy()}>
          <button type="button" class="button button--small button--primary" disabled={copying()} onClick={() => void copy()}>
            {copying() ? t('home.demo.copying') : t('home.demo.copy')}
          </button>
          <Show when={copyFailed()}>
            <span class="visually-hidden" role="alert">
              {t('error.generic')}
            </span>
          </Show>
        </Show>
        <Show when={canFacilitate(role())}>
          <button type="button" class="button button--small" onClick={() => setInviting(true)} aria-haspopup="dialog">
            <LinkIcon size={16} />
            {t('invite.open')}
          </button>
          <InviteDialog open={inviting()} onClose={() => setInviting(false)} />
        </Show>
      </div>
    </header>
  )
}
