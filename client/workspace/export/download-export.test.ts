import { afterEach, describe, expect, it, vi } from 'vitest'
import { type DownloadProgress, ExportFailure, fetchExport, progressPercent } from './download-export.ts'
import { exportUrl } from './export-formats.ts'

afterEach(() => vi.unstubAllGlobals())

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk)
      controller.close()
    },
  })
}

describe('fetchExport', () => {
  it('reports preparing, then determinate progress from Content-Length, and names the file from the header', async () => {
    const body = streamOf([new Uint8Array(6), new Uint8Array(4)])
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(body, {
            headers: {
              'Content-Type': 'application/pdf',
              'Content-Length': '10',
              'Content-Disposition': `attachment; filename="mlyn.pdf"; filename*=UTF-8''m%C5%82yn.pdf`,
            },
          }),
      ),
    )
    const seen: DownloadProgress[] = []
    const result = await fetchExport('/x', { fallbackName: 'board.pdf', onProgress: (p) => seen.push(p) })
    expect(result.filename).toBe('młyn.pdf')
    expect(result.blob.size).toBe(10)
    expect(result.blob.type).toBe('application/pdf')
    expect(seen[0]).toEqual({ phase: 'preparing' })
    expect(seen.map(progressPercent).filter((p) => p !== null)).toEqual([0, 60, 100])
  })

  it('stays indeterminate without Content-Length and falls back to the given name', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(streamOf([new Uint8Array(3)]))),
    )
    const seen: DownloadProgress[] = []
    const result = await fetchExport('/x', { fallbackName: 'board.md', onProgress: (p) => seen.push(p) })
    expect(result.filename).toBe('board.md')
    expect(seen.every((p) => progressPercent(p) === null)).toBe(true)
  })

  it('turns an error answer into an ExportFailure with status and code', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        Response.json({ error: { code: 'not_implemented', message: 'This is not available yet.' } }, { status: 501 }),
      ),
    )
    await expect(fetchExport('/x', { fallbackName: 'b.pdf' })).rejects.toEqual(new ExportFailure(501, 'not_implemented'))
  })
})

describe('exportUrl', () => {
  it('adds the snapshot and, for png only, the scale', () => {
    expect(exportUrl('b1', 'pdf', { snapshotId: 's-1', scale: 2 })).toBe('/api/boards/b1/export/pdf?snapshot=s-1')
    expect(exportUrl('b1', 'png', { scale: 0.5 })).toBe('/api/boards/b1/export/png?scale=0.5')
    expect(exportUrl('b1', 'md')).toBe('/api/boards/b1/export/md')
  })

  it('separates a CSV by semicolons for a locale that writes decimals with a comma', () => {
    expect(exportUrl('b1', 'csv', { locale: 'de' })).toBe('/api/boards/b1/export/csv?delimiter=semicolon')
    expect(exportUrl('b1', 'csv', { locale: 'sl', snapshotId: 's-1' })).toBe(
      '/api/boards/b1/export/csv?snapshot=s-1&delimiter=semicolon',
    )
    expect(exportUrl('b1', 'csv', { locale: 'en' })).toBe('/api/boards/b1/export/csv')
    expect(exportUrl('b1', 'xlsx', { locale: 'de' })).toBe('/api/boards/b1/export/xlsx')
  })

  it('asks for the briefs in the locale, for their numbers', () => {
    expect(exportUrl('b1', 'md', { locale: 'de' })).toBe('/api/boards/b1/export/md?lang=de')
    expect(exportUrl('b1', 'pdf', { locale: 'hu', snapshotId: 's-1' })).toBe('/api/boards/b1/export/pdf?snapshot=s-1&lang=hu')
    expect(exportUrl('b1', 'md', { locale: 'en' })).toBe('/api/boards/b1/export/md')
  })
})
