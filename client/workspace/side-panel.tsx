import {
  type Component,
  createEffect,
  createSignal,
  For,
  lazy,
  Match,
  on,
  onCleanup,
  onMount,
  Show,
  Suspense,
  Switch,
} from 'solid-js'
import { Dynamic } from 'solid-js/web'
import type { MessageKey } from '../../shared/i18n/en.ts'
import { useBoard } from '../board/board-context.ts'
import { activeCanvas } from '../canvas/canvas-api.ts'
import { isCreationTool } from '../canvas/tools.ts'
import { createCommentsStore } from '../comments/comments-store.ts'
import { createSmallScreen } from '../components/small-screen.ts'
import { t } from '../i18n/locale.ts'
import { keyboard } from '../keyboard/app-keyboard.ts'
import type { KeyCommand } from '../keyboard/keyboard-router.ts'
import { AnalysisPanel } from './analysis/analysis-panel.tsx'
import { CommentsPanel } from './comments/comments-panel.tsx'
import {
  AnalysisTabIcon,
  ChevronLeftIcon,
  ChevronRightIcon,
  CommentsTabIcon,
  InspectTabIcon,
  OutlineTabIcon,
  SnapshotsTabIcon,
} from './icons.tsx'
import { Inspector } from './inspector/inspector.tsx'
import { OutlinePanel } from './outline/outline-panel.tsx'
import './side-panel.css'

/**
 * The colleague's snapshots view, if this build has it: `client/workspace/snapshots/snapshots-panel.tsx`
 * exporting `SnapshotsPanel` (no props; it reads `useBoard()`). A glob, so a build without the
 * file simply has no Snapshots tab, and the module loads only when the tab is first opened.
 */
const snapshotModules = import.meta.glob<{ SnapshotsPanel: Component }>('./snapshots/snapshots-panel.tsx')
const loadSnapshots = Object.values(snapshotModules)[0]
const SnapshotsPanel = loadSnapshots ? lazy(() => loadSnapshots().then((module) => ({ default: module.SnapshotsPanel }))) : null

export type SidePanelTab = 'inspect' | 'outline' | 'analysis' | 'comments' | 'snapshots'
const tabLabels: Record<SidePanelTab, MessageKey> = {
  inspect: 'sidePanel.tab.inspect',
  outline: 'sidePanel.tab.outline',
  analysis: 'sidePanel.tab.analysis',
  comments: 'sidePanel.tab.comments',
  snapshots: 'sidePanel.tab.snapshots',
}
const tabIcons: Record<SidePanelTab, Component<{ size?: number }>> = {
  inspect: InspectTabIcon,
  outline: OutlineTabIcon,
  analysis: AnalysisTabIcon,
  comments: CommentsTabIcon,
  snapshots: SnapshotsTabIcon,
}

/**
 * The right side of the workspace: tabs "Inspect" (the inspector), "Outline", "Analysis",
 * "Comments" (with the count of open threads) and, when present, "Snapshots" (WAI-ARIA tabs:
 * arrow keys move between them, Home/End jump). Each tab shows its icon over its name; when the
 * names of all do not fit one row of the panel (German, Hungarian, large text), the tabs not
 * selected show their icon alone, their name kept as accessible name and tooltip. The
 * inspector stays mounted so its state survives a look at the analysis; the other views are
 * mounted while shown, so a hidden analysis costs nothing. Collapsible to a narrow rail.
 */
