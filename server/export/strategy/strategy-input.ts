import type { Analysis } from '../../../shared/analysis/types.ts'
import type { Collection, Review } from '../../../shared/collections/collection.ts'
import type { CompareResult } from '../../../shared/collections/compare.ts'
import type { BoardDocument } from '../../../shared/schema/document.ts'
import type { Site } from '../../../shared/schema/site.ts'

/**
 * What the regional strategy export is made from (issue 17): the collection (title, criteria,
 * free texts), each site's board at the state the collection compares (live or a snapshot),
 * the comparison and the reviews. The route `GET /api/collections/:id/export/:format` builds
 * it (server/collections/); `strategyModel` turns it into the document every renderer writes.
 */
export interface StrategySite {
  boardId: string
  /** The board's title now. */
  title: string
  /** The snapshot's label when the collection holds the board at a snapshot; null for the live board. */
  snapshotLabel: string | null
  /** The site profile of that state; null when the board has none. */
  site: Site | null
  /** The elements of that state (the live board or the snapshot). */
  document: BoardDocument
  /** `analyse()` of that state: the figures the export writes are these. */
  analysis: Analysis
}

export interface StrategyInput {
  collection: Collection
  /** In the collection's order. */
  sites: StrategySite[]
  /** The collection's comparison (`compareSites`): the proposals show each site's key indicators beside its median. */
  compare: CompareResult
  reviews: Review[]
  /** The moment the export was asked for (title page). */
  generatedAt: Date
}

export type StrategyFormat = 'md' | 'pdf' | 'docx'
export const strategyFormats: readonly StrategyFormat[] = ['md', 'pdf', 'docx']
