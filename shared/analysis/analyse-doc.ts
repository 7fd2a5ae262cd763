import type * as Y from 'yjs'
import { readBoardDocument } from '../schema/convert.ts'
import type { SettingsInput } from '../schema/settings.ts'
import { analyse } from './analyse.ts'
import type { Analysis } from './types.ts'

/**
 * The analysis of a live board's Y.Doc. It reads through `readBoardDocument`, so whatever
 * that skips (entries that are not Y.Maps, unknown kinds or enum values, bad fields) is left
 * out here too; `skipped` says how many entries and fields were.
 */
export function analyseDoc(doc: Y.Doc, settings?: SettingsInput): Analysis & { skipped: number } {
  const { document, issues } = readBoardDocument(doc, { id: '', title: '' })
  return { ...analyse(document, settings), skipped: issues.length }
}
