import { A } from '@solidjs/router'
import { createMemo, createResource, createSignal, For, Show } from 'solid-js'
import type { CollectionSite } from '../../../shared/collections/collection.ts'
import { canFacilitate } from '../../../shared/schema/roles.ts'
import { FormAlert, SelectField } from '../../components/field.tsx'
import { MapPinIcon } from '../../components/icons.tsx'
import { errorMessage } from '../../i18n/error-message.ts'
import { countryName, formatDateTime, t } from '../../i18n/locale.ts'
import { collectionApi } from './collection-api.ts'
import { type CollectionPage, canManage, settled } from './collection-context.ts'

/** Sites: the boards in the collection (live or a snapshot); owners and facilitators add and remove them. */
export function SitesTab(props: { page: CollectionPage }) {
  const page = props.page
  const [error, setError] = createSignal<unknown>(null)
  const [busy, setBusy] = createSignal(false)
  const compareSite = (boardId: string) => settled(page.compare)?.sites.find((site) => site.boardId === boardId)
  const siteLine = (boardId: string) => {
    const known = compareSite(boardId)?.site ?? settled(page.myBoards)?.get(boardId)?.site ?? null
    if (!known) return null
    return [known.name, known.country ? countryName(known.country) : null].filter(Boolean).join(' · ') || null
  }
  const remove = async (boardId: string) => {
    setBusy(true)
    setError(null)
    try {
      await collectionApi.removeSite(page.id, boardId)
      await page.reload()
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section class="collection-section" aria-labelledby="sites-title">
      <h2 id="sites-title" class="collection-section__title">
        {t('collection.sites.title')}
      </h2>
      <FormAlert message={error() ? errorMessage(error()) : null} />
      <Show when={page.collection().sites.length > 0} fallback={<p class="empty-state">{t('collection.sites.empty')}</p>}>
        <ul class="site-rows" data-testid="site-list">
          <For each={page.collection().sites}>
            {(site) => (
              <li class="site-row" data-board-id={site.boardId} data-testid="site-row">
                <div class="site-row__text">
                  <h3 class="site-row__title">{site.title}</h3>
                  <p class="site-row__meta">
                    <MapPinIcon size={16} />
                    <span>{siteLine(site.boardId) ?? t('boards.noSite')}</span>
                  </p>
                  <p class="site-row__meta">
                    <span
                      class="badge"
                      classList={{ 'badge--muted': site.snapshotId !== null, 'site-state--live': site.snapshotId === null }}
                      data-testid="site-state"
                    >
                      {site.snapshotId === null
                        ? t('collection.sites.live')
                        : t('collection.sites.snapshot', {
                            label: compareSite(site.boardId)?.snapshotLabel ?? site.snapshotId,
                          })}
                    </span>
                  </p>
                </div>
                <div class="site-row__actions">
                  <Show when={canManage(page) && canFacilitate(settled(page.myBoards)?.get(site.boardId)?.role ?? 'viewer')}>
                    <SiteState page={page} site={site} onError={setError} />
                  </Show>
                  <Show when={settled(page.myBoards)?.has(site.boardId)}>
                    <A class="button button--small" href={`/boards/${encodeURIComponent(site.boardId)}`}>
                      {t('collection.sites.open')}
                      <span class="visually-hidden"> {site.title}</span>
                    </A>
                  </Show>
                  <Show when={canManage(page)}>
                    <button
                      type="button"
                      class="button button--small button--ghost"
                      disabled={busy()}
                      onClick={() => remove(site.boardId)}
                    >
                      {t('collection.sites.remove')}
                      <span class="visually-hidden"> {site.title}</span>
                    </button>
                  </Show>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={canManage(page)}>
        <AddSiteForm page={page} />
      </Show>
    </section>
  )
}

/** Another state of a site already in the collection (the live board or one of its snapshots), for whoever facilitates the board. */
function SiteState(props: { page: CollectionPage; site: CollectionSite; onError: (error: unknown) => void }) {
  const [snapshots] = createResource(
    () => props.site.boardId,
    async (boardId) => (await collectionApi.snapshots(boardId)).snapshots,
  )
  const [busy, setBusy] = createSignal(false)
  const id = `site-state-${props.site.boardId}`
  const change = async (snapshotId: string) => {
    setBusy(true)
    props.onError(null)
    try {
      await collectionApi.addSite(props.page.id, props.site.boardId, snapshotId || null)
      await props.page.reload()
    } catch (failure) {
      props.onError(failure)
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <label class="visually-hidden" for={id}>
        {t('collection.sites.stateOf', { title: props.site.title })}
      </label>
      <select
        id={id}
        class="input select site-row__state"
        value={props.site.snapshotId ?? ''}
        disabled={busy()}
        onChange={(e) => void change(e.currentTarget.value)}
        data-testid="site-state-select"
      >
        <option value="">{t('collection.sites.liveOption')}</option>
        <For each={settled(snapshots) ?? []}>
          {(snapshot) => (
            <option value={snapshot.id} selected={snapshot.id === props.site.snapshotId}>
              {t('collection.sites.snapshotOption', {
                label: snapshot.label,
                time: formatDateTime(new Date(snapshot.createdAt)),
              })}
            </option>
          )}
        </For>
      </select>
    </>
  )
}

/** Add a board the caller facilitates or owns, live or at one of its snapshots. */
function AddSiteForm(props: { page: CollectionPage }) {
  const page = props.page
  const candidates = createMemo(() => {
    const inCollection = new Set(page.collection().sites.map((site) => site.boardId))
    return [...(settled(page.myBoards)?.values() ?? [])]
      .filter((board) => canFacilitate(board.role) && !inCollection.has(board.id))
      .sort((a, b) => a.title.localeCompare(b.title))
  })
  const [boardId, setBoardId] = createSignal('')
  const chosen = () => boardId() || candidates()[0]?.id || ''
  const [snapshotId, setSnapshotId] = createSignal('')
  const [snapshots] = createResource(
    () => chosen() || null,
    async (id) => (await collectionApi.snapshots(id)).snapshots,
  )
  const [error, setError] = createSignal<unknown>(null)
  const [busy, setBusy] = createSignal(false)
  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    if (!chosen()) return
    setBusy(true)
    setError(null)
    try {
      await collectionApi.addSite(page.id, chosen(), snapshotId() || null)
      setBoardId('')
      setSnapshotId('')
      await page.reload()
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }
  return (
    <form class="collection-form card" onSubmit={submit} data-testid="add-site-form">
      <h3 class="collection-form__title">{t('collection.sites.add')}</h3>
      <Show when={candidates().length > 0} fallback={<p class="muted">{t('collection.sites.noCandidates')}</p>}>
        <p class="field__hint">{t('collection.sites.addHint')}</p>
        <FormAlert message={error() ? errorMessage(error()) : null} />
        <div class="collection-form__row">
          <SelectField
            label={t('collection.sites.board')}
            value={chosen()}
            onChange={(e) => {
              setBoardId(e.currentTarget.value)
              setSnapshotId('')
            }}
          >
            <For each={candidates()}>{(board) => <option value={board.id}>{board.title}</option>}</For>
          </SelectField>
          <SelectField
            label={t('collection.sites.state')}
            value={snapshotId()}
            onChange={(e) => setSnapshotId(e.currentTarget.value)}
          >
            <option value="">{t('collection.sites.liveOption')}</option>
            <For each={settled(snapshots) ?? []}>
              {(snapshot) => (
                <option value={snapshot.id}>
                  {t('collection.sites.snapshotOption', {
                    label: snapshot.label,
                    time: formatDateTime(new Date(snapshot.createdAt)),
                  })}
                </option>
              )}
            </For>
          </SelectField>
        </div>
        <div>
          <button type="submit" class="button button--primary" disabled={busy() || !chosen()}>
            {t('collection.sites.addSubmit')}
          </button>
        </div>
      </Show>
    </form>
  )
}
