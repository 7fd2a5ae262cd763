import { type Context, Hono } from 'hono'
import { diffDocuments } from '../../shared/diff/diff-documents.ts'
import { toCsv } from '../../shared/export/csv.ts'
import { toJson } from '../../shared/export/json.ts'
import { type MarkdownOptions, toMarkdown } from '../../shared/export/markdown.ts'
import { exportLanguage } from '../../shared/export/markdown-text.ts'
import type { LanguageCode } from '../../shared/i18n/languages.ts'
import { requireUser } from '../auth/authenticate.ts'
import { unwrap } from '../boards/board-routes.ts'
import type { AppEnv } from '../http/app-env.ts'
import { ApiError } from '../http/errors.ts'
import type { ResolvedDocument, SnapshotService } from '../snapshots/snapshot-service.ts'
import { attachment } from './content-disposition.ts'
import { exportPdf, exportPng, exportSvg, type RenderResult, type RenderSource } from './render/board-exports.ts'
import type { BoardImageSource } from './render/board-images.ts'
import { parseScale } from './render/raster-size.ts'
import { toXlsx } from './xlsx-workbook.ts'

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const SNAPSHOT_ID = /^[A-Za-z0-9_-]{1,128}$/

function snapshotParam(c: Context<AppEnv>, name: string): string | undefined {
  const value = c.req.query(name)
  if (value === undefined) return undefined
  if (!SNAPSHOT_ID.test(value)) throw new ApiError('bad_request', `?${name}= must be a snapshot id.`)
  return value
}

/** File name: the board title, and the snapshot label for a snapshot's export. */
const nameOf = ({ board, snapshot }: ResolvedDocument) => (snapshot ? `${board.title} ${snapshot.label}` : board.title)

const FRAME_ID = /^[A-Za-z0-9_-]{1,64}$/

function frameParam(c: Context<AppEnv>): string | undefined {
  const value = c.req.query('frame')
  if (value === undefined) return undefined
  if (!FRAME_ID.test(value)) throw new ApiError('bad_request', '?frame= must be the id of a frame on the board.')
  return value
}

/** `?delimiter=comma` (the default) or `semicolon`, for spreadsheets that read `;` (German, Slovenian, … Excel). */
function delimiterParam(c: Context<AppEnv>): ',' | ';' {
  const value = c.req.query('delimiter')
  if (value === undefined || value === 'comma') return ','
  if (value === 'semicolon') return ';'
  throw new ApiError('bad_request', '?delimiter= must be comma or semicolon.')
}

/**
 * The language an export writes its words, enumerations, numbers and dates in: `?lang=`, one of
 * the planned languages (a regional code such as `de-AT` takes its language); absent or
 * unknown, the requester's UI language (the account's `language`); else English. A language
 * whose catalog is not registered yet writes English words with its own number formats.
 */
function languageParam(c: Context<AppEnv>): LanguageCode {
  return exportLanguage(c.req.query('lang')) ?? requireUser(c).language ?? 'en'
}

/** The language for exporters that take an optional one: English is their default. */
const localeParam = (c: Context<AppEnv>): LanguageCode | undefined => {
  const language = languageParam(c)
  return language === 'en' ? undefined : language
}

function scaleParam(c: Context<AppEnv>): number | undefined {
  const parsed = parseScale(c.req.query('scale'))
  if (!parsed.ok) throw new ApiError('bad_request', parsed.message)
  return parsed.scale
}

/** A render's value, or its failure as the API error (with `Retry-After` when the queue refused it). */
const rendered = <T>(result: RenderResult<T>): T => {
  if (!result.ok) {
    const retry: Record<string, string> =
      result.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(result.retryAfterSeconds) }
    throw new ApiError(result.code, result.message, retry)
  }
  return result.value
}

/** File name of a picture export: a frame's export says which frame. */
const pictureName = (resolved: ResolvedDocument, frameId: string | undefined) => {
  if (frameId === undefined) return nameOf(resolved)
  const frame = resolved.document.elements.find((element) => element.id === frameId)
  return `${nameOf(resolved)} ${frame && 'label' in frame && frame.label ? frame.label : frameId}`
}

