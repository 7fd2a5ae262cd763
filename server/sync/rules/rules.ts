import * as Y from 'yjs'
import { facilitationOf, mayCreateKind, mayEditNow, mayShareNoteNow } from '../../../shared/rules/facilitation.ts'
import { mayChangeElement, mayLock } from '../../../shared/rules/lock.ts'
import type { RefusalCode } from '../../../shared/rules/refusals.ts'
import { MAX_LABEL_CHARS } from '../../../shared/schema/element-base.ts'
import { elementSchemas, isElementKind } from '../../../shared/schema/elements.ts'
import { ID_PATTERN } from '../../../shared/schema/fields.ts'
import { ELEMENTS_MAP, META_MAP, SETTINGS_MAP, SITE_MAP } from '../../../shared/schema/layout.ts'
import { canEdit, canFacilitate, type Role } from '../../../shared/schema/roles.ts'
import { type Change, NonPlainValue } from './changes.ts'

/** What every rule may look at. `doc` is the room's document before the update. */
export interface RuleContext {
  doc: Y.Doc
  role: Role
  userId: string
  /** server time, ms since the epoch (for time-boxed rules: timers, votes) */
  now: number
  /** the element kinds the update itself gives (new elements), by id */
  newKinds: ReadonlyMap<string, string>
}

/** A rule: null when the change is allowed, else why not. */
export type Rule = (change: Change, ctx: RuleContext) => RefusalCode | null

export interface Refusal {
  code: RefusalCode
  rule: string
  path: readonly string[]
}

/**
 * The top-level maps a client may write, and the least role that may write each. A map not
 * listed here is the server's alone (the writers' register, facilitation state) or unknown:
 * refused. Allowed by a list, never denied by one.
 */
export const clientMaps: ReadonlyMap<string, Role> = new Map<string, Role>([
  [ELEMENTS_MAP, 'editor'],
  [SITE_MAP, 'facilitator'],
  [SETTINGS_MAP, 'facilitator'],
  [META_MAP, 'facilitator'],
])

/** A value of an unknown field (kept for forward compatibility) or of site/settings/meta: at most this much JSON. */
const MAX_OTHER_VALUE_CHARS = 16_384

const elementOf = (doc: Y.Doc, id: string): Y.Map<unknown> | undefined => {
  const value = doc.getMap(ELEMENTS_MAP).get(id)
  return value instanceof Y.Map ? value : undefined
}

const jsonLength = (value: unknown): number => {
  try {
    return JSON.stringify(value)?.length ?? 0
  } catch {
    return Number.POSITIVE_INFINITY
  }
}

