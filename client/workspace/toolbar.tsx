import { createEffect, createSignal, For, onCleanup, onMount, Show } from 'solid-js'
import { canEdit } from '../../shared/schema/roles.ts'
import { useBoard } from '../board/board-context.ts'
import { activeCanvas } from '../canvas/canvas-api.ts'
import { createSmallScreen } from '../components/small-screen.ts'
import { t } from '../i18n/locale.ts'
import { shortcutPreferences } from '../keyboard/app-keyboard.ts'
import { ShortcutsButton } from '../keyboard/shortcuts-sheet.tsx'
import { EyeIcon, RedoIcon, UndoIcon } from './icons.tsx'
import { useToasts } from './toasts.tsx'
import { facilitationBlock, toolHint, toolName, type WorkspaceTool, workspaceTools } from './workspace-tools.ts'

/**
 * The floating tool palette on the left of the canvas. The active tool is marked by
 * `aria-pressed`, a filled tile and a bar beside it (shape, not colour alone). Viewers see only
 * the navigation tools and a "View only" badge. On phones it is one scrolling row at the top
 * that fades out at an end where more tools are hidden, so a participant knows to swipe.
 */
export function Toolbar(props: { onPickImage: () => void }) {
  const { role, undo, facilitation } = useBoard()
  const toasts = useToasts()
  const editable = () => canEdit(role())
  const active = () => activeCanvas()?.tool() ?? 'select'
  const visible = () => workspaceTools.filter((tool) => editable() || !tool.edits)
  // the letters are shown only while they work (the ? sheet can turn them off)
  const singleKeys = shortcutPreferences.singleKeys
  // phones: one row over the top of the board (workspace.css)
  const small = createSmallScreen()

  // a paused board or an agenda step asking for other kinds turns tools off (the server refuses them anyway)
  const blocked = (tool: WorkspaceTool) => facilitationBlock(tool, role(), facilitation.state())
  createEffect(() => {
    const armed = workspaceTools.find((tool) => tool.id === active())
    if (armed && blocked(armed)) activeCanvas()?.setTool('select')
  })

  const choose = (tool: WorkspaceTool) => {
    if (tool.id === 'image') props.onPickImage()
    else activeCanvas()?.setTool(tool.id)
  }

  // On a phone the row scrolls sideways; which ends hide tools decides where it fades (workspace.css)
  const [more, setMore] = createSignal({ before: false, after: false })
  let row: HTMLDivElement | undefined
  const measure = () => {
    if (!row) return
    const hidden = row.scrollWidth - row.clientWidth
    // a pixel of slack: fractional widths on high-density screens never quite reach the end
    const next = { before: row.scrollLeft > 1, after: row.scrollLeft < hidden - 1 }
    const now = more()
    if (next.before !== now.before || next.after !== now.after) setMore(next)
  }
  onMount(() => {
    if (!row) return
    row.addEventListener('scroll', measure, { passive: true })
    const resized = new ResizeObserver(measure)
    resized.observe(row)
    // the tools inside change with the role (viewers see fewer)
    for (const group of row.children) resized.observe(group)
    measure()
    onCleanup(() => {
      row?.removeEventListener('scroll', measure)
      resized.disconnect()
    })
  })

  return (
    <div
      ref={row}
      class="ws-toolbar"
      data-testid="toolbar"
      data-more-before={String(more().before)}
      data-more-after={String(more().after)}
    >
      <div
        class="ws-toolbar__group"
        role="toolbar"
        aria-label={t('workspace.toolbar')}
        aria-orientation={small() ? 'horizontal' : 'vertical'}
      >
        <For each={visible()}>
          {(tool) => {
            const pressed = () => tool.id !== 'image' && active() === tool.id
            const name = () => t(toolName(tool.id))
            return (
              <>
                <Show when={tool.groupStart}>
                  <hr class="ws-toolbar__separator" />
                </Show>
                <button
                  type="button"
                  class="ws-tool"
                  classList={{ 'ws-tool--active': pressed() }}
                  data-tool={tool.id}
                  data-testid={`tool-${tool.id}`}
                  aria-label={name()}
                  aria-pressed={tool.id === 'image' ? undefined : pressed()}
                  aria-haspopup={tool.id === 'image' ? 'dialog' : undefined}
                  aria-keyshortcuts={singleKeys() ? tool.key : undefined}
                  title={
                    blocked(tool) === 'paused'
                      ? t('facilitation.toolPaused', { name: name() })
                      : blocked(tool) === 'step'
                        ? t('facilitation.toolNotInStep', { name: name() })
                        : singleKeys()
                          ? t('workspace.tool.tooltip', { name: name(), key: tool.key, hint: t(toolHint(tool.id)) })
                          : t('shortcuts.toolTooltip', { name: name(), hint: t(toolHint(tool.id)) })
                  }
                  data-blocked={blocked(tool) ?? undefined}
                  aria-disabled={blocked(tool) ? 'true' : undefined}
                  disabled={!activeCanvas()}
                  onClick={() => {
                    // still focusable and tappable: a phone has no tooltip, so it says why in a notice
                    const why = blocked(tool)
                    if (why)
                      toasts.show(
                        t(why === 'paused' ? 'facilitation.toolPaused' : 'facilitation.toolNotInStep', { name: name() }),
                      )
                    else choose(tool)
                  }}
                >
                  <tool.icon size={20} />
                  <Show when={singleKeys()}>
                    <span class="ws-tool__key" aria-hidden="true">
                      {tool.key}
                    </span>
                  </Show>
                </button>
              </>
            )
          }}
        </For>
      </div>
      <Show when={editable()}>
        <fieldset class="ws-toolbar__group" aria-label={t('workspace.history')}>
          <button
            type="button"
            class="ws-tool"
            data-testid="undo"
            aria-label={t('workspace.undo')}
            aria-keyshortcuts="Control+Z"
            title={t('workspace.undoHint')}
            disabled={!undo.canUndo()}
            onClick={() => undo.undo()}
          >
            <UndoIcon size={20} />
          </button>
          <button
            type="button"
            class="ws-tool"
            data-testid="redo"
            aria-label={t('workspace.redo')}
            aria-keyshortcuts="Control+Shift+Z"
            title={t('workspace.redoHint')}
            disabled={!undo.canRedo()}
            onClick={() => undo.redo()}
          >
            <RedoIcon size={20} />
          </button>
        </fieldset>
      </Show>
      <div class="ws-toolbar__group">
        <ShortcutsButton />
      </div>
    </div>
  )
}

/** Shown to viewers and reviewers over the canvas: what they can and cannot do, in words and an icon. */
export function ViewOnlyBadge() {
  const { role } = useBoard()
  const reviewer = () => role() === 'reviewer'
  return (
    <div class="ws-view-only" role="note" data-testid="view-only" data-role={role()}>
      <EyeIcon size={18} />
      <span class="ws-view-only__title">{reviewer() ? t('workspace.reviewOnly') : t('workspace.viewOnly')}</span>
      <span class="ws-view-only__hint">{reviewer() ? t('workspace.reviewOnlyHint') : t('workspace.viewOnlyHint')}</span>
    </div>
  )
}
