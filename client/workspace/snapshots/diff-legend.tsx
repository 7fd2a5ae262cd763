import { For } from 'solid-js'
import { highlightColors } from '../../../shared/scene/palette.ts'
import { t } from '../../i18n/locale.ts'
import { DIFF_BADGES, type DiffMark } from './diff-overlay.ts'

/** The dash pattern of each kind's outline (the renderer's highlight styles), for the legend's sample line. */
const DASHES: Record<DiffMark, string | undefined> = { added: undefined, removed: '6 4', changed: '7 3 1.5 3' }

/** The canvas badge of a kind as a small inline SVG: the same shape and symbol, so the list and the canvas match. */
export function DiffBadgeIcon(props: { mark: DiffMark; size?: number }) {
  const size = () => props.size ?? 16
  const badge = () => DIFF_BADGES[props.mark]
  const colour = () => highlightColors[`diff-${props.mark}`]
  return (
    <svg class="snap-badge" width={size()} height={size()} viewBox="0 0 20 20" aria-hidden="true">
      {badge().shape === 'circle' && <circle cx="10" cy="10" r="9" fill={colour()} />}
      {badge().shape === 'square' && <rect x="1" y="1" width="18" height="18" rx="3" fill={colour()} />}
      {badge().shape === 'diamond' && <polygon points="10,0.5 19.5,10 10,19.5 0.5,10" fill={colour()} />}
      <text x="10" y="14.5" text-anchor="middle" font-size="14" font-weight="700" fill="#fff">
        {badge().symbol}
      </text>
    </svg>
  )
}

const marks: DiffMark[] = ['added', 'removed', 'changed']

/** How added, removed and changed elements look on the canvas: badge, outline pattern and words. */
export function DiffLegend(props: { compact?: boolean }) {
  return (
    <ul class="snap-legend" classList={{ 'snap-legend--compact': props.compact }} aria-label={t('diff.legend')}>
      <For each={marks}>
        {(mark) => (
          <li class="snap-legend__item">
            <DiffBadgeIcon mark={mark} />
            <svg class="snap-legend__line" width="28" height="8" aria-hidden="true">
              <line
                x1="1"
                y1="4"
                x2="27"
                y2="4"
                stroke={highlightColors[`diff-${mark}`]}
                stroke-width="2.5"
                stroke-dasharray={DASHES[mark]}
              />
            </svg>
            <span class={props.compact ? 'snap-legend__short' : undefined}>
              {props.compact ? t(`diff.badge.${mark}`) : t(`diff.legend.${mark}`)}
            </span>
          </li>
        )}
      </For>
    </ul>
  )
}
