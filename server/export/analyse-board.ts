import { analyse } from '../../shared/analysis/analyse.ts'
import type { Analysis } from '../../shared/analysis/types.ts'
import type { BoardDocument } from '../../shared/schema/document.ts'

/** The analysis of a board document (`{indicators, matrix, gaps}`, docs/analysis.md). */
export type AnalyseBoard = (document: BoardDocument) => Analysis

/**
 * One place where snapshots and exports get their analysis, so a test (or a cached
 * implementation later) can stand in for it. The document's own settings apply.
 */
export const analyseBoard: AnalyseBoard = (document) => analyse(document)
