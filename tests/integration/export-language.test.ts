import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import fontkit from '@pdf-lib/fontkit'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fontFiles } from '../../server/export/render/canvas-environment.ts'
import { briefWords } from '../../shared/export/markdown-text.ts'
import { de } from '../../shared/i18n/de.ts'
import { catalogs, createTranslator, en, type LanguageCode, type MessageKey } from '../../shared/i18n/index.ts'
import type { Message } from '../../shared/i18n/types.ts'
import type { BoardDocument } from '../../shared/schema/document.ts'
import { type Account, api, createBoard, signup } from '../helpers/api.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

/** Names that need every partner language's letters: Slovak, Czech, Polish, Hungarian, Croatian, German. */
const LETTERS = {
  sk: 'Ľubovnianske ĺ ŕ Kultúrne centrum Ružomberok',
  cs: 'Přádelna Dvůr ř ů',
  pl: 'Łódź Fabryka ą ę ł ś ż ź ć ń',
  hu: 'Győri Műhely ő ű',
  hr: 'Đakovo Tvornica đ č ć š ž',
  de: 'Weißenau Spinnerei ä ö ü ß',
}

const at = (x: number, y: number) => ({ x, y, w: 220, h: 90 })
const board: BoardDocument = {
  format: 'refresh-board',
  version: 1,
  board: { id: 'b', title: 'Pradiareň Ružomberok' },
  site: { name: 'Pradiareň', areaM2: 5000, heritageStatus: 'listed' },
  elements: [
    ...Object.entries(LETTERS).map(([language, label], i) => ({
      id: `a-${language}`,
      kind: 'actor',
      ...at(0, i * 120),
      label,
      sector: i === 0 ? 'creative' : 'culture',
      commitment: 'loi',
    })),
    { id: 'u1', kind: 'use', ...at(400, 0), label: 'Dielňa', category: 'studio', areaM2: 1200 },
    { id: 'l1', kind: 'link', from: 'a-sk', to: 'u1', relation: 'operates' },
    { id: 'p1', kind: 'phase', ...at(400, 200), label: 'Dočasné využitie', stage: 'interim', start: '2027-03', end: '2027-12' },
  ],
} as unknown as BoardDocument

let server: TestServer
let english: Account
let german: Account
let boardId: string
let germanBoardId: string
const scratch = mkdtempSync(path.join(tmpdir(), 'rb-export-language-'))

beforeAll(async () => {
  server = await startTestServer()
  english = await signup(server.url, 'Ana')
  german = await signup(server.url, 'Gerda')
  const set = await api(server.url, 'PATCH', '/api/auth/me', { token: german.token, body: { language: 'de' } })
  expect(set.status).toBe(200)
  boardId = await createBoard(server.url, english.token, { title: 'Pradiareň Ružomberok', content: board })
  germanBoardId = await createBoard(server.url, german.token, { title: 'Pradiareň Ružomberok', content: board })
})
afterAll(async () => {
  await server.stop()
  rmSync(scratch, { recursive: true, force: true })
})

/** An export of the English account's board, or with the German account's token of the German account's copy. */
async function exportOf(format: string, query = '', token = english.token) {
  const id = token === german.token ? germanBoardId : boardId
  const res = await fetch(`${server.url}/api/boards/${id}/export/${format}${query}`, {
    headers: { authorization: `Bearer ${token}` },
  })
  expect(res.status).toBe(200)
  return new Uint8Array(await res.arrayBuffer())
}

const pdfText = (bytes: Uint8Array, name: string) => {
  const file = path.join(scratch, `${name}.pdf`)
  writeFileSync(file, bytes)
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
}

/** German straight from shared/i18n/de.ts (English where it lacks a key), as the brief's `t` is built. */
const germanT = createTranslator<MessageKey>('de', de, en)

