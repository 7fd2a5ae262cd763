import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { t } from '../../shared/i18n/index.ts'
import { createBoard, signup } from '../helpers/api.ts'
import { joinWorkshop, openBoardAs, type Person, serverAndBrowser } from '../helpers/workshop.ts'

/**
 * Attention in a live workshop (issue 13, items 4 and 8): a facilitator and two participants,
 * each in their own browser. Summon brings both participants' views to the facilitator's; a
 * participant follows another and Esc stops it; while the facilitator presents, both follow the
 * presenter's pans; a reaction floats on the others' screens; a laser trail shows on the others'
 * canvas. Screenshots go to ATTENTION_SHOTS when it is set.
 */

const SHOTS = process.env.ATTENTION_SHOTS
const LIVE = { timeout: 5000, interval: 50 }

type Rect = { x: number; y: number; w: number; h: number }

/** The board rect a page shows (the canvas's debug hook and the stage's size). */
const visible = (page: Page): Promise<Rect> =>
  page.evaluate(() => {
    const hook = (window as unknown as { __refreshBoard: { viewport(): { x: number; y: number; scale: number } } }).__refreshBoard
    const vp = hook.viewport()
    const host = document.querySelector('[data-testid="board-canvas"]') as HTMLElement
    return { x: -vp.x / vp.scale, y: -vp.y / vp.scale, w: host.clientWidth / vp.scale, h: host.clientHeight / vp.scale }
  })

const centre = (r: Rect) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 })

