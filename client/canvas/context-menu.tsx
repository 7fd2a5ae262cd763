import { createSignal, For, onCleanup, onMount, Show } from 'solid-js'
import { Portal } from 'solid-js/web'
import { useBoard } from '../board/board-context.ts'
import { handleMenuKey } from '../components/menu-keys.ts'
import { t } from '../i18n/locale.ts'
import { keyboard } from '../keyboard/app-keyboard.ts'
import { isMacPlatform, keyText } from '../keyboard/key-binding.ts'
import type { KeyCommand } from '../keyboard/keyboard-router.ts'
import '../keyboard/keyboard.css'
import type { Action } from './actions/types.ts'
import type { CanvasApi } from './canvas-api.ts'
import { applicable, canvasEntries, elementEntries } from './context-menu-items.ts'
import { type Point, unionRect } from './viewport.ts'

interface OpenMenu {
  at: Point
  items: (Action | 'separator')[]
}

/**
 * The canvas's context menu: right-click (or Shift+F10, the Menu key) lists the actions of the
 * registry that apply to what is under the pointer or selected. A role="menu" with roving
 * focus: arrows, Home/End, Enter; Escape, Tab or a click outside close it.
 */
export function CanvasContextMenu(props: { canvas: CanvasApi }) {
  const { selection } = useBoard()
  const [menu, setMenu] = createSignal<OpenMenu | null>(null)
  const host = props.canvas.stage.container()
  let list: HTMLDivElement | undefined

  const open = (at: Point, onElement: boolean) => {
    const items = applicable(props.canvas, onElement ? elementEntries : canvasEntries)
    if (items.length > 0) setMenu({ at, items })
  }
  const close = (refocus: boolean) => {
    if (!menu()) return
    setMenu(null)
    if (refocus) host.focus({ preventScroll: true })
  }

  const onContextMenu = (event: MouseEvent) => {
    event.preventDefault()
    if (menu()) return // opened by the keyboard just now
    const rect = host.getBoundingClientRect()
    const board = props.canvas.toBoard({ x: event.clientX - rect.left, y: event.clientY - rect.top })
    const hit = props.canvas.renderer.elementAt(board)
    // the menu is about what was clicked: it becomes the selection unless it is already part of it
    if (hit && !selection.has(hit)) selection.set([hit])
    if (!hit) selection.clear()
    open({ x: event.clientX, y: event.clientY }, hit !== null)
  }
  host.addEventListener('contextmenu', onContextMenu)

  /** From the keyboard: at the selection, or the middle of the canvas. */
  const openFromKeyboard = () => {
    const bounds = unionRect(selection.ids().flatMap((id) => props.canvas.renderer.boundsOf(id) ?? []))
    const rect = host.getBoundingClientRect()
    const at = bounds
      ? props.canvas.toClient({ x: bounds.x + bounds.width / 2, y: bounds.y + bounds.height / 2 })
      : { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }
    open(at, bounds !== null)
  }
  const menuKey: KeyCommand = {
    id: 'contextMenu',
    label: 'contextMenu.open',
    group: 'edit',
    keys: [
      { key: 'F10', shift: true },
      { key: 'ContextMenu', shift: 'any', listed: false },
    ],
    enabled: () => menu() === null,
    run: openFromKeyboard,
  }
  const offKeys = keyboard.register({ id: 'context-menu', priority: 5, commands: () => [menuKey] })

  const onOutside = (event: PointerEvent) => {
    if (list && event.target instanceof Node && list.contains(event.target)) return
    close(false)
  }
  document.addEventListener('pointerdown', onOutside, true)
  const onResize = () => close(false)
  window.addEventListener('resize', onResize)
  onCleanup(() => {
    host.removeEventListener('contextmenu', onContextMenu)
    document.removeEventListener('pointerdown', onOutside, true)
    window.removeEventListener('resize', onResize)
    offKeys()
  })

  const run = (action: Action) => {
    // focus back on the canvas first: an action may move it on (the text editor)
    close(true)
    props.canvas.runAction(action.name, 'menu')
  }

  const items = () => [...(list?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])]
  const onKeyDown = (event: KeyboardEvent) => handleMenuKey(event, items(), () => close(true))

  return (
    <Show when={menu()}>
      {(current) => (
        <Portal>
          <Menu
            ref={(el) => {
              list = el
            }}
            at={current().at}
            items={current().items}
            onKeyDown={onKeyDown}
            onRun={run}
          />
        </Portal>
      )}
    </Show>
  )
}

function Menu(props: {
  ref: (el: HTMLDivElement) => void
  at: Point
  items: (Action | 'separator')[]
  onKeyDown: (event: KeyboardEvent) => void
  onRun: (action: Action) => void
}) {
  let el: HTMLDivElement | undefined
  const [place, setPlace] = createSignal(props.at)
  const isMac = isMacPlatform()
  const shortcutOf = (action: Action) => {
    const binding = action.keys?.find((b) => b.listed !== false)
    return binding ? keyText(binding, t, isMac) : ''
  }
  onMount(() => {
    if (!el) return
    // keep it on screen
    const { width, height } = el.getBoundingClientRect()
    setPlace({
      x: Math.max(4, Math.min(props.at.x, window.innerWidth - width - 4)),
      y: Math.max(4, Math.min(props.at.y, window.innerHeight - height - 4)),
    })
    el.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus()
  })
  return (
    <div
      ref={(node) => {
        el = node
        props.ref(node)
      }}
      class="kb-menu"
      role="menu"
      aria-label={t('contextMenu.label')}
      data-testid="context-menu"
      style={{ left: `${place().x}px`, top: `${place().y}px` }}
      onKeyDown={props.onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      <For each={props.items}>
        {(item) =>
          item === 'separator' ? (
            <hr class="kb-menu__separator" />
          ) : (
            <button
              type="button"
              role="menuitem"
              tabindex="-1"
              class="kb-menu__item"
              classList={{ 'kb-menu__item--danger': item.name === 'deleteSelection' }}
              data-testid="context-menu-item"
              data-action={item.name}
              onClick={() => props.onRun(item)}
            >
              <span>{t(item.label)}</span>
              <Show when={shortcutOf(item)}>
                <span class="kb-menu__shortcut">{shortcutOf(item)}</span>
              </Show>
            </button>
          )
        }
      </For>
    </div>
  )
}
