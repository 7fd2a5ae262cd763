import { randomUUID } from 'node:crypto'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { applyOperation } from '../../shared/operations/apply-operation.ts'
import type { OperationInput } from '../../shared/operations/operation.ts'
import { centreOf, drag, elementsOf, launchBrowser, toClient } from '../helpers/browser.ts'
import { startTestServer } from '../helpers/server.ts'
import { connectClient, type SyncClient } from '../helpers/sync-client.ts'

/**
 * Where things go on the board, with the mouse in headless Chromium (issue 12, items 3–5):
 * drawing tools draw what is dragged, containers lie behind the cards, a use dropped on a zone
 * takes it, a phase's months follow its place and its place follows its months. A second
 * participant (a sync client) lays out the cards each case starts from.
 */

type Box = { id: string; kind: string; x: number; y: number; w: number; h: number } & Record<string, unknown>
type Point = { x: number; y: number }

describe('placing elements on the board', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let peer: SyncClient
  let boardId = ''
  const problems: string[] = []

  const elements = async (): Promise<Box[]> => Object.values(await elementsOf(page)) as Box[]
  const ofKind = async (kind: string) => (await elements()).filter((e) => e.kind === kind)
  const byId = async (id: string) => (await elements()).find((e) => e.id === id)
  /** what the other participant writes, through the same operations as the app */
  const seed = (op: OperationInput) => {
    const result = applyOperation(peer.doc, op, 'peer')
    if (!result.ok) throw new Error(result.error.message)
  }
  const pickTool = async (tool: string) => {
    await page.getByTestId(`tool-${tool}`).click()
    await expect.poll(() => page.getByTestId(`tool-${tool}`).getAttribute('aria-pressed')).toBe('true')
  }
  /** A drag between two board points, in page px (the mouse works in those). */
  const dragBoard = async (from: Point, to: Point, steps = 10) =>
    drag(page, await toClient(page, from), await toClient(page, to), steps)
  /** Overlay pixels (selection blue) at a page point: what the live preview draws. */
  const overlayInkAt = (p: Point) =>
    page.evaluate(({ x, y }) => {
      const canvases = [...document.querySelectorAll('[data-testid="board-canvas"] canvas')] as HTMLCanvasElement[]
      const overlay = canvases[2]
      if (!overlay) return false
      const rect = overlay.getBoundingClientRect()
      const ratio = overlay.width / rect.width
      const data = overlay
        .getContext('2d')
        ?.getImageData((x - rect.left - 3) * ratio, (y - rect.top - 3) * ratio, 6 * ratio, 6 * ratio)
      if (!data) return false
      for (let i = 0; i < data.data.length; i += 4) if ((data.data[i + 3] ?? 0) > 0 && (data.data[i + 2] ?? 0) > 150) return true
      return false
    }, p)

  beforeAll(async () => {
    server = await startTestServer()
    browser = await launchBrowser()
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const signup = await context.request.post(`${server.url}/api/auth/signup`, {
      data: {
        email: `placement-${randomUUID().slice(0, 8)}@example.org`,
        password: 'a long enough password',
        displayName: 'Mojca Kranjc',
      },
    })
    expect(signup.status()).toBe(201)
    const { token } = (await signup.json()) as { token: string }
    const created = await context.request.post(`${server.url}/api/boards`, { data: { title: 'Brewery site' } })
    expect(created.status()).toBe(201)
    boardId = ((await created.json()) as { board: { id: string } }).board.id
    peer = connectClient(server.url, boardId, token)
    await peer.synced

    page = await context.newPage()
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`)
    })
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
    await page.goto(`${server.url}/boards/${boardId}`)
    await page.getByTestId('board-canvas').waitFor()
    await page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor({ timeout: 10_000 })
    await page.waitForFunction(
      () => (window as { __refreshBoard?: { toClient?: unknown } }).__refreshBoard?.toClient !== undefined,
    )
  })

  beforeEach(async () => {
    // each case starts from an empty board, in the same view
    const ids = [...peer.doc.getMap('elements').keys()]
    if (ids.length > 0) seed({ type: 'element.delete', ids })
    await expect.poll(async () => (await elements()).length).toBe(0)
    await page.keyboard.press('Escape')
  })

  afterAll(async () => {
    peer?.destroy()
    await browser?.close()
    await server?.stop()
  })

  it('zone, frame and phase tools draw the dragged rectangle, previewed while dragging; a click gives the default size', async () => {
    // a zone: the live preview shows while the mouse is still down, the zone is what was dragged
    await pickTool('zone')
    const a = await toClient(page, { x: -300, y: -200 })
    const b = await toClient(page, { x: 100, y: 50 })
    await page.mouse.move(a.x, a.y)
    await page.mouse.down()
    await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 })
    await page.mouse.move(b.x, b.y, { steps: 4 })
    await expect.poll(() => overlayInkAt({ x: (a.x + b.x) / 2, y: a.y })).toBe(true)
    await page.screenshot({ path: '/work/shots/placement-zone-preview.png' }).catch(() => {})
    expect(await ofKind('zone')).toHaveLength(0)
    await page.mouse.up()
    await expect.poll(async () => (await ofKind('zone')).length).toBe(1)
    const zone = (await ofKind('zone'))[0] as Box
    expect(zone.x).toBeCloseTo(-300, -1)
    expect(zone.y).toBeCloseTo(-200, -1)
    expect(zone.w).toBeCloseTo(400, -1)
    expect(zone.h).toBeCloseTo(250, -1)
    await expect.poll(() => overlayInkAt({ x: (a.x + b.x) / 2, y: b.y + 40 })).toBe(false)

    // a frame dragged from its bottom-right corner up to its top-left
    await pickTool('frame')
    await dragBoard({ x: 350, y: 150 }, { x: 150, y: 20 })
    await expect.poll(async () => (await ofKind('frame')).length).toBe(1)
    const frame = (await ofKind('frame'))[0] as Box
    expect([frame.x, frame.y, frame.w, frame.h].map((n) => Math.round(n / 10))).toEqual([15, 2, 20, 13])

    // a phase: whole months of the board's timeline (2027-01 at x = 0, 24 px a month)
    await pickTool('phase')
    await dragBoard({ x: -250, y: 120 }, { x: -250 + 10 * 24 + 5, y: 190 })
    await expect.poll(async () => (await ofKind('phase')).length).toBe(1)
    const phase = (await ofKind('phase'))[0] as Box
    expect(phase).toMatchObject({ x: -240, w: 240, start: '2026-03', end: '2026-12' })
    expect(phase.h).toBeCloseTo(70, -1)
    // placed in the past: kept where it was drawn, and said so
    await expect.poll(() => page.getByTestId('toast').filter({ hasText: 'before this month' }).count()).toBe(1)
    // the month as people write it, not 2026-03
    await expect.poll(() => page.getByTestId('toast').filter({ hasText: 'starts in Mar 2026' }).count()).toBe(1)

    // a click: the default size, centred where clicked
    await pickTool('frame')
    const click = await toClient(page, { x: 0, y: 0 })
    await page.mouse.click(click.x, click.y)
    await expect.poll(async () => (await ofKind('frame')).length).toBe(2)
    const clicked = (await ofKind('frame')).find((f) => f.id !== frame.id) as Box
    expect(clicked).toMatchObject({ x: -320, y: -210, w: 640, h: 420 })
    expect(problems).toEqual([])
  })

  it('a frame drawn over cards lies behind them: cards keep their place in the stack and take the clicks', async () => {
    seed({
      type: 'element.add',
      elements: [
        { id: 'u-brewhouse', kind: 'use', x: -250, y: -100, w: 180, h: 90, label: 'Brewhouse café', category: 'gastronomy' },
        {
          id: 'a-klemen',
          kind: 'actor',
          x: 50,
          y: -100,
          w: 180,
          h: 90,
          label: 'Klemen Potočnik',
          sector: 'creative',
          commitment: 'interested',
        },
      ],
    })
    seed({ type: 'link.add', link: { id: 'l-runs', from: 'a-klemen', to: 'u-brewhouse', relation: 'operates' } })
    await expect.poll(async () => (await elements()).length).toBe(3)

    await pickTool('frame')
    await dragBoard({ x: -300, y: -180 }, { x: 300, y: 100 })
    await expect.poll(async () => (await ofKind('frame')).length).toBe(1)
    const frame = (await ofKind('frame'))[0] as Box
    const use = (await byId('u-brewhouse')) as Box
    const actor = (await byId('a-klemen')) as Box
    // the doc's stack: the new frame's key is below the cards'
    expect(String(frame.z) < String(use.z)).toBe(true)
    expect(String(frame.z) < String(actor.z)).toBe(true)

    // its name is typed on its tab: the editor leaves the cards inside it in view
    const editor = page.getByTestId('canvas-text-editor')
    await editor.waitFor()
    const editorBox = await editor.boundingBox()
    const frameTop = await toClient(page, { x: frame.x, y: frame.y })
    expect((editorBox?.y ?? 0) + (editorBox?.height ?? 0)).toBeLessThanOrEqual(frameTop.y + 1)
    await page.keyboard.type('Ground floor')
    await page.screenshot({ path: '/work/shots/placement-frame-name-on-tab.png' }).catch(() => {})
    await page.keyboard.press('Control+Enter')
    await expect.poll(async () => (await byId(frame.id))?.label).toBe('Ground floor')

    // a click on a card inside the frame selects the card, not the frame
    await page.keyboard.press('Escape')
    const inside = await centreOf(page, use)
    await page.mouse.click(inside.x, inside.y)
    await expect.poll(() => page.getByTestId('element-form').getAttribute('data-element-id')).toBe(use.id)
    await page.screenshot({ path: '/work/shots/placement-frame-over-cards.png' }).catch(() => {})
    const other = await centreOf(page, actor)
    await page.mouse.click(other.x, other.y)
    await expect.poll(() => page.getByTestId('element-form').getAttribute('data-element-id')).toBe(actor.id)
    expect(problems).toEqual([])
  })

  it('a use dropped on a zone takes that zone; dragged out, it has none', async () => {
    seed({
      type: 'element.add',
      elements: [
        { id: 'z-malthouse', kind: 'zone', x: -350, y: -220, w: 380, h: 300, label: 'Malthouse', areaM2: 600 },
        { id: 'u-studios', kind: 'use', x: 150, y: -60, w: 180, h: 90, label: 'Studios', category: 'studio', areaM2: 240 },
      ],
    })
    await expect.poll(async () => (await elements()).length).toBe(2)
    const use = (await byId('u-studios')) as Box
    const start = await centreOf(page, use)
    const onZone = await centreOf(page, { x: -250, y: -100, w: 180, h: 90 })
    await drag(page, start, onZone)
    await expect.poll(async () => (await byId('u-studios'))?.zone).toBe('z-malthouse')
    const dropped = (await byId('u-studios')) as Box
    expect(dropped.x).toBeLessThan(0)
    await page.screenshot({ path: '/work/shots/placement-use-on-zone.png' }).catch(() => {})

    // the analysis counts it in the zone: 240 of 600 m², 40 %
    await page.getByRole('tab', { name: 'Analysis' }).click()
    const occupancy = page.locator('[data-zone-id="z-malthouse"] dd')
    await expect.poll(() => occupancy.textContent()).toMatch(/240.*600.*40\s?%/)

    await drag(page, await centreOf(page, dropped), start)
    await expect.poll(async () => (await byId('u-studios'))?.zone).toBeUndefined()
    expect(((await byId('u-studios')) as Box).x).toBeGreaterThan(100)
    await expect.poll(() => occupancy.textContent()).toMatch(/^0\b/)
    await page.getByRole('tab', { name: 'Inspect' }).click()
    expect(problems).toEqual([])
  })

  it('a phase dragged along the timeline gets new months; new months in the inspector move it', async () => {
    seed({
      type: 'element.add',
      elements: [
        {
          id: 'p-interim',
          kind: 'phase',
          x: 0,
          y: 0,
          w: 6 * 24,
          h: 60,
          label: 'Interim use',
          stage: 'interim',
          start: '2027-01',
          end: '2027-06',
        },
      ],
    })
    await expect.poll(async () => (await elements()).length).toBe(1)
    const phase = (await byId('p-interim')) as Box
    const from = await centreOf(page, phase)
    const to = await centreOf(page, { ...phase, x: phase.x + 3 * 24 + 4 })
    // while dragging, the months it will get show above where it lands
    await page.mouse.move(from.x, from.y)
    await page.mouse.down()
    await page.mouse.move(to.x, to.y, { steps: 8 })
    const caption = await toClient(page, { x: 72 + 20, y: phase.y - 14 })
    await expect.poll(() => overlayInkAt(caption)).toBe(true)
    await page.screenshot({ path: '/work/shots/placement-phase-drag.png' }).catch(() => {})
    await page.mouse.up()
    await expect.poll(async () => (await byId('p-interim'))?.start).toBe('2027-04')
    expect(await byId('p-interim')).toMatchObject({ x: 72, w: 144, end: '2027-09' })

    // selected by the drag: its months are in the inspector
    await expect.poll(() => page.getByTestId('element-form').getAttribute('data-element-id')).toBe(phase.id)
    const form = page.getByTestId('element-form')
    await form.locator('input[data-field="end"]').fill('2027-12')
    await form.locator('input[data-field="end"]').blur()
    await expect.poll(async () => (await byId('p-interim'))?.end).toBe('2027-12')
    await form.locator('input[data-field="start"]').fill('2027-08')
    await form.locator('input[data-field="start"]').blur()
    await expect.poll(async () => (await byId('p-interim'))?.start).toBe('2027-08')
    expect(await byId('p-interim')).toMatchObject({ x: 7 * 24, w: 5 * 24 })

    // the arrow keys step it a month along the timeline
    const bar = await centreOf(page, (await byId('p-interim')) as Box)
    await page.mouse.click(bar.x, bar.y)
    await page.keyboard.press('ArrowRight')
    await expect.poll(async () => (await byId('p-interim'))?.start).toBe('2027-09')
    expect(await byId('p-interim')).toMatchObject({ x: 8 * 24, end: '2028-01' })
    expect(problems).toEqual([])
  })
})