/** `shown` shows `target`: the same centre (within 2 % of its size) and the same size (within 3 %, or larger on a larger screen). */
function shows(shown: Rect, target: Rect): boolean {
  const a = centre(shown)
  const b = centre(target)
  const near = Math.abs(a.x - b.x) <= target.w * 0.02 && Math.abs(a.y - b.y) <= target.h * 0.02
  const fits = shown.w >= target.w * 0.97 && shown.h >= target.h * 0.97
  const tight = shown.w <= target.w * 1.03 || shown.h <= target.h * 1.03
  return near && fits && tight
}

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/attention-${name}.png` })
}

/** A pan of the view by a trackpad scroll over the canvas (one wheel event: no animation). */
async function pan(page: Page, dx: number, dy: number) {
  const box = await page.getByTestId('board-canvas').boundingBox()
  if (!box) throw new Error('no canvas')
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5)
  await page.mouse.wheel(dx + 0.5, dy + 0.5)
}

const toastTexts = (page: Page) => page.getByTestId('toast').allTextContents()

/** Red pixels of the laser on the cursors layer's canvas. */
const laserPixels = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.querySelector('canvas[data-layer="peer-presence"]') as HTMLCanvasElement | null
    const data = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data
    if (!data) return 0
    let red = 0
    for (let i = 0; i < data.length; i += 4)
      if ((data[i + 3] ?? 0) > 60 && (data[i] ?? 0) > 180 && (data[i + 1] ?? 0) < 110 && (data[i + 2] ?? 0) < 110) red++
    return red
  })

const env = serverAndBrowser()

describe('facilitation: attention', () => {
  it('summon, follow, presentation, reactions and the laser reach the others', { timeout: 120_000 }, async () => {
    const { server } = env
    const owner = await signup(server.url, 'Owner')
    // notes spread over the board, so that each view shows something of its own
    const ideas = ['Café in the boiler house', 'Makerspace', 'Rope museum', 'Bike repair', 'Market hall', 'Studios']
    const boardId = await createBoard(server.url, owner.token, {
      title: 'Rope works, workshop 2',
      content: {
        format: 'refresh-board',
        version: 1,
        board: { id: 'rope-works', title: 'Rope works, workshop 2' },
        elements: Array.from({ length: 24 }, (_, i) => ({
          id: `n${i}`,
          kind: 'note',
          x: (i % 6) * 420 - 900,
          y: Math.floor(i / 6) * 360 - 500,
          w: 200,
          h: 140,
          label: ideas[i % ideas.length],
          color: 'yellow',
        })),
      },
    })
    const accounts = await joinWorkshop(server.url, owner.token, boardId)
    const people: Person[] = []
    const open = (name: string, token: string) => openBoardAs(env, people, boardId, name, token)
    try {
      const fac = await open('Fatima Facilitator', accounts.fac.token)
      const anna = await open('Anna Kovač', accounts.anna.token)
      const ben = await open('Ben Weber', accounts.ben.token)
      for (const person of people)
        await expect.poll(() => person.page.getByTestId('presence-list').getByTestId('presence-name').count(), LIVE).toBe(3)

      // ---- summon: the facilitator looks somewhere else and brings everyone there ----
      await pan(fac.page, -900, 400)
      const here = await visible(fac.page)
      const before = await visible(anna.page)
      expect(shows(before, here)).toBe(false)
      // the facilitation bar's "bring everyone here" sends the facilitator's view
      await fac.page.getByTestId('summon').click()
      for (const person of [anna, ben]) {
        await expect.poll(async () => shows(await visible(person.page), here), LIVE).toBe(true)
        await expect
          .poll(() => toastTexts(person.page), LIVE)
          .toContainEqual(expect.stringContaining(t('attention.summoned', { name: 'Fatima Facilitator' })))
      }
      // the summoner stays where they are and is not told
      expect(shows(await visible(fac.page), here)).toBe(true)
      expect(await toastTexts(fac.page)).not.toContainEqual(expect.stringContaining('brought everyone here'))
      await shot(anna.page, 'summoned')

      // ---- follow: Anna follows Ben; Ben pans and Anna's view goes along; Esc ends it ----
      const benItem = anna.page.locator('[data-testid="presence-list"] li', { hasText: 'Ben Weber' })
      await benItem.getByTestId('follow-person').click()
      await anna.page.getByTestId('follow-banner').waitFor({ state: 'visible', timeout: 5000 })
      expect(await anna.page.getByTestId('follow-banner').textContent()).toContain(
        t('attention.following', { name: 'Ben Weber' }),
      )
      await pan(ben.page, 500, -300)
      const benView = await visible(ben.page)
      await expect.poll(async () => shows(await visible(anna.page), benView), LIVE).toBe(true)
      await shot(anna.page, 'following')
      await anna.page.keyboard.press('Escape')
      await anna.page.getByTestId('follow-banner').waitFor({ state: 'detached', timeout: 5000 })
      const annaStays = await visible(anna.page)
      await pan(ben.page, -700, 200)
      await ben.page.waitForTimeout(600)
      expect(shows(await visible(anna.page), annaStays)).toBe(true)
      expect(shows(await visible(anna.page), await visible(ben.page))).toBe(false)
      // following again, and Anna's own scroll ends it too
      await benItem.getByTestId('follow-person').click()
      await expect.poll(async () => shows(await visible(anna.page), await visible(ben.page)), LIVE).toBe(true)
      await pan(anna.page, 200, 100)
      await anna.page.getByTestId('follow-banner').waitFor({ state: 'detached', timeout: 5000 })

      // ---- presentation: everyone follows the presenter's pans ----
      await fac.page.getByTestId('present').click()
      await fac.page.getByTestId('present-start').click()
      for (const person of [anna, ben])
        await person.page.getByTestId('follow-banner').waitFor({ state: 'visible', timeout: 5000 })
      await fac.page.getByTestId('presenting-banner').waitFor({ state: 'visible', timeout: 5000 })
      for (const step of [
        [600, 250],
        [-300, -500],
      ] as const) {
        await pan(fac.page, step[0], step[1])
        const presented = await visible(fac.page)
        for (const person of [anna, ben])
          await expect.poll(async () => shows(await visible(person.page), presented), LIVE).toBe(true)
      }
      await shot(ben.page, 'presentation')
      await shot(fac.page, 'presenter')
      // Ben steps out with Esc and comes back with the banner's button
      await ben.page.keyboard.press('Escape')
      await ben.page.getByTestId('presentation-banner').waitFor({ state: 'visible', timeout: 5000 })
      await pan(fac.page, 400, 400)
      const moved = await visible(fac.page)
      await expect.poll(async () => shows(await visible(anna.page), moved), LIVE).toBe(true)
      expect(shows(await visible(ben.page), moved)).toBe(false)
      await ben.page.getByTestId('presentation-banner').getByRole('button').click()
      await expect.poll(async () => shows(await visible(ben.page), moved), LIVE).toBe(true)
      await fac.page.getByTestId('present-stop').click()
      for (const person of [anna, ben])
        await person.page.getByTestId('follow-banner').waitFor({ state: 'detached', timeout: 5000 })

      // ---- reactions: Anna's 👍 floats on Ben's and Fatima's screens; a second one at once is held back ----
      await anna.page.getByTestId('reactions-button').click()
      await shot(anna.page, 'reactions-menu')
      // Escape closes the menu; it opens again
      await anna.page.locator('[data-emoji="👍"]').first().focus()
      await anna.page.keyboard.press('Escape')
      await anna.page.locator('[data-emoji="👍"]').waitFor({ state: 'detached', timeout: 2000 })
      await anna.page.getByTestId('reactions-button').click()
      await anna.page.locator('[data-emoji="👍"]').first().click()
      for (const person of [ben, fac])
        await person.page.locator('[data-testid="reaction"][data-emoji="👍"]').waitFor({ state: 'visible', timeout: 3000 })
      await shot(ben.page, 'reaction')
      // it goes after about two seconds
      for (const person of [ben, fac])
        await person.page.locator('[data-testid="reaction"]').waitFor({ state: 'detached', timeout: 4000 })

      // ---- laser: Anna turns it on with K and points; Ben sees the red trail ----
      const box = await anna.page.getByTestId('board-canvas').boundingBox()
      if (!box) throw new Error('no canvas')
      await anna.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
      // (cursors may be red too: Anna's resting cursor is the baseline, the trail comes on top)
      await ben.page.waitForTimeout(400)
      const baseline = await laserPixels(ben.page)
      await anna.page.keyboard.press('k')
      await expect.poll(() => anna.page.getByTestId('laser-toggle').getAttribute('aria-pressed'), LIVE).toBe('true')
      let seen = 0
      for (let i = 0; i < 30 && seen <= baseline + 100; i++) {
        await anna.page.mouse.move(box.x + box.width / 2 + (i % 10) * 25, box.y + box.height / 2 + (i % 7) * 15, { steps: 2 })
        seen = await laserPixels(ben.page)
      }
      expect(seen).toBeGreaterThan(baseline + 100)
      for (let i = 0; i <= 12; i++)
        await anna.page.mouse.move(box.x + 200 + i * 30, box.y + 300 + Math.sin(i / 2) * 60, { steps: 2 })
      await shot(ben.page, 'laser')
      // Esc turns it off; the trail fades (the pointer back where the baseline was taken)
      await anna.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 })
      await anna.page.keyboard.press('Escape')
      await expect.poll(() => anna.page.getByTestId('laser-toggle').getAttribute('aria-pressed'), LIVE).toBe('false')
      await expect.poll(async () => (await laserPixels(ben.page)) <= baseline + 20, LIVE).toBe(true)

      for (const person of people) expect(person.problems, person.name).toEqual([])
    } finally {
      for (const person of people) await person.context.close()
    }
  })
})
