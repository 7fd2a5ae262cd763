import { randomUUID } from 'node:crypto'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { launchBrowser } from '../helpers/browser.ts'
import { startTestServer } from '../helpers/server.ts'
import { connectClient, type SyncClient } from '../helpers/sync-client.ts'

/**
 * The canvas driven by real mouse gestures in headless Chromium: create with tools, marquee,
 * drag to move (written once per drag), resize, link from the handle, delete, undo.
 */

type Box = { id: string; kind: string; x: number; y: number; w: number; h: number } & Record<string, unknown>
type Point = { x: number; y: number }

declare global {
  interface Window {
    __refreshBoard?: { toClient(p: Point): Point; toBoard(p: Point): Point; toScreen(p: Point): Point }
  }
}

describe('canvas gestures', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let observer: SyncClient
  let boardId = ''
  const problems: string[] = []
  /** per element id: how many transactions changed its x or y */
  const positionWrites = new Map<string, number>()

  const elements = (): Box[] => [...observer.doc.getMap('elements').values()].map((m) => (m as Y.Map<unknown>).toJSON() as Box)
  const ofKind = (kind: string) => elements().filter((e) => e.kind === kind)
  const exported = async (): Promise<Box[]> => {
    const response = await context.request.get(`${server.url}/api/boards/${boardId}/export/json`)
    expect(response.status()).toBe(200)
    return ((await response.json()) as { elements: Box[] }).elements
  }
  const client = (p: Point) => page.evaluate((point) => window.__refreshBoard?.toClient(point) ?? point, p)
  const centreOf = (e: Box) => client({ x: e.x + e.w / 2, y: e.y + e.h / 2 })
  const awarenessSelection = (): string[] => {
    for (const [clientId, state] of observer.provider.awareness.getStates()) {
      if (clientId === observer.doc.clientID) continue
      const selection = (state as { selection?: unknown }).selection
      if (Array.isArray(selection)) return selection as string[]
    }
    return []
  }
  async function drag(from: Point, to: Point, steps = 12) {
    await page.mouse.move(from.x, from.y)
    await page.mouse.down()
    for (let i = 1; i <= steps; i++) {
      await page.mouse.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps)
      await page.waitForTimeout(16)
    }
    await page.mouse.up()
  }

  beforeAll(async () => {
    server = await startTestServer()
    browser = await launchBrowser()
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const signup = await context.request.post(`${server.url}/api/auth/signup`, {
      data: {
        email: `canvas-${randomUUID().slice(0, 8)}@example.org`,
        password: 'a long enough password',
        displayName: 'Ana Novak',
      },
    })
    expect(signup.status()).toBe(201)
    const { token } = (await signup.json()) as { token: string }
    const created = await context.request.post(`${server.url}/api/boards`, { data: { title: 'Canvas gestures' } })
    expect(created.status()).toBe(201)
    boardId = ((await created.json()) as { board: { id: string } }).board.id

    observer = connectClient(server.url, boardId, token)
    await observer.synced
    observer.doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.local) return
      for (const [type, keys] of tr.changed) {
        const parent = type._item?.parentSub
        if (type instanceof Y.Map && parent && (keys.has('x') || keys.has('y')))
          positionWrites.set(parent, (positionWrites.get(parent) ?? 0) + 1)
      }
    })

    page = await context.newPage()
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`)
    })
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
    await page.goto(`${server.url}/boards/${boardId}`)
    await page.getByTestId('board-canvas').waitFor()
    await page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor({ timeout: 10_000 })
    await page.waitForFunction(() => window.__refreshBoard !== undefined)
  })

  afterAll(async () => {
    observer?.destroy()
    await browser?.close()
    await server?.stop()
  })

  it('creates, selects, moves, resizes, links, deletes and undoes with the mouse and keyboard', async () => {
    const canvas = page.getByTestId('board-canvas')
    const area = await canvas.boundingBox()
    if (!area) throw new Error('no canvas')

    // Create an actor and a use with the tools (keyboard shortcuts pick the tool)
    await canvas.focus()
    await page.keyboard.press('a')
    await page.mouse.click(area.x + 300, area.y + 250)
    await expect.poll(() => ofKind('actor').length).toBe(1)
    // a new element opens for typing its label; Escape keeps the default and gives the keys back
    await page.getByTestId('canvas-text-editor').waitFor()
    await page.keyboard.press('Escape')
    await page.keyboard.press('u')
    await page.mouse.click(area.x + 700, area.y + 450)
    await expect.poll(() => ofKind('use').length).toBe(1)
    await page.getByTestId('canvas-text-editor').waitFor()
    await page.keyboard.press('Escape')
    const actor = ofKind('actor')[0] as Box
    const use = ofKind('use')[0] as Box
    expect(actor).toMatchObject({ label: 'New actor', sector: 'creative', commitment: 'idea' })
    expect(use).toMatchObject({ category: 'other', areaM2: 0 })
    await expect.poll(() => awarenessSelection()).toEqual([use.id])
    await page.screenshot({ path: '/work/shots/canvas-test-created.png' }).catch(() => {})

    // Marquee from empty canvas around both selects both
    await drag({ x: area.x + 120, y: area.y + 120 }, { x: area.x + 980, y: area.y + 640 })
    await expect.poll(() => [...awarenessSelection()].sort()).toEqual([actor.id, use.id].sort())

    // Escape clears; a click selects the topmost element
    await page.keyboard.press('Escape')
    await expect.poll(() => awarenessSelection()).toEqual([])

    // Drag the actor: the document changes exactly once, on drop
    const before = positionWrites.get(actor.id) ?? 0
    const start = await centreOf(actor)
    await drag(start, { x: start.x + 157, y: start.y + 93 }, 20)
    await expect.poll(async () => (await exported()).find((e) => e.id === actor.id)?.x).not.toBe(actor.x)
    await page.waitForTimeout(300)
    expect((positionWrites.get(actor.id) ?? 0) - before).toBe(1)
    const moved = (await exported()).find((e) => e.id === actor.id) as Box
    expect(moved.x - actor.x).toBeGreaterThan(120)
    expect(moved.y - actor.y).toBeGreaterThan(60)
    await expect.poll(() => awarenessSelection()).toEqual([actor.id])

    // Resize from the bottom-right transformer anchor
    const corner = await client({ x: moved.x + moved.w, y: moved.y + moved.h })
    await drag(corner, { x: corner.x + 60, y: corner.y + 40 }, 8)
    await expect.poll(() => (ofKind('actor')[0] as Box).w).toBeGreaterThan(moved.w + 30)
    const resized = ofKind('actor')[0] as Box
    expect(resized.h).toBeGreaterThan(moved.h + 20)
    expect(resized.x).toBe(moved.x)

    // Link: hover the actor, drag from the handle on its right edge onto the use
    const actorCentre = await centreOf(resized)
    await page.mouse.move(actorCentre.x, actorCentre.y)
    await page.waitForTimeout(100)
    const handle = await client({ x: resized.x + resized.w, y: resized.y + resized.h / 2 })
    await drag(handle, await centreOf(use), 12)
    await expect.poll(() => ofKind('link').length).toBe(1)
    const link = ofKind('link')[0] as Box
    expect(link).toMatchObject({ from: actor.id, to: use.id, relation: 'operates' })
    await expect.poll(() => awarenessSelection()).toEqual([link.id])
    await page.screenshot({ path: '/work/shots/canvas-test-linked.png' }).catch(() => {})

    // Delete the use: its link goes with it
    await page.mouse.click((await centreOf(use)).x, (await centreOf(use)).y)
    await expect.poll(() => awarenessSelection()).toEqual([use.id])
    await page.keyboard.press('Delete')
    await expect.poll(() => ofKind('use').length).toBe(0)
    expect(ofKind('link')).toHaveLength(0)

    // Undo brings both back
    await page.keyboard.press('Control+z')
    await expect.poll(() => ofKind('use').length).toBe(1)
    await expect.poll(() => ofKind('link').length).toBe(1)
    await page.keyboard.press('Control+Shift+z')
    await expect.poll(() => ofKind('use').length).toBe(0)

    // Duplicate and paste keep working through the keyboard
    await page.mouse.click(actorCentre.x, actorCentre.y)
    await page.keyboard.press('Control+d')
    await expect.poll(() => ofKind('actor').length).toBe(2)

    // Copy and paste at the pointer (system clipboard or the in-memory fallback)
    await page.keyboard.press('Control+c')
    await page.mouse.move(area.x + 250, area.y + 600)
    await page.keyboard.press('Control+v')
    await expect.poll(() => ofKind('actor').length).toBe(3)

    // A phase drawn with the tool snaps to whole months
    await page.keyboard.press('p')
    await page.mouse.click(area.x + 600, area.y + 700)
    await expect.poll(() => ofKind('phase').length).toBe(1)
    const phase = ofKind('phase')[0] as Box
    expect(phase.x % 24).toBe(0)
    expect(phase.w % 24).toBe(0)
    expect(phase.start).toMatch(/^\d{4}-\d{2}$/)

    // Escape during a drag puts everything back and writes nothing
    const writesBefore = [...positionWrites.values()].reduce((a, b) => a + b, 0)
    const phaseCentre = await centreOf(phase)
    await page.mouse.move(phaseCentre.x, phaseCentre.y)
    await page.mouse.down()
    await page.mouse.move(phaseCentre.x + 80, phaseCentre.y - 80, { steps: 6 })
    await page.keyboard.press('Escape')
    await page.mouse.up()
    await page.waitForTimeout(300)
    expect([...positionWrites.values()].reduce((a, b) => a + b, 0)).toBe(writesBefore)
    expect((ofKind('phase')[0] as Box).x).toBe(phase.x)

    expect(problems).toEqual([])
  })
})
