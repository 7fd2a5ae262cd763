import { Route, Router, type RouteSectionProps, useLocation } from '@solidjs/router'
import { createEffect, on } from 'solid-js'
import { MessagePage } from './components/message-page.tsx'
import { t } from './i18n/locale.ts'
import { usePageTitle } from './page-title.ts'
import { BoardScreen } from './screens/board/board-screen.tsx'
import { CollectionScreen } from './screens/collection/collection-screen.tsx'
import { HomeScreen } from './screens/home/home-screen.tsx'
import { JoinScreen } from './screens/join/join-screen.tsx'
import { ResetScreen } from './screens/reset/reset-screen.tsx'
import { StatementScreen } from './screens/statement/statement-screen.tsx'
import { createSessionStore, SessionContext } from './session/session-store.ts'

function Shell(props: RouteSectionProps) {
  const session = createSessionStore()
  void session[1].refresh()
  const location = useLocation()
  // After an in-app navigation, move focus to the new page's main region so keyboard and
  // screen-reader users start there (the browser does this itself only on full loads).
  createEffect(
    on(
      () => location.pathname,
      () => queueMicrotask(() => document.getElementById('main')?.focus({ preventScroll: true })),
      { defer: true },
    ),
  )
  return (
    <SessionContext.Provider value={session}>
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {props.children}
    </SessionContext.Provider>
  )
}

function NotFoundScreen() {
  usePageTitle(() => t('app.notFound.title'))
  return <MessagePage title={t('app.notFound.title')} body={t('app.notFound.body')} testId="not-found" />
}

export function App() {
  return (
    <Router root={Shell}>
      <Route path="/" component={HomeScreen} />
      <Route path="/join/:token" component={JoinScreen} />
      <Route path="/reset" component={ResetScreen} />
      <Route path="/accessibility" component={StatementScreen} />
      <Route path="/boards/:id" component={BoardScreen} />
      <Route path="/collections/:id" component={CollectionScreen} />
      <Route path="*" component={NotFoundScreen} />
    </Router>
  )
}
