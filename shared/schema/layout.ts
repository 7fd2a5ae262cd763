import * as Y from 'yjs'

/**
 * The Yjs layout of a board, in one place (docs/board-model.md).
 *
 * - `elements`: element id → Y.Map of that element's JSON fields as plain values (`refs` a
 *   plain array, `labels` a plain object). Fixed by the contract: third-party clients write here.
 * - `site`: the site profile's fields as plain values.
 * - `meta`: `schemaVersion` (number) and `title` (the board title when the doc was written).
 * - `settings`: analysis settings (`creativeThreshold`, `commitmentWeights` as a plain object),
 *   `timelineOrigin`, the working languages (`languages` as a plain array, `showBothLanguages`).
 * - `writers`: written by the server alone: Yjs client id (decimal) → the account id that
 *   writes with it (`server` for the server's own), so no one can write under another's id.
 *
 * Values are typed `unknown`: anyone with edit rights can write anything into a Y.Doc, so
 * readers narrow (convert.ts) instead of trusting the type.
 */

/** Version of this layout; `migrateDoc` brings older documents up to it. */
export const SCHEMA_VERSION = 3

export const ELEMENTS_MAP = 'elements'
export const SITE_MAP = 'site'
export const META_MAP = 'meta'
export const SETTINGS_MAP = 'settings'
export const WRITERS_MAP = 'writers'

export const META_SCHEMA_VERSION = 'schemaVersion'
export const META_TITLE = 'title'

export const getElements = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(ELEMENTS_MAP)
export const getSite = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(SITE_MAP)
export const getMeta = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(META_MAP)
export const getSettings = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(SETTINGS_MAP)

export const isYMap = (value: unknown): value is Y.Map<unknown> => value instanceof Y.Map

/** The element's Y.Map, or undefined when the id is absent or holds something else. */
export function getElementMap(doc: Y.Doc, id: string): Y.Map<unknown> | undefined {
  const value = getElements(doc).get(id)
  return isYMap(value) ? value : undefined
}

/**
 * The stored layout version. A document without one predates versioning (version 1); so
 * does a fresh, empty Y.Doc, which migrates trivially.
 */
export function readSchemaVersion(doc: Y.Doc): number {
  const version = getMeta(doc).get(META_SCHEMA_VERSION)
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : 1
}

export function readTitle(doc: Y.Doc): string | undefined {
  const title = getMeta(doc).get(META_TITLE)
  return typeof title === 'string' ? title : undefined
}
