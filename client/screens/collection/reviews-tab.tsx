import { createEffect, createMemo, createResource, createSignal, For, on, Show } from 'solid-js'
import { createStore, reconcile } from 'solid-js/store'
import type { Criterion, Review, ReviewScore, Score } from '../../../shared/collections/collection.ts'
import { FormAlert } from '../../components/field.tsx'
import { errorMessage } from '../../i18n/error-message.ts'
import { formatNumber, t } from '../../i18n/locale.ts'
import { useSession } from '../../session/session-store.ts'
import { collectionApi } from './collection-api.ts'
import { type CollectionPage, canManage, canReview, settled } from './collection-context.ts'
import { LoadState } from './collection-screen.tsx'
import { criterionTitle } from './format.ts'

const scores: Score[] = [1, 2, 3, 4, 5]

/** Reviews: the criteria, the caller's review of a site, and everyone's reviews side by side. */
export function ReviewsTab(props: { page: CollectionPage }) {
  const page = props.page
  const [reviews, { refetch, mutate }] = createResource(async () => (await collectionApi.reviews(page.id)).reviews)
  const [siteId, setSiteId] = createSignal(page.collection().sites[0]?.boardId ?? '')
  const site = () => page.collection().sites.find((candidate) => candidate.boardId === siteId()) ?? page.collection().sites[0]
  return (
    <section class="collection-section" aria-labelledby="reviews-title">
      <h2 id="reviews-title" class="collection-section__title">
        {t('collection.reviews.title')}
      </h2>
      <CriteriaEditor page={page} />
      <Show when={page.collection().sites.length > 0} fallback={<p class="empty-state">{t('collection.sites.empty')}</p>}>
        <div class="field collection-form__narrow">
          <label class="field__label" for="review-site">
            {t('collection.reviews.site')}
          </label>
          <select
            id="review-site"
            class="input select"
            value={site()?.boardId ?? ''}
            onChange={(e) => setSiteId(e.currentTarget.value)}
            data-testid="review-site"
          >
            <For each={page.collection().sites}>
              {(candidate) => <option value={candidate.boardId}>{candidate.title}</option>}
            </For>
          </select>
        </div>
        <LoadState
          error={reviews.error}
          loading={reviews.loading && !settled(reviews)}
          retry={refetch}
          failed="collection.reviews.loadFailed"
        />
        <Show when={site()}>
          {(current) => (
            <Show when={settled(reviews)}>
              {(list) => (
                <>
                  <Show
                    when={canReview(page)}
                    fallback={
                      <p class="field__hint" data-testid="reviews-read-only">
                        {t('collection.reviews.viewerHint')}
                      </p>
                    }
                  >
                    <MyReview
                      page={page}
                      boardId={current().boardId}
                      siteTitle={current().title}
                      reviews={list()}
                      onSaved={(review) =>
                        mutate((old) => [
                          ...(old ?? []).filter(
                            (other) => !(other.boardId === review.boardId && other.reviewerId === review.reviewerId),
                          ),
                          review,
                        ])
                      }
                    />
                  </Show>
                  <SideBySide
                    criteria={page.collection().criteria}
                    siteTitle={current().title}
                    reviews={list().filter((review) => review.boardId === current().boardId)}
                  />
                </>
              )}
            </Show>
          )}
        </Show>
      </Show>
    </section>
  )
}

