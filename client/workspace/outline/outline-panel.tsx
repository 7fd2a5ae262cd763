import { createEffect, createMemo, createSignal, For, Match, on, onCleanup, Show, Switch, untrack, useContext } from 'solid-js'
import { Portal } from 'solid-js/web'
import { canEdit, canFacilitate } from '../../../shared/schema/roles.ts'
import { isApiError } from '../../api.ts'
import { useBoard } from '../../board/board-context.ts'
import type { BoardElement } from '../../board/board-store.ts'
import { activeCanvas, centreOnElement } from '../../canvas/canvas-api.ts'
import type { CreationTool } from '../../canvas/tools.ts'
import { handleMenuKey } from '../../components/menu-keys.ts'
import { addDot, type Dots, dotsLeft, removeDot } from '../../facilitation/vote-ballot.ts'
import { enumLabel, t } from '../../i18n/locale.ts'
import '../../keyboard/keyboard.css'
import { ImageFileInput } from '../image-file-input.tsx'
import { createImagePlacement } from '../image-placement.ts'
import { ToastContext } from '../toasts.tsx'
import { facilitationBlock, workspaceTools } from '../workspace-tools.ts'
import { frameOf, freeSpotIn, positionInside } from './outline-model.ts'
import { outlineName, outlineParts, str } from './outline-names.ts'
import {
  ancestorKeys,
  elementKey,
  outlineTree,
  type TreeNode,
  type TreeRow,
  treeKey,
  typeAhead,
  visibleRows,
} from './outline-tree.ts'
import './outline.css'

const addable: CreationTool[] = ['actor', 'use', 'zone', 'phase', 'note', 'frame']

/** The DOM id of a line: `outline-item-<element id>` for an element's own line. */
const domIdOf = (node: TreeNode) =>
  node.type === 'frame' || node.type === 'element'
    ? `outline-item-${node.elementId}`
    : `outline-${node.key.replace(/[^A-Za-z0-9_-]/g, '-')}`

/**
 * A new element opens the canvas's text editor for its name; once it closes (kept or dropped),
 * focus comes back to the element's line in the outline, where the person was working.
 */
function returnFocusAfterEditing(id: string) {
  const started = performance.now()
  let opened = false
  const check = () => {
    const editor = document.querySelector('[data-testid="canvas-text-editor"]')
    if (editor) opened = true
    else if (opened || performance.now() - started > 1000) {
      const active = document.activeElement
      if (!active || active === document.body || active.closest('[data-testid="board-canvas"]')) {
        document.getElementById(`outline-item-${id}`)?.focus()
      }
      return
    }
    if (performance.now() - started < 120_000) requestAnimationFrame(check)
  }
  requestAnimationFrame(check)
}

type MenuEntry =
  | {
      type: 'item'
      id: string
      label: string
      detail?: string
      checked?: boolean
      danger?: boolean
      run: () => void
    }
  | { type: 'group'; id: string; label: string; items: MenuEntry[] }
  | { type: 'separator'; id: string }

/** Milliseconds within which typed letters add up to one type-ahead word. */
const TYPE_AHEAD_MS = 700

/**
 * The Outline tab: the whole board as a WAI-ARIA tree (APG tree view) — frames (an element
 * belongs to the frame holding its centre) and "Not in a frame", in each the contents by kind,
 * each element's links as relations under it. One tab stop (roving tabindex); arrows, Home/End
 * and type-ahead walk it, and the line walked to is the canvas's selection; Enter edits in the
 * inspector, Delete deletes (the canvas's own action, so its undo); the Menu key, Shift+F10 or a
 * right-click opens the line's actions (edit, link to, move into a frame or zone, lock, a vote's
 * dots, delete). Everything reads the live store, so edits and remote changes show at once.
 */
