import { createSignal, Show } from 'solid-js'
import { canFacilitate } from '../../../shared/schema/roles.ts'
import { useBoard } from '../../board/board-context.ts'
import { formatDateTime, formatRelativeTime, t } from '../../i18n/locale.ts'
import { type Snapshot, thumbnailSrc } from './snapshot-api.ts'

function Thumbnail(props: { boardId: string; snapshot: Snapshot }) {
  const [failed, setFailed] = createSignal(false)
  const canTry = () => !failed()
  return (
    <div class="snap-row__thumb">
      <Show
        when={canTry()}
        fallback={
          <span class="snap-row__placeholder" data-testid="thumbnail-placeholder">
            <svg width="28" height="22" viewBox="0 0 28 22" aria-hidden="true">
              <rect x="1" y="1" width="26" height="20" rx="3" fill="none" stroke="currentColor" stroke-width="1.5" />
              <rect x="5" y="5" width="8" height="5" rx="1" fill="currentColor" opacity="0.5" />
              <rect x="15" y="12" width="8" height="5" rx="1" fill="currentColor" opacity="0.5" />
            </svg>
            <span class="visually-hidden">{t('snapshots.noThumbnail')}</span>
          </span>
        }
      >
        <img
          src={thumbnailSrc(props.boardId, props.snapshot)}
          alt={t('snapshots.thumbnail', { label: props.snapshot.label })}
          loading="lazy"
          decoding="async"
          width="96"
          height="64"
          onError={() => setFailed(true)}
        />
      </Show>
    </div>
  )
}

export interface SnapshotRowActions {
  open(snapshot: Snapshot): void
  compareLive(snapshot: Snapshot): void
  compareWith(snapshot: Snapshot): void
  restore(snapshot: Snapshot): void
  export(snapshot: Snapshot): void
}

/** One saved snapshot: preview, label, who and when, size, and what can be done with it. */
export function SnapshotRow(props: {
  snapshot: Snapshot
  current: boolean
  actions: SnapshotRowActions
  canCompareWith: boolean
}) {
  const { board, role } = useBoard()
  const snapshot = () => props.snapshot
  const headingId = () => `snap-${props.snapshot.id}`
  const created = () => new Date(props.snapshot.createdAt)
  return (
    <li
      class="snap-row"
      classList={{ 'snap-row--current': props.current }}
      data-testid="snapshot-row"
      data-snapshot-id={props.snapshot.id}
      aria-labelledby={headingId()}
    >
      <Thumbnail boardId={board.id} snapshot={props.snapshot} />
      <div class="snap-row__body">
        <h4 class="snap-row__label" id={headingId()}>
          {props.snapshot.label}
          <Show when={props.current}>
            <span class="badge badge--muted snap-row__current">{t('snapshots.current')}</span>
          </Show>
        </h4>
        <p class="snap-row__meta">
          <span>{t('snapshots.by', { name: props.snapshot.createdBy.displayName })}</span>
          <span aria-hidden="true"> · </span>
          <time datetime={props.snapshot.createdAt} title={formatDateTime(created())}>
            {formatRelativeTime(created())}
          </time>
          <span aria-hidden="true"> · </span>
          <span>{t('snapshots.elements', { count: props.snapshot.elementCount })}</span>
        </p>
      </div>
      <fieldset class="snap-row__actions">
        <legend class="visually-hidden">{t('snapshots.actions', { label: props.snapshot.label })}</legend>
        <button
          type="button"
          class="button button--small"
          title={t('snapshots.openHint')}
          onClick={() => props.actions.open(snapshot())}
          data-action="open"
        >
          {t('snapshots.open')}
        </button>
        <button
          type="button"
          class="button button--small"
          onClick={() => props.actions.compareLive(snapshot())}
          data-action="compare-live"
        >
          {t('snapshots.compareLive')}
        </button>
        <Show when={props.canCompareWith}>
          <button
            type="button"
            class="button button--small"
            aria-haspopup="dialog"
            onClick={() => props.actions.compareWith(snapshot())}
            data-action="compare-with"
          >
            {t('snapshots.compareWith')}
          </button>
        </Show>
        <Show when={canFacilitate(role())}>
          <button
            type="button"
            class="button button--small"
            aria-haspopup="dialog"
            onClick={() => props.actions.restore(snapshot())}
            data-action="restore"
          >
            {t('snapshots.restore')}
          </button>
        </Show>
        <button
          type="button"
          class="button button--small"
          aria-haspopup="dialog"
          onClick={() => props.actions.export(snapshot())}
          data-action="export"
        >
          {t('snapshots.export')}
        </button>
      </fieldset>
    </li>
  )
}
