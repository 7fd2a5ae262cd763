import type { Role } from '../shared/schema/roles.ts'

/** The signed-in person, as the API returns it. Guests joined one board through an invite. */
export interface User {
  id: string
  email: string | null
  displayName: string
  guest: boolean
  /** the UI language chosen with the account, null when none */
  language?: string | null
}

/** The site profile of a board (the contract's `site`); every field is optional. */
export interface SiteProfile {
  name?: string
  location?: string
  country?: string
  areaM2?: number
  builtYear?: number
  formerUse?: string
  heritageStatus?: string
  condition?: string
  description?: string
}

export interface Board {
  id: string
  title: string
  site?: SiteProfile | null
  /** The caller's role on this board. */
  role: Role
  /** every account may read it without being a member (the demo) */
  publicRead?: boolean
  /** the template it was made from (`POST /api/boards {template}`) */
  template?: string
  createdAt?: string
  updatedAt?: string
}

export interface Invite {
  token: string
  url: string
  role: Exclude<Role, 'owner'>
  expiresAt: string
  maxUses?: number | null
  uses?: number
  createdAt?: string
}

/** `GET /api/invites/:token`: what an invite link is, for its holder (board and inviter hidden once revoked). */
export interface InviteInfo {
  board: { title: string } | null
  /** an invite to a collection of sites names it here (and `board` is null) */
  collection?: { title: string } | null
  invitedBy: string | null
  role: Invite['role']
  expiresAt: string
  status: 'active' | 'expired' | 'used_up' | 'revoked'
}

/** Where invite links point; a loopback origin is reachable from this computer only. */
export interface InviteLinks {
  origin: string
  isLoopback: boolean
}

/**
 * A failed request: the API's `{error: {code, message}}`, or `network_error` (no answer) and
 * `unexpected_response` (an answer that is not the contract's JSON). `status` is 0 without an answer.
 */
export class ApiError extends Error {
  readonly code: string
  readonly status: number
  /** Seconds from a `Retry-After` header (429), when the server sent one. */
  readonly retryAfterSeconds: number | null

  constructor(code: string, message: string, status: number, retryAfterSeconds: number | null = null) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.status = status
    this.retryAfterSeconds = retryAfterSeconds
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError

function readErrorBody(body: unknown): { code: string; message: string } | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null
  const error = body.error
  if (typeof error !== 'object' || error === null) return null
  const code = 'code' in error && typeof error.code === 'string' ? error.code : null
  const message = 'message' in error && typeof error.message === 'string' ? error.message : ''
  return code ? { code, message } : null
}

function retryAfter(response: Response): number | null {
  const header = response.headers.get('Retry-After')
  if (!header) return null
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds))
  const date = Date.parse(header)
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000))
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** One JSON request; resolves with the parsed body (undefined for 204) or rejects with ApiError. */
export async function request<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    })
  } catch (cause) {
    if (signal?.aborted) throw cause
    throw new ApiError('network_error', cause instanceof Error ? cause.message : String(cause), 0)
  }
  if (response.status === 204) return undefined as T
  let parsed: unknown
  try {
    parsed = await response.json()
  } catch {
    throw new ApiError('unexpected_response', `${response.status} ${response.statusText}`, response.status)
  }
  if (!response.ok) {
    const error = readErrorBody(parsed)
    throw new ApiError(
      error?.code ?? 'unexpected_response',
      error?.message ?? `${response.status} ${response.statusText}`,
      response.status,
      retryAfter(response),
    )
  }
  return parsed as T
}

const segment = encodeURIComponent

/** The endpoints the client uses (CONTRACT.md, "HTTP API"). */
export const api = {
  /** `GET /api/config`: the operator's public settings (no sign-in needed). */
  config: () =>
    request<{ accessibilityContact: string | null; accessibilityEnforcementUrl: string | null }>('GET', '/api/config'),
  me: () => request<{ user: User }>('GET', '/api/auth/me'),
  updateMe: (patch: { language?: string | null }) => request<{ user: User }>('PATCH', '/api/auth/me', patch),
  signUp: (input: { email: string; password: string; displayName: string }) =>
    request<{ user: User; token: string }>('POST', '/api/auth/signup', input),
  logIn: (input: { email: string; password: string }) => request<{ user: User; token: string }>('POST', '/api/auth/login', input),
  logOut: () => request<void>('POST', '/api/auth/logout'),
  requestPasswordReset: (input: { email: string }) => request<{ status: 'sent' }>('POST', '/api/auth/reset-request', input),
  resetPassword: (input: { token: string; password: string }) => request<{ status: 'reset' }>('POST', '/api/auth/reset', input),

  listBoards: (signal?: AbortSignal) => request<{ boards: Board[] }>('GET', '/api/boards', undefined, signal),
  getBoard: (id: string, signal?: AbortSignal) =>
    request<{ board: Board }>('GET', `/api/boards/${segment(id)}`, undefined, signal),
  getDemo: () => request<{ board: { id: string; title: string } | null }>('GET', '/api/demo'),
  exportBoardJson: (id: string) => request<unknown>('GET', `/api/boards/${segment(id)}/export/json`),
  /** `lang`: the language a template's texts are written in (the UI's), else the account's */
  createBoard: (input: { title: string; site?: SiteProfile; template?: string; content?: unknown; lang?: string }) =>
    request<{ board: Board }>('POST', '/api/boards', input),
  updateBoard: (id: string, input: { title?: string; site?: SiteProfile | null }) =>
    request<{ board: Board }>('PATCH', `/api/boards/${segment(id)}`, input),
  deleteBoard: (id: string) => request<void>('DELETE', `/api/boards/${segment(id)}`),
  duplicateBoard: (id: string) => request<{ board: Board }>('POST', `/api/boards/${segment(id)}/duplicate`),
  /** `lang`: the language the template's frame titles and prompts are written in (the UI's) */
  addTemplate: (id: string, template: string, lang?: string) =>
    request<{ board: Board; added: number }>('POST', `/api/boards/${segment(id)}/templates`, {
      template,
      ...(lang ? { lang } : {}),
    }),
  /** the board list's picture of a board (an SVG; revalidated by ETag) */
  thumbnailUrl: (id: string) => `/api/boards/${segment(id)}/thumbnail`,

  createInvite: (boardId: string, input: { role: Invite['role']; expiresInHours?: number; maxUses?: number }) =>
    request<{ invite: Invite }>('POST', `/api/boards/${segment(boardId)}/invites`, input),
  listInvites: (boardId: string) =>
    request<{ invites: Invite[]; links?: InviteLinks }>('GET', `/api/boards/${segment(boardId)}/invites`),
  getInvite: (token: string) => request<InviteInfo>('GET', `/api/invites/${segment(token)}`),
  revokeInvite: (boardId: string, token: string) =>
    request<null>('DELETE', `/api/boards/${segment(boardId)}/invites/${segment(token)}`),
  joinInvite: (token: string, input: { displayName: string }) =>
    request<{ board?: { id: string }; collection?: { id: string }; user: User; token: string }>(
      'POST',
      `/api/invites/${segment(token)}/join`,
      input,
    ),
}
