import type { BoardDocument } from '../schema/document.ts'
import type { Element } from '../schema/elements.ts'
import { isSameValue } from '../schema/plain.ts'

/**
 * A value in a field change. A field one side lacks is `null` there, so a change survives
 * JSON (which has no `undefined`): `{color: [null, "blue"]}` means the field was added.
 */
export type FieldValue = unknown
/** Field name → [before, after]; names sorted (code-unit order). */
export type FieldChanges = Record<string, [FieldValue, FieldValue]>

export interface ElementChange {
  id: string
  fields: FieldChanges
}

/**
 * What turned `from` into `to`. Elements are matched by id; `added`/`removed` hold whole
 * elements, `changed` the fields that differ (deep equality: `refs` arrays, `labels`
 * records). Everything is sorted by id, so the same two documents always give the same
 * diff. The site profile and the analysis settings are not elements: their changes are in
 * `site` and `settings` (null when nothing changed), never mixed into `changed`, so an
 * element whose id happens to be "site" stays unambiguous.
 */
export interface BoardDiff {
  added: Element[]
  removed: Element[]
  changed: ElementChange[]
  site: { fields: FieldChanges } | null
  settings: { fields: FieldChanges } | null
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** The changed fields between two flat records; absent or undefined on one side reads as `null`. */
export function diffFields(before: object, after: object): FieldChanges {
  const a = before as Record<string, unknown>
  const b = after as Record<string, unknown>
  const names = new Set([...Object.keys(a), ...Object.keys(b)])
  const changes: FieldChanges = {}
  for (const name of [...names].sort(byCodeUnits)) {
    const was = a[name] ?? null
    const is = b[name] ?? null
    if (!isSameValue(was, is)) changes[name] = [was, is]
  }
  return changes
}

const hasChanges = (changes: FieldChanges) => Object.keys(changes).length > 0

/** The differences from `from` to `to` (see BoardDiff). Pure and deterministic. */
export function diffDocuments(from: BoardDocument, to: BoardDocument): BoardDiff {
  const before = new Map(from.elements.map((element) => [element.id, element]))
  const after = new Map(to.elements.map((element) => [element.id, element]))
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort(byCodeUnits)
  const diff: BoardDiff = { added: [], removed: [], changed: [], site: null, settings: null }
  for (const id of ids) {
    const was = before.get(id)
    const is = after.get(id)
    if (!was && is) diff.added.push(is)
    else if (was && !is) diff.removed.push(was)
    else if (was && is) {
      const fields = diffFields(was, is)
      if (hasChanges(fields)) diff.changed.push({ id, fields })
    }
  }
  const site = diffFields(from.site, to.site)
  if (hasChanges(site)) diff.site = { fields: site }
  const settings = diffFields(flattenSettings(from.settings), flattenSettings(to.settings))
  if (hasChanges(settings)) diff.settings = { fields: settings }
  return diff
}

/** True when the two documents hold the same elements, site and settings. */
export function isEmptyDiff(diff: BoardDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0 && !diff.site && !diff.settings
}

/**
 * Settings compared per entry (`commitmentWeights.loi`), so one changed weight reads as one
 * change. Absent settings mean defaults; they are compared as written, not resolved.
 */
function flattenSettings(settings: BoardDocument['settings']): Record<string, unknown> {
  if (!settings) return {}
  const flat: Record<string, unknown> = { creativeThreshold: settings.creativeThreshold }
  for (const [commitment, weight] of Object.entries(settings.commitmentWeights)) flat[`commitmentWeights.${commitment}`] = weight
  return flat
}
