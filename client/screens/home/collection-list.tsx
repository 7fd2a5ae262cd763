import { A, useNavigate } from '@solidjs/router'
import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js'
import { FormAlert } from '../../components/field.tsx'
import { PlusIcon } from '../../components/icons.tsx'
import { RoleBadge } from '../../components/role-badge.tsx'
import { errorMessage } from '../../i18n/error-message.ts'
import { t } from '../../i18n/locale.ts'
import { useSession } from '../../session/session-store.ts'
import { collectionApi } from '../collection/collection-api.ts'
import '../collection/collection.css'

/** "Collections of sites" on the home page: the caller's collections, and a new one (accounts only). */
export function CollectionList() {
  const [user] = useSession()
  const [collections, { refetch }] = createResource(async () => (await collectionApi.list()).collections)
  const [creating, setCreating] = createSignal(false)
  const [title, setTitle] = createSignal('')
  const [error, setError] = createSignal<unknown>(null)
  const [busy, setBusy] = createSignal(false)
  const navigate = useNavigate()
  let input: HTMLInputElement | undefined
  const create = async (event: SubmitEvent) => {
    event.preventDefault()
    if (!title().trim()) {
      input?.focus()
      return
    }
    setBusy(true)
    setError(null)
    try {
      const { collection } = await collectionApi.create(title().trim())
      navigate(`/collections/${encodeURIComponent(collection.id)}`)
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section class="collections-home" aria-labelledby="collections-title" data-testid="collections-home">
      <div class="dashboard__head">
        <h2 id="collections-title">{t('collections.title')}</h2>
        <Show when={!user()?.guest && !creating()}>
          <button
            type="button"
            class="button"
            onClick={() => {
              setCreating(true)
              queueMicrotask(() => input?.focus())
            }}
          >
            <PlusIcon />
            {t('collections.new')}
          </button>
        </Show>
      </div>
      <p class="muted">{t('collections.intro')}</p>
      <Show when={creating()}>
        <form class="collection-form card" onSubmit={create} data-testid="new-collection-form">
          <FormAlert message={error() ? errorMessage(error()) : null} />
          <div class="collection-form__row">
            <div class="field">
              <label class="field__label" for="new-collection-title">
                {t('collections.newTitle')}
              </label>
              <input
                ref={input}
                id="new-collection-title"
                class="input"
                maxLength={200}
                value={title()}
                placeholder={t('collections.newPlaceholder')}
                onInput={(e) => setTitle(e.currentTarget.value)}
              />
            </div>
          </div>
          <div class="collection-form__buttons">
            <button type="submit" class="button button--primary" disabled={busy()}>
              {t('collections.create')}
            </button>
            <button type="button" class="button button--ghost" onClick={() => setCreating(false)}>
              {t('app.cancel')}
            </button>
          </div>
        </form>
      </Show>
      <Switch>
        <Match when={collections.error}>
          <FormAlert message={`${t('collections.loadFailed')} ${errorMessage(collections.error)}`} />
          <button type="button" class="button" onClick={() => refetch()}>
            {t('boards.retry')}
          </button>
        </Match>
        <Match when={collections()}>
          {(list) => (
            <Show when={list().length > 0} fallback={<p class="muted">{t('collections.empty')}</p>}>
              <ul class="collection-cards" data-testid="collection-list">
                <For each={list()}>
                  {(collection) => (
                    <li class="collection-card" data-collection-id={collection.id}>
                      <h3 class="collection-card__title">
                        <A href={`/collections/${encodeURIComponent(collection.id)}`}>{collection.title}</A>
                      </h3>
                      <RoleBadge role={collection.role} />
                      <span class="muted">{t('collections.sites', { count: collection.sites.length })}</span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Match>
      </Switch>
    </section>
  )
}
