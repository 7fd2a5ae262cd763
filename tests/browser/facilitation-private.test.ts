import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { api, createBoard, signup } from '../helpers/api.ts'
import { elementsOf } from '../helpers/browser.ts'
import { joinWorkshop, openBoardAs, serverAndBrowser, type Person as WorkshopPerson, waitConnected } from '../helpers/workshop.ts'

/**
 * The private brainstorm (issue 13, item 7) with a facilitator and two participants, each in
 * their own browser. The facilitator starts it from the facilitation bar, reading along;
 * participant Anna places a note with the mouse and types into it: it is drawn over her canvas
 * as a private note, held by the server, and is in no board document — not hers, not Ben's.
 * Ben's page never holds its text: not in its DOM, not in a sync message, not in a REST answer.
 * Anna moves it, deletes another, reloads and finds it again; the facilitator reads along. The
 * reveal puts it on the board for everyone, with Anna's name. Screenshots go to PRIVATE_SHOTS
 * when it is set.
 */

const SHOTS = process.env.PRIVATE_SHOTS
const LIVE = { timeout: 6000, interval: 50 }
const SECRET = 'Rooftop garden'

interface Person extends WorkshopPerson {
  /** every sync message and REST answer this page received, as text */
  received: string[]
}

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/private-${name}.png` })
}

const notesWith = async (page: Page, label: string) =>
  Object.values(await elementsOf(page)).filter((e) => e.kind === 'note' && e.label === label)

const privateTexts = (page: Page) => page.getByTestId('private-note-text').allTextContents()

async function canvasPoint(page: Page, fx: number, fy: number) {
  const box = await page.getByTestId('board-canvas').boundingBox()
  if (!box) throw new Error('no canvas')
  return { x: box.x + box.width * fx, y: box.y + box.height * fy }
}

const env = serverAndBrowser()

describe('facilitation: private brainstorm', () => {
  it('a participant’s notes reach nobody else until the facilitator reveals them', { timeout: 120_000 }, async () => {
    const { server } = env
    const owner = await signup(server.url, 'Owner')
    const boardId = await createBoard(server.url, owner.token, { title: 'Tannery, ideas round' })
    const accounts = await joinWorkshop(server.url, owner.token, boardId)
    const people: Person[] = []
    const open = (name: string, token: string) =>
      openBoardAs(env, people, boardId, name, token, (page) => {
        const received: string[] = []
        page.on('websocket', (socket) =>
          socket.on('framereceived', ({ payload }) =>
            received.push(typeof payload === 'string' ? payload : payload.toString('utf8')),
          ),
        )
        page.on('response', (response) => {
          if (response.url().includes('/api/'))
            void response
              .text()
              .then((text) => received.push(text))
              .catch(() => undefined)
        })
        return { received }
      })
    try {
      const fac = await open('Fatima Facilitator', accounts.fac.token)
      const anna = await open('Anna Kovač', accounts.anna.token)
      const ben = await open('Ben Weber', accounts.ben.token)
      const benNeverSaw = async () => {
        expect(await ben.page.content()).not.toContain(SECRET)
        expect(await notesWith(ben.page, SECRET)).toEqual([])
        expect(ben.received.some((text) => text.includes(SECRET))).toBe(false)
      }

      // ---- the facilitator starts it from the bar, reading along ----
      await fac.page.getByTestId('private-start-open').click()
      await fac.page.getByTestId('private-read-along').check()
      await shot(fac.page, 'start')
      await fac.page.getByTestId('private-start').click()
      for (const person of [anna, ben])
        await expect.poll(() => person.page.getByTestId('private-banner').textContent(), LIVE).toContain('(0 notes)')
      expect(await anna.page.getByTestId('private-banner').textContent()).toContain(
        'Private brainstorm: your notes are visible only to you until the facilitator reveals them',
      )
      await expect.poll(() => fac.page.getByTestId('private-banner').textContent(), LIVE).toContain('you can read along')

      // ---- Anna places a note with the mouse and types into it at once ----
      await anna.page.getByRole('button', { name: 'Note', exact: true }).click()
      const at = await canvasPoint(anna.page, 0.45, 0.45)
      await anna.page.mouse.click(at.x, at.y)
      const editor = anna.page.getByTestId('private-note-editor')
      await editor.waitFor()
      await anna.page.keyboard.type(SECRET)
      await anna.page.keyboard.press('Control+Enter')
      await expect.poll(() => privateTexts(anna.page), LIVE).toEqual([SECRET])
      expect(await anna.page.getByTestId('private-note-caption').textContent()).toBe('Only you')
      await expect.poll(() => anna.page.getByTestId('private-banner').textContent(), LIVE).toContain('(1 note)')
      // held by the server where she put it; a board element nowhere, not even in her own document
      type Listed = { notes: { id: string; label: string; x?: number; y?: number; author: { name: string } }[] }
      const listed = async () =>
        (await api<Listed>(server.url, 'GET', `/api/boards/${boardId}/private-notes`, { token: accounts.anna.token })).body.notes
      await expect.poll(async () => (await listed()).map((n) => n.label), LIVE).toEqual([SECRET])
      const placed = (await listed())[0]
      expect(placed?.author.name).toBe('Anna Kovač')
      expect(typeof placed?.x).toBe('number')
      expect(await notesWith(anna.page, SECRET)).toEqual([])
      expect(Object.values(await elementsOf(anna.page)).filter((e) => e.kind === 'note')).toEqual([])

      // ---- the facilitator reads along (read-only, with her name) ----
      await expect.poll(() => privateTexts(fac.page), LIVE).toEqual([SECRET])
      expect(await fac.page.getByTestId('private-note-caption').textContent()).toBe('Private')
      expect(await fac.page.getByTestId('private-note-author').textContent()).toBe('— Anna Kovač')
      await shot(fac.page, 'facilitator-reads-along')

      // ---- she drags it: the server keeps the new place ----
      const note = anna.page.getByTestId('private-note')
      const box = await note.boundingBox()
      if (!box) throw new Error('no private note')
      const scale = await anna.page.evaluate(
        () => (window as unknown as { __refreshBoard: { viewport(): { scale: number } } }).__refreshBoard.viewport().scale,
      )
      await anna.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
      await anna.page.mouse.down()
      for (let i = 1; i <= 8; i++) await anna.page.mouse.move(box.x + box.width / 2 + 15 * i, box.y + box.height / 2 + 5 * i)
      await anna.page.mouse.up()
      await expect
        .poll(async () => Math.round(((await listed())[0]?.x ?? 0) - (placed?.x ?? 0)), LIVE)
        .toBeGreaterThanOrEqual(Math.floor(120 / scale) - 2)

      // ---- a second note by the N key and a click, typed, then deleted with Delete ----
      await anna.page.getByTestId('board-canvas').focus()
      await anna.page.keyboard.press('n')
      const other = await canvasPoint(anna.page, 0.25, 0.7)
      await anna.page.mouse.click(other.x, other.y)
      await anna.page.getByTestId('private-note-editor').waitFor()
      await anna.page.keyboard.type('Delete me')
      await anna.page.keyboard.press('Control+Enter')
      await expect.poll(async () => (await listed()).length, LIVE).toBe(2)
      await anna.page.getByTestId('private-note').filter({ hasText: 'Delete me' }).focus()
      await anna.page.keyboard.press('Delete')
      await expect.poll(() => privateTexts(anna.page), LIVE).toEqual([SECRET])
      await expect.poll(async () => (await listed()).map((n) => n.label), LIVE).toEqual([SECRET])
      expect(Object.values(await elementsOf(anna.page)).filter((e) => e.kind === 'note')).toEqual([])

      // ---- one more, removed from its context menu; a double-click opens the text, Escape keeps it ----
      await anna.page.getByTestId('board-canvas').focus()
      await anna.page.keyboard.press('n')
      const third = await canvasPoint(anna.page, 0.7, 0.25)
      await anna.page.mouse.click(third.x, third.y)
      await anna.page.getByTestId('private-note-editor').waitFor()
      await anna.page.keyboard.type('Menu me')
      await anna.page.keyboard.press('Control+Enter')
      await expect.poll(async () => (await listed()).length, LIVE).toBe(2)
      await anna.page.getByTestId('private-note').filter({ hasText: 'Menu me' }).click({ button: 'right' })
      await anna.page.getByTestId('private-note-menu').locator('[data-action="delete"]').click()
      await expect.poll(async () => (await listed()).map((n) => n.label), LIVE).toEqual([SECRET])
      await anna.page.getByTestId('private-note').dblclick()
      expect(await anna.page.getByTestId('private-note-editor').inputValue()).toBe(SECRET)
      await anna.page.keyboard.press('Escape')
      await expect.poll(() => privateTexts(anna.page), LIVE).toEqual([SECRET])

      // ---- a reload: the note is still hers, from the server ----
      await anna.page.reload()
      await waitConnected(anna.page)
      await expect.poll(() => privateTexts(anna.page), LIVE).toEqual([SECRET])
      await expect.poll(() => anna.page.getByTestId('private-banner').textContent(), LIVE).toContain('(1 note)')
      await shot(anna.page, 'overlay')

      await benNeverSaw()
      expect(await ben.page.getByTestId('private-note').count()).toBe(0)

      // ---- the facilitator reveals: everyone sees it on the board, with Anna's name ----
      const kept = (await listed())[0]
      await fac.page.getByTestId('private-reveal-open').click()
      await shot(fac.page, 'reveal')
      await fac.page.getByTestId('private-reveal').click()
      for (const person of [anna, ben, fac]) {
        await expect.poll(async () => (await notesWith(person.page, SECRET)).length, LIVE).toBe(1)
        const [revealed] = await notesWith(person.page, SECRET)
        expect(revealed?.author).toBe('Anna Kovač')
        expect(revealed?.id).not.toBe(placed?.id)
        await expect.poll(() => person.page.getByTestId('private-note').count(), LIVE).toBe(0)
        expect(await person.page.getByTestId('private-banner').count()).toBe(0)
      }
      // where she left it
      const [onBoard] = await notesWith(ben.page, SECRET)
      expect({ x: onBoard?.x, y: onBoard?.y }).toEqual({ x: kept?.x, y: kept?.y })
      await shot(ben.page, 'revealed')
      await shot(anna.page, 'revealed-author')

      for (const person of people) expect(person.problems, person.name).toEqual([])
    } finally {
      for (const person of people) await person.context.close()
    }
  })
})