export function SidePanel(props: { initialTab?: SidePanelTab }) {
  const tabs: SidePanelTab[] = SnapshotsPanel
    ? ['inspect', 'outline', 'analysis', 'comments', 'snapshots']
    : ['inspect', 'outline', 'analysis', 'comments']
  const [active, setActive] = createSignal<SidePanelTab>(props.initialTab ?? 'inspect')
  const [open, setOpen] = createSignal(true)
  const buttons = new Map<SidePanelTab, HTMLButtonElement>()
  /** the names of all tabs do not fit one row (long names, large text): only the selected one shows its name */
  const [compact, setCompact] = createSignal(false)
  let tabList: HTMLDivElement | undefined
  const measureTabs = () => {
    const label = tabList?.querySelector<HTMLElement>('.ws-side__tab-label')
    if (!tabList || !label || tabList.clientWidth === 0) return
    const context = document.createElement('canvas').getContext('2d')
    if (!context) return
    const font = getComputedStyle(label)
    context.font = `${font.fontWeight} ${font.fontSize} ${font.fontFamily}`
    const tab = getComputedStyle(buttons.get('inspect') ?? label)
    const padding = Number.parseFloat(tab.paddingLeft) + Number.parseFloat(tab.paddingRight)
    const list = getComputedStyle(tabList)
    const room = tabList.clientWidth - Number.parseFloat(list.paddingLeft) - Number.parseFloat(list.paddingRight)
    // each tab as wide as its name (or its icon), plus a little slack for rounding and kerning
    const need = tabs.reduce((sum, each) => sum + Math.max(context.measureText(t(tabLabels[each])).width, 24) + padding + 2, 0)
    setCompact(need > room)
  }
  createEffect(() => {
    // again when the language changes the names
    for (const each of tabs) t(tabLabels[each])
    queueMicrotask(measureTabs)
  })
  onMount(() => {
    if (!tabList) return
    const observer = new ResizeObserver(measureTabs)
    observer.observe(tabList)
    void document.fonts?.ready.then(measureTabs)
    onCleanup(() => observer.disconnect())
  })
  const small = createSmallScreen()
  const sheet = createBottomSheet()

  const select = (tab: SidePanelTab, focus = false) => {
    setActive(tab)
    setOpen(true)
    if (small() && sheet.state() === 'peek' && tab !== 'inspect') sheet.setState('full')
    if (focus) buttons.get(tab)?.focus()
  }
  /** The outline's "Edit": the inspector on the selected element, focus on its first field. */
  const editInInspector = () => {
    select('inspect')
    queueMicrotask(() =>
      document.querySelector<HTMLElement>('#side-panel-inspect :is(input, select, textarea):not([disabled])')?.focus(),
    )
  }
  // Shift+Enter on the board: the one selected element's fields, without a pointer and without
  // walking out of the canvas (Tab there walks the elements and would change the selection)
  const { selection, connection, board } = useBoard()
  // the board's comment threads, live from the document (the tab shows how many are open)
  const comments = createCommentsStore(connection.doc, board.id)
  const openThreads = () => comments.threads().filter((thread) => !thread.resolved).length
  const editKey: KeyCommand = {
    id: 'editInInspector',
    label: 'shortcuts.editInInspector',
    group: 'edit',
    keys: [{ key: 'Enter', shift: true }],
    enabled: () => selection.ids().length === 1,
    run: editInInspector,
  }
  onCleanup(keyboard.register({ id: 'side-panel', priority: 1, commands: () => [editKey] }))
  const onKeyDown = (event: KeyboardEvent) => {
    const at = tabs.indexOf(active())
    const next =
      event.key === 'ArrowRight'
        ? tabs[(at + 1) % tabs.length]
        : event.key === 'ArrowLeft'
          ? tabs[(at - 1 + tabs.length) % tabs.length]
          : event.key === 'Home'
            ? tabs[0]
            : event.key === 'End'
              ? tabs[tabs.length - 1]
              : undefined
    if (!next) return
    event.preventDefault()
    select(next, true)
  }

  return (
    <div
      class="ws-side"
      classList={{ 'ws-side--closed': !open() && !small() }}
      data-testid="side-panel"
      data-tab={active()}
      data-sheet={small() ? sheet.state() : undefined}
      style={small() && sheet.dragHeight() !== null ? { height: `${sheet.dragHeight()}px` } : undefined}
    >
      <Show when={small()}>
        <button
          type="button"
          class="ws-side__grabber"
          data-testid="sheet-grabber"
          aria-expanded={sheet.state() === 'full'}
          aria-controls="side-panel-body"
          aria-label={sheet.state() === 'full' ? t('workspace.sheet.shrink') : t('workspace.sheet.expand')}
          title={sheet.state() === 'full' ? t('workspace.sheet.shrink') : t('workspace.sheet.expand')}
          onPointerDown={sheet.onPointerDown}
          onPointerMove={sheet.onPointerMove}
          onPointerUp={sheet.onPointerUp}
          onPointerCancel={sheet.onPointerUp}
        >
          <span class="ws-side__grabber-bar" aria-hidden="true" />
        </button>
      </Show>
      <button
        type="button"
        class="ws-side__toggle"
        aria-expanded={open()}
        aria-controls="side-panel-body"
        title={open() ? t('sidePanel.collapse') : t('sidePanel.expand')}
        aria-label={open() ? t('sidePanel.collapse') : t('sidePanel.expand')}
        onClick={() => setOpen(!open())}
      >
        <Show when={open()} fallback={<ChevronLeftIcon size={18} />}>
          <ChevronRightIcon size={18} />
        </Show>
      </button>
      <div id="side-panel-body" class="ws-side__body" hidden={!open() && !small()}>
        <div
          ref={tabList}
          class="ws-side__tabs"
          classList={{ 'ws-side__tabs--compact': compact() }}
          role="tablist"
          aria-label={t('sidePanel.tabs')}
          data-compact={compact()}
          onKeyDown={onKeyDown}
        >
          <For each={tabs}>
            {(tab) => (
              <button
                ref={(el) => buttons.set(tab, el)}
                type="button"
                role="tab"
                id={`side-tab-${tab}`}
                class="ws-side__tab"
                aria-selected={active() === tab}
                aria-controls={`side-panel-${tab}`}
                tabindex={active() === tab ? 0 : -1}
                data-testid={`side-tab-${tab}`}
                title={compact() && active() !== tab ? t(tabLabels[tab]) : undefined}
                onClick={() => select(tab)}
              >
                <span class="ws-side__tab-icon">
                  <Dynamic component={tabIcons[tab]} size={18} />
                </span>
                <span class="ws-side__tab-label" classList={{ 'visually-hidden': compact() && active() !== tab }}>
                  {t(tabLabels[tab])}
                </span>
                <Show when={tab === 'comments' && openThreads() > 0}>
                  <span class="ws-side__tab-count" data-testid="comments-tab-count">
                    {' '}
                    <span class="visually-hidden">{t('comments.tabCount', { count: openThreads() })}</span>
                    <span aria-hidden="true">{openThreads()}</span>
                  </span>
                </Show>
              </button>
            )}
          </For>
        </div>
        <div
          id="side-panel-inspect"
          role="tabpanel"
          class="ws-side__panel ws-side__panel--inspect"
          aria-labelledby="side-tab-inspect"
          hidden={active() !== 'inspect'}
        >
          <Inspector />
        </div>
        <Switch>
          <Match when={active() === 'outline'}>
            <div id="side-panel-outline" role="tabpanel" class="ws-side__panel" aria-labelledby="side-tab-outline">
              <OutlinePanel onEdit={editInInspector} />
            </div>
          </Match>
          <Match when={active() === 'analysis'}>
            <div id="side-panel-analysis" role="tabpanel" class="ws-side__panel" aria-labelledby="side-tab-analysis" tabindex="0">
              <AnalysisPanel />
            </div>
          </Match>
          <Match when={active() === 'comments'}>
            <div id="side-panel-comments" role="tabpanel" class="ws-side__panel" aria-labelledby="side-tab-comments">
              <CommentsPanel comments={comments} />
            </div>
          </Match>
          <Match when={active() === 'snapshots' && SnapshotsPanel}>
            {(Panel) => {
              const View = Panel()
              return (
                <div
                  id="side-panel-snapshots"
                  role="tabpanel"
                  class="ws-side__panel"
                  aria-labelledby="side-tab-snapshots"
                  tabindex="0"
                >
                  <Suspense fallback={<p class="muted">{t('app.loading')}</p>}>
                    <View />
                  </Suspense>
                </div>
              )
            }}
          </Match>
        </Switch>
      </div>
    </div>
  )
}

