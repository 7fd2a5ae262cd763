import { createEffect, createMemo, createSignal, For, on, onCleanup, Show, untrack, useContext } from 'solid-js'
import type { Vote } from '../../shared/facilitation/state.ts'
import type { MessageKey } from '../../shared/i18n/index.ts'
import { canEdit, canFacilitate } from '../../shared/schema/roles.ts'
import { isApiError } from '../api.ts'
import { useBoard } from '../board/board-context.ts'
import { activeCanvas } from '../canvas/canvas-api.ts'
import { type BallotSlot, createVoteLayer, type VoteHit } from '../canvas/layers/vote-layer.ts'
import { redrawOnCanvasChange } from '../canvas/overlay-redraw.ts'
import { t } from '../i18n/locale.ts'
import { keyboard } from '../keyboard/app-keyboard.ts'
import type { KeyCommand } from '../keyboard/keyboard-router.ts'
import { ToastContext } from '../workspace/toasts.tsx'
import { resultBadges } from './vote-badges.ts'
import { addDot, type BallotChange, type Dots, dotsLeft, removeDot } from './vote-ballot.ts'
import { useElementName, VoteResultsDialog } from './vote-results.tsx'
import './vote.css'

const refusals: Record<Exclude<BallotChange, { ok: true }>['reason'], MessageKey> = {
  not_in_vote: 'vote.notInVote',
  total: 'vote.limit.total',
  element: 'vote.limit.element',
  none_here: 'vote.noneHere',
}

/**
 * Dot voting for everyone on the board (issue 13): during an open vote the dots on the canvas
 * (client/canvas/layers/vote-layer.ts) and a strip with the vote's question and "2 of 5 dots
 * left"; after it, each voted element's rank and total on the canvas and a strip that opens
 * the results. A press on a slot or a dot, or `.` and `,` on the selected element, changes this
 * person's ballot, which goes whole to the server (`PUT /api/boards/:id/vote`), never into the
 * document; only this person's own dots are ever on this client. Mount once in the workspace.
 */
