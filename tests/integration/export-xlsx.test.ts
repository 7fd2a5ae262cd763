import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyse } from '../../shared/analysis/analyse.ts'
import { textileMillDocument } from '../../shared/demo/textile-mill.ts'
import { BOM } from '../../shared/export/csv.ts'
import { briefWords } from '../../shared/export/markdown-text.ts'
import { parseCsvStrict } from '../../shared/export/test-support/parse-csv.ts'
import type { BoardDocument } from '../../shared/schema/document.ts'
import { type Account, api, createBoard, joinAs, signup } from '../helpers/api.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

/**
 * Issue 12, item 9: exports a planner can use. The xlsx workbook is read back with the library
 * that wrote it (exceljs): its sheets, names instead of ids, enumeration names, numbers as
 * numbers, the relationships; the semicolon CSV parses back to the same columns; the briefs
 * say the relationships in words, total the zones right and say "1 use".
 */

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** One actor operating one use: every count in the briefs is 1. */
const single: BoardDocument = {
  format: 'refresh-board',
  version: 1,
  board: { id: 'import', title: 'Brewery Laško' },
  site: { name: 'Brewery Laško', areaM2: 5000 },
  elements: [
    { id: 'a-makers', kind: 'actor', x: 0, y: 0, w: 180, h: 90, label: 'Makers e.V.', sector: 'civil', commitment: 'loi' },
    { id: 'z-hall', kind: 'zone', x: 0, y: 200, w: 400, h: 300, label: 'Malt hall', areaM2: 1500 },
    {
      id: 'u-workshop',
      kind: 'use',
      x: 20,
      y: 220,
      w: 180,
      h: 90,
      label: 'Open workshop',
      category: 'makerspace',
      zone: 'z-hall',
      areaM2: 1200,
    },
    { id: 'l-op', kind: 'link', from: 'a-makers', to: 'u-workshop', relation: 'operates' },
  ],
} as unknown as BoardDocument

let server: TestServer
let owner: Account
let millId: string
let singleId: string
let scratch: string

beforeAll(async () => {
  server = await startTestServer()
  owner = await signup(server.url, 'Owner')
  millId = await createBoard(server.url, owner.token, { title: 'Spinnerei Weißenau', content: textileMillDocument })
  singleId = await createBoard(server.url, owner.token, { title: 'Brewery Laško', content: single })
  scratch = mkdtempSync(path.join(tmpdir(), 'export-xlsx-'))
})
afterAll(async () => {
  await server?.stop()
  if (scratch) rmSync(scratch, { recursive: true, force: true })
})

async function download(boardId: string, format: string, query = '') {
  const res = await fetch(`${server.url}/api/boards/${boardId}/export/${format}${query}`, {
    headers: { authorization: `Bearer ${owner.token}` },
  })
  const bytes = new Uint8Array(await res.arrayBuffer())
  return { status: res.status, headers: res.headers, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) }
}

async function workbookOf(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  return workbook
}

/** A sheet as objects keyed by its header row. */
function rowsOf(workbook: ExcelJS.Workbook, name: string): Record<string, unknown>[] {
  const sheet = workbook.getWorksheet(name)
  if (!sheet) throw new Error(`no sheet ${name}`)
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String)
  const rows: Record<string, unknown>[] = []
  sheet.eachRow((row, number) => {
    if (number === 1) return
    const values = (row.values as unknown[]).slice(1)
    rows.push(Object.fromEntries(header.map((column, i) => [column, values[i] ?? null])))
  })
  return rows
}

