import { createResource, createSignal, type JSX, Match, onCleanup, onMount, Show, Switch } from 'solid-js'
import type { BoardDiff } from '../../../shared/diff/diff-documents.ts'
import { translatorFor } from '../../../shared/i18n/index.ts'
import { readBoardDocument } from '../../../shared/schema/convert.ts'
import type { BoardDocument } from '../../../shared/schema/document.ts'
import type { BoardSession } from '../../board/board-context.ts'
import { createSnapshotStage, type DrawingSurface, type SnapshotStage } from '../../board/snapshot-view.ts'
import type { CanvasApi } from '../../canvas/canvas-api.ts'
import { showVoteBadges } from '../../facilitation/vote-badges.ts'
import { enumLabel, formatNumber, language, locale, t } from '../../i18n/locale.ts'
import { keyboard } from '../../keyboard/app-keyboard.ts'
import { EyeIcon, FitIcon, ZoomInIcon, ZoomOutIcon } from '../icons.tsx'
import { DiffLegend } from './diff-legend.tsx'
import { drawDiff } from './diff-overlay.ts'
import { describeDiff } from './diff-sentences.ts'
import { type Snapshot, snapshotApi } from './snapshot-api.ts'
import { backToLive, type SnapshotMode, setDiffState, setDiffZoom } from './snapshot-mode.tsx'
import './snapshots.css'

const LIVE_DIFF_DEBOUNCE_MS = 800

const words = () => ({ t, enumLabel, formatNumber })

/** Over the canvas area: a snapshot shown read-only, or the banner of a comparison (with its drawing). */
export function SnapshotOverlay(props: {
  session: BoardSession
  canvas: CanvasApi
  mode: Exclude<SnapshotMode, { kind: 'live' }>
}): JSX.Element {
  const mode = props.mode
  return (
    <Switch>
      <Match when={mode.kind === 'view' && mode}>
        {(view) => <SnapshotViewer session={props.session} canvas={props.canvas} snapshot={view().snapshot} />}
      </Match>
      <Match when={mode.kind === 'compare' && mode}>
        {(compare) => <Comparison session={props.session} canvas={props.canvas} from={compare().from} to={compare().to} />}
      </Match>
    </Switch>
  )
}

/**
 * While the live board is hidden, its shortcuts must do nothing: keys over the snapshot go to
 * its stage (pan, zoom), Escape goes back to live, and no key reaches the canvas or the
 * workspace below (a modal scope of the keyboard router), so focus elsewhere (the side panel)
 * cannot delete, paste or undo on the board nobody sees. Fields, dialogs, Tab and the browser's
 * shortcuts work as usual (the router leaves them alone).
 */
function guardKeys(stage: () => SnapshotStage | null, overlay: () => HTMLElement | undefined) {
  const off = keyboard.register({
    id: 'snapshot',
    priority: 20,
    modal: true,
    commands: () => [],
    handleKey(e) {
      if (e.key === 'Escape') {
        backToLive()
        return true
      }
      const current = stage()
      const target = e.target instanceof Element ? e.target : null
      if (current && target && overlay()?.contains(target) && current.handleKey(e)) {
        e.preventDefault()
        return true
      }
      return false
    },
  })
  onCleanup(off)
}

function Banner(props: { children: JSX.Element; actions: JSX.Element; mode: string }) {
  return (
    <div class="snap-banner" role="status" data-testid="snapshot-banner" data-mode={props.mode}>
      <div class="snap-banner__text">{props.children}</div>
      <div class="snap-banner__actions">{props.actions}</div>
    </div>
  )
}

function BackButton(props: { label?: string }) {
  return (
    <button type="button" class="button button--small button--primary" onClick={backToLive} data-testid="back-to-live">
      {props.label ?? t('snapshots.backToLive')}
    </button>
  )
}

