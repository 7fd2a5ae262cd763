import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { exportLanguage } from '../../shared/export/markdown-text.ts'
import type { LanguageCode } from '../../shared/i18n/languages.ts'
import { addableTemplates } from '../../shared/operations/operation.ts'
import { Site } from '../../shared/schema/site.ts'
import { requireSession, requireUser } from '../auth/authenticate.ts'
import type { AppEnv } from '../http/app-env.ts'
import { ApiError } from '../http/errors.ts'
import { jsonBody } from '../http/json-body.ts'
import type { Result } from '../http/result.ts'
import type { BoardService } from './board-service.ts'
import { requireBoardRole } from './require-board-role.ts'
import { TemplateName } from './templates.ts'

export const BoardTitle = z.string().trim().min(1).max(200)

/** `lang` (or `?lang=`): the language a template's texts are written in; else the account's; else English. */
const Lang = z.string().max(35).optional()

const CreateBoardBody = z.object({
  title: BoardTitle,
  site: Site.nullable().optional(),
  template: TemplateName.optional(),
  content: z.unknown().optional(),
  lang: Lang,
})

const PatchBoardBody = z
  .object({ title: BoardTitle.optional(), site: Site.nullable().optional() })
  .refine((b) => b.title !== undefined || b.site !== undefined, { message: 'give a title or a site to change' })

const AddTemplateBody = z.object({ template: z.enum(addableTemplates), lang: Lang })

/** The caller's language for a template's texts: `lang` in the body, else `?lang=`, else the account's, else English. */
const callerLanguage = (c: Context<AppEnv>, lang: string | undefined): LanguageCode =>
  exportLanguage(lang) ?? exportLanguage(c.req.query('lang')) ?? requireUser(c).language ?? 'en'

/** Unwraps a service result; expected failures become the API error. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new ApiError(result.error, result.message)
  return result.value
}

/** A board document's element count, when it has an `elements` list (the parser judges the rest). */
const elementCount = (content: unknown): number =>
  typeof content === 'object' && content !== null && 'elements' in content && Array.isArray(content.elements)
    ? content.elements.length
    : 0

/** `/api/boards`: create, list, read, change, duplicate, add a template, delete (exports: server/export). */
export function boardRoutes(boards: BoardService, options: { maxElements?: number } = {}) {
  const maxElements = options.maxElements ?? Number.POSITIVE_INFINITY
  return new Hono<AppEnv>()
    .post('/', requireSession(), jsonBody(CreateBoardBody), async (c) => {
      const { lang, ...input } = c.req.valid('json')
      // MAX_ELEMENTS_PER_BOARD holds for imported boards as for synced updates
      const count = elementCount(input.content)
      if (count > maxElements)
        throw new ApiError(
          'payload_too_large',
          `The board document holds ${count} elements; this server takes boards of at most ${maxElements}.`,
        )
      const board = unwrap(await boards.create(requireUser(c), { ...input, language: callerLanguage(c, lang) }))
      return c.json({ board }, 201)
    })
    .get('/', async (c) => c.json({ boards: await boards.list(requireUser(c)) }, 200))
    .get('/:id', async (c) => {
      const board = unwrap(await boards.detail(requireUser(c), c.req.param('id')))
      return c.json({ board }, 200)
    })
    .patch('/:id', requireBoardRole(boards, 'facilitator'), jsonBody(PatchBoardBody), async (c) => {
      const board = unwrap(await boards.update(requireUser(c), c.req.param('id'), c.req.valid('json')))
      return c.json({ board }, 200)
    })
    .post('/:id/duplicate', requireSession(), async (c) => {
      const board = unwrap(await boards.duplicate(requireUser(c), c.req.param('id')))
      return c.json({ board }, 201)
    })
    .post('/:id/templates', requireBoardRole(boards, 'facilitator'), jsonBody(AddTemplateBody), async (c) => {
      const { template, lang } = c.req.valid('json')
      const { board, added } = unwrap(
        await boards.addTemplate(requireUser(c), c.req.param('id'), template, callerLanguage(c, lang)),
      )
      return c.json({ board, added }, 200)
    })
    .get('/:id/thumbnail', async (c) => {
      const { svg, etag } = unwrap(await boards.thumbnail(requireUser(c), c.req.param('id'), c.req.header('If-None-Match')))
      // an unchanged board costs the list a 304 (nothing drawn), a changed one a new picture
      const headers = { ETag: etag, 'Cache-Control': 'private, no-cache' }
      if (svg === null) return c.body(null, 304, headers)
      return c.body(svg, 200, { ...headers, 'Content-Type': 'image/svg+xml; charset=utf-8' })
    })
    .delete('/:id', async (c) => {
      unwrap(await boards.delete(requireUser(c), c.req.param('id')))
      return c.body(null, 204)
    })
}
