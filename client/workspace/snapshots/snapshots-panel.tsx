import { createEffect, createResource, createSignal, For, Match, onCleanup, Show, Switch } from 'solid-js'
import { canEdit } from '../../../shared/schema/roles.ts'
import { useBoard } from '../../board/board-context.ts'
import { Dialog } from '../../components/dialog.tsx'
import { FormAlert, SelectField, TextField } from '../../components/field.tsx'
import { errorMessage } from '../../i18n/error-message.ts'
import { locale, t } from '../../i18n/locale.ts'
import { ExportDialog } from '../export/export-dialog.tsx'
import { useToasts } from '../toasts.tsx'
import { DiffList } from './diff-list.tsx'
import { type Snapshot, snapshotApi } from './snapshot-api.ts'
import { backToLive, compareSnapshots, openSnapshot, snapshotMode } from './snapshot-mode.tsx'
import { SnapshotRow } from './snapshot-row.tsx'
import { TrendCharts } from './trend-charts.tsx'
import './snapshots.css'

/** Others save snapshots too: the list refreshes this often while the panel is open. */
const REFRESH_MS = 30_000

/** "Round 3 – 14 Mar 2027": the next round's number and today's date. */
export function defaultSnapshotLabel(existing: number, now: Date, locale: string): string {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(now)
  return t('snapshots.defaultLabel', { round: existing + 1, date })
}

/**
 * The snapshots of the board (side panel tab): save one (editors and up), the list newest
 * first with what can be done with each (open read-only, compare, restore, export), the
 * differences of a running comparison, and the indicators' trend over the rounds.
 */
