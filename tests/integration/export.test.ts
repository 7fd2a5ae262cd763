import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { textileMillDocument } from '../../shared/demo/textile-mill.ts'
import { BOM } from '../../shared/export/csv.ts'
import { parseCsvStrict } from '../../shared/export/test-support/parse-csv.ts'
import type { BoardDocument } from '../../shared/schema/document.ts'
import { type Account, api, createBoard, joinAs, signup } from '../helpers/api.ts'
import { note, putElement } from '../helpers/elements.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { connectClient, type SyncClient } from '../helpers/sync-client.ts'

const TITLE = 'Spinnerei Weißenau – Přádelna'
const tricky = 'Zadruga "Šivalnica", Žužemberk\nčćđšž řů őű łśąę ß'

/** The demo board plus an actor whose name needs every kind of CSV quoting. */
const fixture: BoardDocument = {
  ...textileMillDocument,
  elements: [
    ...textileMillDocument.elements,
    {
      id: 'a-tricky',
      kind: 'actor',
      x: 0,
      y: 2000,
      w: 180,
      h: 90,
      label: tricky,
      sector: 'civil',
      commitment: 'loi',
      country: 'SI',
      labels: { sl: 'Zadruga Šivalnica', de: 'Genossenschaft „Nähstube“' },
    } as unknown as BoardDocument['elements'][number],
  ],
}

let server: TestServer
let owner: Account
let boardId: string
const clients: SyncClient[] = []

beforeAll(async () => {
  server = await startTestServer()
  owner = await signup(server.url, 'Owner')
  boardId = await createBoard(server.url, owner.token, { title: TITLE, content: fixture })
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
})

interface Download {
  status: number
  headers: Headers
  bytes: Uint8Array
  text: string
}

/** `token: null` downloads without a session. */
async function download(path: string, token: string | null = owner.token): Promise<Download> {
  const res = await fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })
  const bytes = new Uint8Array(await res.arrayBuffer())
  return { status: res.status, headers: res.headers, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) }
}

const exportOf = (format: string, query = '') => download(`/api/boards/${boardId}/export/${format}${query}`)

async function snapshot(label: string): Promise<string> {
  const res = await api<{ snapshot: { id: string } }>(server.url, 'POST', `/api/boards/${boardId}/snapshots`, {
    token: owner.token,
    body: { label },
  })
  if (res.status !== 201) throw new Error(`snapshot ${res.status}`)
  return res.body.snapshot.id
}

