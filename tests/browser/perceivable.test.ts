import { mkdirSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyOperation } from '../../shared/operations/apply-operation.ts'
import { api, createBoard, signup } from '../helpers/api.ts'
import { axeViolations } from '../helpers/axe.ts'
import { launchBrowser, signedInContext } from '../helpers/browser.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { connectClient, type SyncClient } from '../helpers/sync-client.ts'

/**
 * Perceivable (issue 15, item 4) in a real browser: the pages reflow at 320 CSS px without
 * horizontal scrolling (WCAG 1.4.10), the chrome stays whole with the browser's text size at
 * 200 % (1.4.4), and the app follows `prefers-reduced-motion` and `prefers-contrast: more`.
 * Screenshots go to /tmp/perceivable for a person to look at; none is compared.
 */

const SHOTS = '/tmp/perceivable'
const NARROW = { width: 320, height: 640 }
const LAPTOP = { width: 1280, height: 800 }

let server: TestServer
let browser: Browser
let owner: Awaited<ReturnType<typeof signup>>
let boardId = ''
let joinPath = ''
let peer: SyncClient

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  server = await startTestServer({ ACCESSIBILITY_CONTACT: 'barrierefrei@example.org' })
  browser = await launchBrowser()
  owner = await signup(server.url, 'Olga Petrič')
  boardId = await createBoard(server.url, owner.token, {
    title: 'Old brewery in Laško — second workshop with the neighbours and the town',
  })
  const invite = await api<{ invite: { token: string } }>(server.url, 'POST', `/api/boards/${boardId}/invites`, {
    token: owner.token,
    body: { role: 'editor' },
  })
  joinPath = `/join/${invite.body.invite.token}`
  peer = connectClient(server.url, boardId, owner.token)
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
        { id: 'f-yard', kind: 'frame', x: 200, y: 120, w: 300, h: 240, label: 'Group 2: the yard' },
        { id: 'n-idea', kind: 'note', x: 260, y: 200, w: 160, h: 120, label: 'Open the yard on Saturdays?' },
        {
          id: 'u-market',
          kind: 'use',
          x: -380,
          y: -60,
          w: 180,
          h: 90,
          label: 'Saturday market',
          category: 'retail',
          locked: true,
        },
      ],
    },
    'peer',
  )
  expect(seeded.ok).toBe(true)
})

afterAll(async () => {
  peer?.destroy()
  await browser?.close()
  await server?.stop()
})

const waitForBoard = async (page: Page) => {
  await expect
    .poll(() => page.getByTestId('connection-status').getAttribute('data-status'), { timeout: 15_000 })
    .toBe('connected')
  await page.getByTestId('board-canvas').waitFor()
}

/** The pages of the product, each with what shows it has rendered. */
const pages = () =>
  [
    { name: 'home', path: '/', signedIn: false, ready: (p: Page) => p.getByRole('tab', { name: 'Sign up' }).waitFor() },
    { name: 'join', path: joinPath, signedIn: false, ready: (p: Page) => p.getByTestId('invitation').waitFor() },
    {
      name: 'statement',
      path: '/accessibility',
      signedIn: false,
      ready: (p: Page) => p.getByTestId('statement-contact').waitFor(),
    },
    {
      name: 'boards',
      path: '/',
      signedIn: true,
      ready: (p: Page) => p.getByRole('heading', { name: 'Your boards' }).waitFor(),
    },
    { name: 'board', path: `/boards/${boardId}`, signedIn: true, ready: waitForBoard },
  ] as const

async function contexts(viewport: { width: number; height: number }) {
  const signedOut = await browser.newContext({ viewport })
  const signedIn = await signedInContext(browser, server.url, owner.token, viewport)
  return {
    of: (signed: boolean): BrowserContext => (signed ? signedIn : signedOut),
    close: () => Promise.all([signedOut.close(), signedIn.close()]),
  }
}

