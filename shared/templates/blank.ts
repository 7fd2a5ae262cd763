import type { BoardDocument } from '../schema/document.ts'
import { templateDocument } from './template-document.ts'

/** An empty board: for a group that brings its own method. */
export function blankTemplate(): BoardDocument {
  return templateDocument('blank', 'Blank board', [])
}
