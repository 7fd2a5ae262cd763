import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { MiddlewareHandler } from 'hono'

const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Refresh Board</title></head>
<body><h1>Refresh Board</h1><p>The web client is not built yet. Run <code>npm run build</code> (or <code>npm start</code>, which builds it) and reload.</p></body></html>`

const isServerPath = (p: string) =>
  p === '/api' || p.startsWith('/api/') || p === '/sync' || p.startsWith('/sync/') || p === '/healthz'

/**
 * Serves the built SPA from `clientDir`: files as they are (hashed `/assets/*` cached for a
 * year), and `index.html` for any other GET that wants HTML, so that `/boards/<id>` and
 * `/join/<token>` load the app. API and sync paths are never touched.
 */
export function staticClient(clientDir: string): MiddlewareHandler {
  // created on first use: serveStatic complains at once about a missing folder
  let files: MiddlewareHandler | null = null
  const makeFiles = () => serveStatic({ root: clientDir })
  const indexPath = path.join(clientDir, 'index.html')
  return async function staticClientMiddleware(c, next) {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || isServerPath(c.req.path)) return next()
    if (!existsSync(indexPath)) {
      const accept = c.req.header('accept') ?? '*/*'
      if (!accept.includes('text/html') && !accept.includes('*/*')) return next()
      return c.html(notBuiltPage, 200, { 'Cache-Control': 'no-store' })
    }
    files ??= makeFiles()
    const served = await files(c, async () => {})
    if (served instanceof Response) {
      // Vite puts content-hashed files under /assets: they never change under the same name.
      const immutable = c.req.path.startsWith('/assets/') && served.status === 200
      served.headers.set('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      return served
    }
    if (c.finalized) return
    const accept = c.req.header('accept') ?? '*/*'
    if (c.req.path.startsWith('/assets/') || (!accept.includes('text/html') && !accept.includes('*/*'))) return next()
    return c.html(await readFile(indexPath, 'utf8'), 200, { 'Cache-Control': 'no-cache' })
  }
}
