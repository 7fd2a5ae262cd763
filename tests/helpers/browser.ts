import { type Browser, type BrowserContext, type ConsoleMessage, chromium, type Page } from 'playwright-core'

/** Debian's Chromium, headless, with nothing that reaches for the network on its own. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: chromiumArgs })
}

/** A context signed in with a session token (the cookie the app would set). */
export async function signedInContext(
  browser: Browser,
  serverUrl: string,
  token: string,
  viewport = { width: 1280, height: 800 },
) {
  const context = await browser.newContext({ viewport })
  await context.addCookies([{ name: 'rb_session', value: token, domain: new URL(serverUrl).hostname, path: '/' }])
  return context
}

/** Responses the app expects and handles (they are not bugs); Chromium still logs them. */
export interface ExpectedFailure {
  path: string
  status: number
}

export interface WatchedPage {
  page: Page
  /** console errors and page errors seen so far, except the expected failures */
  problems: string[]
  expect(failure: ExpectedFailure): void
}

/** A page whose console errors and uncaught exceptions are collected. */
export async function watchedPage(context: BrowserContext): Promise<WatchedPage> {
  const page = await context.newPage()
  const problems: string[] = []
  const expected: ExpectedFailure[] = []
  const isExpected = (message: ConsoleMessage) => {
    const url = message.location().url
    return expected.some((failure) => url.endsWith(failure.path) && message.text().includes(`status of ${failure.status}`))
  }
  page.on('console', (message) => {
    if (message.type() === 'error' && !isExpected(message)) {
      problems.push(`console error: ${message.text()} (${message.location().url})`)
    }
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  return { page, problems, expect: (failure) => expected.push(failure) }
}

/** A request from the page, so the session cookie is set in (and sent from) its context. */
export function callFromPage<T>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      return { status: response.status, body: (await response.json().catch(() => null)) as T }
    },
    { method, path, body },
  )
}

/** The board's elements as this page's Y.Doc holds them (the read-only debug hook). */
export const elementsOf = (page: Page) =>
  page.evaluate(() => {
    const hook = (window as unknown as { __refreshBoard?: { doc?: { getMap(name: string): { toJSON(): unknown } } } })
      .__refreshBoard
    return (hook?.doc?.getMap('elements').toJSON() ?? {}) as Record<string, Record<string, unknown>>
  })

/** A person in their own browser context, whose page errors are collected (a signed-out 401 is expected). */
export async function openPerson(
  browser: Browser,
  options: { viewport?: { width: number; height: number }; acceptDownloads?: boolean } = {},
): Promise<{ page: Page; context: BrowserContext; problems: string[] }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    acceptDownloads: options.acceptDownloads ?? false,
  })
  const watched = await watchedPage(context)
  watched.expect({ path: '/api/auth/me', status: 401 })
  return { page: watched.page, context, problems: watched.problems }
}

type BoardPoint = { x: number; y: number }

/** Page (client) px of a board point, through the canvas's read-only debug hook. */
export const toClient = (page: Page, point: BoardPoint): Promise<BoardPoint> =>
  page.evaluate((p) => {
    const hook = (window as unknown as { __refreshBoard?: { toClient?(p: BoardPoint): BoardPoint } }).__refreshBoard
    if (!hook?.toClient) throw new Error('no canvas')
    return hook.toClient(p)
  }, point)

/** Page px of the centre of an element's box. */
export const centreOf = (page: Page, box: { x: number; y: number; w: number; h: number }): Promise<BoardPoint> =>
  toClient(page, { x: box.x + box.w / 2, y: box.y + box.h / 2 })

/** A mouse drag in `steps` moves, one animation frame apart (the canvas works once per frame). */
export async function drag(page: Page, from: BoardPoint, to: BoardPoint, steps = 12): Promise<void> {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps)
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))
  }
  await page.mouse.up()
}
