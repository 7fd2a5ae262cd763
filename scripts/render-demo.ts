/**
 * Renders the demo board (shared/demo/textile-mill.ts) with the real scene builder and Konva
 * renderer in headless Chromium and writes screenshots:
 *
 *   node --import tsx scripts/render-demo.ts [outDir]        (default /tmp/shots)
 *
 * Chromium comes from CHROME_PATH or /usr/bin/chromium. Used to look at the canvas while
 * working on shared/scene and client/canvas/render.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { launchBrowser } from '../tests/helpers/browser.ts'

const outDir = resolve(process.argv[2] ?? '/tmp/shots')
mkdirSync(outDir, { recursive: true })
const work = mkdtempSync(join(tmpdir(), 'render-demo-'))

const bundle = await build({
  entryPoints: [resolve(import.meta.dirname, 'render-demo-page.ts')],
  bundle: true,
  format: 'iife',
  write: false,
  target: 'es2022',
})
const script = bundle.outputFiles[0]?.text ?? ''
writeFileSync(
  join(work, 'index.html'),
  `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#f5f6f8;overflow:hidden}</style></head>
<body><div id="stage"></div><script>${script.replace(/<\/script/g, '<\\/script')}</script></body></html>`,
)

const browser = await launchBrowser()
try {
  const shoot = async (name: string, viewport: { width: number; height: number }, view: (b: Bounds) => View, dpr = 1) => {
    const page = await browser.newPage({ viewport, deviceScaleFactor: dpr })
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(String(error)))
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    await page.goto(`file://${join(work, 'index.html')}`)
    await page.waitForSelector('body[data-ready="true"]')
    const bounds = await page.evaluate(() => window.demoBounds)
    const stats = await page.evaluate((v) => window.renderDemo(v), view(bounds))
    const file = join(outDir, `scene-${name}.png`)
    await page.screenshot({ path: file })
    console.log(
      `${file}: draw ${stats.ms.toFixed(1)} ms, ${stats.nodes} shapes${errors.length ? `, errors: ${errors.join(' | ')}` : ''}`,
    )
    await page.close()
  }
  type Bounds = { x: number; y: number; width: number; height: number }
  type View = { x: number; y: number; scale: number; highlight?: string[] }
  const fitView = (b: Bounds, w: number, h: number, pad = 24): View => {
    const scale = Math.min((w - 2 * pad) / b.width, (h - 2 * pad) / b.height)
    return { x: b.x - (w / scale - b.width) / 2, y: b.y - (h / scale - b.height) / 2, scale }
  }
  await shoot('overview', { width: 1600, height: 1000 }, (b) => fitView(b, 1600, 1000))
  await shoot('actors-uses', { width: 1600, height: 1000 }, () => ({ x: -40, y: -50, scale: 1 }), 1)
  await shoot('site-plan', { width: 1600, height: 1000 }, (b) => ({ x: b.x + 1200, y: -50, scale: 1 }))
  await shoot('timeline', { width: 1600, height: 1000 }, (b) => ({ x: b.x - 20, y: b.y + b.height - 900, scale: 1 }))
  await shoot('detail-2x', { width: 800, height: 600 }, () => ({ x: -10, y: -40, scale: 1.6 }), 2)
} finally {
  await browser.close()
  rmSync(work, { recursive: true, force: true })
}
