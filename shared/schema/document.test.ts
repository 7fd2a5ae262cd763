import { describe, expect, it } from 'vitest'
import { emptyBoardDocument, parseBoardDocument } from './document.ts'
import { contractExample } from './fixtures/contract-example.ts'

const withElement = (element: Record<string, unknown>, index = 3) => {
  const document = contractExample()
  document.elements.splice(index, 1, element)
  return document
}
const errorOf = (input: unknown) => {
  const result = parseBoardDocument(input)
  if (result.ok) throw new Error('expected the document to be refused')
  return result.error
}

describe('parseBoardDocument', () => {
  it("accepts the contract's example verbatim and keeps every field", () => {
    const input = contractExample()
    const result = parseBoardDocument(input)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.elements).toEqual(input.elements)
    expect(result.value.site).toEqual(input.site)
    expect(result.value.board).toEqual({ id: '…', title: '…' })
  })

  it('names the first bad element by index and id, and the field, in plain English', () => {
    const document = contractExample()
    document.elements[1] = { ...document.elements[1], areaM2: -5 }
    document.elements[4] = { ...document.elements[4], color: 'teal' }
    const error = errorOf(document)
    expect(error.message).toBe('elements[1] (id "u1"): areaM2 must be a number ≥ 0')
    expect(error).toMatchObject({ elementId: 'u1', elementIndex: 1, field: 'areaM2' })
  })

  it.each([
    [
      { id: 'u7', kind: 'use', x: 0, y: 0, w: 10, h: 10, label: '', category: 'makerspace', areaM2: 'big' },
      'elements[3] (id "u7"): areaM2 must be a number ≥ 0',
    ],
    [
      { id: 'u7', kind: 'use', x: 0, y: 0, w: 10, h: 10, label: '', category: 'spa' },
      'elements[3] (id "u7"): category must be one of studio, makerspace, coworking, events, exhibition, gastronomy, retail, living, education, production, services, visitor_centre, community, storage, green, leisure, other',
    ],
    [
      { id: 'a7', kind: 'actor', x: 0, y: 0, w: 10, h: 10, label: '', commitment: 'loi' },
      'elements[3] (id "a7"): sector is required',
    ],
    [
      { id: 'a7', kind: 'actor', x: 0, y: 0, w: 10, h: 10, label: '', sector: 'civil', commitment: 'loi', influence: 6 },
      'elements[3] (id "a7"): influence must be a whole number from 1 to 5',
    ],
    [
      { id: 'a7', kind: 'actor', x: 0, y: 0, w: 10, h: 10, label: '', sector: 'civil', commitment: 'loi', interest: 2.5 },
      'elements[3] (id "a7"): interest must be a whole number from 1 to 5',
    ],
    [
      { id: 'a7', kind: 'actor', x: 0, y: 0, w: 10, h: 10, label: '', sector: 'civil', commitment: 'loi', country: 'de' },
      'elements[3] (id "a7"): country must be a two-letter ISO 3166-1 country code in capitals, like "DE"',
    ],
    [{ id: 'n7', kind: 'note', x: 0, y: 0, w: 0, h: 10, label: '' }, 'elements[3] (id "n7"): w must be a number > 0'],
    [{ id: 'n7', kind: 'note', x: 0, y: 0, w: 10, h: 10 }, 'elements[3] (id "n7"): label is required'],
    [
      { id: 'n7', kind: 'note', x: 0, y: 0, w: 10, h: 10, label: 'x'.repeat(501) },
      'elements[3] (id "n7"): label must be text of at most 500 characters',
    ],
    [
      { id: 'n7', kind: 'note', x: 0, y: 0, w: 10, h: 10, label: '', locked: 'yes' },
      'elements[3] (id "n7"): locked must be true or false',
    ],
    [
      { id: 'n7', kind: 'note', x: 0, y: 0, w: 10, h: 10, label: '', labels: { German: 'x' } },
      'elements[3] (id "n7"): labels.German must be keyed by language codes like "de", "sl" or "pt-BR"',
    ],
    [{ id: 'f7', kind: 'frame', y: 0, w: 10, h: 10, label: '' }, 'elements[3] (id "f7"): x is required'],
    [
      { id: 'p7', kind: 'phase', x: 0, y: 0, w: 10, h: 10, label: '', stage: 'pilot', start: '2028-01', end: '2027-12' },
      'elements[3] (id "p7"): end must not be before start',
    ],
    [
      { id: 'p7', kind: 'phase', x: 0, y: 0, w: 10, h: 10, label: '', stage: 'pilot', start: '2028-13', end: '2029-01' },
      'elements[3] (id "p7"): start must be a month written YYYY-MM, like "2027-03"',
    ],
    [
      {
        id: 'p7',
        kind: 'phase',
        x: 0,
        y: 0,
        w: 10,
        h: 10,
        label: '',
        stage: 'pilot',
        start: '2028-01',
        end: '2029-01',
        refs: ['u1', 'no spaces'],
      },
      'elements[3] (id "p7"): refs[1] must be 1–64 characters of A–Z, a–z, 0–9, "_" or "-"',
    ],
    [
      { id: 'l7', kind: 'link', from: 'a1', to: 'u1', relation: 'likes' },
      'elements[3] (id "l7"): relation must be one of operates, uses, owns, funds, supplies, cooperates, mentors, regulates, supports, conflicts, synergy, depends_on',
    ],
    [
      { id: 'i7', kind: 'image', x: 0, y: 0, w: 10, h: 10, label: '', src: 'https://evil.example/x.png' },
      'elements[3] (id "i7"): src must be a path on this server starting with "/", at most 2000 characters',
    ],
    [
      { id: 'x7', kind: 'sticker', x: 0, y: 0, w: 10, h: 10, label: '' },
      'elements[3] (id "x7"): kind must be one of actor, use, link, phase, note, zone, frame, image',
    ],
    [
      { id: 'bad id', kind: 'frame', x: 0, y: 0, w: 10, h: 10, label: '' },
      'elements[3] (id "bad id"): id must be 1–64 characters of A–Z, a–z, 0–9, "_" or "-"',
    ],
    [{ kind: 'frame', x: 0, y: 0, w: 10, h: 10, label: '' }, 'elements[3]: id is required'],
    ['just text', 'elements[3]: must be an object'],
  ])('refuses %j', (element, message) => {
    expect(errorOf(withElement(element as Record<string, unknown>)).message).toBe(message)
  })

  it('refuses infinite and non-numeric coordinates', () => {
    const document = contractExample()
    document.elements[0] = { ...document.elements[0], x: Number.POSITIVE_INFINITY }
    expect(errorOf(document).message).toBe('elements[0] (id "a1"): x must be a finite number')
    document.elements[0] = { ...document.elements[0], x: '12' }
    expect(errorOf(document).message).toBe('elements[0] (id "a1"): x must be a finite number')
  })

  it('refuses duplicate ids, naming the second use', () => {
    const document = contractExample()
    document.elements.push({ ...document.elements[1], x: 999 })
    const error = errorOf(document)
    expect(error.message).toBe('elements[7] (id "u1"): id is already used by elements[1]')
    expect(error.field).toBe('id')
  })

  it('refuses a wrong header or site before looking at elements', () => {
    expect(errorOf({ ...contractExample(), format: 'miro' }).message).toBe('format must be "refresh-board"')
    expect(errorOf({ ...contractExample(), version: 2 }).message).toBe('version must be 1')
    expect(errorOf({ ...contractExample(), board: undefined }).message).toBe('board must be an object')
    const badSite = { ...contractExample(), site: { areaM2: -1 } }
    expect(errorOf(badSite)).toMatchObject({ message: 'site.areaM2 must be a number ≥ 0', field: 'site.areaM2' })
    expect(errorOf({ ...contractExample(), elements: {} }).message).toBe('elements must be a list of elements')
    expect(errorOf(null).message).toBe('the document must be a JSON object')
  })

  it('accepts references to elements the document lacks', () => {
    const document = contractExample()
    document.elements.push({ id: 'l2', kind: 'link', from: 'gone', to: 'u1', relation: 'uses' })
    document.elements.push({ id: 'u2', kind: 'use', x: 0, y: 0, w: 1, h: 1, label: '', category: 'other', zone: 'nowhere' })
    expect(parseBoardDocument(document).ok).toBe(true)
  })

  it('drops unknown fields and keeps the contract fields in a stable key order', () => {
    const document = contractExample()
    document.elements[4] = { color: 'yellow', label: 'Heating?', h: 160, w: 160, y: 0, x: 600, kind: 'note', id: 'n1', votes: 3 }
    const result = parseBoardDocument(document)
    if (!result.ok) throw new Error(result.error.message)
    expect(JSON.stringify(result.value.elements[4])).toBe(
      '{"id":"n1","kind":"note","x":600,"y":0,"w":160,"h":160,"label":"Heating?","color":"yellow"}',
    )
  })

  it('fills settings defaults and accepts the image kind, labels and optional extras', () => {
    const document = {
      ...contractExample(),
      settings: { commitmentWeights: { idea: 0 } },
      elements: [
        {
          id: 'img',
          kind: 'image',
          x: 0,
          y: 0,
          w: 800,
          h: 600,
          label: 'Site plan',
          src: '/api/boards/b1/files/plan.png',
          alt: 'Plan',
        },
        {
          id: 'a',
          kind: 'actor',
          x: 0,
          y: 0,
          w: 1,
          h: 1,
          label: 'Č',
          labels: { sl: 'Š', de: 'ß' },
          sector: 'investor',
          commitment: 'idea',
          budgetEurM2Month: 3,
          legalForm: 'd.o.o.',
          horizon: '2028',
          z: 'a0',
        },
      ],
    }
    const result = parseBoardDocument(document)
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.settings).toEqual({
      creativeThreshold: 5,
      commitmentWeights: { idea: 0, interested: 0.25, loi: 0.5, precontract: 0.8, signed: 1 },
    })
    expect(Object.keys(result.value.elements[1]?.labels ?? {})).toEqual(['de', 'sl'])
  })

  it('makes an empty document for a new board', () => {
    const document = emptyBoardDocument({ id: 'b1', title: 'Mill' }, { name: 'Mill', areaM2: 10 })
    expect(document).toEqual({
      format: 'refresh-board',
      version: 1,
      board: { id: 'b1', title: 'Mill' },
      site: { name: 'Mill', areaM2: 10 },
      elements: [],
    })
    expect(parseBoardDocument(document).ok).toBe(true)
  })
})
