import { type Context, Hono } from 'hono'
import { diffDocuments } from '../../shared/diff/diff-documents.ts'
import { toCsv } from '../../shared/export/csv.ts'
import { toJson } from '../../shared/export/json.ts'
import { type MarkdownOptions, toMarkdown } from '../../shared/export/markdown.ts'
import { requireUser } from '../auth/authenticate.ts'
import { unwrap } from '../boards/board-routes.ts'
import type { AppEnv } from '../http/app-env.ts'
import { ApiError } from '../http/errors.ts'
import type { ResolvedDocument, SnapshotService } from '../snapshots/snapshot-service.ts'
import { attachment } from './content-disposition.ts'

const SNAPSHOT_ID = /^[A-Za-z0-9_-]{1,128}$/

function snapshotParam(c: Context<AppEnv>, name: string): string | undefined {
  const value = c.req.query(name)
  if (value === undefined) return undefined
  if (!SNAPSHOT_ID.test(value)) throw new ApiError('bad_request', `?${name}= must be a snapshot id.`)
  return value
}

/** File name: the board title, and the snapshot label for a snapshot's export. */
const nameOf = ({ board, snapshot }: ResolvedDocument) => (snapshot ? `${board.title} ${snapshot.label}` : board.title)

function download(c: Context<AppEnv>, body: string, contentType: string, disposition: string): Response {
  return c.body(body, 200, {
    'Content-Type': contentType,
    'Content-Disposition': disposition,
    // board content is private to its members
    'Cache-Control': 'private, no-store',
  })
}

/**
 * `GET /api/boards/:id/export/{json,csv,md}` (viewer and up), of the live board or
 * `?snapshot=<sid>`; `md` also takes `?since=<sid>`. Mounted before the board routes, so its
 * `json` (with `?snapshot`) answers instead of the older live-only route. png, svg and pdf
 * stay with the pending routes until the scene builder lands.
 */
export function exportRoutes(snapshots: SnapshotService) {
  const resolve = async (c: Context<AppEnv>) => {
    const user = requireUser(c)
    const boardId = c.req.param('id') ?? ''
    const snapshotId = snapshotParam(c, 'snapshot')
    return unwrap(await snapshots.resolve(user, boardId, snapshotId ? { snapshotId } : 'live', 'viewer'))
  }
  return new Hono<AppEnv>()
    .get('/:id/export/json', async (c) => {
      const resolved = await resolve(c)
      return download(
        c,
        toJson(resolved.document),
        'application/json; charset=utf-8',
        attachment(nameOf(resolved), '.refresh-board.json'),
      )
    })
    .get('/:id/export/csv', async (c) => {
      const resolved = await resolve(c)
      return download(c, toCsv(resolved.document), 'text/csv; charset=utf-8', attachment(nameOf(resolved), '.csv'))
    })
    .get('/:id/export/md', async (c) => {
      const resolved = await resolve(c)
      const options: MarkdownOptions = { analysis: resolved.analysis }
      if (resolved.snapshot) options.snapshot = { label: resolved.snapshot.label, createdAt: resolved.snapshot.createdAt }
      const sinceId = snapshotParam(c, 'since')
      if (sinceId) {
        const since = unwrap(await snapshots.resolve(requireUser(c), resolved.board.id, { snapshotId: sinceId }, 'viewer'))
        options.since = { label: since.snapshot?.label ?? sinceId, diff: diffDocuments(since.document, resolved.document) }
      }
      return download(
        c,
        toMarkdown(resolved.document, options),
        'text/markdown; charset=utf-8',
        attachment(nameOf(resolved), '.md'),
      )
    })
}
