import type { Collection, Criterion, Review, ReviewScore, StrategyTextKey } from '../../../shared/collections/collection.ts'
import type { CompareResult } from '../../../shared/collections/compare.ts'
import type { Role } from '../../../shared/schema/roles.ts'
import { type Invite, request } from '../../api.ts'

/** A member of a collection (`GET /api/collections/:id/members`, as for boards). */
export interface CollectionMember {
  userId: string
  displayName: string
  role: Role
  guest?: boolean
}

/** A snapshot of a board, as `GET /api/boards/:id/snapshots` lists it. */
export interface SnapshotInfo {
  id: string
  label: string
  createdAt: string
}

export type StrategyFormat = 'md' | 'pdf' | 'docx'

const segment = encodeURIComponent
const base = (id: string) => `/api/collections/${segment(id)}`

/** The collection endpoints the collection page and the home page use (docs/contract.md, "Collections of sites"). */
export const collectionApi = {
  list: () => request<{ collections: Collection[] }>('GET', '/api/collections'),
  create: (title: string) => request<{ collection: Collection }>('POST', '/api/collections', { title }),
  get: (id: string) => request<{ collection: Collection }>('GET', base(id)),
  update: (id: string, patch: { title?: string; criteria?: Criterion[]; texts?: Partial<Record<StrategyTextKey, string>> }) =>
    request<{ collection: Collection }>('PATCH', base(id), patch),
  addSite: (id: string, boardId: string, snapshotId: string | null) =>
    request<unknown>('PUT', `${base(id)}/boards/${segment(boardId)}`, snapshotId ? { snapshotId } : {}),
  removeSite: (id: string, boardId: string) => request<void>('DELETE', `${base(id)}/boards/${segment(boardId)}`),
  compare: (id: string) => request<CompareResult>('GET', `${base(id)}/compare`),
  reviews: (id: string) => request<{ reviews: Review[] }>('GET', `${base(id)}/reviews`),
  saveReview: (id: string, boardId: string, body: { scores: Record<string, ReviewScore>; summary: string }) =>
    request<{ review: Review }>('PUT', `${base(id)}/reviews/${segment(boardId)}`, body),
  members: (id: string) => request<{ members: CollectionMember[] }>('GET', `${base(id)}/members`),
  setMemberRole: (id: string, userId: string, role: Role) =>
    request<{ member: CollectionMember }>('PATCH', `${base(id)}/members/${segment(userId)}`, { role }),
  removeMember: (id: string, userId: string) => request<void>('DELETE', `${base(id)}/members/${segment(userId)}`),
  createInvite: (id: string, role: Invite['role']) => request<{ invite: Invite }>('POST', `${base(id)}/invites`, { role }),
  invites: (id: string) => request<{ invites: Invite[] }>('GET', `${base(id)}/invites`),
  revokeInvite: (id: string, token: string) => request<void>('DELETE', `${base(id)}/invites/${segment(token)}`),
  remove: (id: string) => request<void>('DELETE', base(id)),
  snapshots: (boardId: string) => request<{ snapshots: SnapshotInfo[] }>('GET', `/api/boards/${segment(boardId)}/snapshots`),
  /** where the strategy export downloads from (an attachment) */
  exportUrl: (id: string, format: StrategyFormat, lang: string) => `${base(id)}/export/${format}?lang=${segment(lang)}`,
}
