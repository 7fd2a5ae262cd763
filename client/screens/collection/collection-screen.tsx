import { A, useParams } from '@solidjs/router'
import { createEffect, createResource, createSignal, For, Match, onCleanup, Show, Switch } from 'solid-js'
import type { Collection } from '../../../shared/collections/collection.ts'
import type { MessageKey } from '../../../shared/i18n/index.ts'
import { api, isApiError } from '../../api.ts'
import { AppBar } from '../../components/app-bar.tsx'
import { FormAlert } from '../../components/field.tsx'
import { ArrowLeftIcon } from '../../components/icons.tsx'
import { MessagePage } from '../../components/message-page.tsx'
import { RoleBadge } from '../../components/role-badge.tsx'
import { SiteFooter } from '../../components/site-footer.tsx'
import { errorMessage } from '../../i18n/error-message.ts'
import { t } from '../../i18n/locale.ts'
import { signInPath } from '../../navigation.ts'
import { usePageTitle } from '../../page-title.ts'
import { useSession } from '../../session/session-store.ts'
import { collectionApi } from './collection-api.ts'
import type { CollectionPage } from './collection-context.ts'
import { CompareTab } from './compare-tab.tsx'
import { MembersTab } from './members-tab.tsx'
import { ReviewsTab } from './reviews-tab.tsx'
import { SitesTab } from './sites-tab.tsx'
import { StrategyTab } from './strategy-tab.tsx'
import './collection.css'

export type CollectionTab = 'sites' | 'compare' | 'reviews' | 'strategy' | 'members'
export const collectionTabs: readonly CollectionTab[] = ['sites', 'compare', 'reviews', 'strategy', 'members']

const tabFromHash = (): CollectionTab => {
  const hash = typeof location === 'undefined' ? '' : location.hash.slice(1)
  return (collectionTabs as readonly string[]).includes(hash) ? (hash as CollectionTab) : 'sites'
}

/** `/collections/:id`: a collection of sites, in five tabs (WAI-ARIA tabs, like the board's side panel). */
export function CollectionScreen() {
  const params = useParams<{ id: string }>()
  const [user, session] = useSession()
  const [collection, { mutate, refetch }] = createResource(
    () => (user() ? params.id : null),
    async (id) => (await collectionApi.get(id)).collection,
  )
  // the error first: reading a failed resource throws
  usePageTitle(() => (collection.error ? t('collection.notFound.title') : collection()?.title))
  createEffect(() => {
    if (isApiError(collection.error) && collection.error.status === 401) session.expired()
  })
  return (
    <Switch>
      <Match when={user() === null}>
        <MessagePage title={t('collection.signIn.title')} body={t('collection.signIn.body')} testId="collection-sign-in">
          <A class="button button--primary" href={signInPath(`/collections/${encodeURIComponent(params.id)}`)}>
            {t('auth.logIn')}
          </A>
        </MessagePage>
      </Match>
      <Match when={isApiError(collection.error) && (collection.error.status === 404 || collection.error.status === 403)}>
        <MessagePage title={t('collection.notFound.title')} body={t('collection.notFound.body')} testId="collection-not-found" />
      </Match>
      <Match when={true}>
        <div class="page">
          <AppBar />
          <main id="main" class="page__main collection" tabindex="-1">
            <Switch>
              <Match when={collection.error}>
                <FormAlert message={`${t('collection.loadFailed')} ${errorMessage(collection.error)}`} />
                <button type="button" class="button" onClick={() => refetch()}>
                  {t('boards.retry')}
                </button>
              </Match>
              <Match when={collection()}>
                {(current) => (
                  <CollectionView
                    collection={current()}
                    setCollection={(next) => mutate(next)}
                    reload={async () => {
                      await refetch()
                    }}
                  />
                )}
              </Match>
              <Match when={true}>
                <p class="loading" role="status">
                  {t('app.loading')}
                </p>
              </Match>
            </Switch>
          </main>
          <SiteFooter />
        </div>
      </Match>
    </Switch>
  )
}

const tabLabels: Record<CollectionTab, MessageKey> = {
  sites: 'collection.tab.sites',
  compare: 'collection.tab.compare',
  reviews: 'collection.tab.reviews',
  strategy: 'collection.tab.strategy',
  members: 'collection.tab.members',
}

