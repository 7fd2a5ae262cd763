import { randomUUID } from 'node:crypto'
import { copyFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyOperation } from '../../shared/operations/apply-operation.ts'
import { elementsOf, launchBrowser, toClient } from '../helpers/browser.ts'
import { blackPng } from '../helpers/png.ts'
import { startTestServer } from '../helpers/server.ts'
import { connectClient, type SyncClient } from '../helpers/sync-client.ts'

/**
 * A phone is a real seat at the table (issue 12, item 10): on a 390 × 844 touch screen a
 * participant places an actor and a use by tapping, types their labels, links them, moves one
 * with a finger, pinches, and edits a field in the bottom sheet. Touch only: taps through
 * `page.touchscreen`, drags and pinches as CDP touch events, one animation frame apart.
 */

type Box = { id: string; kind: string; x: number; y: number; w: number; h: number } & Record<string, unknown>
type Point = { x: number; y: number }

const root = path.resolve(import.meta.dirname, '../..')
const PHONE = { width: 390, height: 844 }

describe('a phone at the table', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let cdp: CDPSession
  let peer: SyncClient
  let boardId = ''
  const problems: string[] = []

  const elements = async (): Promise<Box[]> => Object.values(await elementsOf(page)) as Box[]
  const ofKind = async (kind: string) => (await elements()).filter((e) => e.kind === kind)
  const byId = async (id: string) => (await elements()).find((e) => e.id === id)
  const nextFrame = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))
  const scale = () =>
    page.evaluate(
      () => (window as unknown as { __refreshBoard: { viewport(): { scale: number } } }).__refreshBoard.viewport().scale,
    )
  const tap = async (p: Point) => page.touchscreen.tap(p.x, p.y)
  const centreOf = (e: Box) => toClient(page, { x: e.x + e.w / 2, y: e.y + e.h / 2 })

  /** Fingers down at `from`, moved to `to` in steps (one frame apart), lifted. One finger or two. */
  async function touchDrag(from: Point[], to: Point[], steps = 10) {
    const at = (i: number) =>
      from.map((f, n) => {
        const t = to[n] ?? f
        return { x: f.x + ((t.x - f.x) * i) / steps, y: f.y + ((t.y - f.y) * i) / steps, id: n }
      })
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) })
    await nextFrame()
    for (let i = 1; i <= steps; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(i) })
      await nextFrame()
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
    await nextFrame()
  }

  beforeAll(async () => {
    server = await startTestServer()
    browser = await launchBrowser()
    context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 3 })
    const signup = await context.request.post(`${server.url}/api/auth/signup`, {
      data: {
        email: `phone-${randomUUID().slice(0, 8)}@example.org`,
        password: 'a long enough password',
        displayName: 'Nina Zupan',
      },
    })
    expect(signup.status()).toBe(201)
    const { token } = (await signup.json()) as { token: string }
    const created = await context.request.post(`${server.url}/api/boards`, {
      data: { title: 'Old brewery in Laško — second workshop with the neighbours' },
    })
    expect(created.status()).toBe(201)
    boardId = ((await created.json()) as { board: { id: string } }).board.id

    // another participant already put a few cards on the board, spread as on a laptop
    peer = connectClient(server.url, boardId, token)
    await peer.synced
    const seeded = applyOperation(
      peer.doc,
      {
        type: 'element.add',
        elements: [
          { id: 'z-malthouse', kind: 'zone', x: -420, y: -260, w: 520, h: 360, label: 'Malthouse', areaM2: 600 },
          { id: 'u-cafe', kind: 'use', x: -380, y: -180, w: 180, h: 90, label: 'Brewhouse café', category: 'gastronomy' },
          {
            id: 'a-klemen',
            kind: 'actor',
            x: -140,
            y: -40,
            w: 180,
            h: 90,
            label: 'Klemen Potočnik',
            sector: 'creative',
            commitment: 'loi',
          },
          { id: 'n-idea', kind: 'note', x: 260, y: 200, w: 160, h: 120, label: 'Open the yard on Saturdays?' },
        ],
      },
      'peer',
    )
    expect(seeded.ok).toBe(true)

    page = await context.newPage()
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`)
    })
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
    cdp = await context.newCDPSession(page)
    await page.goto(`${server.url}/boards/${boardId}`)
    await page.getByTestId('board-canvas').waitFor()
    await page
      .locator('[data-testid="connection-status"][data-status="connected"]')
      .waitFor({ state: 'attached', timeout: 10_000 })
    await page.waitForFunction(
      () => (window as { __refreshBoard?: { toClient?: unknown } }).__refreshBoard?.toClient !== undefined,
    )
    await page.waitForFunction(
      () =>
        Object.keys(
          (window as unknown as { __refreshBoard?: { doc?: { getMap(n: string): { toJSON(): object } } } }).__refreshBoard?.doc
            ?.getMap('elements')
            .toJSON() ?? {},
        ).length === 4,
    )
  })

  afterAll(async () => {
    peer?.destroy()
    await browser?.close()
    await server?.stop()
  })

  it('fits the chrome: one header line, a toolbar of 44 px targets, no minimap, a peeking sheet, readable zoom', async () => {
    // the header is one line: the long title truncates, the rest is behind the menu button
    const header = await page.locator('.board-header').boundingBox()
    expect(header?.height).toBeLessThanOrEqual(60)
    const title = page.getByTestId('board-title')
    expect(await title.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
    await expect.poll(() => page.getByRole('button', { name: 'Invite' }).isVisible()).toBe(false)
    await page.getByTestId('board-header-more').tap()
    await expect.poll(() => page.getByRole('button', { name: 'Invite' }).isVisible()).toBe(true)
    await page.screenshot({ path: '/work/shots/phone-header-menu.png' }).catch(() => {})
    await page.getByTestId('board-header-more').tap()
    await expect.poll(() => page.getByRole('button', { name: 'Invite' }).isVisible()).toBe(false)

    // the toolbar: a row inside the screen's width, every tool at least 44 × 44
    const toolbar = await page.getByTestId('toolbar').boundingBox()
    expect((toolbar?.x ?? -1) >= 0 && (toolbar?.x ?? 0) + (toolbar?.width ?? 0) <= PHONE.width).toBe(true)
    expect(toolbar?.height).toBeLessThan(70)
    for (const tool of ['select', 'actor', 'use', 'link', 'note']) {
      const box = await page.getByTestId(`tool-${tool}`).boundingBox()
      expect(Math.min(box?.width ?? 0, box?.height ?? 0)).toBeGreaterThanOrEqual(44)
    }
    // no minimap until asked for; its toggle is there
    expect(await page.locator('[data-testid="minimap"] canvas').count()).toBe(0)
    // the sheet peeks: most of the screen is board
    const sheet = await page.getByTestId('side-panel').boundingBox()
    expect(sheet?.height).toBeLessThan(PHONE.height * 0.3)
    // readable: a card's label is drawn at three quarters of its size or more
    expect(await scale()).toBeGreaterThanOrEqual(0.75)
    await page.screenshot({ path: '/work/shots/phone-opened.png' }).catch(() => {})
    expect(problems).toEqual([])
  })

  it('places, labels, links, moves and edits by touch', async () => {
    const canvas = await page.getByTestId('board-canvas').boundingBox()
    if (!canvas) throw new Error('no canvas')
    const spot = (fx: number, fy: number) => ({ x: canvas.x + canvas.width * fx, y: canvas.y + canvas.height * fy })
    // empty board, right of the zone and clear of the floating controls: a tap there ends typing
    const blank = spot(0.92, 0.3)

    // an actor: tap the tool, tap the board, type its name; a tap elsewhere on the board keeps it
    await page.getByTestId('tool-actor').tap()
    await expect.poll(() => page.getByTestId('tool-actor').getAttribute('aria-pressed')).toBe('true')
    await tap(spot(0.55, 0.25))
    await expect.poll(async () => (await ofKind('actor')).length).toBe(2)
    await page.getByTestId('canvas-text-editor').waitFor()
    await page.keyboard.type('Laško youth club')
    await tap(blank)
    const actor = (await ofKind('actor')).find((a) => a.id !== 'a-klemen') as Box
    await expect.poll(async () => (await byId(actor.id))?.label).toBe('Laško youth club')

    // a use, the same way
    await page.getByTestId('tool-use').tap()
    await tap(spot(0.7, 0.65))
    await expect.poll(async () => (await ofKind('use')).length).toBe(2)
    await page.getByTestId('canvas-text-editor').waitFor()
    await page.keyboard.type('Rehearsal rooms')
    await tap(blank)
    const use = (await ofKind('use')).find((u) => u.id !== 'u-cafe') as Box
    await expect.poll(async () => (await byId(use.id))?.label).toBe('Rehearsal rooms')

    // link: tap the actor, drag from the handle that shows beside it onto the use
    await tap(await centreOf(actor))
    await expect.poll(() => page.getByTestId('element-form').getAttribute('data-element-id')).toBe(actor.id)
    const handle = await toClient(page, { x: actor.x + actor.w, y: actor.y + actor.h / 2 })
    await touchDrag([{ x: handle.x + 34, y: handle.y }], [await centreOf(use)])
    await expect.poll(async () => (await ofKind('link')).length).toBe(1)
    expect((await ofKind('link'))[0]).toMatchObject({ from: actor.id, to: use.id, relation: 'operates' })

    // the link tool by taps alone: one card, then the other
    await page.getByTestId('tool-link').tap()
    await tap(await centreOf((await byId('a-klemen')) as Box))
    await tap(await centreOf(use))
    await expect.poll(async () => (await ofKind('link')).length).toBe(2)
    expect((await ofKind('link')).find((l) => l.from === 'a-klemen')).toMatchObject({ to: use.id, relation: 'operates' })
    await expect.poll(() => page.getByTestId('tool-select').getAttribute('aria-pressed')).toBe('true')

    // a double tap opens a card's label for typing
    const klemen = await centreOf((await byId('a-klemen')) as Box)
    await tap(klemen)
    await tap(klemen)
    await page.getByTestId('canvas-text-editor').waitFor()
    await page.keyboard.press('Control+a')
    await page.keyboard.type('Klemen Potočnik (brewery)')
    await tap(blank)
    await expect.poll(async () => (await byId('a-klemen'))?.label).toBe('Klemen Potočnik (brewery)')

    // move the use with a finger: one write, where it was dropped
    const from = await centreOf(use)
    await touchDrag([from], [{ x: from.x - 40, y: from.y + 30 }], 12)
    await expect.poll(async () => (await byId(use.id))?.y).not.toBe(use.y)
    const moved = (await byId(use.id)) as Box
    const s = await scale()
    // where the finger went, give or take the snapping to other cards (6 screen px)
    expect(Math.abs(moved.x - use.x + 40 / s)).toBeLessThanOrEqual(7 / s)
    expect(Math.abs(moved.y - use.y - 30 / s)).toBeLessThanOrEqual(7 / s)

    // pinch out with two fingers: the board zooms in
    const before = await scale()
    const mid = spot(0.5, 0.45)
    await touchDrag(
      [
        { x: mid.x - 60, y: mid.y },
        { x: mid.x + 60, y: mid.y },
      ],
      [
        { x: mid.x - 90, y: mid.y },
        { x: mid.x + 90, y: mid.y },
      ],
    )
    await expect.poll(() => scale()).toBeGreaterThan(before * 1.4)

    // the bottom sheet: the moved use is selected; pull the sheet up and set its area
    await expect.poll(() => page.getByTestId('element-form').getAttribute('data-element-id')).toBe(use.id)
    const grabber = await page.getByTestId('sheet-grabber').boundingBox()
    if (!grabber) throw new Error('no grabber')
    const g = { x: grabber.x + grabber.width / 2, y: grabber.y + grabber.height / 2 }
    await touchDrag([g], [{ x: g.x, y: g.y - 300 }], 8)
    await expect.poll(() => page.getByTestId('side-panel').getAttribute('data-sheet')).toBe('full')
    const full = await page.getByTestId('side-panel').boundingBox()
    // full, yet a third of the screen is still board
    expect(full?.y).toBeGreaterThan(PHONE.height * 0.3)
    const area = page.getByTestId('element-form').locator('input[data-field="areaM2"]')
    await area.tap()
    await area.fill('180')
    await area.blur()
    await expect.poll(async () => (await byId(use.id))?.areaM2).toBe(180)
    // the page is the screen: editing in the sheet never scrolls the header away
    expect(await page.evaluate(() => document.scrollingElement?.scrollHeight)).toBeLessThanOrEqual(PHONE.height)
    await page.screenshot({ path: '/work/shots/phone-sheet-full.png' }).catch(() => {})

    // a tap on the grabber lets it peek again, and so does arming a tool while it is full:
    // the board is free for the tap that places (here a note, typed into at once)
    await page.getByTestId('sheet-grabber').tap()
    await expect.poll(() => page.getByTestId('side-panel').getAttribute('data-sheet')).toBe('peek')
    await page.getByTestId('sheet-grabber').tap()
    await expect.poll(() => page.getByTestId('side-panel').getAttribute('data-sheet')).toBe('full')
    await page.getByTestId('tool-note').tap()
    await expect.poll(() => page.getByTestId('side-panel').getAttribute('data-sheet')).toBe('peek')
    // the sheet slides down (a CSS transition): tap once it has left the spot, not through it
    const noteSpot = spot(0.2, 0.5)
    await expect.poll(async () => (await page.getByTestId('side-panel').boundingBox())?.y ?? 0).toBeGreaterThan(noteSpot.y + 20)
    await tap(noteSpot)
    await expect.poll(async () => (await ofKind('note')).length).toBe(2)
    await page.getByTestId('canvas-text-editor').waitFor()
    await page.keyboard.type('Ask the brewery about the yard')
    await tap(blank)
    await expect.poll(async () => (await ofKind('note')).some((n) => n.label === 'Ask the brewery about the yard')).toBe(true)
    // the phone's picture for the docs
    const zoomed = await scale()
    await page.getByRole('button', { name: 'Zoom out' }).tap()
    await expect.poll(() => scale()).toBeCloseTo(zoomed / 1.25, 3)
    await page.getByRole('button', { name: 'Zoom out' }).tap()
    await expect.poll(() => scale()).toBeCloseTo(zoomed / 1.25 / 1.25, 3)
    // two fingers moved together pan the board, at the same zoom
    const view = () =>
      page.evaluate(() =>
        (
          window as unknown as { __refreshBoard: { viewport(): { x: number; y: number; scale: number } } }
        ).__refreshBoard.viewport(),
      )
    const panFrom = await view()
    const c = spot(0.5, 0.5)
    await touchDrag(
      [
        { x: c.x - 50, y: c.y },
        { x: c.x + 50, y: c.y },
      ],
      [
        { x: c.x - 50 - 20, y: c.y + 40 },
        { x: c.x + 50 - 20, y: c.y + 40 },
      ],
    )
    await expect.poll(async () => Math.abs((await view()).x - panFrom.x + 20)).toBeLessThanOrEqual(1)
    expect(Math.abs((await view()).y - panFrom.y - 40)).toBeLessThanOrEqual(1)
    expect((await view()).scale).toBeCloseTo(panFrom.scale, 3)
    await tap(await centreOf(actor))
    await expect.poll(() => page.getByTestId('element-form').getAttribute('data-element-id')).toBe(actor.id)
    await nextFrame()
    const out = path.join(root, '.test-tmp/phone.png')
    mkdirSync(path.dirname(out), { recursive: true })
    await page.screenshot({ path: out })
    copyFileSync(out, path.join(root, 'docs/screenshots/phone.png'))
    expect(problems).toEqual([])
  }, 60_000)

  it('places a zone, a frame, a phase and an image by touch; each is on the board', async () => {
    const canvas = await page.getByTestId('board-canvas').boundingBox()
    if (!canvas) throw new Error('no canvas')
    const spot = (fx: number, fy: number) => ({ x: canvas.x + canvas.width * fx, y: canvas.y + canvas.height * fy })
    await expect.poll(() => page.getByTestId('side-panel').getAttribute('data-sheet')).toBe('peek')
    /** The board as the server has it (the REST export), not only this page's copy. */
    const stored = async (kind: string) => {
      const res = await context.request.get(`${server.url}/api/boards/${boardId}/export/json`)
      expect(res.status()).toBe(200)
      return ((await res.json()) as { elements: Box[] }).elements.filter((e) => e.kind === kind)
    }
    const toolIsOn = (tool: string) =>
      expect.poll(() => page.getByTestId(`tool-${tool}`).getAttribute('aria-pressed')).toBe('true')

    // room for three more things on the screen
    const zoomOut = page.getByRole('button', { name: 'Zoom out' })
    const start = await scale()
    await zoomOut.tap()
    await zoomOut.tap()
    await expect.poll(() => scale()).toBeLessThan(start * 0.7)
    /**
     * A spot of empty board in reach of a thumb: clear of every card (and of the selected one's
     * handles, which a finger would grab instead), of the tool row and of the zoom controls.
     */
    const freeSpot = async (): Promise<Point> => {
      const boxes = await Promise.all(
        (await elements())
          .filter((e) => e.kind !== 'link')
          .map(async (e) => ({
            from: await toClient(page, { x: e.x, y: e.y }),
            to: await toClient(page, { x: e.x + e.w, y: e.y + e.h }),
          })),
      )
      for (let fy = 0.2; fy <= 0.8; fy += 0.05)
        for (let fx = 0.1; fx <= 0.9; fx += 0.05) {
          const p = spot(fx, fy)
          const margin = 36
          if (
            boxes.every(
              ({ from, to }) => p.x < from.x - margin || p.x > to.x + margin || p.y < from.y - margin || p.y > to.y + margin,
            )
          )
            return p
        }
      throw new Error('no free spot on the screen')
    }

    // zone, frame and phase: arm the tool (the row scrolls it into reach), tap the board, name it
    const placements: [tool: 'zone' | 'frame' | 'phase', label: string][] = [
      ['zone', 'Fermentation cellar'],
      ['frame', 'Ideas from the neighbours'],
      ['phase', 'Summer opening'],
    ]
    for (const [tool, label] of placements) {
      const before = (await ofKind(tool)).map((e) => e.id)
      const at = await freeSpot()
      await page.getByTestId(`tool-${tool}`).tap()
      await toolIsOn(tool)
      await tap(at)
      await expect.poll(async () => (await ofKind(tool)).length).toBe(before.length + 1)
      const placed = (await ofKind(tool)).find((e) => !before.includes(e.id)) as Box
      expect(placed.w).toBeGreaterThan(0)
      expect(placed.h).toBeGreaterThan(0)
      await page.getByTestId('canvas-text-editor').waitFor()
      await page.keyboard.type(label)
      // a tap on the board ends typing; the tool is back to select, so nothing new is placed
      await tap(await freeSpot())
      await expect.poll(async () => (await byId(placed.id))?.label).toBe(label)
      await expect.poll(async () => (await stored(tool)).find((e) => e.id === placed.id)?.label).toBe(label)
      expect((await ofKind(tool)).length).toBe(before.length + 1)
    }
    // a selected card's handles do not catch the tap of an armed tool: a zone lands on its handle
    const selected = (await ofKind('phase'))[0] as Box
    await tap(await toClient(page, { x: selected.x + selected.w / 2, y: selected.y + selected.h / 2 }))
    const selection = () =>
      page.evaluate(() => (window as unknown as { __refreshBoard: { selection(): string[] } }).__refreshBoard.selection())
    await expect.poll(selection).toEqual([selected.id])
    const zonesBefore = (await ofKind('zone')).length
    await page.getByTestId('tool-zone').tap()
    await toolIsOn('zone')
    // just right of the right edge's middle: on a phase's resize anchor (fingertip-sized hit area), off the card
    const handle = await toClient(page, { x: selected.x + selected.w, y: selected.y + selected.h / 2 })
    const target = { x: handle.x + 6, y: handle.y }
    // nothing of the page (a toast, a control) lies over that spot: the tap reaches the board
    for (const close of await page.locator('.ws-toast__close').all()) await close.tap().catch(() => undefined)
    await expect
      .poll(() =>
        page.evaluate(({ x, y }) => Boolean(document.elementFromPoint(x, y)?.closest('[data-testid="board-canvas"]')), target),
      )
      .toBe(true)
    await tap(target)
    await expect.poll(async () => (await ofKind('zone')).length).toBe(zonesBefore + 1)
    expect((await byId(selected.id)) as Box).toMatchObject({ w: selected.w, h: selected.h })
    await page.getByTestId('canvas-text-editor').waitFor()
    await page.keyboard.type('Yard')
    await tap(await freeSpot())

    // the phase got months where it was placed on the timeline
    const phase = (await stored('phase'))[0]
    expect(phase?.start).toMatch(/^\d{4}-\d{2}$/)
    expect(phase?.end).toMatch(/^\d{4}-\d{2}$/)

    // an image: the tool opens the phone's picker; the picture is placed in the middle of the view
    const chooser = page.waitForEvent('filechooser')
    await page.getByTestId('tool-image').tap()
    await (await chooser).setFiles({ name: 'yard-plan.png', mimeType: 'image/png', buffer: Buffer.from(blackPng(400, 300)) })
    await expect.poll(async () => (await ofKind('image')).length).toBe(1)
    const image = (await ofKind('image'))[0] as Box
    expect(image).toMatchObject({ label: 'yard-plan' })
    const middle = await toClient(page, { x: image.x + image.w / 2, y: image.y + image.h / 2 })
    expect(Math.abs(middle.x - (canvas.x + canvas.width / 2))).toBeLessThan(canvas.width / 4)
    await expect.poll(async () => (await stored('image')).map((e) => e.id)).toEqual([image.id])
    await page.screenshot({ path: '/work/shots/phone-placed-kinds.png' }).catch(() => {})
    expect(problems).toEqual([])
  }, 60_000)

  it('hints that the tool row scrolls: a fade at the edge with more tools, gone at the end', async () => {
    const row = page.getByTestId('toolbar')
    // more tools to the right than fit: the row says so and fades out at its right edge
    await row.evaluate((el) => el.scrollTo({ left: 0 }))
    await expect.poll(() => row.getAttribute('data-more-before')).toBe('false')
    expect(await row.getAttribute('data-more-after')).toBe('true')
    expect(await row.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
    const mask = () => row.evaluate((el) => getComputedStyle(el).maskImage || getComputedStyle(el).webkitMaskImage)
    expect(await mask()).toContain('gradient')
    await page.screenshot({ path: '/work/shots/phone-toolbar-fade.png', clip: { x: 0, y: 0, width: PHONE.width, height: 120 } })
    // scrolled to the end: the fade on the right goes, one shows on the left
    await row.evaluate((el) => el.scrollTo({ left: el.scrollWidth }))
    await expect.poll(() => row.getAttribute('data-more-after')).toBe('false')
    await expect.poll(() => row.getAttribute('data-more-before')).toBe('true')
    expect(await mask()).toContain('gradient')
    await page.screenshot({ path: '/work/shots/phone-toolbar-end.png', clip: { x: 0, y: 0, width: PHONE.width, height: 120 } })
    await row.evaluate((el) => el.scrollTo({ left: 0 }))
    await expect.poll(() => row.getAttribute('data-more-after')).toBe('true')
    expect(problems).toEqual([])
  })

  it('the comment composer names no Ctrl+Enter on a touch screen', async () => {
    await page.getByTestId('side-tab-comments').tap()
    const hint = page.locator('.cm-composer__hint').first()
    await hint.waitFor()
    // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered is the point
    const shown = await hint.innerText()
    expect(shown).toContain('@')
    expect(shown).not.toContain('Ctrl')
    // the shortcut's sentence is there, but not shown to a finger
    expect(await page.locator('.cm-composer__send-hint').count()).toBeGreaterThan(0)
    expect(await page.locator('.cm-composer__send-hint').first().isVisible()).toBe(false)
    expect(problems).toEqual([])
  })
})
