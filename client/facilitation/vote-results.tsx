import { createMemo, For, Show } from 'solid-js'
import type { Vote } from '../../shared/facilitation/state.ts'
import { useBoard } from '../board/board-context.ts'
import { Dialog } from '../components/dialog.tsx'
import { enumLabel, formatDateTime, t } from '../i18n/locale.ts'
import { ranking } from './vote-ballot.ts'

/** An element's name as the results list it: its label, else its kind, else "Removed element". */
export function useElementName(): (id: string) => string {
  const { store } = useBoard()
  return (id) => {
    const element = store.state.elements[id]
    if (!element) return t('vote.missing')
    const label = typeof element.label === 'string' ? element.label.trim() : ''
    return label || enumLabel('elementKind', element.kind)
  }
}

/** One closed vote's ranking: place, element, dots, and who gave them unless it was anonymous. */
export function VoteRanking(props: { vote: Vote }) {
  const nameOf = useElementName()
  const rows = createMemo(() => ranking(props.vote.results))
  return (
    <div class="vote-results__vote" data-testid="vote-ranking" data-vote-id={props.vote.id}>
      <h3 class="vote-results__title">{props.vote.title?.trim() || t('vote.untitled')}</h3>
      <p class="vote-results__meta">
        {t('vote.results.summary', { count: props.vote.voters })}
        <Show when={props.vote.closedAt}>
          {(at) => ` ${t('vote.results.closedAt', { time: formatDateTime(new Date(at())) })}`}
        </Show>
        <Show when={props.vote.anonymous}> {t('vote.results.anonymous')}</Show>
      </p>
      <ol class="vote-results__list">
        <For each={rows()}>
          {(row) => (
            <li class="vote-results__row" data-testid="vote-result" data-element-id={row.elementId} data-rank={row.rank}>
              <span class="vote-results__rank">{t('vote.results.rank', { rank: row.rank })}</span>
              <span class="vote-results__name">{nameOf(row.elementId)}</span>
              <span class="vote-results__dots" data-testid="vote-result-dots">
                {t('vote.dots', { count: row.dots })}
              </span>
              <Show when={!props.vote.anonymous && (row.voters?.length ?? 0) > 0}>
                <span class="vote-results__voters">
                  {t('vote.results.by', {
                    names: (row.voters ?? []).map((v) => t('vote.results.voter', { name: v.name, count: v.dots })).join(', '),
                  })}
                </span>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </div>
  )
}

/**
 * The results of the board's votes: the last closed one (the board shows its ranks until the
 * next vote) and every earlier one, newest first (the board keeps them: `closedVotes`).
 */
export function VoteResultsDialog(props: { open: boolean; onClose: () => void }) {
  const { facilitation } = useBoard()
  const votes = createMemo(() => [...facilitation.state().closedVotes].reverse())
  return (
    <Dialog open={props.open} onClose={props.onClose} title={t('vote.results.title')} wide>
      <div class="vote-results" data-testid="vote-results">
        <Show when={votes().length > 0} fallback={<p>{t('vote.results.none')}</p>}>
          <VoteRanking vote={votes()[0] as Vote} />
          <Show when={votes().length > 1}>
            <h3 class="vote-results__earlier">{t('vote.results.earlier')}</h3>
            <For each={votes().slice(1)}>{(vote) => <VoteRanking vote={vote} />}</For>
          </Show>
        </Show>
      </div>
    </Dialog>
  )
}