export function SnapshotsPanel() {
  const session = useBoard()
  const toasts = useToasts()
  const boardId = session.board.id
  // null when the list could not be loaded: a failed read must not throw into the panel
  const [snapshots, { refetch, mutate }] = createResource(
    () => boardId,
    async (id): Promise<Snapshot[] | null> => {
      try {
        return (await snapshotApi.list(id)).snapshots
      } catch {
        return snapshots.latest ?? null
      }
    },
  )
  const timer = setInterval(() => void refetch(), REFRESH_MS)
  onCleanup(() => clearInterval(timer))

  // Save
  const [label, setLabel] = createSignal('')
  const [edited, setEdited] = createSignal(false)
  const [saving, setSaving] = createSignal(false)
  const [saveError, setSaveError] = createSignal<unknown>(null)
  createEffect(() => {
    const count = snapshots.latest?.length ?? 0
    if (!edited()) setLabel(defaultSnapshotLabel(count, new Date(), locale()))
  })
  const save = async (event: SubmitEvent) => {
    event.preventDefault()
    const text = label().trim()
    if (!text) return
    setSaving(true)
    setSaveError(null)
    try {
      const { snapshot } = await snapshotApi.create(boardId, text)
      mutate((list: Snapshot[] | null | undefined) => [snapshot, ...(list ?? [])])
      setEdited(false)
      toasts.show(t('snapshots.saved', { label: snapshot.label }), 'info', 4000)
    } catch (failure) {
      setSaveError(failure)
    } finally {
      setSaving(false)
    }
  }

  // Dialogs
  const [picking, setPicking] = createSignal<Snapshot | null>(null)
  const [pickedOther, setPickedOther] = createSignal('live')
  const [restoring, setRestoring] = createSignal<Snapshot | null>(null)
  const [restoreBusy, setRestoreBusy] = createSignal(false)
  const [restoreError, setRestoreError] = createSignal<unknown>(null)
  const [exporting, setExporting] = createSignal<Snapshot | null>(null)

  const restore = async () => {
    const snapshot = restoring()
    if (!snapshot) return
    setRestoreBusy(true)
    setRestoreError(null)
    try {
      const result = await snapshotApi.restore(boardId, snapshot.id)
      backToLive()
      setRestoring(null)
      toasts.show(t('snapshots.restored', { label: snapshot.label, ...result.changes }), 'info', 8000)
    } catch (failure) {
      setRestoreError(failure)
    } finally {
      setRestoreBusy(false)
    }
  }

  const isCurrent = (snapshot: Snapshot) => {
    const current = snapshotMode()
    if (current.kind === 'view') return current.snapshot.id === snapshot.id
    if (current.kind === 'compare')
      return current.from.id === snapshot.id || (current.to !== 'live' && current.to.id === snapshot.id)
    return false
  }
  const others = () => (snapshots.latest ?? []).filter((snapshot) => snapshot.id !== picking()?.id)

  const actions = {
    open: (snapshot: Snapshot) => openSnapshot(session, snapshot),
    compareLive: (snapshot: Snapshot) => compareSnapshots(session, snapshot, 'live'),
    compareWith: (snapshot: Snapshot) => {
      setPickedOther(others()[0]?.id ?? 'live')
      setPicking(snapshot)
    },
    restore: (snapshot: Snapshot) => {
      setRestoreError(null)
      setRestoring(snapshot)
    },
    export: (snapshot: Snapshot) => setExporting(snapshot),
  }

  return (
    <div class="snap-panel" data-testid="snapshots-panel">
      <section class="panel" aria-labelledby="snap-title">
        <h2 id="snap-title" class="panel__title">
          {t('snapshots.title')}
        </h2>
        <p class="muted snap-small">{t('snapshots.intro')}</p>
        <Show when={canEdit(session.role())} fallback={<p class="ws-inspector__hint">{t('snapshots.viewerHint')}</p>}>
          <form class="snap-save" onSubmit={save} data-testid="snapshot-save">
            <FormAlert message={saveError() ? errorMessage(saveError()) : null} />
            <TextField
              label={t('snapshots.label')}
              value={label()}
              maxLength={200}
              required
              onInput={(e) => {
                setEdited(true)
                setLabel(e.currentTarget.value)
              }}
            />
            <button type="submit" class="button button--primary" disabled={saving() || !label().trim()} aria-busy={saving()}>
              {saving() ? t('snapshots.saving') : t('snapshots.save')}
            </button>
          </form>
        </Show>
      </section>

      <DiffList />

      <section class="panel" aria-labelledby="snap-list-title">
        <h3 id="snap-list-title" class="snap-section-title">
          {t('snapshots.list')}
          <Show when={snapshots.latest}>
            {(list) => <span class="panel__count">{t('snapshots.count', { count: list().length })}</span>}
          </Show>
        </h3>
        <Switch>
          <Match when={snapshots.latest === null}>
            <p class="alert alert--error" role="alert">
              {t('snapshots.loadFailed')}
            </p>
            <button type="button" class="button button--small" onClick={() => void refetch()}>
              {t('snapshots.retry')}
            </button>
          </Match>
          <Match when={snapshots.latest === undefined}>
            <p class="loading" role="status">
              {t('snapshots.loading')}
            </p>
          </Match>
          <Match when={(snapshots.latest ?? []).length === 0}>
            <p class="muted snap-small">{t('snapshots.empty')}</p>
          </Match>
          <Match when={true}>
            <ul class="snap-list" data-testid="snapshot-list">
              <For each={snapshots.latest}>
                {(snapshot) => (
                  <SnapshotRow
                    snapshot={snapshot}
                    current={isCurrent(snapshot)}
                    actions={actions}
                    canCompareWith={(snapshots.latest?.length ?? 0) > 1}
                  />
                )}
              </For>
            </ul>
          </Match>
        </Switch>
      </section>

      <TrendCharts snapshots={snapshots.latest ?? []} />

      <Dialog
        open={picking() !== null}
        onClose={() => setPicking(null)}
        title={t('snapshots.pick.title', { label: picking()?.label ?? '' })}
      >
        <form
          class="form"
          onSubmit={(event) => {
            event.preventDefault()
            const from = picking()
            if (!from) return
            const other = others().find((snapshot) => snapshot.id === pickedOther())
            setPicking(null)
            compareSnapshots(session, from, other ?? 'live')
          }}
        >
          <p class="form__intro">{t('snapshots.pick.intro')}</p>
          <SelectField
            label={t('snapshots.pick.other')}
            value={pickedOther()}
            onChange={(e) => setPickedOther(e.currentTarget.value)}
          >
            <For each={others()}>{(snapshot) => <option value={snapshot.id}>{snapshot.label}</option>}</For>
            <option value="live">{t('snapshots.pick.live')}</option>
          </SelectField>
          <div class="form__actions">
            <button type="submit" class="button button--primary">
              {t('snapshots.pick.submit')}
            </button>
          </div>
        </form>
      </Dialog>

      <Dialog
        open={restoring() !== null}
        onClose={() => !restoreBusy() && setRestoring(null)}
        title={t('snapshots.restore.title', { label: restoring()?.label ?? '' })}
      >
        <div class="form" data-testid="restore-dialog">
          <p>{t('snapshots.restore.body')}</p>
          <p class="muted snap-small">{t('snapshots.restore.hint')}</p>
          <FormAlert message={restoreError() ? errorMessage(restoreError()) : null} />
          <div class="form__actions">
            <button type="button" class="button" onClick={() => setRestoring(null)} disabled={restoreBusy()}>
              {t('app.cancel')}
            </button>
            <button
              type="button"
              class="button button--primary"
              onClick={() => void restore()}
              disabled={restoreBusy()}
              aria-busy={restoreBusy()}
            >
              {restoreBusy() ? t('snapshots.restore.busy') : t('snapshots.restore.confirm')}
            </button>
          </div>
        </div>
      </Dialog>

      <ExportDialog open={exporting() !== null} onClose={() => setExporting(null)} boardId={boardId} snapshot={exporting()} />
    </div>
  )
}
