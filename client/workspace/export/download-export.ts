import { filenameFromDisposition } from './content-disposition.ts'

/** Where a download stands: waiting for the server, then receiving (`total` when the size is known). */
export type DownloadProgress = { phase: 'preparing' } | { phase: 'receiving'; loaded: number; total: number | null }

/** A failed export: the HTTP status (0 without an answer) and the API's error code when it sent one. */
export class ExportFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`${status} ${code}`)
    this.name = 'ExportFailure'
  }
}

async function errorCodeOf(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json()
    if (typeof body === 'object' && body !== null && 'error' in body) {
      const error = body.error
      if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code
    }
  } catch {
    // not the API's JSON: the status says enough
  }
  return 'unexpected_response'
}

/**
 * Fetches an export as a Blob, reporting progress: `preparing` until the headers arrive (the
 * server is rendering), then `receiving` per chunk, with a total when `Content-Length` is
 * given. Resolves with the blob and the server's file name (`fallbackName` without one).
 */
export async function fetchExport(
  url: string,
  options: { signal?: AbortSignal; onProgress?: (progress: DownloadProgress) => void; fallbackName: string },
): Promise<{ blob: Blob; filename: string }> {
  options.onProgress?.({ phase: 'preparing' })
  let response: Response
  try {
    response = await fetch(url, { credentials: 'same-origin', signal: options.signal })
  } catch (cause) {
    if (options.signal?.aborted) throw cause
    throw new ExportFailure(0, 'network_error')
  }
  if (!response.ok) throw new ExportFailure(response.status, await errorCodeOf(response))
  const filename = filenameFromDisposition(response.headers.get('Content-Disposition')) ?? options.fallbackName
  const type = response.headers.get('Content-Type') ?? 'application/octet-stream'
  const length = Number(response.headers.get('Content-Length'))
  const total = Number.isFinite(length) && length > 0 ? length : null
  if (!response.body) {
    const blob = await response.blob()
    options.onProgress?.({ phase: 'receiving', loaded: blob.size, total: blob.size })
    return { blob, filename }
  }
  const reader = response.body.getReader()
  const chunks: Uint8Array<ArrayBuffer>[] = []
  let loaded = 0
  options.onProgress?.({ phase: 'receiving', loaded, total })
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      loaded += value.byteLength
      options.onProgress?.({ phase: 'receiving', loaded, total })
    }
  } catch (cause) {
    if (options.signal?.aborted) throw cause
    throw new ExportFailure(0, 'network_error')
  }
  return { blob: new Blob(chunks, { type }), filename }
}

/** Percent received, or null while it cannot be known (no Content-Length, or not started). */
export function progressPercent(progress: DownloadProgress | null): number | null {
  if (progress?.phase !== 'receiving' || !progress.total) return null
  return Math.min(100, Math.round((progress.loaded / progress.total) * 100))
}

/** Saves a blob under `filename` through a temporary object URL (the browser's download). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // the click starts the download synchronously; the URL can go once it has been handed over
  setTimeout(() => URL.revokeObjectURL(url), 30_000)
}
