import { useLocation, useNavigate, useParams } from '@solidjs/router'
import { createEffect, createResource, Match, Switch } from 'solid-js'
import { api, type Board, isApiError, type User } from '../../api.ts'
import { BoardContext, createBoardSession } from '../../board/board-context.ts'
import { MessagePage } from '../../components/message-page.tsx'
import { t } from '../../i18n/locale.ts'
import { signInPath } from '../../navigation.ts'
import { usePageTitle } from '../../page-title.ts'
import { useSession } from '../../session/session-store.ts'
import { BoardHeader } from './board-header.tsx'
import { BoardStage } from './board-stage.tsx'
import { PresenceList } from './presence-list.tsx'
import { SitePanel } from './site-panel.tsx'

/** `/boards/:id`: loads the board's metadata, then opens it live. */
export function BoardScreen() {
  const params = useParams<{ id: string }>()
  const [user, session] = useSession()
  const location = useLocation()
  const navigate = useNavigate()
  const [board, { refetch }] = createResource(
    () => params.id,
    async (id) => (await api.getBoard(id)).board,
  )
  const failure = () => (isApiError(board.error) ? board.error.status : board.error ? -1 : null)

  createEffect(() => {
    // Signed out (or the session expired): sign in, then come back here.
    if (failure() === 401 || user() === null) {
      if (failure() === 401) session.expired()
      navigate(signInPath(location.pathname), { replace: true })
    }
  })
  usePageTitle(() => (board.error ? t('board.unavailable.title') : board.latest?.title))

  return (
    <Switch>
      <Match when={failure() === 404 || failure() === 403}>
        <BoardUnavailable />
      </Match>
      <Match when={failure() !== null && failure() !== 401}>
        <MessagePage title={t('board.loadFailed.title')} body={t('board.loadFailed.body')} testId="board-load-failed">
          <button type="button" class="button button--primary" onClick={() => refetch()}>
            {t('boards.retry')}
          </button>
        </MessagePage>
      </Match>
      <Match when={!board.error && !board.loading && board() && user()}>
        <OpenBoard board={board() as Board} me={user() as User} />
      </Match>
      <Match when={true}>
        <main id="main" class="page__main" tabindex="-1">
          <p class="loading" role="status">
            {t('board.loading')}
          </p>
        </main>
      </Match>
    </Switch>
  )
}

export function BoardUnavailable() {
  return <MessagePage title={t('board.unavailable.title')} body={t('board.unavailable.body')} testId="board-unavailable" />
}

/** One open board; leaving the route closes the connection (the session's owner is this component). */
function OpenBoard(props: { board: Board; me: User }) {
  const [, session] = useSession()
  const navigate = useNavigate()
  const location = useLocation()
  const boardSession = createBoardSession(props.board, props.me)
  const status = boardSession.connection.status

  createEffect(() => {
    if (status() === 'unauthorized') {
      session.expired()
      navigate(signInPath(location.pathname), { replace: true })
    }
  })

  return (
    <Switch>
      <Match when={status() === 'no_access'}>
        <BoardUnavailable />
      </Match>
      <Match when={true}>
        <BoardContext.Provider value={boardSession}>
          <div class="board-page" data-testid="board-page">
            <BoardHeader />
            <div class="board-body">
              <main id="main" class="board-main" tabindex="-1" aria-label={t('board.header')}>
                <BoardStage />
              </main>
              <aside class="board-sidebar" aria-label={t('board.sidebar')}>
                <PresenceList />
                <SitePanel />
              </aside>
            </div>
          </div>
        </BoardContext.Provider>
      </Match>
    </Switch>
  )
}
