import { getOwner, onCleanup } from 'solid-js'
import * as Y from 'yjs'
import { applyOperation } from '../../shared/operations/apply-operation.ts'
import type { OperationInput } from '../../shared/operations/operation.ts'
import { getElements, isYMap } from '../../shared/schema/layout.ts'
import { gridPositionFor, isOnGrid, valuesAt } from '../../shared/templates/stakeholder-grid.ts'
import type { Box } from '../../shared/templates/template-document.ts'
import type { LocalWrites } from './local-writes.ts'

/**
 * The stakeholder map's two-way link between an actor's place on the influence/interest grid
 * and its `influence`/`interest` (docs/templates.md): dropping an actor on the grid sets its
 * values, editing the values moves it. Only this person's own changes (origin `writes.origin`)
 * are followed up, with a change of this module's origin, which is never followed up itself
 * and lands in the same undo step (the undo manager tracks it and merges it into the change
 * it follows, which is still inside its capture window).
 */
export const STAKEHOLDER_SYNC_ORIGIN = { name: 'stakeholder-sync' }

/**
 * The stakeholder-map template marks its grid with four quadrant frames. Their ids are fixed
 * (`quadrant-<quadrant>`); a pasted copy gets new ids, so their labels are the fallback.
 */
const QUADRANT_IDS = ['quadrant-keepSatisfied', 'quadrant-manageClosely', 'quadrant-monitor', 'quadrant-keepInformed']
const QUADRANT_LABEL_PREFIXES = ['Keep satisfied', 'Manage closely', 'Monitor', 'Keep informed']

type Fields = Record<string, unknown>
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined)

function boxOf(fields: Fields): Box | null {
  const x = num(fields.x)
  const y = num(fields.y)
  const w = num(fields.w)
  const h = num(fields.h)
  return x === undefined || y === undefined || w === undefined || h === undefined ? null : { x, y, w, h }
}

function unionOf(boxes: readonly Box[]): Box {
  const left = Math.min(...boxes.map((b) => b.x))
  const top = Math.min(...boxes.map((b) => b.y))
  const right = Math.max(...boxes.map((b) => b.x + b.w))
  const bottom = Math.max(...boxes.map((b) => b.y + b.h))
  return { x: left, y: top, w: right - left, h: bottom - top }
}

/** The board's influence/interest grid: the union of its four quadrant frames, or null without all four. */
export function findStakeholderGrid(doc: Y.Doc): Box | null {
  const elements = getElements(doc)
  const byId: Box[] = []
  for (const id of QUADRANT_IDS) {
    const map = elements.get(id)
    const box = isYMap(map) && map.get('kind') === 'frame' ? boxOf(map.toJSON() as Fields) : null
    if (box) byId.push(box)
  }
  if (byId.length === QUADRANT_IDS.length) return unionOf(byId)
  const byLabel = new Map<string, Box>()
  for (const value of elements.values()) {
    if (!isYMap(value) || value.get('kind') !== 'frame') continue
    const label = value.get('label')
    if (typeof label !== 'string') continue
    const prefix = QUADRANT_LABEL_PREFIXES.find((p) => label.startsWith(p))
    const box = boxOf(value.toJSON() as Fields)
    if (prefix && box && !byLabel.has(prefix)) byLabel.set(prefix, box)
  }
  return byLabel.size === QUADRANT_LABEL_PREFIXES.length ? unionOf([...byLabel.values()]) : null
}

/** What an actor change implies on the grid: values for a drop, a move for a value edit. */
export function followUpFor(
  id: string,
  actor: Fields,
  change: { moved: boolean; valuesEdited: boolean },
  grid: Box,
): OperationInput | null {
  const box = boxOf(actor)
  if (!box) return null
  const centre = { x: box.x + box.w / 2, y: box.y + box.h / 2 }
  if (!isOnGrid(centre.x, centre.y, grid)) return null
  const here = valuesAt(centre.x, centre.y, grid)
  if (change.moved) {
    if (actor.influence === here.influence && actor.interest === here.interest) return null
    return { type: 'element.update', id, fields: { influence: here.influence, interest: here.interest } }
  }
  if (!change.valuesEdited) return null
  const influence = num(actor.influence) ?? here.influence
  const interest = num(actor.interest) ?? here.interest
  // still in the slot of its values (placed off-centre on purpose): leave it where it is
  if (influence === here.influence && interest === here.interest) return null
  const target = gridPositionFor(influence, interest, grid)
  return { type: 'element.move', moves: [{ id, x: target.x - box.w / 2, y: target.y - box.h / 2 }] }
}

const POSITION_FIELDS = ['x', 'y', 'w', 'h']
const VALUE_FIELDS = ['influence', 'interest']

/** The actors a transaction added or changed, with what changed. */
function actorChanges(elements: Y.Map<unknown>, tr: Y.Transaction): Map<string, { moved: boolean; valuesEdited: boolean }> {
  const changes = new Map<string, { moved: boolean; valuesEdited: boolean }>()
  const isActor = (id: string) => {
    const map = elements.get(id)
    return isYMap(map) && map.get('kind') === 'actor'
  }
  for (const [type, keys] of tr.changed) {
    if ((type as unknown) === elements) {
      // added (or replaced) entries: a new actor's position is where it was put
      for (const key of keys) if (typeof key === 'string' && isActor(key)) changes.set(key, { moved: true, valuesEdited: false })
      continue
    }
    const id = type._item?.parentSub
    if (!(type instanceof Y.Map) || type.parent !== elements || typeof id !== 'string' || !isActor(id)) continue
    const moved = POSITION_FIELDS.some((field) => keys.has(field))
    const valuesEdited = VALUE_FIELDS.some((field) => keys.has(field))
    if (moved || valuesEdited) {
      const before = changes.get(id)
      changes.set(id, { moved: moved || Boolean(before?.moved), valuesEdited: valuesEdited || Boolean(before?.valuesEdited) })
    }
  }
  return changes
}

/**
 * Starts following this person's actor changes on the grid; returns the stop function (also
 * called when the reactive owner it was created in goes).
 */
export function createStakeholderSync(doc: Y.Doc, writes: Pick<LocalWrites, 'origin' | 'undoManager'>): () => void {
  const elements = getElements(doc)
  writes.undoManager.addTrackedOrigin(STAKEHOLDER_SYNC_ORIGIN)
  const onTransaction = (tr: Y.Transaction) => {
    if (tr.origin !== writes.origin) return
    const changes = actorChanges(elements, tr)
    if (changes.size === 0) return
    const grid = findStakeholderGrid(doc)
    if (!grid) return
    const ops: OperationInput[] = []
    for (const [id, change] of changes) {
      const map = elements.get(id)
      if (!isYMap(map)) continue
      const op = followUpFor(id, map.toJSON() as Fields, change, grid)
      if (op) ops.push(op)
    }
    if (ops.length === 0) return
    // Runs after the user's transaction (Yjs queues transactions started in its handlers).
    doc.transact(() => {
      for (const op of ops) applyOperation(doc, op, STAKEHOLDER_SYNC_ORIGIN)
    }, STAKEHOLDER_SYNC_ORIGIN)
  }
  doc.on('afterTransaction', onTransaction)
  const stop = () => {
    doc.off('afterTransaction', onTransaction)
    writes.undoManager.removeTrackedOrigin(STAKEHOLDER_SYNC_ORIGIN)
  }
  if (getOwner()) onCleanup(stop)
  return stop
}
