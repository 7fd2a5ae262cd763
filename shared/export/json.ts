import type { BoardDocument } from '../schema/document.ts'

/**
 * The contract's board document as a file: two-space indented, keys in schema order (as the
 * parser and `readBoardDocument` produce them), a final newline. Deterministic.
 */
export function toJson(document: BoardDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`
}
