import { randomUUID } from 'node:crypto'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callFromPage, elementsOf, launchBrowser, openPerson } from '../helpers/browser.ts'
import { startTestServer } from '../helpers/server.ts'

/**
 * The workspace end to end: an owner and an invited editor in two browser contexts on one board
 * build a small concept together through the toolbar, the canvas and the inspector; each change
 * shows in the other context within a second. Undo is per person, an offline edit merges after
 * reconnecting, and a viewer can change nothing. No console errors anywhere.
 */

const SHOTS = process.env.WORKSPACE_SHOTS
const LIVE = { timeout: 1000, interval: 25 }

type Fields = Record<string, unknown>

interface Person {
  page: Page
  context: BrowserContext
  problems: string[]
}

const open = (browser: Browser): Promise<Person> => openPerson(browser)

const ofKind = async (page: Page, kind: string) => Object.values(await elementsOf(page)).filter((e) => e.kind === kind)

/** Page coordinates of a board point (the canvas's debug hook). */
const toClient = (page: Page, point: { x: number; y: number }) =>
  page.evaluate((p) => {
    const hook = (window as unknown as { __refreshBoard: { toClient(p: { x: number; y: number }): { x: number; y: number } } })
      .__refreshBoard
    return hook.toClient(p)
  }, point)

const centreOf = (element: Fields) => ({
  x: Number(element.x) + Number(element.w) / 2,
  y: Number(element.y) + Number(element.h) / 2,
})

/** Page coordinates of a point of the canvas area, as a fraction of its size. */
async function canvasPoint(page: Page, fx: number, fy: number) {
  const box = await page.getByTestId('board-canvas').boundingBox()
  if (!box) throw new Error('no canvas')
  return { x: box.x + box.width * fx, y: box.y + box.height * fy }
}

async function clickElement(page: Page, element: Fields) {
  const at = await toClient(page, centreOf(element))
  await page.mouse.click(at.x, at.y)
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  for (let i = 1; i <= 8; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 8, from.y + ((to.y - from.y) * i) / 8)
  await page.mouse.up()
}

