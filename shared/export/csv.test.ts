import { describe, expect, it } from 'vitest'
import { textileMillDocument } from '../demo/textile-mill.ts'
import { type BoardDocument, parseBoardDocument } from '../schema/document.ts'
import { BOM, elementColumns, toCsv } from './csv.ts'
import { csvField, writeCsv } from './rfc4180.ts'
import { parseCsvStrict } from './test-support/parse-csv.ts'

const tricky = 'Kulturni center "Šivalnica", Žužemberk\nčćđšž řů\r\nőű łśąę ß'

function doc(elements: unknown[]): BoardDocument {
  const parsed = parseBoardDocument({ format: 'refresh-board', version: 1, board: { id: 'b', title: 'T' }, elements })
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value
}

const fixture = doc([
  {
    id: 'a1',
    kind: 'actor',
    x: -50,
    y: 0.5,
    w: 180,
    h: 90,
    label: tricky,
    sector: 'culture',
    commitment: 'loi',
    spaceNeedM2: 1500,
  },
  {
    id: 'p1',
    kind: 'phase',
    x: 0,
    y: 400,
    w: 300,
    h: 60,
    label: 'Interim',
    stage: 'interim',
    start: '2027-03',
    end: '2028-02',
    refs: ['u1', 'a1'],
    labels: { pl: 'Użytkowanie tymczasowe', de: 'Zwischennutzung' },
    locked: true,
  },
  { id: 'l1', kind: 'link', from: 'a1', to: 'u1', relation: 'operates' },
  { id: 'n1', kind: 'note', x: 0, y: 0, w: 1, h: 1, label: '=HYPERLINK("http://example.org")' },
])

describe('RFC 4180 writer', () => {
  it('quotes only what needs it and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField(' padded')).toBe('" padded"')
    expect(
      writeCsv([
        ['a', 'b'],
        ['', 'c'],
      ]),
    ).toBe('a,b\r\n,c\r\n')
  })
})

describe('toCsv', () => {
  it('with a semicolon delimiter keeps the columns and values, quoting what holds a semicolon', () => {
    const comma = parseCsvStrict(toCsv(fixture).slice(BOM.length))
    const csv = toCsv(fixture, { delimiter: ';' })
    expect(csv.startsWith(BOM)).toBe(true)
    const semicolon = parseCsvStrict(csv.slice(BOM.length), ';')
    expect(semicolon).toEqual(comma)
    expect(csv).toContain('"u1;a1"')
  })

  it('starts with a BOM, ends records with CRLF and parses back strictly to the same rows', () => {
    const csv = toCsv(fixture)
    expect(csv.startsWith(BOM)).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csv.replaceAll('\r\n', '').includes('\n')).toBe(true) // the label's own LF, quoted
    const [header, ...rows] = parseCsvStrict(csv.slice(BOM.length))
    expect(header).toEqual([...elementColumns, 'labels.de', 'labels.pl'])
    expect(header?.slice(0, 7)).toEqual(['id', 'kind', 'label', 'x', 'y', 'w', 'h'])
    const at = (row: string[] | undefined, column: string) => row?.[header?.indexOf(column) ?? -1]
    expect(rows).toHaveLength(4)
    expect(at(rows[0], 'label')).toBe(tricky)
    expect(at(rows[0], 'x')).toBe('-50')
    expect(at(rows[0], 'y')).toBe('0.5')
    expect(at(rows[0], 'spaceNeedM2')).toBe('1500')
    expect(at(rows[1], 'refs')).toBe('u1;a1')
    expect(at(rows[1], 'labels.pl')).toBe('Użytkowanie tymczasowe')
    expect(at(rows[1], 'locked')).toBe('true')
    expect(at(rows[2], 'x')).toBe('')
    expect(at(rows[2], 'from')).toBe('a1')
  })

  it('puts every field of every kind in schema order after the fixed columns', () => {
    expect(elementColumns.slice(0, 7)).toEqual(['id', 'kind', 'label', 'x', 'y', 'w', 'h'])
    expect(new Set(elementColumns).size).toBe(elementColumns.length)
    for (const field of [
      'z',
      'locked',
      'sector',
      'subsector',
      'commitment',
      'category',
      'areaM2',
      'zone',
      'from',
      'to',
      'relation',
      'stage',
      'start',
      'end',
      'refs',
      'color',
      'src',
      'alt',
    ])
      expect(elementColumns).toContain(field)
    expect(elementColumns.indexOf('sector')).toBeLessThan(elementColumns.indexOf('category'))
    expect(elementColumns).not.toContain('labels')
  })

  it('neutralises formula-like free text, never numbers', () => {
    const [header, ...rows] = parseCsvStrict(toCsv(fixture).slice(1))
    const label = header?.indexOf('label') ?? -1
    expect(rows[3]?.[label]).toBe(`'=HYPERLINK("http://example.org")`)
    expect(parseCsvStrict(toCsv(fixture, { neutraliseFormulas: false }).slice(1))[4]?.[label]).toBe(
      '=HYPERLINK("http://example.org")',
    )
  })

  it('is deterministic and holds every element of the demo', () => {
    const once = toCsv(textileMillDocument)
    expect(toCsv(structuredClone(textileMillDocument))).toBe(once)
    const rows = parseCsvStrict(once.slice(1))
    expect(rows.length - 1).toBe(textileMillDocument.elements.length)
    expect(rows.map((row) => row[0]).slice(1)).toEqual(textileMillDocument.elements.map((e) => e.id))
  })
})

describe('parseCsvStrict', () => {
  it('refuses what RFC 4180 does not allow', () => {
    expect(() => parseCsvStrict('a"b\r\n')).toThrow()
    expect(() => parseCsvStrict('"a"b\r\n')).toThrow()
    expect(() => parseCsvStrict('a\nb\r\n')).toThrow()
    expect(() => parseCsvStrict('a,b\r\nc\r\n')).toThrow()
    expect(() => parseCsvStrict('"open\r\n')).toThrow()
  })
})
