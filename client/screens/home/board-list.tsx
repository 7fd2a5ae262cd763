import { A } from '@solidjs/router'
import { createMemo, createSignal, For, Match, Show, Switch } from 'solid-js'
import type { MessageKey } from '../../../shared/i18n/index.ts'
import { api, type Board } from '../../api.ts'
import { MapPinIcon, SearchIcon } from '../../components/icons.tsx'
import { RoleBadge } from '../../components/role-badge.tsx'
import { countryName, formatDateTime, formatRelativeTime, t } from '../../i18n/locale.ts'
import './board-manage.css'

/** The name of the template a board was made from, in the UI language. */
function templateName(board: Board): string | undefined {
  return board.template ? t(`newBoard.template.${board.template}.name` as MessageKey) : undefined
}

function matches(board: Board, query: string): boolean {
  const needle = query.trim().toLocaleLowerCase()
  if (!needle) return true
  const site = board.site ?? {}
  return [
    board.title,
    site.name,
    site.location,
    site.country ? countryName(site.country) : undefined,
    site.formerUse,
    templateName(board),
  ]
    .filter((text): text is string => typeof text === 'string')
    .some((text) => text.toLocaleLowerCase().includes(needle))
}

function byRecent(a: Board, b: Board): number {
  return (b.updatedAt ?? b.createdAt ?? '').localeCompare(a.updatedAt ?? a.createdAt ?? '')
}

function siteLine(board: Board): string | null {
  const site = board.site
  if (!site) return null
  const place = [site.location, site.country ? countryName(site.country) : undefined].filter(Boolean).join(', ')
  return [site.name, place].filter(Boolean).join(' · ') || null
}

/** The caller's boards, most recently changed first, with a filter box. Only reads. */
export function BoardList(props: { boards: Board[] }) {
  const [query, setQuery] = createSignal('')
  const sorted = createMemo(() => [...props.boards].sort(byRecent))
  const visible = createMemo(() => sorted().filter((board) => matches(board, query())))

  return (
    <div class="board-list">
      <Show when={props.boards.length > 0}>
        <div class="search">
          <label class="visually-hidden" for="board-search">
            {t('boards.search')}
          </label>
          <SearchIcon class="search__icon" />
          <input
            id="board-search"
            class="input search__input"
            type="search"
            placeholder={t('boards.searchPlaceholder')}
            value={query()}
            onInput={(e) => setQuery(e.currentTarget.value)}
            aria-describedby="board-search-count"
          />
        </div>
        <p id="board-search-count" class="board-list__count" aria-live="polite">
          {query().trim()
            ? t('boards.matching', { count: visible().length, total: props.boards.length })
            : t('boards.count', { count: props.boards.length })}
        </p>
      </Show>
      <Switch>
        <Match when={props.boards.length === 0}>
          <div class="empty-state">
            <h3 class="empty-state__title">{t('boards.empty.title')}</h3>
            <p>{t('boards.empty.body')}</p>
          </div>
        </Match>
        <Match when={visible().length === 0}>
          <p class="empty-state">{t('boards.noMatches', { query: query().trim() })}</p>
        </Match>
        <Match when={true}>
          <ul class="board-cards" data-testid="board-list">
            <For each={visible()}>
              {(board) => {
                const updated = board.updatedAt ?? board.createdAt
                return (
                  <li class="board-card" data-board-id={board.id}>
                    <img
                      class="board-card__thumbnail"
                      src={api.thumbnailUrl(board.id)}
                      alt={t('boards.thumbnail', { title: board.title })}
                      width="320"
                      height="160"
                      loading="lazy"
                      data-testid="board-thumbnail"
                    />
                    <div class="board-card__head">
                      <h3 class="board-card__title">
                        <A href={`/boards/${encodeURIComponent(board.id)}`} class="board-card__link">
                          {board.title}
                        </A>
                      </h3>
                      <RoleBadge role={board.role} />
                    </div>
                    <p class="board-card__site">
                      <MapPinIcon size={16} />
                      <span>{siteLine(board) ?? t('boards.noSite')}</span>
                    </p>
                    <Show when={templateName(board)}>
                      {(name) => (
                        <p class="board-card__meta" data-testid="board-template">
                          {t('boards.template', { name: name() })}
                        </p>
                      )}
                    </Show>
                    <Show when={updated}>
                      {(iso) => (
                        <p class="board-card__meta">
                          <time datetime={iso()} title={formatDateTime(new Date(iso()))}>
                            {t('boards.updated', { time: formatRelativeTime(new Date(iso())) })}
                          </time>
                        </p>
                      )}
                    </Show>
                  </li>
                )
              }}
            </For>
          </ul>
        </Match>
      </Switch>
    </div>
  )
}
