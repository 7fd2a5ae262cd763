import * as Y from 'yjs'
import { indicesBetween, isFractionalIndex } from './fractional-index.ts'
import { getElements, getMeta, isYMap, META_SCHEMA_VERSION, readSchemaVersion, SCHEMA_VERSION } from './layout.ts'
import { Link } from './link.ts'
import { err, ok, type Result } from './result.ts'
import { Use } from './use.ts'
import { compareZOrder } from './z-order.ts'

/**
 * Named, ordered steps that bring a stored Y.Doc from one layout version to the next
 * (STYLE.md, after tldraw's migrations). A step must be deterministic — the same state in,
 * the same writes out — so that two peers migrating the same document at once write equal
 * values and merge cleanly. Steps read tolerantly: garbage is left for the reader to skip.
 */
export type Migration = {
  /** The version this step produces; the first step produces 2. */
  version: number
  name: string
  up: (doc: Y.Doc) => void
}

export type MigrationResult =
  | { ok: true; value: { from: number; to: number; applied: string[] } }
  | { ok: false; error: MigrationError }

export type MigrationError =
  | { code: 'newer_than_supported'; message: string; version: number }
  | { code: 'migration_failed'; message: string; version: number; name: string }
  | { code: 'invalid_migrations'; message: string }

/** Calls `visit` for each element Y.Map (other values are skipped). */
export function eachElementMap(doc: Y.Doc, visit: (element: Y.Map<unknown>, id: string) => void): void {
  getElements(doc).forEach((value, id) => {
    if (isYMap(value)) visit(value, id)
  })
}

/**
 * Version 2: z-order became a fractional index field `z`. Elements of older documents get
 * one, in the order they were drawn before (see `compareZOrder`: frames, images, zones,
 * then the rest, each by id). Links are not boxes and get none.
 */
export const addZOrder: Migration = {
  version: 2,
  name: 'addZOrder',
  up: (doc) => {
    const unkeyed: { id: string; kind: string; map: Y.Map<unknown> }[] = []
    let lowest: string | null = null
    eachElementMap(doc, (map, id) => {
      const kind = map.get('kind')
      if (typeof kind !== 'string' || kind === 'link') return
      const z = map.get('z')
      if (!isFractionalIndex(z)) unkeyed.push({ id, kind, map })
      else if (lowest === null || z < lowest) lowest = z
    })
    unkeyed.sort(compareZOrder)
    // Below any element that already has a key, as they were drawn before.
    const keys = indicesBetween(null, lowest, unkeyed.length)
    if (!keys.ok) throw new Error(keys.error)
    for (const [index, element] of unkeyed.entries()) element.map.set('z', keys.value[index])
  },
}

/** The fields version 3 adds, per kind, with the schema each value must pass. */
const moneyFields = {
  use: {
    investmentEur: Use.shape.investmentEur,
    runningCostEurYear: Use.shape.runningCostEurYear,
    incomeEurYear: Use.shape.incomeEurYear,
    fundingSource: Use.shape.fundingSource,
  },
  link: { amountEur: Link.shape.amountEur },
} as const

/**
 * Version 3: money fields (`investmentEur`, `runningCostEurYear`, `incomeEurYear`,
 * `fundingSource` on uses, `amountEur` on links). Before, these names were unknown fields that
 * anyone with edit rights could fill with anything (unknown fields are kept in the Y.Doc for
 * forward compatibility). From version 3 on, a value the schema refuses would make the whole
 * element unreadable, so the step removes such values: a value that already fits is kept
 * (a client that wrote ahead loses nothing); a funding source written with other case or
 * surrounding spaces (`" EU "`) is normalised; anything else (`"1.200.000"`, `-5`, `"bank"`)
 * goes. Nothing else changes; equal state in, equal writes out.
 */
export const checkMoneyFields: Migration = {
  version: 3,
  name: 'checkMoneyFields',
  up: (doc) => {
    eachElementMap(doc, (map) => {
      const kind = map.get('kind')
      if (kind !== 'use' && kind !== 'link') return
      for (const [field, schema] of Object.entries(moneyFields[kind])) {
        if (!map.has(field)) continue
        const value = map.get(field)
        if (value !== undefined && schema.safeParse(value).success) continue
        const normalised = typeof value === 'string' && field === 'fundingSource' ? value.trim().toLowerCase() : undefined
        if (normalised !== undefined && schema.safeParse(normalised).success) map.set(field, normalised)
        else map.delete(field)
      }
    })
  },
}

/** Every migration, in order. The last one's version is SCHEMA_VERSION. */
export const migrations: readonly Migration[] = [addZOrder, checkMoneyFields]

/** Versions must rise by one from 2 up to SCHEMA_VERSION, names must be unique. */
export function validateMigrations(list: readonly Migration[], target = SCHEMA_VERSION): Result<void, string> {
  const names = new Set<string>()
  for (const [index, migration] of list.entries()) {
    if (migration.version !== index + 2) {
      return err(`migration "${migration.name}" has version ${migration.version}, expected ${index + 2}`)
    }
    if (names.has(migration.name)) return err(`migration name "${migration.name}" is used twice`)
    names.add(migration.name)
  }
  const last = list.at(-1)?.version ?? 1
  return last === target ? ok(undefined) : err(`migrations end at version ${last}, but SCHEMA_VERSION is ${target}`)
}

/**
 * Runs the pending migrations in one transaction and sets `meta.schemaVersion`. A step that
 * throws is first caught on a throw-away copy of the document, so a failure leaves `doc`
 * untouched (Yjs cannot roll a transaction back). A document newer than this code is left
 * alone: writing to it could lose what the newer version stores.
 */
export function migrateDoc(doc: Y.Doc, origin?: unknown, list: readonly Migration[] = migrations): MigrationResult {
  const target = list.at(-1)?.version ?? 1
  const valid = validateMigrations(list, target)
  if (!valid.ok) return err({ code: 'invalid_migrations', message: valid.error })
  const from = readSchemaVersion(doc)
  if (from > target) {
    return err({
      code: 'newer_than_supported',
      message: `the board was written by a newer version (schema ${from}; this one knows ${target})`,
      version: from,
    })
  }
  const pending = list.filter((migration) => migration.version > from)
  if (pending.length === 0) return ok({ from, to: from, applied: [] })

  const rehearsal = new Y.Doc()
  Y.applyUpdate(rehearsal, Y.encodeStateAsUpdate(doc))
  const failed = runSteps(rehearsal, pending)
  rehearsal.destroy()
  if (failed) return err(failed)

  doc.transact(() => {
    runSteps(doc, pending)
    getMeta(doc).set(META_SCHEMA_VERSION, target)
  }, origin)
  return ok({ from, to: target, applied: pending.map((migration) => migration.name) })
}

function runSteps(doc: Y.Doc, steps: readonly Migration[]): MigrationError | undefined {
  for (const step of steps) {
    try {
      doc.transact(() => step.up(doc))
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause)
      return {
        code: 'migration_failed',
        message: `migration ${step.name} failed: ${reason}`,
        version: step.version,
        name: step.name,
      }
    }
  }
  return undefined
}
