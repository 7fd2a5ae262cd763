import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { buildClientIfStale } from '../scripts/build-client.ts'
import { syntheticBoard } from '../shared/analysis/synthetic-board.ts'
import { launchBrowser, signedInContext } from '../tests/helpers/browser.ts'
import { type CpuProfile, topSelfTime } from './lib/cpuprofile.ts'
import { percentiles, round2 } from './lib/stats.ts'
import { startRefreshBoard } from './lib/targets.ts'

export interface CanvasRow {
  elements: number
  /** navigation start → every element in the page's Y.Doc */
  syncedMs: number
  /** navigation start → the first layer draw once the document was complete */
  firstDrawMs: number
  /** navigation start → the last layer draw once the document was complete (the view settled) */
  renderedMs: number
  /** main-thread work per frame (rAF start → after paint), p50 / p95, while panning / zooming */
  panWorkP50Ms: number
  panWorkP95Ms: number
  zoomWorkP50Ms: number
  zoomWorkP95Ms: number
  /** time between animation frames while panning (16.7 ms when nothing is dropped) */
  panIntervalP95Ms: number
  zoomIntervalP95Ms: number
  frames: number
}

export interface CanvasOptions {
  sizes: number[]
  /** how long each gesture runs */
  gestureMs: number
  /** write a Chrome CPU profile of each gesture into this folder */
  profileDir?: string
}

interface Probe {
  syncedAt: number | null
  firstDrawAt: number | null
  renderedAt: number | null
  lastDrawAt: number
  draws: number
  start(): void
  stop(): { work: number[]; intervals: number[] }
}

declare global {
  interface Window {
    __benchProbe?: Probe
  }
}

/**
 * Installed before the app loads (addInitScript). A string, not a function: tsx (esbuild,
 * keepNames) would wrap a serialised function's inner functions in a `__name` helper the page
 * does not have. Once the canvas (window.Konva's stage) and the document
 * (window.__refreshBoard.doc) exist, it records when the document holds `expected` elements and
 * every layer draw; and, between start() and stop(), per animation frame: the interval since the
 * previous frame and the main-thread work of the frame — from this callback (registered one
 * frame ahead, so it runs before the app's and Konva's callbacks) to a message task, which runs
 * after the frame's rendering (draw, paint).
 */
export const probeScript = (expected: number): string => `(() => {
  const expected = ${Number(expected)}
  const probe = { syncedAt: null, firstDrawAt: null, renderedAt: null, lastDrawAt: 0, draws: 0 }
  window.__benchProbe = probe
  const attach = () => {
    const konva = window.Konva
    const hook = window.__refreshBoard
    const stage = konva && konva.stages[konva.stages.length - 1]
    if (!stage || !hook || !hook.doc) return requestAnimationFrame(attach)
    const elements = hook.doc.getMap('elements')
    const check = () => {
      if (probe.syncedAt === null && elements.size >= expected) probe.syncedAt = performance.now()
    }
    elements.observe(check)
    check()
    const onDraw = () => {
      probe.draws++
      probe.lastDrawAt = performance.now()
      if (probe.syncedAt === null) return
      probe.renderedAt = probe.lastDrawAt
      if (probe.firstDrawAt === null) probe.firstDrawAt = probe.lastDrawAt
    }
    for (const layer of stage.getLayers()) layer.on('draw', onDraw)
  }
  requestAnimationFrame(attach)
  let recording = false
  let work = []
  let intervals = []
  let last = 0
  const channel = new MessageChannel()
  channel.port1.onmessage = (event) => {
    if (recording) work.push(performance.now() - event.data)
  }
  const frame = (ts) => {
    if (!recording) return
    const start = performance.now()
    if (last > 0) intervals.push(ts - last)
    last = ts
    requestAnimationFrame(frame)
    channel.port2.postMessage(start)
  }
  probe.start = () => {
    work = []
    intervals = []
    last = 0
    recording = true
    requestAnimationFrame(frame)
  }
  probe.stop = () => {
    recording = false
    return { work, intervals }
  }
})()`

async function gesture(page: Page, run: () => Promise<void>, profile?: string): Promise<{ work: number[]; intervals: number[] }> {
  const cdp = profile ? await page.context().newCDPSession(page) : null
  if (cdp) {
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
  }
  await page.evaluate(() => window.__benchProbe?.start())
  await run()
  await page.waitForTimeout(100)
  const frames = await page.evaluate(() => window.__benchProbe?.stop() ?? { work: [], intervals: [] })
  if (cdp && profile) {
    const { profile: data } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }
    mkdirSync(path.dirname(profile), { recursive: true })
    writeFileSync(profile, JSON.stringify(data))
    console.log(`canvas     profile ${path.basename(profile)}: ${topSelfTime(data, 6)}`)
    await cdp.detach()
  }
  return frames
}

