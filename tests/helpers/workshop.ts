import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { joinAs } from './api.ts'
import { launchBrowser, signedInContext, watchedPage } from './browser.ts'
import { startTestServer, type TestServer } from './server.ts'

/**
 * What the live-workshop browser tests (facilitation-*, presence) share: a server and a browser
 * for the file, the three people of a workshop, and opening the board as one of them.
 */

export interface ServerAndBrowser {
  readonly server: TestServer
  readonly browser: Browser
}

/**
 * A test server and a browser for the tests of a file (or a describe block): started before
 * them, stopped after them. Read its fields inside the tests and hooks, once they run.
 */
export function serverAndBrowser(): ServerAndBrowser {
  const env = {} as { server: TestServer; browser: Browser }
  beforeAll(async () => {
    env.server = await startTestServer()
    env.browser = await launchBrowser()
  })
  afterAll(async () => {
    await env.browser?.close()
    await env.server?.stop()
  })
  return env
}

/** A facilitator and two editors joined to a board, each with an account of their own. */
export async function joinWorkshop(serverUrl: string, ownerToken: string, boardId: string) {
  return {
    fac: await joinAs(serverUrl, ownerToken, boardId, 'facilitator', 'Fatima Facilitator'),
    anna: await joinAs(serverUrl, ownerToken, boardId, 'editor', 'Anna Kovač'),
    ben: await joinAs(serverUrl, ownerToken, boardId, 'editor', 'Ben Weber'),
  }
}

export interface Person {
  name: string
  page: Page
  context: BrowserContext
  problems: string[]
}

/** Waits until a board page is connected and shows its canvas. */
export async function waitConnected(page: Page): Promise<void> {
  await expect
    .poll(() => page.getByTestId('connection-status').getAttribute('data-status'), { timeout: 15_000 })
    .toBe('connected')
  await page.getByTestId('board-canvas').waitFor()
}

/**
 * Opens a board signed in as `token`, in a browser context of its own, and waits until it is
 * connected. The person joins `people` before the page loads (so that a test's `finally` closes
 * its context even when loading fails); `watch` sees the page before it loads and answers what
 * more the test keeps of that person.
 */
export async function openBoardAs<P extends Person = Person>(
  env: ServerAndBrowser,
  people: P[],
  boardId: string,
  name: string,
  token: string,
  watch?: (page: Page) => Omit<P, keyof Person>,
): Promise<P> {
  const context = await signedInContext(env.browser, env.server.url, token)
  const watched = await watchedPage(context)
  const more = watch?.(watched.page)
  const person = { name, page: watched.page, context, problems: watched.problems, ...more } as P
  people.push(person)
  await watched.page.goto(`${env.server.url}/boards/${boardId}`)
  await waitConnected(watched.page)
  return person
}
