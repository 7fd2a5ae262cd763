import type { FileChooser, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { applyOperation } from '../../shared/operations/apply-operation.ts'
import type { OperationInput } from '../../shared/operations/operation.ts'
import { api, createBoard, joinAs, signup } from '../helpers/api.ts'
import { axeViolations } from '../helpers/axe.ts'
import { elementsOf } from '../helpers/browser.ts'
import { blackPng } from '../helpers/png.ts'
import { connectClient } from '../helpers/sync-client.ts'
import { openBoardAs, type Person, serverAndBrowser } from '../helpers/workshop.ts'

/**
 * The Outline tab (issue 15, item 1), a WAI-ARIA tree, with the keyboard alone — no mouse event
 * at all: open the tab, create an actor and a use, walk the tree (arrows, Home/End, type-ahead),
 * open a line's actions with Shift+F10, link, move into a zone, lock, give and take back dots in
 * an open vote, add an image through the file picker, delete a note and undo it, edit in the
 * inspector; a second person's board (their own doc) reflects each step, and the outline names
 * every element of the board it started from.
 */

type Box = { id: string; kind: string; label?: string; x: number; y: number; w: number; h: number } & Record<string, unknown>

const env = serverAndBrowser()

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? null)
const selectionOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { __refreshBoard: { selection(): string[] } }).__refreshBoard.selection())
const attributes = (locator: Locator, names: string[]) => Promise.all(names.map((name) => locator.getAttribute(name)))
const menuActions = (page: Page) =>
  page
    .getByTestId('outline-menu')
    .locator('[data-action]')
    .evaluateAll((items) => items.map((i) => i.getAttribute('data-action')))
const focusedAction = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-action') ?? null)
/** In the open menu: Down until the item is focused (at most once round), then Enter. */
async function chooseAction(page: Page, action: string) {
  await page.getByTestId('outline-menu').waitFor()
  const count = (await menuActions(page)).length
  for (let i = 0; i <= count && (await focusedAction(page)) !== action; i++) await page.keyboard.press('ArrowDown')
  expect(await focusedAction(page)).toBe(action)
  await page.keyboard.press('Enter')
  await expect.poll(() => page.getByTestId('outline-menu').count()).toBe(0)
}
const myDots = async (url: string, token: string, boardId: string) =>
  (
    await api<{ facilitation: { vote: { myDots: Record<string, number> } | null } }>(
      url,
      'GET',
      `/api/boards/${boardId}/facilitation`,
      { token },
    )
  ).body.facilitation.vote?.myDots
const boxes = async (page: Page) => Object.values(await elementsOf(page)) as Box[]
const ofKind = async (page: Page, kind: string) => (await boxes(page)).filter((e) => e.kind === kind)