/**
 * Canvas in headless Chromium (the built client): a board of synthetic content opened in a
 * fresh signed-in context (first visit: the canvas fits the whole board), then middle-button
 * drags (pan) and mouse-wheel notches (zoom) at about 60 events/s for `gestureMs` each.
 */
export async function canvasSection(options: CanvasOptions): Promise<CanvasRow[]> {
  buildClientIfStale((line) => console.log(`canvas     ${line}`))
  const server = await startRefreshBoard()
  const browser = await launchBrowser()
  const rows: CanvasRow[] = []
  try {
    for (const elements of options.sizes) {
      const board = await server.newBoard(syntheticBoard(elements).document)
      const context = await signedInContext(browser, server.httpUrl, board.token)
      try {
        await context.addInitScript({ content: probeScript(elements) })
        const page = await context.newPage()
        await page.goto(`${server.httpUrl}/boards/${board.docName}`)
        await page.waitForFunction(
          () => {
            const p = window.__benchProbe
            return !!p && p.renderedAt !== null && performance.now() - p.lastDrawAt > 1000
          },
          undefined,
          { timeout: 120_000, polling: 100 },
        )
        const open = await page.evaluate(() => ({
          syncedAt: window.__benchProbe?.syncedAt ?? Number.NaN,
          firstDrawAt: window.__benchProbe?.firstDrawAt ?? Number.NaN,
          renderedAt: window.__benchProbe?.renderedAt ?? Number.NaN,
        }))
        const area = await page.getByTestId('board-canvas').boundingBox()
        if (!area) throw new Error('canvas: no board canvas on the page')
        const centre = { x: area.x + area.width / 2, y: area.y + area.height / 2 }
        const steps = Math.max(10, Math.round(options.gestureMs / 16))
        const profileOf = (what: string) =>
          options.profileDir ? path.join(options.profileDir, `canvas-${what}-${elements}.cpuprofile`) : undefined

        const pan = await gesture(
          page,
          async () => {
            await page.mouse.move(centre.x, centre.y)
            await page.mouse.down({ button: 'middle' })
            for (let i = 1; i <= steps; i++) {
              // a slow circle of 150 px radius
              const a = (i / steps) * Math.PI * 2
              await page.mouse.move(centre.x + 150 * Math.sin(a), centre.y + 150 * (1 - Math.cos(a)))
              await page.waitForTimeout(16)
            }
            await page.mouse.up({ button: 'middle' })
          },
          profileOf('pan'),
        )
        const zoom = await gesture(
          page,
          async () => {
            await page.mouse.move(centre.x, centre.y)
            for (let i = 0; i < steps; i++) {
              // ten notches in, ten out
              await page.mouse.wheel(0, Math.floor(i / 10) % 2 === 0 ? -100 : 100)
              await page.waitForTimeout(16)
            }
          },
          profileOf('zoom'),
        )
        const panWork = percentiles(pan.work)
        const zoomWork = percentiles(zoom.work)
        const row: CanvasRow = {
          elements,
          syncedMs: round2(open.syncedAt),
          firstDrawMs: round2(open.firstDrawAt),
          renderedMs: round2(open.renderedAt),
          panWorkP50Ms: panWork.p50Ms,
          panWorkP95Ms: panWork.p95Ms,
          zoomWorkP50Ms: zoomWork.p50Ms,
          zoomWorkP95Ms: zoomWork.p95Ms,
          panIntervalP95Ms: percentiles(pan.intervals).p95Ms,
          zoomIntervalP95Ms: percentiles(zoom.intervals).p95Ms,
          frames: pan.work.length + zoom.work.length,
        }
        rows.push(row)
        console.log(
          `canvas     ${String(elements).padStart(6)} elements  rendered ${row.renderedMs} ms (synced ${row.syncedMs}, first draw ${row.firstDrawMs})` +
            `  pan p50/p95 ${row.panWorkP50Ms}/${row.panWorkP95Ms} ms  zoom ${row.zoomWorkP50Ms}/${row.zoomWorkP95Ms} ms` +
            `  intervals p95 ${row.panIntervalP95Ms}/${row.zoomIntervalP95Ms}`,
        )
      } finally {
        await context.close()
      }
    }
  } finally {
    await browser.close()
    await server.stop()
  }
  return rows
}