/** The snapshot's own stage over the canvas; `onStage` draws on it once it exists. */
function SnapshotCanvas(props: {
  content: BoardDocument
  canvas: CanvasApi
  label: string
  onStage?: (stage: SnapshotStage) => void
  banner: (stage: () => SnapshotStage | null) => JSX.Element
}) {
  let host: HTMLDivElement | undefined
  let region: HTMLElement | undefined
  const [stage, setStage] = createSignal<SnapshotStage | null>(null)
  guardKeys(stage, () => region)
  onMount(() => {
    if (!host) return
    const created = createSnapshotStage(host, props.content, {
      viewport: props.canvas.viewport(),
      t: translatorFor(language()),
      locale: locale(),
    })
    setStage(created)
    props.onStage?.(created)
    onCleanup(showVoteBadges(created, props.content.votes))
    onCleanup(() => created.destroy())
  })
  return (
    <section ref={region} class="snap-view" aria-label={t('snapshots.view.region', { label: props.label })}>
      <div
        ref={host}
        class="snap-view__stage"
        data-testid="snapshot-stage"
        tabindex="0"
        role="img"
        aria-label={t('snapshots.view.region', { label: props.label })}
      />
      {props.banner(stage)}
    </section>
  )
}

function ZoomButtons(props: { stage: SnapshotStage | null }) {
  return (
    <span class="snap-banner__zoom">
      <button
        type="button"
        class="button button--icon button--ghost"
        onClick={() => props.stage?.zoomBy(1 / 1.25)}
        title={t('snapshots.zoomOut')}
      >
        <ZoomOutIcon size={18} />
        <span class="visually-hidden">{t('snapshots.zoomOut')}</span>
      </button>
      <button
        type="button"
        class="button button--icon button--ghost"
        onClick={() => props.stage?.zoomBy(1.25)}
        title={t('snapshots.zoomIn')}
      >
        <ZoomInIcon size={18} />
        <span class="visually-hidden">{t('snapshots.zoomIn')}</span>
      </button>
      <button
        type="button"
        class="button button--icon button--ghost"
        onClick={() => props.stage?.zoomToFit()}
        title={t('snapshots.zoomFit')}
      >
        <FitIcon size={18} />
        <span class="visually-hidden">{t('snapshots.zoomFit')}</span>
      </button>
    </span>
  )
}

function SnapshotViewer(props: { session: BoardSession; canvas: CanvasApi; snapshot: Snapshot }) {
  // nothing of the live board may be acted on while it is hidden
  props.session.selection.set([])
  props.canvas.setTool('select')
  const [content] = createResource(async () => (await snapshotApi.get(props.session.board.id, props.snapshot.id)).content)
  const label = props.snapshot.label
  return (
    <Switch>
      <Match when={content.error}>
        <div class="snap-view snap-view--message">
          <Banner mode="view" actions={<BackButton />}>
            <span role="alert">{t('snapshots.view.failed')}</span>
          </Banner>
        </div>
      </Match>
      <Match when={content()}>
        {(document) => (
          <SnapshotCanvas
            content={document()}
            canvas={props.canvas}
            label={label}
            banner={(stage) => (
              <Banner
                mode="view"
                actions={
                  <>
                    <ZoomButtons stage={stage()} />
                    <BackButton />
                  </>
                }
              >
                <EyeIcon size={18} />
                <span data-testid="snapshot-banner-text">{t('snapshots.view.banner', { label })}</span>
              </Banner>
            )}
          />
        )}
      </Match>
      <Match when={true}>
        <div class="snap-view snap-view--message">
          <p class="loading" role="status">
            {t('snapshots.view.loading')}
          </p>
        </div>
      </Match>
    </Switch>
  )
}

interface Compared {
  diff: BoardDiff
  from: BoardDocument
  to: BoardDocument | null
}