/** How wide the document is, and the elements that stick out past `width` (outside any scroller of their own). */
const overflowAt = (page: Page, width: number) =>
  page.evaluate((limit) => {
    const scrolls = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a)
        if (/(auto|scroll|hidden|clip)/.test(style.overflowX) && a.getBoundingClientRect().right <= limit + 0.5) return true
      }
      return false
    }
    const out: string[] = []
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect()
      if (box.width === 0 || box.right <= limit + 0.5 || scrolls(el)) continue
      out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right ${Math.round(box.right)}`)
    }
    return { scrollWidth: document.documentElement.scrollWidth, sticking: out.slice(0, 8) }
  }, width)

/**
 * Text that does not fit where it is, inside `scope`: a control or text element whose content is
 * wider or taller than its box and cut off (not an ellipsis on purpose), or a text element that
 * reaches out of the control it belongs to, or two text items of one control that overlap.
 */
const clippedText = (page: Page, scope: string) =>
  page.evaluate((selector) => {
    const found: string[] = []
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 30)}"`
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect()
      const style = getComputedStyle(el)
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && !el.closest('.visually-hidden')
    }
    const ownText = (el: Element) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim())
    const roots = [...document.querySelectorAll(selector)]
    if (roots.length === 0) return [`nothing matches ${selector}`]
    for (const root of roots) {
      for (const el of [root, ...root.querySelectorAll('*')]) {
        if (!visible(el)) continue
        const style = getComputedStyle(el)
        const isControl = el.matches('button, a, select, input, label, [role="tab"], summary')
        if (!isControl && !ownText(el)) continue
        // a text field scrolls its own text; an ellipsis is a chosen truncation (the full text is in a title or the panel)
        const cut = style.textOverflow !== 'ellipsis' && !el.matches('input, textarea')
        const clipsX = /(hidden|clip)/.test(style.overflowX)
        const clipsY = /(hidden|clip)/.test(style.overflowY)
        if (cut && ((clipsX && el.scrollWidth > el.clientWidth + 1) || (clipsY && el.scrollHeight > el.clientHeight + 1)))
          found.push(`cut off: ${name(el)} ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`)
        if (el.tagName === 'SELECT') {
          // a closed select shows its chosen option: it must fit beside the arrow
          const select = el as HTMLSelectElement
          const probe = document.createElement('span')
          probe.textContent = select.selectedOptions[0]?.textContent ?? ''
          probe.style.cssText = `position:absolute;visibility:hidden;white-space:nowrap;font:${style.font};letter-spacing:${style.letterSpacing}`
          document.body.append(probe)
          const need = probe.getBoundingClientRect().width
          probe.remove()
          const room = select.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight) - 16
          if (need > room + 1) found.push(`cut off: ${name(el)} needs ${Math.round(need)} px, has ${Math.round(room)}`)
        }
        const control = el.parentElement?.closest('button, a, select, label, [role="tab"], summary')
        if (control && root.contains(control) && ownText(el)) {
          const inner = el.getBoundingClientRect()
          const outer = control.getBoundingClientRect()
          if (
            inner.left < outer.left - 1 ||
            inner.right > outer.right + 1 ||
            inner.top < outer.top - 1 ||
            inner.bottom > outer.bottom + 1
          )
            found.push(`out of its control: ${name(el)} in ${name(control)}`)
        }
      }
      // text items and icons of one control do not overlap
      for (const control of root.querySelectorAll('button, a, [role="tab"]')) {
        if (!visible(control)) continue
        const parts = [...control.children].filter(visible)
        for (let i = 0; i < parts.length; i++)
          for (let j = i + 1; j < parts.length; j++) {
            const a = (parts[i] as Element).getBoundingClientRect()
            const b = (parts[j] as Element).getBoundingClientRect()
            const w = Math.min(a.right, b.right) - Math.max(a.left, b.left)
            const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)
            if (w > 2 && h > 2)
              found.push(`overlap in ${name(control)}: ${name(parts[i] as Element)} and ${name(parts[j] as Element)}`)
          }
      }
    }
    return found
  }, scope)

