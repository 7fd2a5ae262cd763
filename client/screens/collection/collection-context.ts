import type { Resource } from 'solid-js'
import type { Collection } from '../../../shared/collections/collection.ts'
import type { CompareResult } from '../../../shared/collections/compare.ts'
import { hasRole } from '../../../shared/schema/roles.ts'
import type { Board } from '../../api.ts'

/** What every tab of the collection page reads: the collection, its comparison, the caller's boards. */
export interface CollectionPage {
  id: string
  collection: () => Collection
  /** after a change a tab made through the API */
  setCollection: (collection: Collection) => void
  reload: () => Promise<void>
  compare: Resource<CompareResult>
  refetchCompare: () => void
  /** the boards the caller may open, by id */
  myBoards: Resource<Map<string, Board>>
}

/** Owner and facilitator of the collection manage it (sites, criteria, texts, members). */
export const canManage = (page: CollectionPage) => hasRole(page.collection().role, 'facilitator')
/** Reviewers and above fill in reviews; viewers only read. */
export const canReview = (page: CollectionPage) => hasRole(page.collection().role, 'reviewer')

/**
 * A resource's value without throwing: undefined while it loads or when it failed (reading a
 * failed resource throws; the tab shows the failure from `resource.error` instead).
 */
export function settled<T>(resource: Resource<T>): T | undefined {
  return resource.error ? undefined : resource.latest
}
