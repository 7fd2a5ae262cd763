import { createEffect, createResource, createSignal, Match, Show, Switch } from 'solid-js'
import { api, isApiError } from '../../api.ts'
import { AppBar } from '../../components/app-bar.tsx'
import { Dialog } from '../../components/dialog.tsx'
import { FormAlert } from '../../components/field.tsx'
import { PlusIcon } from '../../components/icons.tsx'
import { SiteFooter } from '../../components/site-footer.tsx'
import { errorMessage } from '../../i18n/error-message.ts'
import { t } from '../../i18n/locale.ts'
import { usePageTitle } from '../../page-title.ts'
import { useSession } from '../../session/session-store.ts'
import { AuthPanel } from './auth-panel.tsx'
import { BoardImport } from './board-import.tsx'
import { BoardList } from './board-list.tsx'
import { CollectionList } from './collection-list.tsx'
import { HomeIntro } from './home-intro.tsx'
import { NewBoardForm } from './new-board-form.tsx'

/** `/`: sign-in when signed out, the board list when signed in. */
export function HomeScreen() {
  const [user] = useSession()
  usePageTitle(() => (user() ? t('boards.title') : user() === null ? t('auth.title') : undefined))
  return (
    <div class="page">
      <AppBar />
      <main id="main" class="page__main" tabindex="-1">
        <Switch>
          <Match when={user() === undefined}>
            <p class="loading" role="status">
              {t('app.loading')}
            </p>
          </Match>
          <Match when={user() === null}>
            <div class="auth-layout auth-layout--intro">
              <HomeIntro />
              <AuthPanel />
            </div>
          </Match>
          <Match when={user()}>
            <Dashboard />
          </Match>
        </Switch>
      </main>
      <SiteFooter />
    </div>
  )
}

function Dashboard() {
  const [boards, { refetch }] = createResource(async () => (await api.listBoards()).boards)
  const [creating, setCreating] = createSignal(false)
  const [user, session] = useSession()
  createEffect(() => {
    // The session ended elsewhere (signed out in another tab, expired): back to sign-in.
    if (isApiError(boards.error) && boards.error.status === 401) session.expired()
  })
  return (
    <section class="dashboard" aria-labelledby="boards-title">
      <div class="dashboard__head">
        <h1 id="boards-title">{t('boards.title')}</h1>
        {/* Guests belong to the one board they were invited to; only accounts create boards. */}
        <Show when={!user()?.guest}>
          <button type="button" class="button button--primary" onClick={() => setCreating(true)} aria-haspopup="dialog">
            <PlusIcon />
            {t('boards.new')}
          </button>
        </Show>
      </div>
      <Show when={!user()?.guest}>
        <BoardImport />
      </Show>
      <HomeIntro compact />
      <Switch>
        <Match when={boards.error}>
          <FormAlert message={`${t('boards.loadFailed')} ${errorMessage(boards.error)}`} />
          <button type="button" class="button" onClick={() => refetch()}>
            {t('boards.retry')}
          </button>
        </Match>
        <Match when={boards()}>{(list) => <BoardList boards={list()} />}</Match>
        <Match when={boards.loading}>
          <p class="loading" role="status">
            {t('app.loading')}
          </p>
        </Match>
      </Switch>
      <CollectionList />
      <Dialog open={creating()} onClose={() => setCreating(false)} title={t('newBoard.title')} wide>
        <Show when={creating()}>
          <NewBoardForm onCancel={() => setCreating(false)} />
        </Show>
      </Dialog>
    </section>
  )
}
