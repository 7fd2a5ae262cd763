import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard, joinAs, signup } from '../helpers/api.ts'
import { centreOf, launchBrowser, signedInContext } from '../helpers/browser.ts'
import { putElement } from '../helpers/elements.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { connectClient } from '../helpers/sync-client.ts'

/** The board's polite live region says the selection and, in a summary, what another person changed. */

let server: TestServer
let browser: Browser
beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const box = { w: 180, h: 90 }

describe('announcements', () => {
  it('say the selected element, a summary of another person’s changes, this person’s results and the workshop’s events', async () => {
    const owner = await signup(server.url, 'Olga Petrič')
    const boardId = await createBoard(server.url, owner.token, { title: 'Brewery workshop' })
    const ana = await joinAs(server.url, owner.token, boardId, 'editor', 'Ana Novak')
    const other = connectClient(server.url, boardId, ana.token)
    other.provider.awareness.setLocalStateField('user', { id: ana.user.id, name: 'Ana Novak', color: '#1f6feb' })
    await other.synced
    putElement(other.doc, {
      id: 'a1',
      kind: 'actor',
      x: 0,
      y: 0,
      ...box,
      label: 'Makers e.V.',
      sector: 'creative',
      commitment: 'interested',
    })
    putElement(other.doc, { id: 'u1', kind: 'use', x: 300, y: 0, ...box, label: 'Open workshop', category: 'studio' })
    putElement(other.doc, {
      id: 'a2',
      kind: 'actor',
      x: 0,
      y: 200,
      ...box,
      label: 'Brewery',
      sector: 'gastronomy',
      commitment: 'signed',
    })

    const context = await signedInContext(browser, server.url, owner.token)
    const page = await context.newPage()
    await page.goto(`${server.url}/boards/${boardId}`)
    await expect
      .poll(() => page.getByTestId('connection-status').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('connected')
    const region = page.getByTestId('announcer')
    expect(await region.getAttribute('aria-live')).toBe('polite')

    // the selection: name, kind, key value, place in reading order (top-left first)
    await expect
      .poll(() => page.evaluate(() => Boolean((window as { __refreshBoard?: { toClient?: unknown } }).__refreshBoard?.toClient)))
      .toBe(true)
    const at = await centreOf(page, { x: 300, y: 0, ...box })
    await page.mouse.click(at.x, at.y)
    await expect.poll(() => region.textContent()).toMatch(/^Open workshop, use, .+, 2 of 3$/)

    // another person's changes: one summary, named
    for (let i = 0; i < 3; i++) {
      putElement(other.doc, {
        id: `n${i}`,
        kind: 'note',
        x: 600,
        y: i * 200,
        w: 160,
        h: 160,
        label: `Idea ${i}`,
        color: 'yellow',
      })
    }
    await expect.poll(() => region.textContent(), { timeout: 8000 }).toBe('Ana Novak added 3 notes')
    // by kind: what was added, changed, removed
    putElement(other.doc, {
      id: 'a3',
      kind: 'actor',
      x: 900,
      y: 600,
      ...box,
      label: 'Guild',
      sector: 'culture',
      commitment: 'idea',
    })
    other.doc.transact(() => other.doc.getMap('elements').delete('n0'))
    await expect.poll(() => region.textContent(), { timeout: 8000 }).toBe('Ana Novak added 1 actor. Ana Novak removed 1 note')

    // switched off in the ? sheet (remembered): others' changes are no longer said
    await page.getByTestId('board-canvas').focus()
    await page.keyboard.press('?')
    await page.getByTestId('announce-remote').uncheck()
    await page.keyboard.press('Escape')
    expect(await page.evaluate(() => localStorage.getItem('rb.announceRemote'))).toBe('off')
    const first = await centreOf(page, { x: 0, y: 0, ...box })
    await page.mouse.click(first.x, first.y)
    await expect.poll(() => region.textContent()).toMatch(/^Makers e\.V\., actor, .+, 1 of 6$/)
    putElement(other.doc, { id: 'n9', kind: 'note', x: 900, y: 0, w: 160, h: 160, label: 'Later', color: 'yellow' })
    await page.waitForTimeout(5500)
    expect(await region.textContent()).toMatch(/^Makers e\.V\., actor/)

    // results of this person's actions that show nowhere near the focus
    await page.keyboard.press('Delete')
    await expect.poll(() => region.textContent()).toBe('Deleted 1 element')
    await page.keyboard.press('Control+z')
    await expect.poll(() => region.textContent()).toBe('Undone')

    // the live workshop: a presentation that pauses editing, and its end
    await page.getByTestId('present').click()
    await page.getByTestId('present-pause-editing').check()
    await page.getByTestId('present-start').click()
    await expect.poll(() => region.textContent()).toBe('A facilitator paused editing')
    await page.getByTestId('present-stop').click()
    await expect.poll(() => region.textContent()).toBe('Editing is possible again')
    other.destroy()
    await context.close()
  })
})
