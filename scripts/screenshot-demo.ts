/**
 * The README screenshot: a server with the demo board (in this process, memory storage), a
 * facilitator who joined through the demo's invite link, and a second participant whose cursor
 * and selection show, in headless Chromium at 1440 × 900, zoomed to fit. Writes
 * docs/screenshot.png (or the path given as the first argument).
 *
 *   node --import tsx scripts/screenshot-demo.ts [out.png]
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { seedDemoIfEmpty } from '../server/demo/seed-demo.ts'
import { createLogger } from '../server/logger.ts'
import { launchBrowser } from '../tests/helpers/browser.ts'
import { startTestServer } from '../tests/helpers/server.ts'
import { connectClient } from '../tests/helpers/sync-client.ts'
import { buildClientIfStale } from './build-client.ts'

const root = path.resolve(import.meta.dirname, '..')

/** Takes the README screenshot into `out`; resolves with the page errors seen (none expected). */
export async function takeDemoScreenshot(out: string): Promise<{ problems: string[] }> {
  buildClientIfStale()
  const server = await startTestServer()
  const browser = await launchBrowser()
  try {
    const demo = await seedDemoIfEmpty(server.app.services, server.rooms, { publicOrigin: server.url }, createLogger('error'))
    if (!demo) throw new Error('the demo board was not created')

    // A second participant, present through the sync protocol: a cursor and a selected actor.
    const joinToken = new URL(demo.joinUrl).pathname.split('/').pop() ?? ''
    const joined = await fetch(`${server.url}/api/invites/${joinToken}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ displayName: 'Gábor Kovács' }),
    })
    const { token, user } = (await joined.json()) as { token: string; user: { id: string } }
    const peer = connectClient(server.url, demo.boardId, token)
    await peer.synced

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 })
    const page = await context.newPage()
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(error.message))
    const facilitatorToken = new URL(demo.facilitatorJoinUrl).pathname.split('/').pop() ?? ''
    await page.goto(`${server.url}/join/${facilitatorToken}`)
    await page.getByLabel('Your name').fill('Marta Novak')
    await page.getByRole('button', { name: 'Join board' }).click()
    await page.waitForURL(/\/boards\//)
    await page.getByTestId('board-canvas').waitFor()
    await page.waitForFunction(
      () => document.querySelector('[data-testid="connection-status"]')?.getAttribute('data-status') === 'connected',
    )

    // The peer points at an actor card and selects it.
    const elements = peer.doc.getMap('elements')
    const actor = [...elements.entries()].find(([, value]) => (value as { get(k: string): unknown }).get('kind') === 'actor')
    const at = actor ? (actor[1] as { get(k: string): unknown }) : null
    const x = Number(at?.get('x') ?? 0) + Number(at?.get('w') ?? 0) * 0.7
    const y = Number(at?.get('y') ?? 0) + Number(at?.get('h') ?? 0) * 0.8
    peer.provider.awareness.setLocalState({
      user: { id: user.id, name: 'Gábor Kovács', color: '#1d4ed8', role: 'editor' },
      cursor: { x, y },
      selection: actor ? [actor[0]] : [],
    })

    await page.getByTestId('zoom-fit').click()
    await page.waitForTimeout(1200)
    // Nothing of the debugging aids in the picture; the pointer rests outside the canvas.
    await page.addStyleTag({ content: '.vite-error-overlay, [data-debug] { display: none !important; }' })
    await page.mouse.move(1439, 899)
    await page.waitForTimeout(500)
    mkdirSync(path.dirname(out), { recursive: true })
    await page.screenshot({ path: out })
    peer.destroy()
    return { problems }
  } finally {
    await browser.close()
    await server.stop()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = path.resolve(process.argv[2] ?? path.join(root, 'docs/screenshot.png'))
  const { problems } = await takeDemoScreenshot(out)
  if (problems.length > 0) console.warn(`page errors:\n${problems.join('\n')}`)
  console.log(`wrote ${path.relative(process.cwd(), out)}`)
}
