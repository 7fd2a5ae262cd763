import { useLocation, useNavigate, useParams } from '@solidjs/router'
import { createEffect, createResource, createSignal, Match, Show, Switch } from 'solid-js'
import { api, type Board, isApiError, type User } from '../../api.ts'
import { BoardContext, createBoardSession } from '../../board/board-context.ts'
import { MessagePage } from '../../components/message-page.tsx'
import { t } from '../../i18n/locale.ts'
import { signInPath } from '../../navigation.ts'
import { usePageTitle } from '../../page-title.ts'
import { useSession } from '../../session/session-store.ts'
import { createToasts, type Toasts } from '../../workspace/toasts.tsx'
import { Workspace } from '../../workspace/workspace.tsx'
import { BoardHeader } from './board-header.tsx'
import { BoardStage } from './board-stage.tsx'

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

export function BoardRemoved() {
  return <MessagePage title={t('board.removed.title')} body={t('board.removed.body')} testId="board-removed" />
}

/** Starts afresh at most this often: a server that keeps refusing this browser must not cause a reload loop. */
const FRESH_START_MIN_INTERVAL_MS = 10_000

/**
 * One open board. A refused change needs nothing here: the server undoes the refused part and
 * the document converges by itself (the workspace says why). Only when the server closes the
 * socket as a forgery (4400) does the board start again: this browser's offline copy is
 * dropped and the board reopens on a fresh Y.Doc with what the server holds.
 */
function OpenBoard(props: { board: Board; me: User }) {
  const toasts = createToasts()
  const [generation, setGeneration] = createSignal(1)
  const [stuck, setStuck] = createSignal(false)
  let lastFreshStart = 0
  const startAfresh = async (clearCache: () => Promise<void>) => {
    await clearCache()
    const now = Date.now()
    if (now - lastFreshStart < FRESH_START_MIN_INTERVAL_MS) {
      setStuck(true)
      return
    }
    lastFreshStart = now
    setGeneration((n) => n + 1)
    toasts.show(t('board.rejected.reloaded'), 'warning', 0)
  }
  return (
    <Show
      when={!stuck()}
      fallback={
        <MessagePage title={t('board.rejected.title')} body={t('board.rejected.body')} testId="board-rejected">
          <button type="button" class="button button--primary" onClick={() => location.reload()}>
            {t('board.rejected.reload')}
          </button>
        </MessagePage>
      }
    >
      <Show when={generation()} keyed>
        {(_generation) => <LiveBoard board={props.board} me={props.me} toasts={toasts} onRejected={startAfresh} />}
      </Show>
    </Show>
  )
}

function LiveBoard(props: { board: Board; me: User; toasts: Toasts; onRejected: (clearCache: () => Promise<void>) => void }) {
  const [, session] = useSession()
  const navigate = useNavigate()
  const location = useLocation()
  const boardSession = createBoardSession(props.board, props.me)
  const status = boardSession.connection.status

  createEffect(() => {
    if (status() === 'unauthorized') {
      // The session ended (logged out elsewhere, expired): sign in, then come back here.
      session.expired()
      navigate(signInPath(location.pathname), { replace: true })
    }
  })
  createEffect(() => {
    if (status() === 'rejected') props.onRejected(boardSession.connection.clearCache)
  })

  return (
    <Switch>
      <Match when={status() === 'no_access'}>
        <BoardUnavailable />
      </Match>
      <Match when={status() === 'removed'}>
        <BoardRemoved />
      </Match>
      <Match when={true}>
        <BoardContext.Provider value={boardSession}>
          <Workspace header={<BoardHeader />} stage={<BoardStage />} toasts={props.toasts} />
        </BoardContext.Provider>
      </Match>
    </Switch>
  )
}