/** The rules, by name, in the order they run; the first refusal of a change counts. */
export const rules: ReadonlyArray<readonly [string, Rule]> = [
  [
    'writable-map',
    (change, { role }) => {
      const map = change.path[0] ?? ''
      const least = clientMaps.get(map)
      if (!least) return 'server_only'
      if (!canEdit(role)) return 'read_only'
      if (least === 'facilitator' && !canFacilitate(role)) return 'facilitator_only'
      return null
    },
  ],
  [
    'plain-structure',
    // elements hold one Y.Map per id; fields, site, settings and meta hold plain values, no deeper
    (change) => {
      const [map, key, field, ...deeper] = change.path
      if (change.op === 'delete') return null
      if (map === ELEMENTS_MAP) {
        if (!key || key === '#' || !ID_PATTERN.test(key)) return 'invalid_value'
        if (field === undefined)
          return change.value instanceof NonPlainValue && change.value.what === 'YMap' ? null : 'invalid_value'
        if (field === '#' || deeper.length > 0 || change.value instanceof NonPlainValue) return 'invalid_value'
        return null
      }
      if (key === undefined || key === '#' || field !== undefined || change.value instanceof NonPlainValue) return 'invalid_value'
      return jsonLength(change.value) > MAX_OTHER_VALUE_CHARS ? 'invalid_value' : null
    },
  ],
  [
    'editing-paused',
    (change, { doc, role }) =>
      change.path[0] === ELEMENTS_MAP && !mayEditNow(role, facilitationOf(doc)) ? 'editing_paused' : null,
  ],
  [
    'step-kinds',
    // a new element (or a kind changed) of a kind the current agenda step does not ask for
    (change, { doc, role, newKinds }) => {
      const [map, id, field] = change.path
      if (map !== ELEMENTS_MAP || !id || change.op !== 'set') return null
      let kind: unknown
      if (field === undefined && !elementOf(doc, id)) kind = newKinds.get(id)
      else if (field === 'kind') kind = change.value
      else return null
      return typeof kind === 'string' && !mayCreateKind(role, facilitationOf(doc), kind) ? 'kind_not_allowed' : null
    },
  ],
  [
    'private-brainstorm',
    // while a private brainstorm runs, participants' new notes are held by the server, not put on the board
    (change, { doc, role, newKinds }) => {
      const [map, id, field] = change.path
      if (map !== ELEMENTS_MAP || !id || field !== undefined || change.op !== 'set' || elementOf(doc, id)) return null
      return newKinds.get(id) === 'note' && !mayShareNoteNow(role, facilitationOf(doc)) ? 'private_mode' : null
    },
  ],
  [
    'locked-element',
    (change, { doc, role }) => {
      const [map, id] = change.path
      if (map !== ELEMENTS_MAP || !id) return null
      const element = elementOf(doc, id)
      return element && !mayChangeElement(role, { locked: element.get('locked') }) ? 'locked' : null
    },
  ],
  [
    'lock-field',
    (change, { doc, role }) => {
      const [map, id, field] = change.path
      if (map !== ELEMENTS_MAP || !id || field !== 'locked' || mayLock(role)) return null
      // a new element may say it is not locked (a copy of an unlocked one); nothing else
      const isNew = !elementOf(doc, id)
      return isNew && change.op === 'set' && change.value === false ? null : 'lock_facilitator_only'
    },
  ],
  [
    'field-value',
    // the contract's limits on every value written through sync, as on REST
    (change, { doc, newKinds }) => {
      const [map, id, field] = change.path
      if (map !== ELEMENTS_MAP || !id || !field || change.op !== 'set') return null
      const kind = newKinds.get(id) ?? elementOf(doc, id)?.get('kind')
      if (field === 'kind') return isElementKind(change.value) ? null : 'invalid_value'
      if (field === 'label' && (typeof change.value !== 'string' || [...change.value].length > MAX_LABEL_CHARS))
        return 'invalid_value'
      const shape = isElementKind(kind)
        ? (elementSchemas[kind].shape as Record<string, { safeParse(v: unknown): { success: boolean } }>)
        : null
      const schema = shape?.[field]
      if (schema) return schema.safeParse(change.value).success ? null : 'invalid_value'
      return jsonLength(change.value) > MAX_OTHER_VALUE_CHARS ? 'invalid_value' : null
    },
  ],
]

/** The element kinds an update sets on elements (`elements/<id>/kind`). */
export function kindsIn(changes: readonly Change[]): Map<string, string> {
  const kinds = new Map<string, string>()
  for (const change of changes) {
    const [map, id, field] = change.path
    if (map === ELEMENTS_MAP && id && field === 'kind' && change.op === 'set' && typeof change.value === 'string')
      kinds.set(id, change.value)
  }
  return kinds
}

/** Runs every rule over every change; the refusals, at most one per change. */
export function judge(changes: readonly Change[], ctx: RuleContext): Refusal[] {
  const refusals: Refusal[] = []
  for (const change of changes) {
    for (const [name, rule] of rules) {
      const code = rule(change, ctx)
      if (code) {
        refusals.push({ code, rule: name, path: change.path })
        break
      }
    }
  }
  return refusals
}