export function OutlinePanel(props: { onEdit?: () => void }) {
  const session = useBoard()
  const { store, selection, writes, role, facilitation } = session
  const toasts = useContext(ToastContext)
  const elements = createMemo(() => Object.values(store.state.elements))
  const tree = createMemo(() => outlineTree(elements()))
  const [collapsed, setCollapsed] = createSignal<ReadonlySet<string>>(new Set())
  const rows = createMemo(() => visibleRows(tree(), collapsed()))
  const rowOf = createMemo(() => new Map(rows().map((row) => [row.node.key, row])))
  const byId = (id: string) => store.state.elements[id]
  const labelOf = (id: string) => {
    const element = byId(id)
    return element ? (str(element.label) ?? str(element.alt) ?? t(`export.kind.${element.kind}` as never)) : id
  }
  const relationText = (link: BoardElement) =>
    `${labelOf(link.from as string)} ${enumLabel('relation', link.relation as string)} ${labelOf(link.to as string)}`
  const current = createMemo(() => {
    const ids = selection.ids()
    return ids.length === 1 ? byId(ids[0] ?? '') : undefined
  })
  const mayChange = (element: BoardElement | undefined) =>
    !!element && canEdit(role()) && !(element.locked && !canFacilitate(role()))

  // ---- the vote: this person's dots, as the vote strip keeps them (the server has the last word)
  const openVote = createMemo(() => {
    const vote = facilitation.state().vote
    return vote?.open ? vote : null
  })
  const [ballot, setBallot] = createSignal<Dots>(facilitation.myDots())
  let inFlight = 0
  let chain: Promise<void> = Promise.resolve()
  createEffect(
    on(facilitation.myDots, (dots) => {
      if (inFlight === 0) setBallot(dots)
    }),
  )
  const votable = (id: string) => canEdit(role()) && !!openVote()?.elementIds.includes(id)
  const vote = (id: string, action: 'add' | 'remove') => {
    const open = openVote()
    if (!open) return
    const result = action === 'add' ? addDot(open, ballot(), id) : removeDot(ballot(), id)
    if (!result.ok) {
      const count = result.reason === 'total' ? open.dotsPerPerson : open.maxPerElement
      const key =
        result.reason === 'total'
          ? 'vote.limit.total'
          : result.reason === 'element'
            ? 'vote.limit.element'
            : result.reason === 'none_here'
              ? 'vote.noneHere'
              : 'vote.notInVote'
      toasts?.show(t(key, { count }), 'warning', 5000)
      return
    }
    setBallot(result.dots)
    inFlight++
    const dots = { ...result.dots }
    chain = chain
      .then(() => facilitation.vote(dots))
      .catch((error: unknown) => {
        toasts?.show(t(isApiError(error) && error.status === 409 ? 'vote.closedMeanwhile' : 'vote.sendFailed'), 'warning', 5000)
        void facilitation.refresh().catch(() => undefined)
      })
      .finally(() => {
        inFlight--
        if (inFlight === 0) setBallot(facilitation.myDots())
      })
  }

  // ---- what a line says: its visible words are its accessible name
  const lineParts = (node: TreeNode): string[] => {
    if (node.type === 'loose') return [t('outline.notInFrame')]
    if (node.type === 'kind') {
      const count = node.children.length
      return [`${enumLabel('elementKindPlural', node.kind ?? '')} (${count})`]
    }
    const element = byId(node.elementId ?? '')
    if (!element) return [node.elementId ?? '']
    if (node.type === 'link') return [relationText(element)]
    const parts = outlineParts(element, byId)
    if (element.locked) parts.push(t('field.locked'))
    if (openVote()?.elementIds.includes(element.id) && canEdit(role()))
      parts.push(t('vote.dots', { count: ballot()[element.id] ?? 0 }))
    return parts
  }
  const lineName = (node: TreeNode) => lineParts(node).join(', ')

  // ---- focus: one tab stop, on the line last focused (or the selection, or the first line)
  const [focusKey, setFocusKey] = createSignal<string | null>(null)
  const tabStop = createMemo(() => {
    const key = focusKey()
    if (key && rowOf().has(key)) return key
    const selected = rows().find((row) => row.node.elementId && selection.has(row.node.elementId))
    return selected?.node.key ?? rows()[0]?.node.key ?? null
  })
  let treeEl: HTMLDivElement | undefined
  const domOf = (key: string) => {
    const row = rowOf().get(key)
    return row ? document.getElementById(domIdOf(row.node)) : null
  }
  const focusLine = (key: string) => {
    setFocusKey(key)
    domOf(key)?.focus()
  }
  const expandTo = (key: string) => {
    const above = ancestorKeys(tree(), key) ?? []
    if (above.some((k) => collapsed().has(k))) setCollapsed((set) => new Set([...set].filter((k) => !above.includes(k))))
  }
  const setExpanded = (key: string, open: boolean) =>
    setCollapsed((set) => {
      const next = new Set(set)
      if (open) next.delete(key)
      else next.add(key)
      return next
    })

  // The focused line went away under the person (someone else deleted it, or moved it out of a
  // closed group): the focus would fall to the page; it goes to the line that took its place.
  let treeFocused = false
  let focusedIndex = 0
  createEffect(
    on(rows, (list) => {
      const key = untrack(focusKey)
      const at = list.findIndex((row) => row.node.key === key)
      if (at >= 0) {
        focusedIndex = at
        return
      }
      const active = document.activeElement
      if (!treeFocused || (active && active !== document.body && treeEl?.contains(active) === false)) return
      const next = list[Math.min(focusedIndex, list.length - 1)]
      if (next) queueMicrotask(() => focusLine(next.node.key))
    }),
  )

  // a selection made on the canvas: its line becomes the tab stop and scrolls into view (focus stays where it is)
  createEffect(
    on(current, (element) => {
      if (!element || treeEl?.contains(document.activeElement)) return
      const key = untrack(() => {
        const own = elementKey(element.id)
        if (element.kind !== 'link') return own
        const owner = elementKey(element.from as string)
        return `${owner}/link:${element.id}`
      })
      expandTo(key)
      setFocusKey(key)
      domOf(key)?.scrollIntoView({ block: 'nearest' })
    }),
  )

  /** The line walked to is the canvas's selection, in view there. */
  const select = (node: TreeNode) => {
    const element = node.elementId ? byId(node.elementId) : undefined
    if (!element) return
    if (!(selection.ids().length === 1 && selection.has(element.id))) selection.set([element.id])
    centreOnElement(element)
  }
  const moveTo = (key: string) => {
    const row = rowOf().get(key)
    if (!row) return
    focusLine(key)
    select(row.node)
  }

  // ---- actions
  const edit = (node: TreeNode) => {
    select(node)
    props.onEdit?.()
  }
  /** Deletes through the canvas's own action (its undo, its links), then focus on the line that took its place. */
  const remove = (node: TreeNode) => {
    const element = byId(node.elementId ?? '')
    if (!mayChange(element) || !element) return
    const at = rows().findIndex((row) => row.node.key === node.key)
    selection.set([element.id])
    const canvas = activeCanvas()
    if (canvas) canvas.runAction('deleteSelection', 'menu')
    else writes.apply({ type: 'element.delete', ids: [element.id], withLinks: true })
    const left = rows()
    const next = left[Math.min(at, left.length - 1)]
    if (next) moveTo(next.node.key)
  }
  const linkFrom = (node: TreeNode) => {
    const canvas = activeCanvas()
    if (!canvas || !node.elementId) return
    select(node)
    canvas.setLinkingFrom(node.elementId)
  }
  const moveInto = (node: TreeNode, containerId: string) => {
    const element = byId(node.elementId ?? '')
    const into = byId(containerId)
    if (!element || !into) return
    const to = positionInside(element, into)
    if (to) writes.apply({ type: 'element.move', moves: [{ id: element.id, ...to }] })
    // it may now sit in another frame: its line moves, the focus follows it
    queueMicrotask(() => {
      expandTo(node.key)
      focusLine(node.key)
    })
  }

  const menuEntries = (node: TreeNode): MenuEntry[] => {
    const element = byId(node.elementId ?? '')
    if (!element) return []
    const entries: MenuEntry[] = [{ type: 'item', id: 'edit', label: t('outline.edit'), run: () => edit(node) }]
    const changeable = mayChange(element)
    const isBox = typeof element.x === 'number'
    if (changeable && isBox) entries.push({ type: 'item', id: 'link', label: t('action.linkTo'), run: () => linkFrom(node) })
    if (changeable && isBox && element.kind !== 'frame') {
      const containers = elements().filter((e) => (e.kind === 'frame' || e.kind === 'zone') && e.id !== element.id)
      if (containers.length > 0)
        entries.push({
          type: 'group',
          id: 'move',
          label: t('outline.moveInto'),
          items: containers.map((c) => ({
            type: 'item',
            id: `move-${c.id}`,
            label: outlineName(c, byId),
            run: () => moveInto(node, c.id),
          })),
        })
    }
    if (votable(element.id)) {
      const open = openVote()
      const left = open ? t('vote.left', { count: dotsLeft(open, ballot()), total: open.dotsPerPerson }) : undefined
      entries.push({ type: 'separator', id: 'vote-sep' })
      entries.push({
        type: 'item',
        id: 'dot-add',
        label: t('vote.list.add', { name: labelOf(element.id) }),
        detail: left,
        run: () => vote(element.id, 'add'),
      })
      if ((ballot()[element.id] ?? 0) > 0)
        entries.push({
          type: 'item',
          id: 'dot-remove',
          label: t('vote.list.remove', { name: labelOf(element.id) }),
          detail: t('vote.dots', { count: ballot()[element.id] ?? 0 }),
          run: () => vote(element.id, 'remove'),
        })
    }
    if (canFacilitate(role()))
      entries.push(
        { type: 'separator', id: 'lock-sep' },
        {
          type: 'item',
          id: 'lock',
          label: t('field.locked'),
          checked: !!element.locked,
          run: () => writes.apply({ type: 'element.lock', ids: [element.id], locked: !element.locked }),
        },
      )
    if (changeable)
      entries.push(
        { type: 'separator', id: 'delete-sep' },
        { type: 'item', id: 'delete', label: t('action.deleteSelection'), danger: true, run: () => remove(node) },
      )
    return entries
  }

  // ---- the actions menu
  const [menu, setMenu] = createSignal<{ key: string; at: { x: number; y: number } } | null>(null)
  const openMenu = (node: TreeNode, at?: { x: number; y: number }) => {
    if (!node.elementId || !byId(node.elementId)) return
    const rect = domOf(node.key)?.getBoundingClientRect()
    setMenu({ key: node.key, at: at ?? { x: (rect?.left ?? 0) + 24, y: rect?.bottom ?? 0 } })
  }
  const closeMenu = (refocus: boolean) => {
    const open = menu()
    if (!open) return
    setMenu(null)
    if (refocus) focusLine(open.key)
  }

  // ---- typing on a line
  let typed = ''
  let typedTimer: ReturnType<typeof setTimeout> | undefined
  onCleanup(() => clearTimeout(typedTimer))
  const onLineKey = (event: KeyboardEvent, row: TreeRow) => {
    const { node } = row
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey
    if ((event.key === 'F10' && event.shiftKey) || event.key === 'ContextMenu') {
      event.preventDefault()
      openMenu(node)
      return
    }
    if (!plain) return
    // a key other than a letter ends the word being typed
    if (event.key !== 'Shift' && !(event.key.length === 1 && /[\p{L}\p{N}]/u.test(event.key))) typed = ''
    const move = event.shiftKey ? null : treeKey(rows(), node.key, event.key)
    // arrows, Home and End are the tree's alone (on the canvas they would move the selection)
    if (/^(Arrow|Home$|End$)/.test(event.key)) event.preventDefault()
    if (move) {
      if ('focus' in move) moveTo(move.focus)
      else setExpanded('expand' in move ? move.expand : move.collapse, 'expand' in move)
      return
    }
    if (event.key === 'Enter') {
      event.preventDefault()
      if (node.elementId) edit(node)
      else if (row.expanded !== undefined) setExpanded(node.key, !row.expanded)
      return
    }
    if (event.key === ' ') {
      event.preventDefault()
      if (node.elementId) select(node)
      else if (row.expanded !== undefined) setExpanded(node.key, !row.expanded)
      return
    }
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault()
      if (node.elementId) remove(node)
      return
    }
    // type-ahead: letters and digits (punctuation stays the board's: "." and "," vote, "?" lists the keys)
    if (event.key.length === 1 && /[\p{L}\p{N}]/u.test(event.key)) {
      event.preventDefault()
      typed += event.key
      clearTimeout(typedTimer)
      typedTimer = setTimeout(() => {
        typed = ''
      }, TYPE_AHEAD_MS)
      const list = rows()
      const at = list.findIndex((r) => r.node.key === node.key)
      const found = typeAhead(
        list.map((r) => lineParts(r.node)[0] ?? ''),
        at,
        typed,
      )
      const target = list[found]
      if (target) moveTo(target.node.key)
    }
  }

  // ---- adding
  const add = (kind: CreationTool) => {
    const canvas = activeCanvas()
    if (!canvas) return
    const id = canvas.createElement(kind, addAt(kind))
    if (id) returnFocusAfterEditing(id)
  }
  /**
   * Where a new element goes: the middle of the frame the person was last at in the tree (the
   * line of the tab stop, a kind's line too), else the selection's frame — a free spot there — else
   * the view's centre.
   */
  const addAt = (kind: string) => {
    const stop = tabStop()
    const top = stop ? [stop, ...(ancestorKeys(tree(), stop) ?? [])].at(-1) : undefined
    const topNode = tree().find((node) => node.key === top)
    const focused = current()
    const frame =
      topNode?.type === 'frame'
        ? byId(topNode.elementId ?? '')
        : topNode?.type === 'loose'
          ? null
          : focused
            ? focused.kind === 'frame'
              ? focused
              : frameOf(
                  focused,
                  elements().filter((e) => e.kind === 'frame'),
                )
            : null
    return frame && kind !== 'frame' ? (freeSpotIn(frame, elements()) ?? undefined) : undefined
  }
  const placeImage = toasts ? createImagePlacement(toasts) : null
  const imageTool = workspaceTools.find((tool) => tool.id === 'image')
  let imageInput: HTMLInputElement | undefined
  let imageButton: HTMLButtonElement | undefined
  const pickImage = () => {
    if (imageTool && facilitationBlock(imageTool, role(), facilitation.state())) return
    imageInput?.click()
  }
  const onImageChosen = async (file: File) => {
    if (!placeImage) return
    await placeImage(file, addAt('image'))
    // placed and selected: its line takes the focus if the person is still at the button
    const id = selection.ids()[0]
    const active = document.activeElement
    if (id && byId(id)?.kind === 'image' && (active === imageButton || active === document.body)) {
      expandTo(elementKey(id))
      focusLine(elementKey(id))
    }
  }

  // ---- rendering
  const Lines = (p: { nodes: readonly TreeNode[] }) => (
    <For each={p.nodes.map((n) => n.key)}>
      {(key) => {
        const row = () => rowOf().get(key)
        return (
          <Show when={row()}>
            {(r) => {
              const node = () => r().node
              const groupId = () => `${domIdOf(node())}-group`
              const parts = () => lineParts(node())
              return (
                <div class="outline__node">
                  {/* biome-ignore lint/a11y/useFocusableInteractive: focusable through the roving tabindex below */}
                  <div
                    role="treeitem"
                    id={domIdOf(node())}
                    class={`outline__item outline__item--${node().type}`}
                    style={{ '--outline-level': r().level }}
                    data-testid="outline-item"
                    data-type={node().type}
                    data-element-id={node().elementId}
                    tabindex={tabStop() === key ? 0 : -1}
                    aria-level={r().level}
                    aria-setsize={r().setSize}
                    aria-posinset={r().posInSet}
                    aria-expanded={r().expanded}
                    aria-selected={node().elementId ? selection.has(node().elementId as string) : undefined}
                    aria-owns={r().expanded ? groupId() : undefined}
                    aria-label={lineName(node())}
                    onFocus={() => setFocusKey(key)}
                    onClick={() => {
                      focusLine(key)
                      select(node())
                    }}
                    onDblClick={() => node().elementId && edit(node())}
                    onContextMenu={(event) => {
                      if (!node().elementId) return
                      event.preventDefault()
                      focusLine(key)
                      select(node())
                      openMenu(node(), { x: event.clientX, y: event.clientY })
                    }}
                    onKeyDown={(event) => onLineKey(event, r())}
                  >
                    <Show when={r().expanded !== undefined}>
                      <span
                        class="outline__twisty"
                        aria-hidden="true"
                        onClick={(event) => {
                          event.stopPropagation()
                          focusLine(key)
                          setExpanded(key, !r().expanded)
                        }}
                      />
                    </Show>
                    <span class="outline__text">
                      <span class="outline__primary">{parts()[0]}</span>
                      <Show when={parts().length > 1}>
                        <span class="outline__details">, {parts().slice(1).join(', ')}</span>
                      </Show>
                    </span>
                  </div>
                  <Show when={r().expanded}>
                    {/* biome-ignore lint/a11y/useSemanticElements: a tree's group of lines (a fieldset is for form controls) */}
                    <div role="group" id={groupId()} class="outline__group">
                      <Lines nodes={node().children} />
                    </div>
                  </Show>
                </div>
              )
            }}
          </Show>
        )
      }}
    </For>
  )

  return (
    <div class="outline" data-testid="outline">
      <fieldset class="outline__add">
        <legend class="outline__add-title">{t('outline.add')}</legend>
        <For each={addable}>
          {(kind) => (
            <button
              type="button"
              class="button button--small"
              disabled={!canEdit(role())}
              data-testid={`outline-add-${kind}`}
              onClick={() => add(kind)}
            >
              {t(`tool.${kind}`)}
            </button>
          )}
        </For>
        <Show when={placeImage}>
          <button
            ref={imageButton}
            type="button"
            class="button button--small"
            disabled={!canEdit(role())}
            aria-haspopup="dialog"
            data-testid="outline-add-image"
            onClick={pickImage}
          >
            {t('workspace.tool.image')}
          </button>
          <ImageFileInput
            ref={(input) => {
              imageInput = input
            }}
            testId="outline-image-input"
            onFile={(file) => void onImageChosen(file)}
          />
        </Show>
      </fieldset>
      <p class="outline__hint" id="outline-hint">
        {t('outline.hint')}
      </p>
      <div
        ref={treeEl}
        class="outline__tree"
        role="tree"
        aria-label={t('sidePanel.tab.outline')}
        aria-describedby="outline-hint"
        aria-multiselectable="true"
        data-testid="outline-tree"
        onFocusIn={() => {
          treeFocused = true
        }}
        onFocusOut={(event) => {
          // a line taken out of the page while focused still counts as the tree's focus (recovered above)
          const left = event.target as Node
          queueMicrotask(() => {
            treeFocused = !!treeEl?.contains(document.activeElement) || !left.isConnected
          })
        }}
      >
        <Lines nodes={tree()} />
      </div>
      <Show when={menu()}>
        {(open) => (
          <OutlineMenu
            at={open().at}
            entries={menuEntries(rowOf().get(open().key)?.node ?? { key: '', type: 'loose', children: [] })}
            label={rowOf().get(open().key) ? lineName((rowOf().get(open().key) as TreeRow).node) : ''}
            onClose={closeMenu}
          />
        )}
      </Show>
    </div>
  )
}