export function VoteOverlay() {
  const session = useBoard()
  const { facilitation, store, selection } = session
  const toasts = useContext(ToastContext)
  const vote = createMemo(() => facilitation.state().vote)
  const openVote = createMemo(() => {
    const current = vote()
    return current?.open ? current : null
  })
  const closedVote = createMemo(() => {
    const current = vote()
    return current && !current.open && current.results ? current : null
  })
  const mayVote = () => canEdit(session.role())
  const [resultsOpen, setResultsOpen] = createSignal(false)
  // the ballot as a list with buttons: voting without pointing (keyboard, screen readers, small screens)
  const [listOpen, setListOpen] = createSignal(false)
  const nameOf = useElementName()

  // This person's ballot: what they asked for last (shown at once), the server's answer once
  // every change has been answered.
  const [ballot, setBallot] = createSignal<Dots>(facilitation.myDots())
  let inFlight = 0
  let chain: Promise<void> = Promise.resolve()
  createEffect(
    on(facilitation.myDots, (dots) => {
      if (inFlight === 0) setBallot(dots)
    }),
  )

  const tell = (message: string, tone: 'info' | 'warning' = 'warning') => toasts?.show(message, tone, 5000)

  // a vote dropped without counting: its dots are gone, say so (the facilitator's own button says it there)
  createEffect(
    on(
      openVote,
      (now, before) => {
        if (before && !now && !vote() && !canFacilitate(session.role())) tell(t('vote.cancelled'), 'info')
      },
      { defer: true },
    ),
  )

  const change = (hit: VoteHit) => {
    const current = openVote()
    if (!current) return
    if (!mayVote()) return tell(t('vote.viewOnly'), 'info')
    const result = hit.action === 'add' ? addDot(current, ballot(), hit.id) : removeDot(ballot(), hit.id)
    if (!result.ok) {
      const count = result.reason === 'total' ? current.dotsPerPerson : current.maxPerElement
      return tell(t(refusals[result.reason], { count }))
    }
    setBallot(result.dots)
    inFlight++
    const dots = { ...result.dots }
    chain = chain
      .then(() => facilitation.vote(dots))
      .catch((error: unknown) => {
        tell(t(isApiError(error) && error.status === 409 ? 'vote.closedMeanwhile' : 'vote.sendFailed'))
        void facilitation.refresh().catch(() => undefined)
      })
      .finally(() => {
        inFlight--
        if (inFlight === 0) setBallot(facilitation.myDots())
      })
  }

  const elementBounds = (canvas: NonNullable<ReturnType<typeof activeCanvas>>, id: string) => canvas.renderer.boundsOf(id)

  // The layer on the canvas, redrawn (at most once a frame) when the vote, the ballot, the zoom
  // or the elements change; only while there is something to show (no vote: no extra layer).
  const showing = createMemo(() => openVote() !== null || closedVote() !== null)
  createEffect(() => {
    const canvas = activeCanvas()
    if (!canvas || !showing()) return
    const votes = createVoteLayer()
    const remove = canvas.addLayer(votes.layer)
    redrawOnCanvasChange(canvas, store.elementCount, (scale) => {
      const open = openVote()
      const closed = closedVote()
      if (open) {
        const mine = ballot()
        const slots: BallotSlot[] = []
        for (const id of open.elementIds) {
          const rect = elementBounds(canvas, id)
          if (rect) slots.push({ id, rect, mine: mine[id] ?? 0, canVote: mayVote() })
        }
        votes.showBallot(slots, scale)
      } else if (closed) {
        const badges = resultBadges(closed, (id) => elementBounds(canvas, id))
        votes.showResults(badges, scale)
      } else votes.clear()
      votes.draw()
    })

    // A press on a slot or a dot is the vote's: the canvas's gestures (select, drag, marquee,
    // double-click to type) never see it. Listened to in the capture phase, before them.
    const host = canvas.stage.container()
    const hitOf = (e: MouseEvent): VoteHit | null => {
      if (!openVote()) return null
      const box = host.getBoundingClientRect()
      return votes.hitAt({ x: e.clientX - box.left, y: e.clientY - box.top })
    }
    const onPointerDown = (e: PointerEvent) => {
      if (e.button !== 0) return
      const hit = hitOf(e)
      if (!hit) return
      e.stopPropagation()
      e.preventDefault()
      change(hit)
    }
    const swallow = (e: MouseEvent) => {
      if (hitOf(e)) e.stopPropagation()
    }
    host.addEventListener('pointerdown', onPointerDown, { capture: true })
    host.addEventListener('dblclick', swallow, { capture: true })

    // read-only, for tests and scripts: where the slots, own dots and badges are (page px)
    const hook = {
      targets: () => {
        const box = host.getBoundingClientRect()
        const page = (p: { x: number; y: number }) => ({ x: p.x + box.left, y: p.y + box.top })
        const drawn = votes.targets()
        return {
          add: Object.fromEntries(Object.entries(drawn.add).map(([id, p]) => [id, page(p)])),
          remove: Object.fromEntries(Object.entries(drawn.remove).map(([id, list]) => [id, list.map(page)])),
          badges: drawn.badges,
        }
      },
    }
    const target = globalThis as { __refreshBoardVote?: unknown }
    target.__refreshBoardVote = hook

    onCleanup(() => {
      host.removeEventListener('pointerdown', onPointerDown, { capture: true })
      host.removeEventListener('dblclick', swallow, { capture: true })
      if (target.__refreshBoardVote === hook) delete target.__refreshBoardVote
      remove()
      votes.layer.destroy()
    })
  })

  // `.` gives the selected element a dot, `,` takes one back: only while a vote is open.
  createEffect(() => {
    if (!openVote()) return
    const onSelection = (action: VoteHit['action']) => () => {
      const ids = selection.ids()
      const current = untrack(openVote)
      const id = ids.find((candidate) => current?.elementIds.includes(candidate)) ?? ids[0]
      if (id) change({ action, id })
    }
    const commands: KeyCommand[] = [
      {
        id: 'vote.add',
        label: 'vote.key.add',
        group: 'edit',
        keys: [{ key: '.' }],
        enabled: () => selection.ids().length > 0,
        run: onSelection('add'),
      },
      {
        id: 'vote.remove',
        label: 'vote.key.remove',
        group: 'edit',
        keys: [{ key: ',' }],
        enabled: () => selection.ids().length > 0,
        run: onSelection('remove'),
      },
    ]
    // untracked: registering reads the router's scopes, which this effect must not follow
    onCleanup(untrack(() => keyboard.register({ id: 'vote', priority: 5, commands: () => commands })))
  })

  const title = (current: Vote) => current.title?.trim() || t('vote.untitled')

  return (
    <>
      <Show when={openVote()}>
        {(current) => (
          <section class="vote-strip" data-testid="vote-strip" data-state="open" aria-label={t('vote.strip')}>
            <span class="vote-strip__dot" aria-hidden="true" />
            <div class="vote-strip__text">
              <strong class="vote-strip__title" data-testid="vote-title">
                {title(current())}
              </strong>
              <Show when={mayVote()}>
                <span class="vote-strip__left" data-testid="vote-left" aria-live="polite">
                  {t('vote.left', { count: dotsLeft(current(), ballot()), total: current().dotsPerPerson })}
                </span>
              </Show>
              <span class="vote-strip__voters" data-testid="vote-voters">
                {t('vote.voters', { count: current().voters })}
              </span>
              <span class="vote-strip__hint">{mayVote() ? `${t('vote.howTo')} ${t('vote.howToKeys')}` : t('vote.viewOnly')}</span>
            </div>
            <Show when={mayVote()}>
              <button
                type="button"
                class="button button--small button--ghost vote-strip__list-toggle"
                aria-expanded={listOpen()}
                aria-controls="vote-ballot-list"
                data-testid="vote-list-toggle"
                onClick={() => setListOpen(!listOpen())}
              >
                {t('vote.list')}
              </button>
              <Show when={listOpen()}>
                <ul class="vote-ballot" id="vote-ballot-list" data-testid="vote-ballot-list">
                  <For each={current().elementIds}>
                    {(id) => (
                      <li class="vote-ballot__row" data-element-id={id}>
                        <span class="vote-ballot__name">{nameOf(id)}</span>
                        <span class="vote-ballot__mine" data-testid="vote-ballot-mine">
                          {t('vote.dots', { count: ballot()[id] ?? 0 })}
                        </span>
                        <button
                          type="button"
                          class="button button--small button--icon"
                          aria-label={t('vote.list.remove', { name: nameOf(id) })}
                          title={t('vote.list.remove', { name: nameOf(id) })}
                          onClick={() => change({ action: 'remove', id })}
                        >
                          −
                        </button>
                        <button
                          type="button"
                          class="button button--small button--icon"
                          aria-label={t('vote.list.add', { name: nameOf(id) })}
                          title={t('vote.list.add', { name: nameOf(id) })}
                          onClick={() => change({ action: 'add', id })}
                        >
                          +
                        </button>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </Show>
          </section>
        )}
      </Show>
      <Show when={closedVote()}>
        {(current) => (
          <section class="vote-strip" data-testid="vote-strip" data-state="closed" aria-label={t('vote.results')}>
            <span class="vote-strip__dot" aria-hidden="true" />
            <div class="vote-strip__text">
              <strong class="vote-strip__title">{t('vote.results.of', { title: title(current()) })}</strong>
              <span class="vote-strip__hint">{t('vote.results.summary', { count: current().voters })}</span>
            </div>
            <button
              type="button"
              class="button button--small"
              data-testid="vote-results-open"
              onClick={() => setResultsOpen(true)}
            >
              {t('vote.results.show')}
            </button>
          </section>
        )}
      </Show>
      <VoteResultsDialog open={resultsOpen()} onClose={() => setResultsOpen(false)} />
    </>
  )
}