describe('outline view', () => {
  it('builds, links, moves, locks and deletes from the outline with keys alone; another person sees each step', async () => {
    const { server } = env
    const owner = await signup(server.url, 'Olga Outline')
    const boardId = await createBoard(server.url, owner.token, { title: 'Spinning mill' })
    const guest = await joinAs(server.url, owner.token, boardId, 'editor', 'Gita Guest')
    const peer = connectClient(server.url, boardId, owner.token)
    const people: Person[] = []
    try {
      await peer.synced
      const seed = (op: OperationInput) => {
        const result = applyOperation(peer.doc, op, 'peer')
        if (!result.ok) throw new Error(result.error.message)
      }
      seed({
        type: 'element.add',
        elements: [
          { id: 'f-ground', kind: 'frame', x: -200, y: -200, w: 1400, h: 900, label: 'Ground floor' },
          { id: 'z-hall', kind: 'zone', x: 700, y: 200, w: 400, h: 300, label: 'Weaving hall' },
          { id: 'n-ask', kind: 'note', x: -150, y: -150, w: 160, h: 160, label: 'Ask the owner', color: 'yellow' },
          {
            id: 'a-city',
            kind: 'actor',
            x: 1600,
            y: 0,
            w: 180,
            h: 90,
            label: 'City of Maribor',
            sector: 'public',
            commitment: 'loi',
          },
        ],
      })

      const olga = await openBoardAs(env, people, boardId, 'Olga', owner.token)
      const gita = await openBoardAs(env, people, boardId, 'Gita', guest.token)
      const page = olga.page
      // file pickers are caught from the start (a listener added just before the key may be too late)
      const choosers: FileChooser[] = []
      page.on('filechooser', (chooser) => choosers.push(chooser))

      // the tabs: focus the selected one, the arrow key opens the Outline
      await page.getByTestId('side-tab-inspect').focus()
      await page.keyboard.press('ArrowRight')
      await expect.poll(() => page.getByTestId('side-tab-outline').getAttribute('aria-selected')).toBe('true')
      const tree = page.getByRole('tree', { name: 'Outline' })
      await tree.waitFor()

      // every element of the board it opened on is a line of the tree, named with its key fields
      for (const name of [
        'Ground floor, frame',
        'Weaving hall, zone',
        'Ask the owner, note',
        'City of Maribor, actor, Public sector, Letter of intent',
        'Not in a frame',
        'Zones (1)',
      ]) {
        await expect.poll(() => tree.getByRole('treeitem', { name, exact: true }).count(), { message: name }).toBe(1)
      }
      const frameLine = page.locator('#outline-item-f-ground')
      expect(await attributes(frameLine, ['aria-level', 'aria-expanded', 'aria-posinset', 'aria-setsize'])).toEqual([
        '1',
        'true',
        '1',
        '2',
      ])
      expect(await attributes(page.locator('#outline-item-z-hall'), ['aria-level', 'aria-expanded'])).toEqual(['3', null])

      // create an actor: Tab from the tab to the first "Add" button, Enter, type its name
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('outline-add-actor')
      await page.keyboard.press('Enter')
      await expect.poll(() => page.getByTestId('canvas-text-editor').count()).toBe(1)
      await page.keyboard.press('Control+a')
      await page.keyboard.type('Makers e.V.')
      await page.keyboard.press('Control+Enter')
      await expect.poll(async () => (await ofKind(gita.page, 'actor')).find((a) => a.label === 'Makers e.V.')).toBeDefined()
      const actor = (await ofKind(page, 'actor')).find((a) => a.label === 'Makers e.V.') as Box
      await expect.poll(() => focusedId(page)).toBe(`outline-item-${actor.id}`)

      // create a use, the same way
      await page.getByTestId('outline-add-use').focus()
      await page.keyboard.press('Enter')
      await expect.poll(() => page.getByTestId('canvas-text-editor').count()).toBe(1)
      await page.keyboard.press('Control+a')
      await page.keyboard.type('Open workshop')
      await page.keyboard.press('Control+Enter')
      await expect.poll(async () => (await ofKind(gita.page, 'use')).find((u) => u.label === 'Open workshop')).toBeDefined()
      const use = (await ofKind(page, 'use')).find((u) => u.label === 'Open workshop') as Box
      await expect.poll(() => focusedId(page)).toBe(`outline-item-${use.id}`)

      // one tab stop: the focused line; Shift+Tab leaves the tree, Tab comes back to the same line
      expect(await tree.locator('[tabindex="0"]').count()).toBe(1)
      await page.keyboard.press('Shift+Tab')
      expect(await focusedId(page)).not.toBe(`outline-item-${use.id}`)
      await page.keyboard.press('Tab')
      await expect.poll(() => focusedId(page)).toBe(`outline-item-${use.id}`)

      // the tree's keys: Home, Down into the kind, Left closes it, Right opens it and goes in, End
      await page.keyboard.press('Home')
      await expect.poll(() => focusedId(page)).toBe('outline-item-f-ground')
      await expect.poll(() => selectionOf(page)).toEqual(['f-ground']) // the line walked to is the canvas's selection
      expect(await frameLine.getAttribute('aria-selected')).toBe('true')
      await page.keyboard.press('ArrowDown')
      await expect.poll(() => focusedId(page)).toBe('outline-kind-f-ground-actor')
      await page.keyboard.press('ArrowLeft')
      await expect.poll(() => page.locator(`#outline-item-${actor.id}`).count()).toBe(0)
      expect(await page.locator('#outline-kind-f-ground-actor').getAttribute('aria-expanded')).toBe('false')
      await page.keyboard.press('ArrowRight')
      await expect.poll(() => page.locator(`#outline-item-${actor.id}`).count()).toBe(1)
      await page.keyboard.press('ArrowRight')
      await expect.poll(() => focusedId(page)).toBe(`outline-item-${actor.id}`)
      await expect.poll(() => selectionOf(page)).toEqual([actor.id])
      await page.keyboard.press('ArrowLeft') // a leaf: to its parent
      await expect.poll(() => focusedId(page)).toBe('outline-kind-f-ground-actor')
      await page.keyboard.press('End')
      await expect.poll(() => focusedId(page)).toBe('outline-item-a-city')

      // type-ahead: the first letters of a line's name
      await page.keyboard.press('w')
      await expect.poll(() => focusedId(page)).toBe('outline-item-z-hall')
      await page.keyboard.press('Home')
      await page.keyboard.type('ma')
      await expect.poll(() => focusedId(page)).toBe(`outline-item-${actor.id}`)

      // Shift+F10 opens the line's actions: a menu, focus on its first item; Escape back to the line
      await page.keyboard.press('Shift+F10')
      const menu = page.getByRole('menu', { name: /^Actions: Makers e\.V\., actor, Creative industries, Idea/ })
      await menu.waitFor()
      expect(await menuActions(page)).toEqual(['edit', 'link', 'move-f-ground', 'move-z-hall', 'lock', 'delete'])
      await expect.poll(() => focusedAction(page)).toBe('edit')
      await page.keyboard.press('ArrowUp') // wraps to the last
      await expect.poll(() => focusedAction(page)).toBe('delete')
      await page.keyboard.press('Escape')
      await expect.poll(() => menu.count()).toBe(0)
      await expect.poll(() => focusedId(page)).toBe(`outline-item-${actor.id}`)

      // link to…: the canvas's link dialog from the menu; the link shows under both ends
      await page.keyboard.press('Shift+F10')
      await chooseAction(page, 'link')
      await page.getByTestId('link-dialog').waitFor()
      await page.keyboard.type('Open workshop')
      await page.locator('#link-dialog-relation').selectOption('operates')
      await page.getByTestId('link-dialog-submit').focus()
      await page.keyboard.press('Enter')
      await expect
        .poll(
          async () =>
            (await ofKind(gita.page, 'link')).filter((l) => l.from === actor.id && l.to === use.id && l.relation === 'operates')
              .length,
        )
        .toBe(1)
      await expect
        .poll(() => tree.getByRole('treeitem', { name: 'Makers e.V. operates Open workshop', exact: true }).count())
        .toBe(2) // under both ends
      expect(await page.locator(`#outline-item-${actor.id}`).getAttribute('aria-expanded')).toBe('true')

      // move the use into the zone: its line, the menu, the zone among "Move into"
      await page.locator(`#outline-item-${use.id}`).focus()
      await page.keyboard.press('Shift+F10')
      await chooseAction(page, 'move-z-hall')
      const centreInHall = async () => {
        const moved = (await boxes(gita.page)).find((e) => e.id === use.id)
        if (!moved) return false
        const cx = moved.x + moved.w / 2
        const cy = moved.y + moved.h / 2
        return cx > 700 && cx < 1100 && cy > 200 && cy < 500
      }
      await expect.poll(centreInHall).toBe(true)
      await expect.poll(() => focusedId(page)).toBe(`outline-item-${use.id}`)

      // lock the actor (Olga owns the board): a checkbox item of the menu
      await page.locator(`#outline-item-${actor.id}`).focus()
      await page.keyboard.press('Shift+F10')
      expect(await page.locator('[data-action="lock"]').getAttribute('aria-checked')).toBe('false')
      await chooseAction(page, 'lock')
      await expect.poll(async () => (await boxes(gita.page)).find((e) => e.id === actor.id)?.locked).toBe(true)
      await expect
        .poll(() =>
          tree.getByRole('treeitem', { name: 'Makers e.V., actor, Creative industries, Idea, Locked', exact: true }).count(),
        )
        .toBe(1)

      // a change by the other person shows up in the outline at once
      seed({ type: 'element.update', id: 'a-city', fields: { commitment: 'signed' } })
      await expect
        .poll(() => tree.getByRole('treeitem', { name: 'City of Maribor, actor, Public sector, Signed', exact: true }).count())
        .toBe(1)

      // a dot vote is open: the menu of a line in it gives and takes back this person's dots
      const opened = await api(server.url, 'POST', `/api/boards/${boardId}/facilitation`, {
        token: owner.token,
        body: { command: 'vote.open', elementIds: [use.id, 'a-city'], dotsPerPerson: 3, maxPerElement: 3, title: 'First use?' },
      })
      expect(opened.status).toBe(200)
      const useLine = tree.getByRole('treeitem', { name: /^Open workshop, use(, [^,]+)*, 0 dots$/ })
      await expect.poll(() => useLine.count()).toBe(1)
      await useLine.focus()
      await page.keyboard.press('Shift+F10')
      expect(await page.locator('[data-action="dot-add"]').textContent()).toContain('3 of 3 dots left')
      expect(await page.locator('[data-action="dot-remove"]').count()).toBe(0)
      await chooseAction(page, 'dot-add')
      await expect.poll(() => myDots(server.url, owner.token, boardId)).toEqual({ [use.id]: 1 })
      await page.keyboard.press('Shift+F10')
      await chooseAction(page, 'dot-add')
      await expect.poll(() => myDots(server.url, owner.token, boardId)).toEqual({ [use.id]: 2 })
      await expect.poll(() => tree.getByRole('treeitem', { name: /^Open workshop, use(, [^,]+)*, 2 dots$/ }).count()).toBe(1)
      await page.keyboard.press('Shift+F10')
      expect(await page.locator('[data-action="dot-add"]').textContent()).toContain('1 of 3 dots left')
      await chooseAction(page, 'dot-remove')
      await expect.poll(() => myDots(server.url, owner.token, boardId)).toEqual({ [use.id]: 1 })
      // an element outside the vote offers no dots
      await page.locator(`#outline-item-${actor.id}`).focus()
      await page.keyboard.press('Shift+F10')
      expect(await menuActions(page)).not.toContain('dot-add')
      await page.keyboard.press('Escape')
      await api(server.url, 'POST', `/api/boards/${boardId}/facilitation`, {
        token: owner.token,
        body: { command: 'vote.cancel' },
      })
      await expect.poll(() => tree.getByRole('treeitem', { name: /^Open workshop, use(, [^,]+)*$/ }).count()).toBe(1)

      // add an image: the same file picker and upload as the toolbar's; focus on its new line
      await page.getByTestId('outline-add-image').focus()
      await page.keyboard.press('Enter')
      await expect.poll(() => choosers.length).toBe(1)
      await choosers[0]?.setFiles({ name: 'loom-hall.png', mimeType: 'image/png', buffer: Buffer.from(blackPng(400, 300)) })
      await expect.poll(async () => (await ofKind(gita.page, 'image')).map((i) => i.label)).toEqual(['loom-hall'])
      const image = (await ofKind(page, 'image'))[0] as Box
      await expect.poll(() => focusedId(page)).toBe(`outline-item-${image.id}`)

      // the outline, with a line's menu open, passes axe (the whole board page is another test's)
      await page.locator(`#outline-item-${actor.id}`).focus()
      await page.keyboard.press('Shift+F10')
      await menu.waitFor()
      const inOutline = []
      for (const violation of await axeViolations(page)) {
        const targets = await page.evaluate(
          (selectors) =>
            selectors.filter((s) => document.querySelector(s)?.closest('#side-panel-outline, [data-testid="outline-menu"]')),
          violation.targets,
        )
        if (targets.length > 0) inOutline.push({ ...violation, targets })
      }
      expect(inOutline).toEqual([])
      await page.keyboard.press('Escape')
      const outlineShot = await page.getByTestId('side-panel').screenshot()
      expect(outlineShot.length).toBeGreaterThan(1000)
      await page.screenshot({ path: 'docs/screenshots/outline.png' })

      // Delete deletes (the canvas's own action), focus on the line that took its place; Ctrl+Z brings it back
      await page.locator('#outline-item-n-ask').focus()
      await page.keyboard.press('Delete')
      await expect.poll(async () => (await boxes(gita.page)).some((e) => e.id === 'n-ask')).toBe(false)
      await expect.poll(() => page.locator('#outline-item-n-ask').count()).toBe(0)
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('treeitem')
      await page.keyboard.press('Control+z')
      await expect.poll(async () => (await boxes(gita.page)).some((e) => e.id === 'n-ask')).toBe(true)
      await expect.poll(() => page.locator('#outline-item-n-ask').count()).toBe(1)

      // someone else deletes the line that has the focus: the focus goes to the line that took its place
      await page.locator('#outline-item-a-city').focus()
      seed({ type: 'element.delete', ids: ['a-city'] })
      await expect.poll(() => page.locator('#outline-item-a-city').count()).toBe(0)
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('treeitem')

      // Enter edits: the inspector opens on the element, focus in its first field
      await page.locator(`#outline-item-${use.id}`).focus()
      await page.keyboard.press('Enter')
      await expect.poll(() => page.getByTestId('side-tab-inspect').getAttribute('aria-selected')).toBe('true')
      await expect.poll(() => selectionOf(page)).toEqual([use.id])
      await expect
        .poll(() =>
          page.evaluate(() => !!document.activeElement?.closest('#side-panel-inspect') && document.activeElement?.tagName),
        )
        .toMatch(/INPUT|SELECT|TEXTAREA/)

      for (const person of people) expect(person.problems, person.name).toEqual([])
    } finally {
      peer.destroy()
      for (const person of people) await person.context.close()
    }
  }, 90_000)
})