/**
 * A line's actions: a role="menu" with roving focus (arrows, Home/End, Enter or Space), Escape
 * or Tab closing it with focus back on the line, a click outside closing it.
 */
function OutlineMenu(props: {
  at: { x: number; y: number }
  entries: MenuEntry[]
  label: string
  onClose: (refocus: boolean) => void
}) {
  let el: HTMLDivElement | undefined
  const [place, setPlace] = createSignal(props.at)
  const items = () => [...(el?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])]
  const runEntry = (entry: Extract<MenuEntry, { type: 'item' }>) => {
    // focus back on the line first: an action may move it on (the inspector, the link dialog)
    props.onClose(true)
    entry.run()
  }
  const onKeyDown = (event: KeyboardEvent) => handleMenuKey(event, items(), () => props.onClose(true))
  const onOutside = (event: PointerEvent) => {
    if (el && event.target instanceof Node && el.contains(event.target)) return
    props.onClose(false)
  }
  document.addEventListener('pointerdown', onOutside, true)
  onCleanup(() => document.removeEventListener('pointerdown', onOutside, true))
  const onMounted = (node: HTMLDivElement) => {
    el = node
    queueMicrotask(() => {
      const { width, height } = node.getBoundingClientRect()
      setPlace({
        x: Math.max(4, Math.min(props.at.x, window.innerWidth - width - 4)),
        y: Math.max(4, Math.min(props.at.y, window.innerHeight - height - 4)),
      })
      items()[0]?.focus()
    })
  }
  // Items are keyed by their id: a change while the menu is open (an answer to a dot, someone's
  // edit) updates their words in place, and the focused one keeps the focus.
  type ItemEntry = Extract<MenuEntry, { type: 'item' }>
  const byId = createMemo(() => {
    const map = new Map<string, MenuEntry>()
    for (const entry of props.entries) {
      map.set(entry.id, entry)
      if (entry.type === 'group') for (const item of entry.items) map.set(item.id, item)
    }
    return map
  })
  const Item = (p: { id: string }) => {
    const entry = () => byId().get(p.id) as ItemEntry | undefined
    return (
      <Show when={entry()}>
        {(item) => (
          // biome-ignore lint/a11y/useAriaPropsSupportedByRole: a menuitemcheckbox (the role below) has aria-checked
          <button
            type="button"
            role={item().checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
            aria-checked={item().checked}
            tabindex="-1"
            class="kb-menu__item"
            classList={{ 'kb-menu__item--danger': item().danger }}
            data-testid="outline-menu-item"
            data-action={p.id}
            onClick={() => runEntry(item())}
          >
            <span>
              <Show when={item().checked !== undefined}>
                <span class="outline-menu__check" aria-hidden="true">
                  {item().checked ? '☑' : '☐'}
                </span>{' '}
              </Show>
              {item().label}
            </span>
            <Show when={item().detail}>
              <span class="kb-menu__shortcut">{item().detail}</span>
            </Show>
          </button>
        )}
      </Show>
    )
  }
  return (
    <Portal>
      <div
        ref={onMounted}
        class="kb-menu outline-menu"
        role="menu"
        aria-label={`${t('contextMenu.label')}: ${props.label}`}
        data-testid="outline-menu"
        style={{ left: `${place().x}px`, top: `${place().y}px` }}
        onKeyDown={onKeyDown}
        onContextMenu={(event) => event.preventDefault()}
      >
        <For each={props.entries.map((entry) => entry.id)}>
          {(id) => {
            const entry = () => byId().get(id)
            return (
              <Switch fallback={<Item id={id} />}>
                <Match when={entry()?.type === 'separator'}>
                  <hr class="kb-menu__separator" />
                </Match>
                <Match when={entry()?.type === 'group' && (entry() as Extract<MenuEntry, { type: 'group' }>)}>
                  {(group) => (
                    // biome-ignore lint/a11y/useSemanticElements: a group of menu items (a fieldset is for form controls)
                    <div role="group" class="outline-menu__group" aria-labelledby={`outline-menu-${id}`}>
                      <div class="outline-menu__group-label" id={`outline-menu-${id}`} role="presentation">
                        {group().label}
                      </div>
                      <For each={group().items.map((item) => item.id)}>{(itemId) => <Item id={itemId} />}</For>
                    </div>
                  )}
                </Match>
              </Switch>
            )
          }}
        </For>
      </div>
    </Portal>
  )
}