describe('xlsx export', () => {
  it('is a workbook with a sheet per kind, names instead of ids, enumeration names and native numbers', async () => {
    const res = await download(millId, 'xlsx')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(XLSX_TYPE)
    expect(res.headers.get('content-disposition')).toContain('filename="spinnerei-weissenau.xlsx"')
    const workbook = await workbookOf(res.bytes)
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Site',
      'Actors',
      'Uses',
      'Zones',
      'Phases',
      'Relationships',
      'Indicators',
      'Notes',
      'Frames',
      'Images',
    ])

    const uses = rowsOf(workbook, 'Uses')
    const cafe = uses.find((row) => row.Name === 'Café and roastery')
    expect(cafe).toMatchObject({ Category: 'Gastronomy', Zone: 'Boiler house and chimney', 'Area (m²)': 200 })
    expect(typeof cafe?.['Area (m²)']).toBe('number')
    expect(uses).toHaveLength(textileMillDocument.elements.filter((e) => e.kind === 'use').length)

    const actors = rowsOf(workbook, 'Actors')
    const szonyi = actors.find((row) => row.Name === 'Szőnyi Műhely Építésziroda Kft.')
    expect(szonyi).toMatchObject({ Commitment: 'Letter of intent', Stance: 'Supporter', Country: 'HU', 'Space need (m²)': 80 })

    const zones = rowsOf(workbook, 'Zones')
    expect(zones.reduce((sum, row) => sum + Number(row['Area (m²)']), 0)).toBe(10450)
    expect(typeof zones[0]?.Occupancy).toBe('number')

    // No cell anywhere holds an element id: references are names.
    const ids = new Set<string>(textileMillDocument.elements.map((e) => e.id))
    for (const sheet of workbook.worksheets)
      sheet.eachRow((row) => {
        for (const value of (row.values as unknown[]).slice(1))
          expect(ids.has(String(value)), `${sheet.name}: ${value}`).toBe(false)
      })

    const links = textileMillDocument.elements.filter((e) => e.kind === 'link')
    const relationships = rowsOf(workbook, 'Relationships')
    expect(relationships).toHaveLength(links.length)
    expect(relationships).toContainEqual({
      From: 'Kaffeerösterei Großmann & Söhne',
      Relation: 'operates',
      To: 'Café and roastery',
      Note: null,
      'Amount (€)': null,
      'In words': 'Kaffeerösterei Großmann & Söhne operates Café and roastery',
    })

    const analysis = analyse(textileMillDocument)
    const indicators = rowsOf(workbook, 'Indicators')
    expect(indicators.find((row) => row.Key === 'actors')?.Value).toBe(analysis.indicators.actors.total)
    expect(indicators.find((row) => row.Key === 'plannedM2')?.Value).toBe(analysis.indicators.area.plannedM2)
    const occupancy = workbook.getWorksheet('Indicators')?.getRow(indicators.findIndex((row) => row.Key === 'occupancy') + 2)
    expect(occupancy?.getCell(2).numFmt).toBe('0.0%')
  })

  it('of a snapshot: the snapshot state', async () => {
    const res = await api<{ snapshot: { id: string } }>(server.url, 'POST', `/api/boards/${singleId}/snapshots`, {
      token: owner.token,
      body: { label: 'Round 1' },
    })
    expect(res.status).toBe(201)
    const exported = await download(singleId, 'xlsx', `?snapshot=${res.body.snapshot.id}`)
    expect(exported.status).toBe(200)
    expect(exported.headers.get('content-disposition')).toContain('brewery-lasko-round-1.xlsx')
    const workbook = await workbookOf(exported.bytes)
    expect(rowsOf(workbook, 'Uses')).toEqual([
      {
        Name: 'Open workshop',
        Category: 'Makerspace',
        Zone: 'Malt hall',
        'Area (m²)': 1200,
        'Revenue model': null,
        'Rent (€ per m² and month)': null,
        'Investment (€)': null,
        'Running cost (€/year)': null,
        'Income (€/year)': null,
        'Funding source': null,
        'Open to the public': false,
        'Interim use': false,
      },
    ])
    expect(rowsOf(workbook, 'Relationships').map((row) => row['In words'])).toEqual(['Makers e.V. operates Open workshop'])
  })
})

