import { randomUUID } from 'node:crypto'

/** A thin client of the HTTP API for tests: bearer token auth, JSON bodies. */
export interface ApiResponse<T = Record<string, unknown>> {
  status: number
  body: T
  headers: Headers
}

export async function api<T = Record<string, unknown>>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const text = await res.text()
  let body: unknown = text
  try {
    body = text ? JSON.parse(text) : null
  } catch {}
  return { status: res.status, body: body as T, headers: res.headers }
}

export interface Account {
  token: string
  user: { id: string; email: string | null; displayName: string }
}

export async function signup(baseUrl: string, name = 'Tester'): Promise<Account> {
  const email = `${name.toLowerCase().replace(/\W+/g, '')}-${randomUUID().slice(0, 8)}@example.org`
  const res = await api<Account>(baseUrl, 'POST', '/api/auth/signup', {
    body: { email, password: 'correct horse battery staple', displayName: name },
  })
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

export async function createBoard(
  baseUrl: string,
  token: string,
  body: Record<string, unknown> = { title: 'Test board' },
): Promise<string> {
  const res = await api<{ board: { id: string } }>(baseUrl, 'POST', '/api/boards', { token, body })
  if (res.status !== 201) throw new Error(`create board failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.board.id
}

/** Invites a guest with `role` and joins; returns the guest's token. */
export async function joinAs(
  baseUrl: string,
  ownerToken: string,
  boardId: string,
  role: 'facilitator' | 'editor' | 'reviewer' | 'viewer',
  name: string = role,
): Promise<Account> {
  const inv = await api<{ invite: { token: string } }>(baseUrl, 'POST', `/api/boards/${boardId}/invites`, {
    token: ownerToken,
    body: { role },
  })
  if (inv.status !== 201) throw new Error(`invite failed: ${inv.status} ${JSON.stringify(inv.body)}`)
  const joined = await api<Account>(baseUrl, 'POST', `/api/invites/${inv.body.invite.token}/join`, {
    body: { displayName: name },
  })
  if (joined.status !== 200) throw new Error(`join failed: ${joined.status} ${JSON.stringify(joined.body)}`)
  return joined.body
}

export async function exportJson(baseUrl: string, token: string, boardId: string) {
  const res = await api<{ elements: Array<Record<string, unknown>> }>(baseUrl, 'GET', `/api/boards/${boardId}/export/json`, {
    token,
  })
  if (res.status !== 200) throw new Error(`export failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}