function CollectionView(props: {
  collection: Collection
  setCollection: (collection: Collection) => void
  reload: () => Promise<void>
}) {
  const [active, setActive] = createSignal<CollectionTab>(tabFromHash())
  const buttons = new Map<CollectionTab, HTMLButtonElement>()
  // the comparison is asked again whenever the sites change (added, removed, another snapshot)
  const sitesKey = () => props.collection.sites.map((site) => `${site.boardId}@${site.snapshotId ?? ''}`).join(',')
  // a string source: a saved text or criterion (a new collection object, the same sites) asks nothing again
  const [compare, { refetch: refetchCompare }] = createResource(
    () => `${props.collection.id}|${sitesKey()}`,
    async () => collectionApi.compare(props.collection.id),
  )
  const [myBoards] = createResource(async () => new Map((await api.listBoards()).boards.map((board) => [board.id, board])))
  const page: CollectionPage = {
    get id() {
      return props.collection.id
    },
    collection: () => props.collection,
    setCollection: (next) => props.setCollection(next),
    reload: () => props.reload(),
    compare,
    refetchCompare: () => void refetchCompare(),
    myBoards,
  }

  const select = (tab: CollectionTab, focus = false) => {
    setActive(tab)
    if (typeof history !== 'undefined') history.replaceState(history.state, '', `#${tab}`)
    if (focus) buttons.get(tab)?.focus()
  }
  // a link to another tab of this page (`#members`) changes only the hash: follow it
  const onHashChange = () => setActive(tabFromHash())
  window.addEventListener('hashchange', onHashChange)
  onCleanup(() => window.removeEventListener('hashchange', onHashChange))
  const onKeyDown = (event: KeyboardEvent) => {
    const at = collectionTabs.indexOf(active())
    const last = collectionTabs.length - 1
    const next =
      event.key === 'ArrowRight'
        ? collectionTabs[at === last ? 0 : at + 1]
        : event.key === 'ArrowLeft'
          ? collectionTabs[at === 0 ? last : at - 1]
          : event.key === 'Home'
            ? collectionTabs[0]
            : event.key === 'End'
              ? collectionTabs[last]
              : undefined
    if (!next) return
    event.preventDefault()
    select(next, true)
  }

  return (
    <div class="collection__frame" data-testid="collection-page" data-collection-id={props.collection.id}>
      <A href="/" class="button button--ghost button--small collection__back">
        <ArrowLeftIcon size={16} />
        {t('collection.back')}
      </A>
      <div class="collection__head">
        <h1 class="collection__title" data-testid="collection-title">
          {props.collection.title}
        </h1>
        <RoleBadge role={props.collection.role} withPrefix />
      </div>
      <p class="muted collection__count">{t('collections.sites', { count: props.collection.sites.length })}</p>
      <div class="collection__tabs" role="tablist" aria-label={t('collection.tabs')} onKeyDown={onKeyDown}>
        <For each={collectionTabs}>
          {(tab) => (
            <button
              ref={(el) => buttons.set(tab, el)}
              type="button"
              role="tab"
              id={`collection-tab-${tab}`}
              class="tabs__tab collection__tab"
              aria-selected={active() === tab}
              aria-controls={`collection-panel-${tab}`}
              tabindex={active() === tab ? 0 : -1}
              data-testid={`collection-tab-${tab}`}
              onClick={() => select(tab)}
            >
              {t(tabLabels[tab])}
            </button>
          )}
        </For>
      </div>
      <div
        id={`collection-panel-${active()}`}
        role="tabpanel"
        class="collection__panel"
        aria-labelledby={`collection-tab-${active()}`}
        data-testid={`collection-panel-${active()}`}
      >
        <Switch>
          <Match when={active() === 'sites'}>
            <SitesTab page={page} />
          </Match>
          <Match when={active() === 'compare'}>
            <CompareTab page={page} />
          </Match>
          <Match when={active() === 'reviews'}>
            <ReviewsTab page={page} />
          </Match>
          <Match when={active() === 'strategy'}>
            <StrategyTab page={page} />
          </Match>
          <Match when={active() === 'members'}>
            <MembersTab page={page} />
          </Match>
        </Switch>
      </div>
    </div>
  )
}

/** Shown by a tab while its data loads or when it failed. */
export function LoadState(props: { error: unknown; loading: boolean; retry: () => void; failed: MessageKey }) {
  return (
    <Show
      when={props.error}
      fallback={
        <Show when={props.loading}>
          <p class="loading" role="status">
            {t('app.loading')}
          </p>
        </Show>
      }
    >
      <FormAlert message={`${t(props.failed)} ${errorMessage(props.error)}`} />
      <button type="button" class="button" onClick={() => props.retry()}>
        {t('boards.retry')}
      </button>
    </Show>
  )
}