type SheetState = 'peek' | 'full'

/** Screen px a press on the grabber must travel to count as a drag (less is a tap). */
const SHEET_DRAG_PX = 8

/**
 * Phones: the side panel is a bottom sheet, peeking (its tabs and the top of the view) or
 * full (most of the screen, the board still showing above it). The grabber toggles it on a
 * tap and follows a drag, settling on the state the drag went towards. While a creation tool
 * is armed the sheet peeks, so the board is free for the tap that places.
 */
function createBottomSheet() {
  const [state, setState] = createSignal<SheetState>('peek')
  const [dragHeight, setDragHeight] = createSignal<number | null>(null)
  let start: { y: number; height: number } | null = null

  createEffect(
    on(
      () => activeCanvas()?.tool(),
      (tool) => {
        if (tool && (isCreationTool(tool) || tool === 'link')) setState('peek')
      },
    ),
  )

  const sheetOf = (target: EventTarget | null) => (target as HTMLElement | null)?.closest('.ws-side') as HTMLElement | null
  return {
    state,
    setState,
    dragHeight,
    onPointerDown(event: PointerEvent) {
      const sheet = sheetOf(event.currentTarget)
      if (!sheet) return
      start = { y: event.clientY, height: sheet.getBoundingClientRect().height }
      if (event.currentTarget instanceof Element) event.currentTarget.setPointerCapture(event.pointerId)
    },
    onPointerMove(event: PointerEvent) {
      if (!start) return
      const dy = event.clientY - start.y
      if (Math.abs(dy) < SHEET_DRAG_PX && dragHeight() === null) return
      const limit = window.innerHeight * 0.7
      setDragHeight(Math.min(limit, Math.max(96, start.height - dy)))
    },
    onPointerUp(event: PointerEvent) {
      if (!start) return
      const dy = event.clientY - start.y
      start = null
      setDragHeight(null)
      if (event.type === 'pointercancel') return
      if (Math.abs(dy) < SHEET_DRAG_PX) setState(state() === 'full' ? 'peek' : 'full')
      else setState(dy < 0 ? 'full' : 'peek')
    },
  }
}