describe('reflow at 320 CSS px (WCAG 1.4.10)', () => {
  it('the measure catches a page wider than the screen', async () => {
    const context = await browser.newContext({ viewport: NARROW })
    const page = await context.newPage()
    await page.goto(`${server.url}/accessibility`)
    await page.getByTestId('statement-contact').waitFor()
    await page.evaluate(() => {
      const wide = document.createElement('div')
      wide.style.width = '400px'
      wide.style.height = '10px'
      document.querySelector('main')?.append(wide)
    })
    const measured = await overflowAt(page, NARROW.width)
    expect(measured.scrollWidth).toBeGreaterThan(NARROW.width)
    expect(measured.sticking.length).toBeGreaterThan(0)
    await context.close()
  }, 60_000)

  it('home, join, statement, the boards list and the board page scroll only vertically at 320 × 640', async () => {
    const ctx = await contexts(NARROW)
    try {
      for (const entry of pages()) {
        const page = await ctx.of(entry.signedIn).newPage()
        await page.goto(`${server.url}${entry.path}`)
        await entry.ready(page)
        const measured = await overflowAt(page, NARROW.width)
        await page.screenshot({ path: `${SHOTS}/320-${entry.name}.png`, fullPage: true })
        expect({ page: entry.name, ...measured }).toEqual({ page: entry.name, scrollWidth: NARROW.width, sticking: [] })
        if (entry.name === 'board') {
          // the side panel's tabs, a tab's content and the header menu fit too
          for (const tab of ['outline', 'analysis', 'snapshots']) {
            await page.getByTestId(`side-tab-${tab}`).click()
            await page.locator(`#side-panel-${tab}`).waitFor()
            expect({ tab, ...(await overflowAt(page, NARROW.width)) }).toEqual({ tab, scrollWidth: NARROW.width, sticking: [] })
          }
          await page.screenshot({ path: `${SHOTS}/320-board-snapshots.png` })
          await page.getByTestId('board-header-more').click()
          expect({ menu: true, ...(await overflowAt(page, NARROW.width)) }).toEqual({
            menu: true,
            scrollWidth: NARROW.width,
            sticking: [],
          })
          await page.screenshot({ path: `${SHOTS}/320-board-menu.png` })
          // a dialog from the menu: its form reflows into the screen too
          await page.getByTestId('board-settings-open').click()
          await page.getByTestId('board-settings').waitFor()
          expect({ dialog: 'settings', ...(await overflowAt(page, NARROW.width)) }).toEqual({
            dialog: 'settings',
            scrollWidth: NARROW.width,
            sticking: [],
          })
          await page.screenshot({ path: `${SHOTS}/320-board-settings.png` })
          await page.keyboard.press('Escape')
          await page.getByTestId('board-settings').waitFor({ state: 'hidden' })
          // the ? sheet of shortcuts
          await page.getByTestId('shortcuts-open').click()
          await page.getByTestId('shortcuts-sheet').waitFor()
          expect({ dialog: 'shortcuts', ...(await overflowAt(page, NARROW.width)) }).toEqual({
            dialog: 'shortcuts',
            scrollWidth: NARROW.width,
            sticking: [],
          })
          await page.screenshot({ path: `${SHOTS}/320-board-shortcuts.png` })
          // a label that wraps does not squeeze its checkbox: both boxes keep one size
          const boxes = await page
            .locator('[data-testid="shortcuts-sheet"] input[type="checkbox"]')
            .evaluateAll((inputs) => inputs.map((input) => Math.round(input.getBoundingClientRect().width)))
          expect(boxes.length).toBeGreaterThan(1)
          expect(new Set(boxes).size).toBe(1)
        }
        await page.close()
      }
    } finally {
      await ctx.close()
    }
  }, 120_000)
})

describe('text at 200 % (WCAG 1.4.4)', () => {
  /** A page whose browser text size is 32 px instead of 16 (the browser's own setting, as a person would set it). */
  async function largeTextPage(context: BrowserContext): Promise<Page> {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Page.enable')
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } })
    return page
  }

  it('the measure catches text cut off in the header', async () => {
    const context = await browser.newContext({ viewport: LAPTOP })
    const page = await largeTextPage(context)
    await page.goto(`${server.url}/accessibility`)
    await page.getByTestId('statement-contact').waitFor()
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px')
    expect(await clippedText(page, '.app-bar')).toEqual([])
    await page.evaluate(() => {
      const brand = document.querySelector('.brand') as HTMLElement
      Object.assign(brand.style, { display: 'block', width: '40px', overflow: 'hidden' })
    })
    expect((await clippedText(page, '.app-bar')).join()).toContain('cut off')
    await context.close()
  }, 60_000)

  it('the headers, the toolbar, the side panel and a dialog stay whole, with nothing cut off or overlapping', async () => {
    const ctx = await contexts(LAPTOP)
    try {
      for (const entry of pages()) {
        const page = await largeTextPage(ctx.of(entry.signedIn))
        await page.goto(`${server.url}${entry.path}`)
        await entry.ready(page)
        await page.screenshot({ path: `${SHOTS}/200-${entry.name}.png` })
        if (entry.name !== 'board') {
          expect({ page: entry.name, clipped: await clippedText(page, '.app-bar, main') }).toEqual({
            page: entry.name,
            clipped: [],
          })
          expect((await overflowAt(page, LAPTOP.width)).scrollWidth).toBe(LAPTOP.width)
          await page.close()
          continue
        }
        const chrome = '.board-header, [data-testid="toolbar"], [data-testid="zoom-controls"], [role="tablist"]'
        expect({ page: 'board', clipped: await clippedText(page, chrome) }).toEqual({ page: 'board', clipped: [] })
        for (const tab of ['inspect', 'outline', 'analysis', 'snapshots']) {
          await page.getByTestId(`side-tab-${tab}`).click()
          await page.locator(`#side-panel-${tab}`).waitFor()
          await page.screenshot({ path: `${SHOTS}/200-board-${tab}.png` })
          expect({ tab, clipped: await clippedText(page, `#side-panel-${tab}`) }).toEqual({ tab, clipped: [] })
        }
        await page.getByTestId('board-settings-open').click()
        await page.getByTestId('board-settings').waitFor()
        await page.screenshot({ path: `${SHOTS}/200-board-settings.png` })
        expect({ dialog: 'settings', clipped: await clippedText(page, 'dialog[open]') }).toEqual({
          dialog: 'settings',
          clipped: [],
        })
        await page.keyboard.press('Escape')
        await page.getByTestId('board-settings').waitFor({ state: 'hidden' })
        await page.getByTestId('shortcuts-open').click()
        await page.getByTestId('shortcuts-sheet').waitFor()
        await page.screenshot({ path: `${SHOTS}/200-board-shortcuts.png` })
        expect({ dialog: 'shortcuts', clipped: await clippedText(page, 'dialog[open]') }).toEqual({
          dialog: 'shortcuts',
          clipped: [],
        })
        await page.close()
      }
    } finally {
      await ctx.close()
    }
  }, 120_000)
})

