import { A, useNavigate } from '@solidjs/router'
import { createSignal, onCleanup, Show } from 'solid-js'
import { canFacilitate } from '../../../shared/schema/roles.ts'
import { useBoard } from '../../board/board-context.ts'
import { ArrowLeftIcon, BrandIcon, LinkIcon, MoreIcon } from '../../components/icons.tsx'
import { RoleBadge } from '../../components/role-badge.tsx'
import { LanguagePicker } from '../../i18n/language-picker.tsx'
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
  // Phones: the title keeps the line; everything after it folds into a menu behind one button.
  const [menuOpen, setMenuOpen] = createSignal(false)
  let menuRoot: HTMLDivElement | undefined
  const closeOutside = (event: PointerEvent) => {
    if (menuOpen() && menuRoot && !menuRoot.contains(event.target as Node)) setMenuOpen(false)
  }
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && menuOpen()) setMenuOpen(false)
  }
  document.addEventListener('pointerdown', closeOutside)
  document.addEventListener('keydown', closeOnEscape)
  onCleanup(() => {
    document.removeEventListener('pointerdown', closeOutside)
    document.removeEventListener('keydown', closeOnEscape)
  })
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
      <div class="board-header__menu" ref={menuRoot}>
        <button
          type="button"
          class="button button--ghost button--small board-header__more"
          aria-expanded={menuOpen()}
          aria-controls="board-header-end"
          aria-label={t('workspace.headerMenu')}
          title={t('workspace.headerMenu')}
          data-testid="board-header-more"
          onClick={() => setMenuOpen(!menuOpen())}
        >
          <MoreIcon size={20} />
        </button>
        <div id="board-header-end" class="board-header__end" data-open={menuOpen() ? 'true' : undefined}>
          <span class="visually-hidden">{t('board.yourRole')}: </span>
          <RoleBadge role={role()} />
          <ConnectionStatus status={connection.status()} />
          <PresenceAvatars />
          <ExportButton />
          <BoardSettingsButton />
          <LanguagePicker />
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
      </div>
    </header>
  )
}