function Comparison(props: { session: BoardSession; canvas: CanvasApi; from: Snapshot; to: Snapshot | 'live' }) {
  const boardId = props.session.board.id
  const to = props.to
  const toName = to === 'live' ? t('snapshots.compare.live') : t('snapshots.compare.snapshot', { label: to.label })
  const liveDocument = () => readBoardDocument(props.session.connection.doc, props.session.board).document
  const [compared, { refetch }] = createResource<Compared>(async () => {
    const [from, toContent, diff] = await Promise.all([
      snapshotApi.get(boardId, props.from.id),
      to === 'live' ? Promise.resolve(null) : snapshotApi.get(boardId, to.id),
      snapshotApi.diff(boardId, props.from.id, to === 'live' ? 'live' : to.id),
    ])
    return { diff, from: from.content, to: toContent?.content ?? null }
  })

  // The panel lists what is drawn; both follow the same resource.
  const publish = (value: Compared | undefined, failed: boolean) => {
    if (failed) setDiffState({ status: 'failed', items: [], counts: { added: 0, removed: 0, changed: 0 } })
    else if (!value) setDiffState({ status: 'loading', items: [], counts: { added: 0, removed: 0, changed: 0 } })
    else
      setDiffState({
        status: 'ready',
        items: describeDiff(value.diff, { from: value.from, to: value.to ?? liveDocument() }, words()),
        counts: { added: value.diff.added.length, removed: value.diff.removed.length, changed: value.diff.changed.length },
      })
  }

  // Compared with the live board: the comparison follows the board as people keep working.
  if (to === 'live') {
    let timer: ReturnType<typeof setTimeout> | undefined
    const onUpdate = () => {
      clearTimeout(timer)
      timer = setTimeout(() => void refetch(), LIVE_DIFF_DEBOUNCE_MS)
    }
    props.session.connection.doc.on('update', onUpdate)
    onCleanup(() => {
      clearTimeout(timer)
      props.session.connection.doc.off('update', onUpdate)
    })
  }

  const draw = (surface: DrawingSurface, value: Compared, select: boolean) => {
    const { boundsOf } = drawDiff(surface, value.diff, value.from, { t: translatorFor(language()), locale: locale() })
    setDiffZoom((id) => {
      const bounds = boundsOf(id)
      if (bounds) surface.zoomTo(bounds, { animate: true })
      if (select && props.session.store.state.elements[id]) props.session.selection.set([id])
    })
  }

  const banner = (stage: () => SnapshotStage | null) => (
    <Banner
      mode="compare"
      actions={
        <>
          <Show when={stage()}>{(current) => <ZoomButtons stage={current()} />}</Show>
          <BackButton label={t('snapshots.compare.exit')} />
        </>
      }
    >
      <span data-testid="snapshot-banner-text">{t('snapshots.compare.banner', { from: props.from.label, to: toName })}</span>
      <DiffLegend compact />
    </Banner>
  )

  return (
    <Switch>
      <Match when={compared.error}>
        {(() => {
          publish(undefined, true)
          return (
            <div class="snap-compare">
              <Banner mode="compare" actions={<BackButton label={t('snapshots.compare.exit')} />}>
                <span role="alert">{t('snapshots.compare.failed')}</span>
              </Banner>
            </div>
          )
        })()}
      </Match>
      <Match when={to !== 'live' && compared()?.to}>
        {(toContent) => (
          <SnapshotCanvas
            content={toContent()}
            canvas={props.canvas}
            label={to === 'live' ? '' : to.label}
            banner={banner}
            onStage={(stage) => {
              const value = compared()
              if (!value) return
              publish(value, false)
              draw(stage, value, false)
            }}
          />
        )}
      </Match>
      <Match when={to === 'live'}>
        <div class="snap-compare">{banner(() => null)}</div>
        <Show when={compared.latest} keyed>
          {(value) => {
            publish(value, false)
            draw(props.canvas, value, true)
            return null
          }}
        </Show>
      </Match>
    </Switch>
  )
}
