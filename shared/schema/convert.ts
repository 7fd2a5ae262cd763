import * as Y from 'yjs'
import { getFacilitation, readFacilitation } from '../facilitation/state.ts'
import { type BoardDocument, DOCUMENT_FORMAT, DOCUMENT_VERSION } from './document.ts'
import { type Element, parseElement } from './elements.ts'
import { compareIndex } from './fractional-index.ts'
import { describeIssue } from './issues.ts'
import { getElements, getMeta, getSettings, getSite, isYMap, META_SCHEMA_VERSION, META_TITLE, SCHEMA_VERSION } from './layout.ts'
import { clonePlain, isSameValue } from './plain.ts'
import { err, type Result } from './result.ts'
import { CommitmentWeights, Settings } from './settings.ts'
import { Site, siteFields } from './site.ts'

/** Something a reader skipped. `field` is relative to the element, or `site.x` / `settings.x`. */
export type ReadIssue = { elementId?: string; field?: string; message: string }

/**
 * Reads one entry of the `elements` map. Never throws: a value that is not a Y.Map, an
 * unknown kind, a bad field or an unknown enum value is an error value. Unknown keys are
 * ignored. When `key` is given, a missing `id` field is taken from it and a different one
 * is an error (the map key is what everyone addresses the element by).
 */
export function readElement(value: unknown, key?: string): Result<Element, ReadIssue> {
  const at = key === undefined ? {} : { elementId: key }
  if (!isYMap(value)) return err({ ...at, message: 'is not a Y.Map of fields' })
  const fields = value.toJSON() as Record<string, unknown>
  if (key !== undefined) {
    if (fields.id === undefined) fields.id = key
    else if (fields.id !== key) {
      return err({ ...at, field: 'id', message: `id ${JSON.stringify(fields.id)} differs from its key in the elements map` })
    }
  }
  const parsed = parseElement(fields)
  if (parsed.ok) return parsed
  const elementId = key ?? (typeof fields.id === 'string' ? fields.id : undefined)
  return err({ ...(elementId === undefined ? {} : { elementId }), ...parsed.error })
}

/** Every valid element, sorted by id, and what was skipped. */
export function readElements(doc: Y.Doc): { elements: Element[]; issues: ReadIssue[] } {
  const elements: Element[] = []
  const issues: ReadIssue[] = []
  getElements(doc).forEach((value, key) => {
    const read = readElement(value, key)
    if (read.ok) elements.push(read.value)
    else issues.push(read.error)
  })
  elements.sort((a, b) => compareIndex(a.id, b.id))
  issues.sort((a, b) => compareIndex(a.elementId ?? '', b.elementId ?? ''))
  return { elements, issues }
}

/** The site profile; a bad field is left out and reported. */
export function readSite(doc: Y.Doc, issues: ReadIssue[] = []): Site {
  const map = getSite(doc)
  const site: Record<string, unknown> = {}
  for (const field of siteFields) {
    const value = map.get(field)
    if (value === undefined) continue
    const parsed = Site.safeParse({ [field]: value })
    if (parsed.success) site[field] = parsed.data[field]
    else issues.push(readIssue(parsed.error.issues[0], 'site'))
  }
  return site as Site // every key was parsed by its own field schema above
}

/** The analysis settings, or undefined when none were ever set; bad entries take defaults. */
export function readSettings(doc: Y.Doc, issues: ReadIssue[] = []): Settings | undefined {
  const map = getSettings(doc)
  if (map.size === 0) return undefined
  const settings: Record<string, unknown> = {}
  const threshold = Settings.safeParse({ creativeThreshold: map.get('creativeThreshold') })
  if (threshold.success) settings.creativeThreshold = threshold.data.creativeThreshold
  else issues.push(readIssue(threshold.error.issues[0], 'settings'))
  const weights = CommitmentWeights.safeParse(map.get('commitmentWeights') ?? {})
  if (weights.success) settings.commitmentWeights = weights.data
  else issues.push(readIssue(weights.error.issues[0], 'settings.commitmentWeights'))
  for (const field of ['timelineOrigin', 'languages', 'showBothLanguages'] as const) {
    const value = map.get(field)
    if (value === undefined) continue
    const parsed = Settings.shape[field].safeParse(value)
    if (parsed.success) settings[field] = parsed.data
    else issues.push(readIssue(parsed.error.issues[0], `settings.${field}`))
  }
  return Settings.parse(settings) // only parsed values and defaults remain: cannot fail
}

