import { connect, createServer, type Server, type Socket } from 'node:net'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { colorDistance, colorForUser, NEAR_IDENTICAL_DISTANCE } from '../../client/board/user-color.ts'
import { type Account, createBoard, joinAs, signup } from '../helpers/api.ts'
import { signedInContext, watchedPage } from '../helpers/browser.ts'
import { serverAndBrowser } from '../helpers/workshop.ts'

/**
 * A TCP relay that can go silent like a dropped Wi-Fi: bytes stop flowing both ways, but no
 * socket closes, so neither end gets a close frame or a reset.
 */
async function silenceableRelay(targetPort: number): Promise<{ port: number; silence(): void; close(): Promise<void> }> {
  let silent = false
  const sockets = new Set<Socket>()
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1')
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('error', () => {})
      socket.on('close', () => sockets.delete(socket))
    }
    client.on('data', (chunk) => {
      if (!silent) upstream.write(chunk)
    })
    upstream.on('data', (chunk) => {
      if (!silent) client.write(chunk)
    })
    client.on('end', () => !silent && upstream.end())
    upstream.on('end', () => !silent && client.end())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    silence: () => {
      silent = true
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

const presentNames = (page: Page) => page.getByTestId('presence-list').getByTestId('presence-name').allTextContents()

// the default PING_INTERVAL_MS: what a workshop gets
const env = serverAndBrowser()

describe('presence: who is here, in colours told apart', () => {
  it('drops someone whose network went away from the others’ presence within seconds', async () => {
    const { server, browser } = env
    const owner = await signup(server.url, 'Ana Novak')
    const boardId = await createBoard(server.url, owner.token, { title: 'Offline' })
    const guest = await joinAs(server.url, owner.token, boardId, 'editor', 'Gábor Kovács')
    const relay = await silenceableRelay(server.port)
    const relayUrl = `http://127.0.0.1:${relay.port}`

    const a = await watchedPage(await signedInContext(browser, server.url, owner.token))
    const bContext = await signedInContext(browser, relayUrl, guest.token)
    const b = await watchedPage(bContext)
    try {
      await a.page.goto(`${server.url}/boards/${boardId}`)
      await b.page.goto(`${relayUrl}/boards/${boardId}`)
      await expect.poll(() => presentNames(a.page), { timeout: 10_000 }).toEqual(['Ana Novak', 'Gábor Kovács'])
      await expect.poll(() => presentNames(b.page), { timeout: 10_000 }).toEqual(['Gábor Kovács', 'Ana Novak'])

      // B's network goes away: the browser is offline and its connection falls silent
      relay.silence()
      await bContext.setOffline(true)
      // pinged every 5 s, the silent socket is closed within 10 s (20 s allows for a loaded
      // machine); awareness's own timeout would take 30 s at the earliest
      await expect.poll(() => presentNames(a.page), { timeout: 20_000, interval: 250 }).toEqual(['Ana Novak'])
      expect(a.problems).toEqual([])
    } finally {
      await a.page.context().close()
      await bContext.close()
      await relay.close()
    }
  }, 40_000)

  it('never shows two people in near-identical colours, even when their own colours clash', async () => {
    const { server, browser } = env
    const owner = await signup(server.url, 'Ana Novak')
    // a second account whose stable colour is the owner's: each would pick the same one alone
    let twin: Account | null = null
    for (let i = 0; i < 60 && !twin; i++) {
      const candidate = await signup(server.url, `Twin ${i}`)
      if (colorForUser(candidate.user.id) === colorForUser(owner.user.id)) twin = candidate
    }
    if (!twin) throw new Error('no account with the same stable colour in 60 sign-ups')
    const boardId = await createBoard(server.url, owner.token, { title: 'Colours' })
    const invite = await fetch(`${server.url}/api/boards/${boardId}/invites`, {
      method: 'POST',
      headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'editor' }),
    }).then((r) => r.json() as Promise<{ invite: { token: string } }>)
    await fetch(`${server.url}/api/invites/${invite.invite.token}/join`, {
      method: 'POST',
      headers: { authorization: `Bearer ${twin.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({}),
    })
    const a = await watchedPage(await signedInContext(browser, server.url, owner.token))
    const b = await watchedPage(await signedInContext(browser, server.url, twin.token))
    try {
      // both at once, so both may first take their own (the same) colour
      await Promise.all([a.page.goto(`${server.url}/boards/${boardId}`), b.page.goto(`${server.url}/boards/${boardId}`)])
      const colours = (page: Page) =>
        page
          .getByTestId('presence-list')
          .locator('.avatar')
          .evaluateAll((avatars) => avatars.map((el) => getComputedStyle(el).backgroundColor))
      const hex = (rgb: string) =>
        `#${(rgb.match(/\d+/g) ?? [])
          .slice(0, 3)
          .map((n) => Number(n).toString(16).padStart(2, '0'))
          .join('')}`
      for (const page of [a.page, b.page]) {
        await expect.poll(async () => (await colours(page)).length, { timeout: 10_000 }).toBe(2)
        await expect
          .poll(async () => {
            const [first, second] = (await colours(page)).map(hex)
            return colorDistance(first ?? '#000000', second ?? '#000000')
          })
          .toBeGreaterThan(NEAR_IDENTICAL_DISTANCE)
      }
      expect([...a.problems, ...b.problems]).toEqual([])
    } finally {
      await a.page.context().close()
      await b.page.context().close()
    }
  }, 40_000)
})