/** Changes the live board through a real client and waits until the server's export shows it. */
async function changeLive(change: (doc: Y.Doc) => void, visible: (doc: BoardDocument) => boolean): Promise<void> {
  const c = connectClient(server.url, boardId, owner.token)
  clients.push(c)
  await c.synced
  change(c.doc)
  const deadline = Date.now() + 5000
  while (!visible(JSON.parse((await exportOf('json')).text) as BoardDocument)) {
    if (Date.now() > deadline) throw new Error('the change did not reach the server')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('exports', () => {
  it('json: the board document as an attachment, live or of a snapshot, and it imports again', async () => {
    const live = await exportOf('json')
    expect(live.status).toBe(200)
    expect(live.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(live.headers.get('content-disposition')).toBe(
      `attachment; filename="spinnerei-weissenau-pradelna.refresh-board.json"; filename*=UTF-8''spinnerei-wei%C3%9Fenau-p%C5%99%C3%A1delna.refresh-board.json`,
    )
    const document = JSON.parse(live.text) as BoardDocument
    expect(document.board).toEqual({ id: boardId, title: TITLE })
    expect(document.elements).toHaveLength(fixture.elements.length)

    const sid = await snapshot('Round 1')
    await changeLive(
      (doc) => putElement(doc, note('n-after', 'after the snapshot')),
      (doc) => doc.elements.some((e) => e.id === 'n-after'),
    )
    const ofSnapshot = await exportOf('json', `?snapshot=${sid}`)
    expect(ofSnapshot.status).toBe(200)
    expect(ofSnapshot.headers.get('content-disposition')).toContain(
      'filename="spinnerei-weissenau-pradelna-round-1.refresh-board.json"',
    )
    const snapDoc = JSON.parse(ofSnapshot.text) as BoardDocument
    expect(snapDoc.elements.some((e) => e.id === 'n-after')).toBe(false)
    expect(snapDoc).toEqual(document)
    const viaApi = await api<{ content: BoardDocument }>(server.url, 'GET', `/api/boards/${boardId}/snapshots/${sid}`, {
      token: owner.token,
    })
    expect(viaApi.body.content).toEqual(snapDoc)

    // round trip: import the snapshot's export as a new board, export it again
    const copyId = await createBoard(server.url, owner.token, { title: TITLE, content: snapDoc })
    const copy = JSON.parse((await download(`/api/boards/${copyId}/export/json`)).text) as BoardDocument
    expect(copy.elements).toEqual(snapDoc.elements)
    expect(copy.site).toEqual(snapDoc.site)
  })

  it('csv: BOM, CRLF, RFC 4180 quoting; parses back strictly to one row per element with every field', async () => {
    const res = await exportOf('csv')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="spinnerei-weissenau-pradelna\.csv"; filename\*=UTF-8''/,
    )
    expect([...res.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(res.text.startsWith(BOM)).toBe(true)
    expect(res.text.endsWith('\r\n')).toBe(true)
    const live = JSON.parse((await exportOf('json')).text) as BoardDocument

    const [header = [], ...rows] = parseCsvStrict(res.text.slice(BOM.length))
    expect(header.slice(0, 7)).toEqual(['id', 'kind', 'label', 'x', 'y', 'w', 'h'])
    expect(header.slice(-2)).toEqual(['labels.de', 'labels.sl'])
    expect(rows.map((row) => row[0])).toEqual(live.elements.map((e) => e.id))
    const column = (name: string) => header.indexOf(name)
    // every field of every element is in its row, as text
    for (const [index, element] of live.elements.entries()) {
      const row = rows[index] ?? []
      for (const [field, value] of Object.entries(element)) {
        if (field === 'labels') {
          for (const [language, text] of Object.entries(value as Record<string, string>))
            expect(row[column(`labels.${language}`)]).toBe(text)
        } else if (Array.isArray(value)) expect(row[column(field)]).toBe(value.join(';'))
        else expect(row[column(field)], `${element.id}.${field}`).toBe(String(value))
      }
    }
    const tricked = rows.find((row) => row[0] === 'a-tricky') ?? []
    expect(tricked[column('label')]).toBe(tricky)
    expect(tricked[column('labels.de')]).toBe('Genossenschaft „Nähstube“')
    expect(res.text).toContain('"Zadruga ""Šivalnica"", Žužemberk\nčćđšž řů őű łśąę ß"')
    for (const name of [
      'Pracownia Łęczyca – Małgorzata Świątek-Kośmider',
      'Szőnyi Műhely Építésziroda Kft.',
      'Spolek Přádelna Dvůr',
    ])
      expect(rows.some((row) => row[column('label')] === name)).toBe(true)
  })

  it('md: a strategy brief with the site, actors, sections, and what changed since a snapshot', async () => {
    const sid = await snapshot('Workshop round 2')
    await changeLive(
      (doc) =>
        doc.transact(() => {
          const elements = doc.getMap('elements')
          ;(elements.get('a-szonyi') as Y.Map<unknown>).set('commitment', 'signed')
          elements.delete('n-roof')
        }),
      (doc) => !doc.elements.some((e) => e.id === 'n-roof'),
    )
    const res = await exportOf('md', `?since=${sid}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="spinnerei-weissenau-pradelna\.md"/)
    const md = res.text
    expect(md.startsWith(`# ${TITLE}\n`)).toBe(true)
    expect(md).toContain('| Name | Spinnerei Weißenau |')
    for (const heading of [
      '## Site profile',
      '## Actor constellation',
      '## Use mix',
      '## Phasing roadmap',
      '## Indicators',
      '## Gaps',
      '## Notes',
    ])
      expect(md).toContain(`\n${heading}\n`)
    for (const name of [
      'Pracownia Łęczyca – Małgorzata Świątek-Kośmider',
      'Szőnyi Műhely Építésziroda Kft.',
      'Spolek Přádelna Dvůr',
      'Dizajn studio Đurđević d.o.o.',
    ])
      expect(md).toContain(name)
    expect(md).toContain('| Floor area | 12,400 m² |')
    expect(md).toMatch(/\| Occupancy \(planned \/ site area\) \| \d+(\.\d)?% \|/)
    const since = md.slice(md.indexOf('## What changed since "Workshop round 2"'))
    expect(since).not.toBe(md)
    expect(since).toContain('- actor "Szőnyi Műhely Építésziroda Kft.": commitment Letter of intent → Signed')
    expect(since).toContain('### Removed (1)\n\n- note "The dye works roof leaks: interim use on the ground floor only."')

    const ofSnapshot = await exportOf('md', `?snapshot=${sid}`)
    expect(ofSnapshot.text).toContain('State of the board at snapshot "Workshop round 2"')
    expect(ofSnapshot.text).toContain('The dye works roof leaks')
    expect(ofSnapshot.text).not.toContain('## What changed since')
  })

  it('is deterministic: the same board gives the same bytes', async () => {
    for (const format of ['json', 'csv', 'md']) {
      const first = await exportOf(format)
      const second = await exportOf(format)
      expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes)), format).toBe(true)
    }
    // two boards made from one document: the same csv and md (json differs only in board.id)
    const one = await createBoard(server.url, owner.token, { title: 'Twin', content: fixture })
    const two = await createBoard(server.url, owner.token, { title: 'Twin', content: fixture })
    for (const format of ['csv', 'md']) {
      const a = await download(`/api/boards/${one}/export/${format}`)
      const b = await download(`/api/boards/${two}/export/${format}`)
      expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes)), format).toBe(true)
    }
    const sid = await snapshot('fixed')
    const x = await exportOf('md', `?snapshot=${sid}&since=${sid}`)
    const y = await exportOf('md', `?snapshot=${sid}&since=${sid}`)
    expect(x.text).toBe(y.text)
    expect(x.text).toContain('Nothing changed.')
  })

  it('answers 404 for unknown snapshots and formats, 400 for malformed ids, and checks roles first', async () => {
    const unknown = 'AAAAAAAAAAAAAAAAAAAAAAAA'
    for (const path of [`json?snapshot=${unknown}`, `csv?snapshot=${unknown}`, `md?snapshot=${unknown}`, `md?since=${unknown}`]) {
      const res = await api<{ error: { code: string } }>(server.url, 'GET', `/api/boards/${boardId}/export/${path}`, {
        token: owner.token,
      })
      expect(res.status, path).toBe(404)
      expect(res.body.error.code).toBe('snapshot_not_found')
    }
    expect((await api(server.url, 'GET', `/api/boards/${boardId}/export/md?since=a:b`, { token: owner.token })).status).toBe(400)
    const bad = await api<{ error: { code: string } }>(server.url, 'GET', `/api/boards/${boardId}/export/docx`, {
      token: owner.token,
    })
    expect(bad.status).toBe(404)
    expect(bad.body.error.code).toBe('not_found')
    expect((await api(server.url, 'GET', `/api/boards/${boardId}/export/png`, { token: owner.token })).status).toBe(200)

    const viewer = await joinAs(server.url, owner.token, boardId, 'viewer')
    const outsider = await signup(server.url, 'Outsider')
    for (const format of ['json', 'csv', 'md']) {
      expect((await download(`/api/boards/${boardId}/export/${format}`, viewer.token)).status).toBe(200)
      expect((await download(`/api/boards/${boardId}/export/${format}`, outsider.token)).status).toBe(404)
      expect((await download(`/api/boards/${boardId}/export/${format}`, null)).status).toBe(401)
      // an outsider learns nothing about snapshot ids either
      expect((await download(`/api/boards/${boardId}/export/${format}?snapshot=${unknown}`, outsider.token)).status).toBe(404)
    }
  })
})