/**
 * The board document held by `doc`. Never throws: malformed parts are skipped and listed in
 * `issues`. Elements are sorted by id (code-unit order) and keys follow the schemas' order,
 * so the same state always serialises to the same bytes. `board` comes from the caller (the
 * server's board record is the authority on id and title).
 */
export function readBoardDocument(
  doc: Y.Doc,
  board: { id: string; title: string },
): { document: BoardDocument; issues: ReadIssue[] } {
  const { elements, issues } = readElements(doc)
  const site = readSite(doc, issues)
  const settings = readSettings(doc, issues)
  const votes = readFacilitation(doc).closedVotes
  const document: BoardDocument = {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    board: { id: board.id, title: board.title },
    site,
    elements,
    ...(settings === undefined ? {} : { settings }),
    ...(votes.length === 0 ? {} : { votes }),
  }
  return { document, issues }
}

/**
 * Makes `doc` hold exactly `document`, in one transaction: elements, site and settings not
 * in it are removed; unchanged fields are not rewritten (no history growth, and concurrent
 * edits of other fields survive a restore); `meta.schemaVersion` is set to SCHEMA_VERSION.
 * Used to initialise a board and to restore a snapshot. `document` must be parsed already.
 */
export function writeBoardDocument(doc: Y.Doc, document: BoardDocument, origin?: unknown): void {
  doc.transact(() => {
    const meta = getMeta(doc)
    setIfChanged(meta, META_SCHEMA_VERSION, SCHEMA_VERSION)
    setIfChanged(meta, META_TITLE, document.board.title)
    syncFields(getSite(doc), document.site)
    syncFields(getSettings(doc), document.settings ?? {})
    const facilitation = getFacilitation(doc)
    if (document.votes?.length || facilitation.has('closedVotes')) setIfChanged(facilitation, 'closedVotes', document.votes ?? [])
    const elements = getElements(doc)
    const wanted = new Set<string>(document.elements.map((element) => element.id))
    for (const id of [...elements.keys()]) if (!wanted.has(id)) elements.delete(id)
    for (const element of document.elements) {
      const existing = elements.get(element.id)
      if (isYMap(existing) && existing.get('kind') === element.kind) syncFields(existing, element)
      else elements.set(element.id, toElementMap(element))
    }
  }, origin)
}

/** A new element Y.Map holding the element's fields as plain values. */
export function toElementMap(element: Element): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(element)) if (value !== undefined) map.set(key, clonePlain(value))
  return map
}

/** Makes `map` hold exactly the defined entries of `values`, writing only what changed. */
export function syncFields(map: Y.Map<unknown>, values: object): void {
  const entries = Object.entries(values).filter(([, value]) => value !== undefined)
  const keep = new Set(entries.map(([key]) => key))
  for (const key of [...map.keys()]) if (!keep.has(key)) map.delete(key)
  for (const [key, value] of entries) setIfChanged(map, key, value)
}

/** Sets a plain value unless the map already holds an equal one. */
export function setIfChanged(map: Y.Map<unknown>, key: string, value: unknown): void {
  if (!isSameValue(map.get(key), value)) map.set(key, clonePlain(value))
}

function readIssue(issue: Parameters<typeof describeIssue>[0] | undefined, prefix: string): ReadIssue {
  if (!issue) return { field: prefix, message: `${prefix} is not valid` }
  const described = describeIssue(issue, [prefix, ...issue.path])
  return described.field === undefined ? { message: described.message } : { field: described.field, message: described.message }
}