async function waitConnected(page: Page) {
  await expect
    .poll(() => page.getByTestId('connection-status').getAttribute('data-status'), { timeout: 10_000 })
    .toBe('connected')
  await page.getByTestId('board-canvas').waitFor()
}

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/workspace-${name}.png` })
}

describe('board collaboration', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser

  beforeAll(async () => {
    server = await startTestServer()
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('owner and editor build together; undo is per person; offline edits merge; viewers change nothing', async () => {
    const owner = await open(browser)
    const editor = await open(browser)
    const viewer = await open(browser)
    try {
      // Owner: account and board (through the API from the page: the cookie is the session).
      await owner.page.goto(`${server.url}/`)
      const signup = await callFromPage(owner.page, 'POST', '/api/auth/signup', {
        email: `ana-${randomUUID().slice(0, 8)}@example.org`,
        password: 'a long enough password',
        displayName: 'Ana Novak',
      })
      expect(signup.status).toBe(201)
      const created = await callFromPage<{ board: { id: string } }>(owner.page, 'POST', '/api/boards', {
        title: 'Salt warehouse, round 2',
        site: { name: 'Monfort salt warehouse', location: 'Piran', country: 'SI', areaM2: 445 },
      })
      const boardId = created.body.board.id
      const invite = async (role: string) =>
        (await callFromPage<{ invite: { token: string } }>(owner.page, 'POST', `/api/boards/${boardId}/invites`, { role })).body
          .invite.token
      const editorToken = await invite('editor')
      const viewerToken = await invite('viewer')

      await owner.page.goto(`${server.url}/boards/${boardId}`)
      await waitConnected(owner.page)
      await editor.page.goto(`${server.url}/join/${editorToken}`)
      await editor.page.getByLabel('Your name').fill('Gábor Kovács')
      await editor.page.getByRole('button', { name: 'Join board' }).click()
      await editor.page.waitForURL(new RegExp(`/boards/${boardId}$`))
      await waitConnected(editor.page)

      // Toolbar: named tools with shortcut hints; the active one is pressed.
      const actorTool = owner.page.getByRole('button', { name: 'Actor', exact: true })
      expect(await actorTool.getAttribute('aria-keyshortcuts')).toBe('A')
      expect(await actorTool.getAttribute('title')).toContain('(A)')
      expect(await owner.page.getByRole('button', { name: 'Select', exact: true }).getAttribute('aria-pressed')).toBe('true')
      expect(await owner.page.getByTestId('undo').isDisabled()).toBe(true)

      // 1. The owner places an actor with the toolbar; the editor sees it.
      await actorTool.click()
      expect(await actorTool.getAttribute('aria-pressed')).toBe('true')
      const a = await canvasPoint(owner.page, 0.3, 0.35)
      await owner.page.mouse.click(a.x, a.y)
      await expect.poll(async () => (await ofKind(owner.page, 'actor')).length).toBe(1)
      await expect.poll(async () => (await ofKind(editor.page, 'actor')).length, LIVE).toBe(1)
      const actor = (await ofKind(owner.page, 'actor'))[0] as Fields
      expect(await owner.page.getByTestId('undo').isDisabled()).toBe(false)

      // 2. The editor places a use; the owner sees it.
      await editor.page.getByRole('button', { name: 'Use', exact: true }).click()
      const u = await canvasPoint(editor.page, 0.65, 0.35)
      await editor.page.mouse.click(u.x, u.y)
      await expect.poll(async () => (await ofKind(editor.page, 'use')).length).toBe(1)
      await expect.poll(async () => (await ofKind(owner.page, 'use')).length, LIVE).toBe(1)
      const use = (await ofKind(editor.page, 'use'))[0] as Fields
      await shot(editor.page, 'editor-use')

      // 3. The owner links them with the link tool.
      await owner.page.getByRole('button', { name: 'Link', exact: true }).click()
      await drag(owner.page, await toClient(owner.page, centreOf(actor)), await toClient(owner.page, centreOf(use)))
      await expect.poll(async () => (await ofKind(owner.page, 'link')).length).toBe(1)
      await expect.poll(async () => (await ofKind(editor.page, 'link')).length, LIVE).toBe(1)
      const link = (await ofKind(editor.page, 'link'))[0] as Fields
      expect([link.from, link.to]).toEqual([actor.id, use.id])

      // 4. The editor moves the use; the link still joins the two, and the owner sees the move.
      await editor.page.getByRole('button', { name: 'Select', exact: true }).click()
      const useAt = await toClient(editor.page, centreOf(use))
      await drag(editor.page, useAt, { x: useAt.x + 60, y: useAt.y + 90 })
      await expect.poll(async () => (await elementsOf(editor.page))[String(use.id)]?.y).not.toBe(use.y)
      const moved = (await elementsOf(editor.page))[String(use.id)] as Fields
      await expect.poll(async () => (await elementsOf(owner.page))[String(use.id)]?.y, LIVE).toBe(moved.y)
      const linkNow = (await ofKind(owner.page, 'link'))[0] as Fields
      expect([linkNow.from, linkNow.to]).toEqual([actor.id, use.id])
      await shot(owner.page, 'after-move')

      // 5. The owner edits the actor in the inspector: validated as typed, applied on commit.
      await owner.page.getByRole('button', { name: 'Select', exact: true }).click()
      await clickElement(owner.page, actor)
      const inspector = owner.page.getByTestId('inspector')
      await expect.poll(() => inspector.getAttribute('data-mode')).toBe('single')
      await inspector.getByLabel('Name', { exact: true }).fill('Makers e.V.')
      await inspector.getByLabel('Name', { exact: true }).press('Enter')
      await expect.poll(async () => (await elementsOf(editor.page))[String(actor.id)]?.label, LIVE).toBe('Makers e.V.')
      await inspector.getByLabel('Sector').selectOption('culture')
      await expect.poll(async () => (await elementsOf(editor.page))[String(actor.id)]?.sector, LIVE).toBe('culture')
      // subsector appears only for creative and culture actors
      await inspector.getByLabel('Creative or cultural field').selectOption('music')
      await expect.poll(async () => (await elementsOf(editor.page))[String(actor.id)]?.subsector, LIVE).toBe('music')
      const need = inspector.getByLabel('Space needed (m²)')
      await need.fill('-40')
      await inspector.getByText('Enter a number of 0 or more.').waitFor()
      await need.press('Enter')
      expect((await elementsOf(owner.page))[String(actor.id)]?.spaceNeedM2).toBeUndefined()
      await need.fill('300')
      await need.press('Enter')
      await expect.poll(async () => (await elementsOf(editor.page))[String(actor.id)]?.spaceNeedM2, LIVE).toBe(300)
      await inspector.getByLabel('Commitment').selectOption('loi')
      await expect.poll(async () => (await elementsOf(editor.page))[String(actor.id)]?.commitment, LIVE).toBe('loi')
      await shot(owner.page, 'inspector-actor')

      // 6. The editor draws a phase on the timeline and sets its months in the inspector.
      await editor.page.getByRole('button', { name: 'Phase', exact: true }).click()
      const p = await canvasPoint(editor.page, 0.45, 0.8)
      await editor.page.mouse.click(p.x, p.y)
      await expect.poll(async () => (await ofKind(owner.page, 'phase')).length, LIVE).toBe(1)
      const phase = (await ofKind(editor.page, 'phase'))[0] as Fields
      const editorInspector = editor.page.getByTestId('inspector')
      await expect.poll(() => editorInspector.getAttribute('data-mode')).toBe('single')
      await editorInspector.getByLabel('End month').fill('2028-06')
      await editorInspector.getByLabel('End month').press('Enter')
      await expect.poll(async () => (await elementsOf(owner.page))[String(phase.id)]?.end, LIVE).toBe('2028-06')
      const resnapped = (await elementsOf(owner.page))[String(phase.id)] as Fields
      expect(Number(resnapped.w)).toBeGreaterThan(Number(phase.w))
      await editorInspector.getByRole('checkbox', { name: /Makers e\.V\./ }).check()
      await expect.poll(async () => (await elementsOf(owner.page))[String(phase.id)]?.refs, LIVE).toEqual([actor.id])
      await shot(editor.page, 'inspector-phase')

      // 7. Undo is per person: the editor's undo takes back the editor's last change only.
      const before = await elementsOf(owner.page)
      await editor.page.getByTestId('undo').click()
      await expect.poll(async () => (await elementsOf(owner.page))[String(phase.id)]?.refs, LIVE).toBeUndefined()
      const after = await elementsOf(owner.page)
      expect(after[String(actor.id)]).toEqual(before[String(actor.id)])
      expect(after[String(phase.id)]?.end).toBe('2028-06')
      // and the owner's Ctrl+Z undoes the owner's last change (the commitment), not the editor's
      await owner.page.getByTestId('board-canvas').focus()
      await owner.page.keyboard.press('Control+z')
      await expect.poll(async () => (await elementsOf(editor.page))[String(actor.id)]?.commitment, LIVE).not.toBe('loi')
      expect((await elementsOf(editor.page))[String(phase.id)]?.end).toBe('2028-06')

      // 8. An edit made offline merges after reconnecting.
      await editor.context.setOffline(true)
      await expect.poll(() => editor.page.getByTestId('connection-status').getAttribute('data-status')).toBe('offline')
      expect(await editor.page.getByTestId('connection-status').textContent()).toContain('changes are kept')
      await editor.page.getByRole('button', { name: 'Select', exact: true }).click()
      await clickElement(editor.page, (await elementsOf(editor.page))[String(use.id)] as Fields)
      await expect.poll(() => editorInspector.getAttribute('data-mode')).toBe('single')
      await editorInspector.getByLabel('Floor area (m²)').fill('420')
      await editorInspector.getByLabel('Floor area (m²)').press('Enter')
      await shot(editor.page, 'offline')
      await owner.page.waitForTimeout(300)
      expect((await elementsOf(owner.page))[String(use.id)]?.areaM2).not.toBe(420)
      await editor.context.setOffline(false)
      await expect.poll(async () => (await elementsOf(owner.page))[String(use.id)]?.areaM2, { timeout: 10_000 }).toBe(420)

      // 9. A viewer sees everything and can change nothing.
      await viewer.page.goto(`${server.url}/join/${viewerToken}`)
      await viewer.page.getByLabel('Your name').fill('Eva Horvat')
      await viewer.page.getByRole('button', { name: 'Join board' }).click()
      await viewer.page.waitForURL(new RegExp(`/boards/${boardId}$`))
      await waitConnected(viewer.page)
      await viewer.page.getByTestId('view-only').waitFor()
      expect(await viewer.page.getByTestId('tool-actor').count()).toBe(0)
      expect(await viewer.page.getByTestId('undo').count()).toBe(0)
      await expect.poll(async () => Object.keys(await elementsOf(viewer.page)).length).toBe(4)
      const snapshot = await elementsOf(owner.page)
      const viewerActor = (await elementsOf(viewer.page))[String(actor.id)] as Fields
      await clickElement(viewer.page, viewerActor)
      const viewerInspector = viewer.page.getByTestId('inspector')
      await expect.poll(() => viewerInspector.getAttribute('data-mode')).toBe('single')
      expect(await viewerInspector.getByLabel('Name', { exact: true }).getAttribute('readonly')).not.toBeNull()
      expect(await viewerInspector.getByLabel('Sector').isDisabled()).toBe(true)
      const from = await toClient(viewer.page, centreOf(viewerActor))
      await drag(viewer.page, from, { x: from.x + 120, y: from.y + 80 })
      await viewer.page.keyboard.press('Delete')
      await viewer.page.waitForTimeout(500)
      expect(await elementsOf(viewer.page)).toEqual(snapshot)
      expect(await elementsOf(owner.page)).toEqual(snapshot)
      await shot(viewer.page, 'viewer')

      expect(owner.problems).toEqual([])
      expect(editor.problems).toEqual([])
      expect(viewer.problems).toEqual([])
    } finally {
      await owner.context.close()
      await editor.context.close()
      await viewer.context.close()
    }
  }, 90_000)
})