describe('md in a language', () => {
  it('writes a German brief for ?lang=de: headings, sentences and enumerations from the German catalog', async () => {
    const md = new TextDecoder().decode(await exportOf('md', '?lang=de'))
    expect(md).toBe(new TextDecoder().decode(await exportOf('md', '?lang=de-AT')))
    const { say, enumLabel } = briefWords('de')
    for (const key of ['siteProfile', 'actors', 'useMix', 'relationships', 'roadmap', 'indicators', 'gaps'] as const) {
      expect(say(key)).toBe(germanT(`export.brief.${key}`))
      expect(md).toContain(`\n## ${say(key)}\n`)
    }
    // enumerations by their German names, never the English ones
    for (const [enumeration, value] of [
      ['sector', 'creative'],
      ['sector', 'culture'],
      ['useCategory', 'studio'],
      ['commitment', 'loi'],
      ['stage', 'interim'],
      ['heritageStatus', 'listed'],
    ] as const) {
      const key = `enum.${enumeration}.${value}` as MessageKey
      expect(enumLabel(enumeration, value)).toBe(germanT(key))
      expect(germanT(key)).not.toBe(en[key])
      expect(md).toContain(germanT(key))
      expect(md).not.toContain(en[key] as string)
    }
    // a heading the German catalog has translated never reads in English
    for (const key of ['export.brief.actors', 'export.brief.useMix', 'export.brief.roadmap'] as const)
      if (de[key] !== undefined && de[key] !== en[key]) expect(md).not.toContain(`## ${en[key]}\n`)
    expect(md).toContain(germanT('export.relationSentence.operates', { from: LETTERS.sk, to: 'Dielňa' }))
    // numbers and months as German writes them
    expect(md).toContain('1.200 m²')
  })

  it('follows the account’s language without ?lang=, and ?lang= wins over it', async () => {
    const ofGerman = new TextDecoder().decode(await exportOf('md', '', german.token))
    expect(ofGerman).toBe(new TextDecoder().decode(await exportOf('md', '?lang=de', german.token)))
    expect(ofGerman).toBe(new TextDecoder().decode(await exportOf('md', '?lang=de')))
    expect(ofGerman).toContain(germanT('enum.sector.creative'))
    const asked = new TextDecoder().decode(await exportOf('md', '?lang=en', german.token))
    expect(asked).toContain(`## ${en['export.brief.actors']}`)
    expect(asked).toContain(en['enum.sector.creative'])
    // an account without a language: English
    const plain = new TextDecoder().decode(await exportOf('md'))
    expect(plain).toBe(asked)
  })
})

describe('xlsx in a language', () => {
  it('names sheets and columns and writes enumerations in the account’s language', async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await exportOf('xlsx', '', german.token)).buffer as ArrayBuffer)
    const actors = workbook.getWorksheet(germanT('export.xlsx.sheet.actors'))
    expect(actors).toBeDefined()
    expect(actors?.getRow(1).getCell(2).value).toBe(germanT('export.xlsx.sector'))
    const sectors = actors?.getColumn(2).values.slice(2)
    expect(sectors).toContain(germanT('enum.sector.creative'))
    expect(sectors).not.toContain(en['enum.sector.creative'])
  })
})

/**
 * The PDF for a language other than English: Slovak once its catalog is registered, until then
 * the first registered catalog that is not English (the labels carry every partner language's
 * letters either way).
 */
const pdfLanguage: LanguageCode = catalogs.sk
  ? 'sk'
  : ((Object.keys(catalogs).find((code) => code !== 'en') ?? 'en') as LanguageCode)

describe(`pdf in a language (${pdfLanguage === 'sk' ? 'Slovak' : `Slovak not registered yet: ${pdfLanguage}`})`, () => {
  it('extracts its headings, enumerations and every diacritic as written', async () => {
    const text = pdfText(await exportOf('pdf', `?lang=${pdfLanguage}`), pdfLanguage).replace(/[\u2009\u202f\u00a0]/g, ' ')
    for (const label of Object.values(LETTERS)) expect(text).toContain(label)
    expect(text).toContain('Pradiareň Ružomberok')
    const { say, enumLabel, t } = briefWords(pdfLanguage)
    for (const key of ['actors', 'useMix', 'relationships', 'roadmap', 'indicators'] as const) expect(text).toContain(say(key))
    expect(text).toContain(t('export.pdf.atAGlance'))
    expect(text).toContain(enumLabel('sector', 'creative'))
    expect(text).toContain(enumLabel('useCategory', 'studio'))
    expect(text).toContain(enumLabel('stage', 'interim'))
    if (pdfLanguage !== 'en') expect(enumLabel('sector', 'creative')).not.toBe(en['enum.sector.creative'])
  })
})

describe('the PDF fonts', () => {
  it('have a glyph for every letter of every registered catalog and every partner language', () => {
    const letters = new Set<number>()
    const add = (text: string) => {
      for (const char of text) letters.add(char.codePointAt(0) ?? 0)
    }
    for (const catalog of Object.values(catalogs))
      for (const message of Object.values(catalog ?? {}) as Message[])
        for (const text of typeof message === 'string' ? [message] : Object.values(message)) add(text)
    for (const label of Object.values(LETTERS)) add(label)
    for (const file of [fontFiles.regular, fontFiles.bold]) {
      const font = fontkit.create(readFileSync(file))
      const missing = [...letters].filter((code) => code > 0x20 && !font.hasGlyphForCodePoint(code))
      expect(missing.map((code) => String.fromCodePoint(code))).toEqual([])
    }
  })
})
