import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { textileMillDocument } from '../../shared/demo/textile-mill.ts'
import { briefWords } from '../../shared/export/markdown-text.ts'
import { type Account, createBoard, signup } from '../helpers/api.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

/** A title that needs escaping in the XMP metadata and diacritics in the Info dictionary. */
const TITLE = 'Spinnerei & Co <Přádelna> – Łódź'

let server: TestServer
let owner: Account
let boardId: string
const scratch = mkdtempSync(path.join(tmpdir(), 'rb-export-pdf-tagged-'))

beforeAll(async () => {
  server = await startTestServer()
  owner = await signup(server.url, 'Owner')
  boardId = await createBoard(server.url, owner.token, { title: TITLE, content: textileMillDocument })
})
afterAll(async () => {
  await server.stop()
  rmSync(scratch, { recursive: true, force: true })
})

/** The board's PDF through the export route, saved for poppler. */
async function pdfOf(query: string): Promise<{ file: string; bytes: Uint8Array }> {
  const res = await fetch(`${server.url}/api/boards/${boardId}/export/pdf${query}`, {
    headers: { authorization: `Bearer ${owner.token}` },
  })
  expect(res.status).toBe(200)
  const bytes = new Uint8Array(await res.arrayBuffer())
  const file = path.join(scratch, `brief${query.replace(/\W+/g, '-')}.pdf`)
  writeFileSync(file, bytes)
  return { file, bytes }
}

const poppler = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8' })

interface StructNode {
  type: string
  attributes: string[]
  /** The text of the element's own marked content, as `pdfinfo -struct-text` quotes it. */
  text: string[]
  children: StructNode[]
}

/** The tree `pdfinfo -struct-text` prints: two spaces of indent per level; text in quotes; attributes after a colon. */
function structTree(output: string): StructNode {
  const root: StructNode = { type: '(root)', attributes: [], text: [], children: [] }
  const stack: Array<{ node: StructNode; depth: number }> = [{ node: root, depth: -1 }]
  for (const raw of output.split('\n')) {
    if (raw.trim() === '') continue
    const depth = (raw.length - raw.trimStart().length) / 2
    const line = raw.trim()
    while ((stack[stack.length - 1]?.depth ?? -1) >= depth && stack.length > 1) stack.pop()
    const parent = (stack[stack.length - 1] as { node: StructNode }).node
    if (line.startsWith('"')) parent.text.push(line.slice(1, -1))
    else if (line.startsWith('/')) parent.attributes.push(line)
    else {
      const node: StructNode = { type: line.split(/[\s:]/)[0] ?? line, attributes: [], text: [], children: [] }
      parent.children.push(node)
      stack.push({ node, depth })
    }
  }
  return root
}

const all = (node: StructNode, type: string): StructNode[] => [
  ...node.children.filter((child) => child.type === type),
  ...node.children.flatMap((child) => all(child, type)),
]
const textOf = (node: StructNode): string => [...node.text, ...node.children.map(textOf)].join('')

/** A text string of a PDF object (literal or UTF-16 hex), read by pdf-lib — a parser apart from the writer. */
const decoded = (value: unknown): string | undefined =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined

/** The `Alt` of every `Figure` in the structure tree, in order. */
function figureAlts(pdf: PDFDocument): string[] {
  const alts: string[] = []
  const walk = (dict: PDFDict) => {
    if (dict.get(PDFName.of('S')) === PDFName.of('Figure')) alts.push(decoded(dict.get(PDFName.of('Alt'))) ?? '')
    const kids = dict.lookup(PDFName.of('K'))
    const list = kids instanceof PDFArray ? kids.asArray().map((kid) => pdf.context.lookup(kid)) : [kids]
    for (const kid of list) if (kid instanceof PDFDict) walk(kid)
  }
  walk(pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict))
  return alts
}

