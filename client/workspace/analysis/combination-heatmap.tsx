import { For, Show } from 'solid-js'
import type { Sector, UseCategory } from '../../../shared/schema/enums.ts'
import { t } from '../../i18n/locale.ts'
import type { Heatmap } from './view-model.ts'

/**
 * The combination matrix as a heat-map table: actor sectors (rows) × kinds of use (columns),
 * each cell shaded by its number of links and showing the number itself; empty cells stay
 * blank. A cell with links is a button that selects them on the board.
 */
export function CombinationHeatmap(props: {
  map: Heatmap
  /** every sector and kind of use (on demand) rather than those on the board */
  full: boolean
  /** what is shown: "4 of 14 sectors and 6 of 17 kinds of use are on the board." */
  note: string
  onToggleFull: () => void
  onSelect: (sector: Sector, category: UseCategory) => void
}) {
  // fixed layout: the table never gets wider than the panel, however many columns it has
  const width = () => `min(100%, calc(var(--an-heat-head) + ${props.map.columns.length} * var(--an-heat-cell)))`
  return (
    <Show when={props.map.max > 0} fallback={<p class="an-empty-line">{t('analysis.matrix.none')}</p>}>
      <div class="an-heat__bar">
        <span class="an-note muted" data-testid="matrix-note">
          {props.note}
        </span>
        <button
          type="button"
          class="an-toggle"
          aria-pressed={props.full}
          data-testid="matrix-full-toggle"
          onClick={() => props.onToggleFull()}
        >
          {props.full ? t('analysis.matrix.showPresent') : t('analysis.matrix.showAll')}
        </button>
      </div>
      <div
        class="an-heat"
        classList={{ 'an-heat--full': props.full }}
        data-testid="combination-matrix"
        data-full={props.full}
        data-rows={props.map.rows.length}
        data-columns={props.map.columns.length}
      >
        <table class="an-heat__table" style={{ width: width() }}>
          <caption class="visually-hidden">{t('analysis.matrix.title')}</caption>
          <thead>
            <tr>
              <td class="an-heat__corner">
                <span class="visually-hidden">{t('analysis.matrix.corner')}</span>
              </td>
              <For each={props.map.columns}>
                {(column) => (
                  <th scope="col" class="an-heat__col">
                    <span class="an-heat__col-label" title={column.label}>
                      {column.label}
                    </span>
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={props.map.rows}>
              {(row) => (
                <tr>
                  <th scope="row" class="an-heat__row" title={row.label}>
                    {row.label}
                  </th>
                  <For each={row.cells}>
                    {(cell) => (
                      <td class="an-heat__cell" data-level={cell.level}>
                        <Show when={cell.count > 0}>
                          <button
                            type="button"
                            class="an-heat__button"
                            data-level={cell.level}
                            data-testid={`matrix-cell-${row.sector}-${cell.category}`}
                            aria-label={cell.label}
                            title={cell.label}
                            onClick={() => props.onSelect(row.sector, cell.category)}
                          >
                            {cell.count}
                          </button>
                        </Show>
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  )
}