describe('prefers-reduced-motion and prefers-contrast', () => {
  const zoomInAndRead = (page: Page) =>
    page.evaluate(() => {
      const hook = (window as unknown as { __refreshBoard: { viewport(): { scale: number } } }).__refreshBoard
      const before = hook.viewport().scale
      const zoomIn = document.querySelector<HTMLButtonElement>('[data-testid="zoom-controls"] button[aria-label="Zoom in"]')
      if (!zoomIn) throw new Error('no zoom-in button')
      // read in the same task as the click: an animated zoom has not moved yet, a jump has
      zoomIn.click()
      return { before, after: hook.viewport().scale }
    })

  it('with reduce, transitions are off and a zoom jumps; without, the zoom flies', async () => {
    const context = await signedInContext(browser, server.url, owner.token, LAPTOP)
    const page = await context.newPage()
    await page.goto(`${server.url}/boards/${boardId}`)
    await waitForBoard(page)
    await page.waitForFunction(
      () => (window as { __refreshBoard?: { viewport?: unknown } }).__refreshBoard?.viewport !== undefined,
    )

    const transition = () =>
      page.evaluate(() => getComputedStyle(document.querySelector('.button') as Element).transitionDuration)
    await page.emulateMedia({ reducedMotion: 'no-preference' })
    expect(await transition()).not.toBe('0s')
    const flying = await zoomInAndRead(page)
    expect(flying.after).toBe(flying.before)

    await page.emulateMedia({ reducedMotion: 'reduce' })
    expect(await transition()).toBe('0s')
    await expect
      .poll(() =>
        page.evaluate(
          () => (window as unknown as { __refreshBoard: { viewport(): { scale: number } } }).__refreshBoard.viewport().scale,
        ),
      )
      .toBeGreaterThan(flying.before)
    const jumping = await zoomInAndRead(page)
    expect(jumping.after).toBeGreaterThan(jumping.before)
    // no CSS animation runs anywhere on the page
    expect(
      await page.evaluate(
        () => document.getAnimations().filter((a) => a.playState === 'running' && !(a instanceof CSSTransition)).length,
      ),
    ).toBe(0)
    await context.close()
  }, 60_000)

  it('with more contrast, borders, control edges and muted text are darker, and axe still finds nothing', async () => {
    const context = await signedInContext(browser, server.url, owner.token, LAPTOP)
    const page = await context.newPage()
    await page.goto(`${server.url}/boards/${boardId}`)
    await waitForBoard(page)
    const look = () =>
      page.evaluate(() => {
        const root = getComputedStyle(document.documentElement)
        const select = document.querySelector('.language-picker__select')
        return {
          border: root.getPropertyValue('--border').trim(),
          muted: root.getPropertyValue('--text-muted').trim(),
          selectEdge: select ? getComputedStyle(select).borderTopColor : '',
        }
      })
    await page.emulateMedia({ contrast: 'no-preference' })
    const normal = await look()
    await page.emulateMedia({ contrast: 'more' })
    const more = await look()
    expect(more.border).not.toBe(normal.border)
    expect(more.muted).not.toBe(normal.muted)
    expect(more.selectEdge).not.toBe(normal.selectEdge)
    // and every text still reads at AA with the stronger tokens
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: `${SHOTS}/contrast-more-board.png` })
    await page.emulateMedia({ forcedColors: 'active' })
    await page.screenshot({ path: `${SHOTS}/forced-colors-board.png` })
    await context.close()
  }, 60_000)
})