describe('csv with ?delimiter=semicolon', () => {
  it('parses back with the same columns and values; other delimiters are refused', async () => {
    const comma = await download(millId, 'csv')
    const semicolon = await download(millId, 'csv', '?delimiter=semicolon')
    expect(semicolon.status).toBe(200)
    expect(semicolon.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(semicolon.text.startsWith(BOM)).toBe(true)
    const rows = parseCsvStrict(semicolon.text.slice(BOM.length), ';')
    expect(rows[0]?.slice(0, 7)).toEqual(['id', 'kind', 'label', 'x', 'y', 'w', 'h'])
    expect(rows).toEqual(parseCsvStrict(comma.text.slice(BOM.length)))
    expect((await download(millId, 'csv', '?delimiter=comma')).text).toBe(comma.text)
    expect((await download(millId, 'csv', '?delimiter=tab')).status).toBe(400)
  })
})

describe('briefs', () => {
  it('md: relationships in words, the zones total, "1 use"', async () => {
    const mill = (await download(millId, 'md')).text
    expect(mill).toContain('- Kaffeerösterei Großmann & Söhne operates Café and roastery.\n')
    expect(mill).toContain('- Bürgerstiftung Weißenau funds Community room (€40,000).\n')
    expect(mill).toMatch(/\| \*\*Total\*\* \| 10,450 m² \| 14 \|/)
    // ?lang=de: the words from the German catalog, the numbers as German writes them
    const { say } = briefWords('de')
    const german = (await download(millId, 'md', '?lang=de')).text
    expect(german).toContain(`| **${say('total')}** | 10.450 m² | 14 |`)
    expect(german).toContain(`| ${say('siteArea')} | 12.400 m² |`)

    const one = (await download(singleId, 'md')).text
    expect(one).toContain('1 use with 1,200 m² planned on a site of 5,000 m² (24% of the site).')
    expect(one).toContain('1 actor in 1 sector; 1 committed')
    expect(one).toContain('- Makers e.V. operates Open workshop.')
    expect(one).toContain('| **Total** | 1,500 m² | 1 | 1,200 m² | 100% | 80% |')
    expect(one).not.toMatch(/\b1 (uses|actors|sectors|relationships)\b/)
  })

  it('pdf: the same sentences', async () => {
    const res = await download(singleId, 'pdf')
    expect(res.status).toBe(200)
    const file = path.join(scratch, 'single.pdf')
    writeFileSync(file, res.bytes)
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    expect(text).toContain('Makers e.V. operates Open workshop.')
    expect(text).toContain('1 use with 1,200 m² planned')
    expect(text).toMatch(/Total 1,500 m² 1 1,200 m² 100% 80%/)
    expect(text).not.toMatch(/\b1 (uses|actors|sectors)\b/)

    const german = await download(singleId, 'pdf', '?lang=de')
    writeFileSync(file, german.bytes)
    const germanText = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    expect(germanText).toMatch(new RegExp(`${briefWords('de').say('total')} 1\\.500 m² 1 1\\.200 m² 100\\s% 80\\s%`))
  })
})

describe('dot votes in the exports', () => {
  const notes = [
    { id: 'v1', label: 'Makerspace' },
    { id: 'v2', label: 'Café Šimek' },
    { id: 'v3', label: 'Repair shop' },
  ].map((note, i) => ({ ...note, kind: 'note', x: i * 240, y: 0, w: 180, h: 140, color: 'yellow' }))
  const voteBoard: BoardDocument = {
    format: 'refresh-board',
    version: 1,
    board: { id: 'votes', title: 'Votes' },
    site: { name: 'Hall 4' },
    elements: notes as unknown as BoardDocument['elements'],
  }
  const pdfTextOf = (bytes: Uint8Array) => {
    const file = path.join(scratch, 'votes.pdf')
    writeFileSync(file, bytes)
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
  }
  const facilitate = (boardId: string, body: Record<string, unknown>) =>
    api(server.url, 'POST', `/api/boards/${boardId}/facilitation`, { token: owner.token, body })

  it('list a closed vote with its ranking by name; an open vote’s ballots are in no export', async () => {
    const boardId = await createBoard(server.url, owner.token, { title: 'Votes', content: voteBoard })
    const ana = await joinAs(server.url, owner.token, boardId, 'editor', 'Ana Voter')
    const bo = await joinAs(server.url, owner.token, boardId, 'editor', 'Bo Voter')
    const opened = await facilitate(boardId, {
      command: 'vote.open',
      elementIds: ['v1', 'v2', 'v3'],
      dotsPerPerson: 3,
      maxPerElement: 2,
      anonymous: false,
      title: 'Which uses first?',
    })
    expect(opened.status).toBe(200)
    const cast = (token: string, dots: Record<string, number>) =>
      api(server.url, 'PUT', `/api/boards/${boardId}/vote`, { token, body: { dots } })
    expect((await cast(ana.token, { v2: 2, v1: 1 })).status).toBe(200)
    expect((await cast(bo.token, { v2: 1, v3: 2 })).status).toBe(200)

    // while it is open: no export says anything of the ballots, nor who voted
    const secrets = [ana.user.id, bo.user.id, 'Ana Voter', 'Bo Voter', 'Which uses first?', 'Dot votes']
    for (const format of ['json', 'csv', 'md', 'svg']) {
      const res = await download(boardId, format)
      expect(res.status).toBe(200)
      for (const secret of secrets) expect(res.text, `${format} holds ${secret}`).not.toContain(secret)
    }
    const openPdf = pdfTextOf((await download(boardId, 'pdf')).bytes)
    for (const secret of secrets) expect(openPdf).not.toContain(secret)
    const openBook = await workbookOf((await download(boardId, 'xlsx')).bytes)
    expect(openBook.getWorksheet('Votes')).toBeUndefined()
    for (const sheet of openBook.worksheets)
      sheet.eachRow((row) => {
        const cells = JSON.stringify(row.values)
        for (const secret of secrets) expect(cells).not.toContain(secret)
      })

    // closed: the ranking by name in both briefs and the workbook
    expect((await facilitate(boardId, { command: 'vote.close' })).status).toBe(200)
    const md = (await download(boardId, 'md')).text
    expect(md).toContain(
      '## Dot votes\n\n### Vote: Which uses first?\n\n2 people voted (3 per person, at most 2 per element); closed ',
    )
    expect(md).toContain(
      '1. Café Šimek — 3 dots (from Ana Voter 2, Bo Voter 1)\n2. Repair shop — 2 dots (from Bo Voter 2)\n3. Makerspace — 1 dot (from Ana Voter 1)\n',
    )
    expect(md).not.toMatch(/\bv[123]\b/)
    const pdf = pdfTextOf((await download(boardId, 'pdf')).bytes)
    expect(pdf).toContain('Vote: Which uses first?')
    expect(pdf).toContain('1. Café Šimek — 3 dots (from Ana Voter 2, Bo Voter 1)')
    expect(pdf).toContain('3. Makerspace — 1 dot (from Ana Voter 1)')
    const book = await workbookOf((await download(boardId, 'xlsx')).bytes)
    expect(rowsOf(book, 'Votes').map((row) => [row.Vote, row.Rank, row.Element, row.Kind, row.Dots, row.Voters])).toEqual([
      ['Which uses first?', 1, 'Café Šimek', 'Note', 3, 'Ana Voter (2); Bo Voter (1)'],
      ['Which uses first?', 2, 'Repair shop', 'Note', 2, 'Bo Voter (2)'],
      ['Which uses first?', 3, 'Makerspace', 'Note', 1, 'Ana Voter (1)'],
    ])

    // a second vote, anonymous and open: the first stays listed, the new ballots stay out
    await facilitate(boardId, { command: 'vote.open', kind: 'note', dotsPerPerson: 1, anonymous: true, title: 'Second round' })
    expect((await cast(ana.token, { v1: 1 })).status).toBe(200)
    const during = (await download(boardId, 'md')).text
    expect(during).toContain('### Vote: Which uses first?')
    expect(during).not.toContain('Second round')
    await facilitate(boardId, { command: 'vote.close' })
    const after = (await download(boardId, 'md')).text
    expect(after).toContain('### Vote: Second round\n\n1 person voted (1 per person, at most 1 per element); closed ')
    expect(after).toContain('Anonymous: totals only.\n\n1. Makerspace — 1 dot\n\nNo dots: 2 other elements.')
  })
})