/** The criteria: owners and facilitators rename, add and remove them; everyone else reads them. */
function CriteriaEditor(props: { page: CollectionPage }) {
  const page = props.page
  const [draft, setDraft] = createStore<{ list: Criterion[] }>({ list: [] })
  createEffect(
    on(
      () => page.collection().criteria,
      (criteria) => setDraft('list', reconcile(criteria.map((criterion) => ({ ...criterion })))),
    ),
  )
  const [error, setError] = createSignal<unknown>(null)
  const [saved, setSaved] = createSignal(false)
  const [busy, setBusy] = createSignal(false)
  const save = async (event: SubmitEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    setSaved(false)
    try {
      const { collection } = await collectionApi.update(page.id, {
        criteria: draft.list.map((criterion) => ({ id: criterion.id, title: criterion.title.trim() })),
      })
      page.setCollection(collection)
      setSaved(true)
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }
  const add = () => setDraft('list', (list) => [...list, { id: `c-${Math.random().toString(36).slice(2, 10)}`, title: '' }])
  return (
    <Show
      when={canManage(page)}
      fallback={
        <div class="criteria-read">
          <h3 class="collection-section__subtitle">{t('collection.reviews.criteria')}</h3>
          <ol class="criteria-list" data-testid="criteria-list">
            <For each={page.collection().criteria}>{(criterion) => <li>{criterionTitle(criterion)}</li>}</For>
          </ol>
        </div>
      }
    >
      <form class="collection-form card" onSubmit={save} data-testid="criteria-form">
        <h3 class="collection-form__title">{t('collection.reviews.criteria')}</h3>
        <p class="field__hint">{t('collection.reviews.criteriaHint')}</p>
        <FormAlert message={error() ? errorMessage(error()) : null} />
        <ol class="criteria-edit">
          <For each={draft.list}>
            {(criterion, index) => (
              <li class="criteria-edit__row">
                <label class="visually-hidden" for={`criterion-${criterion.id}`}>
                  {t('collection.reviews.criterionLabel', { n: index() + 1 })}
                </label>
                <input
                  id={`criterion-${criterion.id}`}
                  class="input"
                  value={criterion.title}
                  placeholder={criterionTitle({ id: criterion.id, title: '' })}
                  maxLength={200}
                  onInput={(e) => setDraft('list', index(), 'title', e.currentTarget.value)}
                />
                <button
                  type="button"
                  class="button button--small button--ghost"
                  onClick={() => setDraft('list', (list) => list.filter((_, i) => i !== index()))}
                >
                  {t('collection.reviews.removeCriterion')}
                  <span class="visually-hidden"> {criterionTitle(criterion)}</span>
                </button>
              </li>
            )}
          </For>
        </ol>
        <div class="collection-form__buttons">
          <button type="button" class="button button--small" onClick={add}>
            {t('collection.reviews.addCriterion')}
          </button>
          <button type="submit" class="button button--primary" disabled={busy()}>
            {t('collection.reviews.saveCriteria')}
          </button>
          <span role="status" class="muted">
            {saved() ? t('collection.saved') : ''}
          </span>
        </div>
      </form>
    </Show>
  )
}

/** The caller's review of one site: a score 1–5 and a text per criterion, and a summary. */
function MyReview(props: {
  page: CollectionPage
  boardId: string
  siteTitle: string
  reviews: Review[]
  onSaved: (review: Review) => void
}) {
  const [user] = useSession()
  const mine = createMemo(() =>
    props.reviews.find((review) => review.boardId === props.boardId && review.reviewerId === user()?.id),
  )
  const [form, setForm] = createStore<{ scores: Record<string, ReviewScore>; summary: string }>({ scores: {}, summary: '' })
  createEffect(
    on(
      () => [props.boardId, mine()] as const,
      ([, review]) => {
        const next: Record<string, ReviewScore> = {}
        for (const criterion of props.page.collection().criteria)
          next[criterion.id] = {
            score: review?.scores[criterion.id]?.score ?? null,
            text: review?.scores[criterion.id]?.text ?? '',
          }
        setForm('scores', reconcile(next))
        setForm('summary', review?.summary ?? '')
      },
    ),
  )
  const [error, setError] = createSignal<unknown>(null)
  const [saved, setSaved] = createSignal(false)
  const [busy, setBusy] = createSignal(false)
  const save = async (event: SubmitEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    setSaved(false)
    try {
      const scoresOut: Record<string, ReviewScore> = {}
      for (const criterion of props.page.collection().criteria)
        scoresOut[criterion.id] = form.scores[criterion.id] ?? { score: null, text: '' }
      const { review } = await collectionApi.saveReview(props.page.id, props.boardId, {
        scores: scoresOut,
        summary: form.summary,
      })
      props.onSaved(review)
      setSaved(true)
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }
  return (
    <form class="collection-form card review-form" onSubmit={save} data-testid="review-form">
      <h3 class="collection-form__title">{t('collection.reviews.mine', { site: props.siteTitle })}</h3>
      <FormAlert message={error() ? errorMessage(error()) : null} />
      <div class="review-form__criteria">
        <For each={props.page.collection().criteria}>
          {(criterion) => (
            <fieldset class="fieldset review-form__criterion" data-criterion={criterion.id}>
              <legend class="fieldset__legend">{criterionTitle(criterion)}</legend>
              <div
                class="score-group"
                role="radiogroup"
                aria-label={t('collection.reviews.score', { criterion: criterionTitle(criterion) })}
              >
                <For each={scores}>
                  {(score) => (
                    <label class="score-group__option">
                      <input
                        type="radio"
                        name={`score-${props.boardId}-${criterion.id}`}
                        value={score}
                        checked={form.scores[criterion.id]?.score === score}
                        onChange={() => setForm('scores', criterion.id, 'score', score)}
                      />
                      <span>{score}</span>
                    </label>
                  )}
                </For>
                <label class="score-group__option score-group__option--none">
                  <input
                    type="radio"
                    name={`score-${props.boardId}-${criterion.id}`}
                    value=""
                    checked={(form.scores[criterion.id]?.score ?? null) === null}
                    onChange={() => setForm('scores', criterion.id, 'score', null)}
                  />
                  <span>{t('collection.reviews.noScore')}</span>
                </label>
              </div>
              <label class="field__label" for={`review-text-${criterion.id}`}>
                {t('collection.reviews.text')}
              </label>
              <textarea
                id={`review-text-${criterion.id}`}
                class="input textarea"
                rows={2}
                maxLength={4000}
                value={form.scores[criterion.id]?.text ?? ''}
                onInput={(e) => setForm('scores', criterion.id, 'text', e.currentTarget.value)}
              />
            </fieldset>
          )}
        </For>
      </div>
      <div class="field">
        <label class="field__label" for="review-summary">
          {t('collection.reviews.summary')}
        </label>
        <textarea
          id="review-summary"
          class="input textarea"
          rows={3}
          value={form.summary}
          onInput={(e) => setForm('summary', e.currentTarget.value)}
        />
      </div>
      <div class="collection-form__buttons">
        <button type="submit" class="button button--primary" disabled={busy()}>
          {t('collection.reviews.save')}
        </button>
        <span role="status" class="muted" data-testid="review-status">
          {saved() ? t('collection.saved') : ''}
        </span>
      </div>
    </form>
  )
}

/** Every review of one site, one column per reviewer, the mean score per criterion last. */
function SideBySide(props: { criteria: Criterion[]; siteTitle: string; reviews: Review[] }) {
  const sorted = () => [...props.reviews].sort((a, b) => a.reviewerName.localeCompare(b.reviewerName))
  const mean = (criterionId: string): number | null => {
    const known = props.reviews
      .map((review) => review.scores[criterionId]?.score ?? null)
      .filter((score): score is Score => score !== null)
    return known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length
  }
  return (
    <div class="side-by-side">
      <h3 class="collection-section__subtitle">{t('collection.reviews.all', { site: props.siteTitle })}</h3>
      <Show when={props.reviews.length > 0} fallback={<p class="muted">{t('collection.reviews.none')}</p>}>
        <section class="table-scroll" aria-labelledby="reviews-caption" tabindex="0">
          <table class="compare-table review-table" data-testid="review-table">
            <caption id="reviews-caption" class="compare-table__caption">
              <span class="compare-table__caption-text">{t('collection.reviews.caption', { site: props.siteTitle })}</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('collection.reviews.criterion')}</th>
                <For each={sorted()}>
                  {(review) => (
                    <th scope="col" data-reviewer={review.reviewerId}>
                      {review.reviewerName}
                    </th>
                  )}
                </For>
                <th scope="col">{t('collection.reviews.mean')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.criteria}>
                {(criterion) => (
                  <tr data-criterion={criterion.id}>
                    <th scope="row">{criterionTitle(criterion)}</th>
                    <For each={sorted()}>
                      {(review) => {
                        const entry = review.scores[criterion.id]
                        return (
                          <td>
                            <Show
                              when={entry?.score != null}
                              fallback={<span class="muted">{t('collection.reviews.noScore')}</span>}
                            >
                              <strong class="review-table__score">
                                {t('collection.reviews.scoreOf', { score: entry?.score ?? 0 })}
                              </strong>
                            </Show>
                            <Show when={entry?.text}>
                              <p class="review-table__text">{entry?.text}</p>
                            </Show>
                          </td>
                        )
                      }}
                    </For>
                    <td data-testid="review-mean">
                      <Show when={mean(criterion.id)} fallback={<span class="muted">—</span>}>
                        {(value) => formatNumber(Math.round(value() * 10) / 10)}
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
              <tr>
                <th scope="row">{t('collection.reviews.summary')}</th>
                <For each={sorted()}>{(review) => <td class="review-table__text">{review.summary}</td>}</For>
                <td />
              </tr>
            </tbody>
          </table>
        </section>
      </Show>
    </div>
  )
}