describe('the tagged PDF brief', () => {
  it('has a structure tree in reading order: headings, tables with column headers, lists and figures', async () => {
    const { file } = await pdfOf('?lang=de')
    expect(poppler('pdfinfo', file)).toMatch(/^Tagged:\s+yes$/m)

    const tree = structTree(poppler('pdfinfo', '-struct-text', file))
    expect(tree.children.map((node) => node.type)).toEqual(['Document'])
    const document = tree.children[0] as StructNode
    const { say, t } = briefWords('de')

    // the first-level headings, in the order the brief reads
    expect(all(document, 'H1').map(textOf)).toEqual([
      TITLE,
      t('export.pdf.board'),
      say('roadmap'),
      say('actors'),
      say('useMix'),
      say('indicators'),
    ])
    const h2 = all(document, 'H2').map(textOf)
    for (const heading of [say('siteProfile'), t('export.pdf.atAGlance'), say('byZone'), say('byUse'), say('gaps')])
      expect(h2).toContain(heading)

    // every table: a first row of column headers, then rows of data cells
    const tables = all(document, 'Table')
    expect(tables.length).toBeGreaterThanOrEqual(6)
    for (const table of tables) {
      const [header, ...rows] = table.children
      expect(header?.type).toBe('TR')
      expect(header?.children.length).toBeGreaterThan(1)
      for (const cell of header?.children ?? []) {
        expect(cell.type).toBe('TH')
        expect(cell.attributes).toContain('/Scope /Column')
      }
      expect(rows.length).toBeGreaterThan(0)
      for (const row of rows) expect(row.children.map((cell) => cell.type)).toEqual(header?.children.map(() => 'TD'))
    }
    // the actors by sector: its headers, and a Czech actor's name in a cell as written
    const actors = tables.find((table) => textOf(table.children[0] as StructNode).startsWith(say('actor')))
    expect(actors?.children[0]?.children.map(textOf)).toContain(say('commitment'))
    expect(actors?.children.slice(1).map((row) => textOf(row.children[0] as StructNode))).toContain('Spolek Přádelna Dvůr')

    // the relationships as a list: each item a bullet label and its sentence
    const items = all(document, 'LI').filter((item) => item.children[0]?.type === 'Lbl')
    expect(items.length).toBeGreaterThan(10)
    expect(items.map((item) => textOf(item.children[1] as StructNode))).toContain(
      `${briefWords('de').relationSentence('operates', 'Kaffeerösterei Großmann & Söhne', 'Café and roastery')}.`,
    )

    // the board picture and the Gantt roadmap are figures
    expect(all(document, 'Figure')).toHaveLength(2)
    // page footers and "continued" lines are artifacts: in the page's text, not in the structure
    const pageText = poppler('pdftotext', '-enc', 'UTF-8', file, '-')
    const page = t('export.pdf.page', { page: '1', pages: '' }).trim()
    const continued = t('export.pdf.continued', { heading: say('actors') })
    expect(pageText).toContain(page)
    expect(pageText).toContain(continued)
    expect(textOf(document)).not.toContain(page)
    expect(textOf(document)).not.toContain(continued)
  })

  it('describes its figures in words of the document’s language: the board by its content, the roadmap by its phases', async () => {
    const { bytes } = await pdfOf('?lang=de')
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false })
    const [board, roadmap] = figureAlts(pdf)
    const { t, enumLabel } = briefWords('de')
    expect(board?.startsWith(t('export.pdf.boardAlt', { contents: '' }).trim())).toBe(true)
    const actorCount = textileMillDocument.elements.filter((element) => element.kind === 'actor').length
    expect(board).toContain(`${enumLabel('elementKindPlural', 'actor')}: ${actorCount} (`)
    expect(board).toContain(`${enumLabel('elementKindPlural', 'frame')}: `)
    expect(roadmap?.startsWith(t('export.pdf.roadmapAlt', { phases: '' }).trim())).toBe(true)
    // the analysis phase (2026-09 … 2027-02): its stage and months as the chart writes them
    expect(roadmap?.replace(/[\u2009\u202f\u00a0]/g, ' ')).toContain(
      `${enumLabel('stage', 'analysis')} · Sept. 2026 – Feb. 2027 · ${t('export.pdf.months', { count: 6, n: '6' })}`,
    )
  })

  it('is in the language asked for (?lang=), English by default, with its title shown and marked as tagged', async () => {
    for (const [query, language] of [
      ['?lang=de', 'de'],
      ['?lang=sl', 'sl'],
      ['', 'en'],
    ] as const) {
      const { file, bytes } = await pdfOf(query)
      const pdf = await PDFDocument.load(bytes, { updateMetadata: false })
      expect(decoded(pdf.catalog.get(PDFName.of('Lang'))), query).toBe(language)
      // poppler reads it in the XMP metadata too
      expect(poppler('pdfinfo', '-meta', file)).toMatch(new RegExp(`<dc:language>\\s*<rdf:Bag>\\s*<rdf:li>${language}</rdf:li>`))
      const markInfo = pdf.catalog.lookup(PDFName.of('MarkInfo'), PDFDict)
      expect(markInfo.get(PDFName.of('Marked'))).toBe(PDFBool.True)
      const preferences = pdf.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict)
      expect(preferences.get(PDFName.of('DisplayDocTitle'))).toBe(PDFBool.True)
      expect(pdf.getTitle()).toBe(TITLE)
      expect(poppler('pdfinfo', file)).toContain(`Title:           ${TITLE}`)
      // the title in the XMP metadata, escaped
      expect(poppler('pdfinfo', '-meta', file)).toContain('Spinnerei &amp; Co &lt;Přádelna&gt; – Łódź')
    }
  })
})