function download(c: Context<AppEnv>, body: string | Uint8Array, contentType: string, disposition: string): Response {
  const payload = typeof body === 'string' ? body : (new Uint8Array(body).buffer as ArrayBuffer)
  return c.body(payload, 200, {
    'Content-Type': contentType,
    'Content-Disposition': disposition,
    // board content is private to its members
    'Cache-Control': 'private, no-store',
  })
}

export interface ExportRouteOptions {
  /** The board's uploaded pictures (the `ImageStore`): image elements in png/svg/pdf. Without it they show their placeholder. */
  images?: BoardImageSource
}

/**
 * `GET /api/boards/:id/export/{json,csv,xlsx,md,png,svg,pdf}` (viewer and up), of the live board or
 * `?snapshot=<sid>`; `md`, `pdf` and `xlsx` are written in `?lang=` (default: the requester's UI
 * language, else English; csv and json hold the document's own field names and codes, so no
 * language); `csv` also takes `?delimiter=semicolon`, `md` `?since=<sid>`, `png` `?scale=` and `?frame=`, `svg`
 * `?frame=`. Mounted before the board routes, so its `json` (with `?snapshot`) answers
 * instead of the older live-only route. Pictures and the PDF are drawn on the server
 * (server/export/render, docs/exports.md).
 */
export function exportRoutes(snapshots: SnapshotService, options: ExportRouteOptions = {}) {
  const resolve = async (c: Context<AppEnv>) => {
    const user = requireUser(c)
    const boardId = c.req.param('id') ?? ''
    const snapshotId = snapshotParam(c, 'snapshot')
    return unwrap(await snapshots.resolve(user, boardId, snapshotId ? { snapshotId } : 'live', 'viewer'))
  }
  const renderSource = (c: Context<AppEnv>, resolved: ResolvedDocument): RenderSource => ({
    boardId: resolved.board.id,
    requestedBy: requireUser(c).id,
    signal: c.req.raw.signal,
    document: resolved.document,
    analysis: resolved.analysis,
    snapshot: resolved.snapshot ? { label: resolved.snapshot.label, createdAt: resolved.snapshot.createdAt } : null,
    ...(options.images ? { images: options.images } : {}),
  })
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
      const delimiter = delimiterParam(c)
      return download(c, toCsv(resolved.document, { delimiter }), 'text/csv; charset=utf-8', attachment(nameOf(resolved), '.csv'))
    })
    .get('/:id/export/xlsx', async (c) => {
      const resolved = await resolve(c)
      const locale = localeParam(c)
      const workbook = await toXlsx({
        document: resolved.document,
        analysis: resolved.analysis,
        snapshot: resolved.snapshot,
        ...(locale ? { language: locale } : {}),
      })
      return download(c, workbook, XLSX_TYPE, attachment(nameOf(resolved), '.xlsx'))
    })
    .get('/:id/export/md', async (c) => {
      const resolved = await resolve(c)
      const options: MarkdownOptions = { analysis: resolved.analysis }
      const locale = localeParam(c)
      if (locale) options.locale = locale
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
    .get('/:id/export/png', async (c) => {
      const resolved = await resolve(c)
      const frameId = frameParam(c)
      const scale = scaleParam(c)
      const png = rendered(
        await exportPng(renderSource(c, resolved), { ...(scale ? { scale } : {}), ...(frameId ? { frameId } : {}) }),
      )
      return download(c, png.bytes, 'image/png', attachment(pictureName(resolved, frameId), '.png'))
    })
    .get('/:id/export/svg', async (c) => {
      const resolved = await resolve(c)
      const frameId = frameParam(c)
      const svg = rendered(await exportSvg(renderSource(c, resolved), frameId ? { frameId } : {}))
      return download(c, svg, 'image/svg+xml; charset=utf-8', attachment(pictureName(resolved, frameId), '.svg'))
    })
    .get('/:id/export/pdf', async (c) => {
      const resolved = await resolve(c)
      const locale = localeParam(c)
      const pdf = rendered(await exportPdf({ ...renderSource(c, resolved), ...(locale ? { locale } : {}) }))
      return download(c, pdf, 'application/pdf', attachment(nameOf(resolved), '.pdf'))
    })
}
