import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createCanvas, loadImage } from '@napi-rs/canvas'
import { Window } from 'happy-dom'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { exportPng } from '../../server/export/render/board-exports.ts'
import { boardImageId } from '../../server/export/render/board-images.ts'
import { EXPORT_FONT_FAMILY } from '../../server/export/render/canvas-environment.ts'
import { analyse } from '../../shared/analysis/analyse.ts'
import { textileMillDocument } from '../../shared/demo/textile-mill.ts'
import { formatArea } from '../../shared/export/format.ts'
import { exportRegion } from '../../shared/export/svg-region.ts'
import { translatorFor } from '../../shared/i18n/index.ts'
import { buildBoardScene } from '../../shared/scene/build.ts'
import { FRAME_TAB_H } from '../../shared/scene/kinds/frame.ts'
import { sectorColors } from '../../shared/scene/palette.ts'
import type { BoardDocument } from '../../shared/schema/document.ts'
import type { Element } from '../../shared/schema/elements.ts'
import { type Account, api, createBoard, joinAs, signup } from '../helpers/api.ts'
import { note, putElement } from '../helpers/elements.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { connectClient, type SyncClient } from '../helpers/sync-client.ts'

const TITLE = 'Spinnerei Weißenau – Přádelna'
const ESCAPED_LABEL = 'Zadruga <Šivalnica> & "Co" ő ű ł ś ą ę ß'

/** The demo board plus an actor whose name needs XML escaping. */
const fixture: BoardDocument = {
  ...textileMillDocument,
  elements: [
    ...textileMillDocument.elements,
    {
      id: 'a-escape',
      kind: 'actor',
      x: 0,
      y: 1900,
      w: 220,
      h: 90,
      label: ESCAPED_LABEL,
      sector: 'civil',
      commitment: 'loi',
      country: 'SI',
    } as unknown as Element,
  ],
}

let server: TestServer
let owner: Account
let boardId: string
const clients: SyncClient[] = []
const scratch = mkdtempSync(path.join(tmpdir(), 'rb-export-render-'))

beforeAll(async () => {
  server = await startTestServer()
  owner = await signup(server.url, 'Owner')
  boardId = await createBoard(server.url, owner.token, { title: TITLE, content: fixture })
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
  rmSync(scratch, { recursive: true, force: true })
})

interface Download {
  status: number
  headers: Headers
  bytes: Uint8Array
  text: string
}

async function download(path: string, token: string | null = owner.token): Promise<Download> {
  const res = await fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })
  const bytes = new Uint8Array(await res.arrayBuffer())
  return { status: res.status, headers: res.headers, bytes, text: new TextDecoder().decode(bytes) }
}

const exportOf = (format: string, query = '', token: string | null = owner.token) =>
  download(`/api/boards/${boardId}/export/${format}${query}`, token)

/** Width and height from the PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  expect([...bytes.slice(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10])
  expect(new TextDecoder().decode(bytes.slice(12, 16))).toBe('IHDR')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

async function pixels(bytes: Uint8Array) {
  const image = await loadImage(Buffer.from(bytes))
  const canvas = createCanvas(image.width, image.height)
  const context = canvas.getContext('2d')
  context.drawImage(image, 0, 0)
  const data = context.getImageData(0, 0, image.width, image.height).data
  return {
    at(x: number, y: number): [number, number, number] {
      const i = (Math.round(y) * image.width + Math.round(x)) * 4
      return [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0]
    },
    /** Share of pixels that are not (nearly) white. */
    inked(): number {
      let count = 0
      for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0) < 750) count++
      return count / (data.length / 4)
    },
  }
}

const rgbOf = (hex: string): [number, number, number] => {
  const n = Number.parseInt(hex.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}
const near = (a: readonly number[], b: readonly number[], tolerance = 12) =>
  a.every((v, i) => Math.abs(v - (b[i] ?? 0)) <= tolerance)

/** Where the server's picture of the whole board starts, in board coordinates. */
const boardRegion = (document: BoardDocument) => {
  const region = exportRegion(document, buildBoardScene(document, { fontFamily: EXPORT_FONT_FAMILY }))
  if (!region.ok) throw new Error('no region')
  return region.value.rect
}

const element = (id: string) => {
  const found = fixture.elements.find((e) => e.id === id)
  if (!found || found.kind === 'link') throw new Error(`no box ${id}`)
  return found
}

/** A tiny XML well-formedness check: every tag closed in order, entities known, one root. */
function assertWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '')
  const stack: string[] = []
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<!--[\s\S]*?-->|([^<]+)|(<)/g
  let roots = 0
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    if (m[6]) throw new Error(`stray "<" at ${m.index}`)
    if (m[5] !== undefined) {
      const text = m[5]
      for (const entity of text.match(/&[^;\s]*;?/g) ?? [])
        if (!/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);$/i.test(entity)) throw new Error(`bad entity ${entity}`)
      if (stack.length === 0 && text.trim() !== '') throw new Error('text outside the root')
      continue
    }
    if (!m[2]) continue
    for (const entity of (m[3] ?? '').match(/&[^;\s"]*;?/g) ?? [])
      if (!/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);$/i.test(entity)) throw new Error(`bad entity ${entity} in an attribute`)
    if (m[1]) {
      if (stack.pop() !== m[2]) throw new Error(`</${m[2]}> closes the wrong element`)
    } else if (!m[4]) {
      if (stack.length === 0) roots++
      stack.push(m[2])
    } else if (stack.length === 0) roots++
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`)
  if (roots !== 1) throw new Error(`${roots} root elements`)
}

function pdfText(bytes: Uint8Array, mode: '-layout' | '-raw'): string {
  const file = path.join(scratch, `export-${mode}.pdf`)
  writeFileSync(file, bytes)
  return execFileSync('pdftotext', [mode, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
}

describe('png export', () => {
  it('draws the board at the requested scale: an actor band in its sector colour on a white margin', async () => {
    const res = await exportOf('png', '?scale=1')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.headers.get('content-disposition')).toContain('filename="spinnerei-weissenau-pradelna.png"')
    const region = boardRegion(fixture)
    const size = pngSize(res.bytes)
    expect(size).toEqual({ width: Math.ceil(region.width), height: Math.ceil(region.height) })

    const image = await pixels(res.bytes)
    expect(image.at(2, 2)).toEqual([255, 255, 255])
    const szonyi = element('a-szonyi') // creative industries: a violet band
    const band = image.at(szonyi.x + 4 - region.x, szonyi.y + 16 - region.y)
    expect(near(band, rgbOf(sectorColors.creative))).toBe(true)
    const civil = element('a-escape')
    expect(near(image.at(civil.x + 4 - region.x, civil.y + 16 - region.y), rgbOf(sectorColors.civil))).toBe(true)
    // not blank: cards, frames, zones and phases cover a good part of the picture
    expect(image.inked()).toBeGreaterThan(0.3)
  })

  it('?scale=2 doubles the size; the default is 2 when it fits', async () => {
    const one = pngSize((await exportOf('png', '?scale=1')).bytes)
    const two = await exportOf('png', '?scale=2')
    expect(two.status).toBe(200)
    expect(pngSize(two.bytes)).toEqual({ width: one.width * 2, height: one.height * 2 })
    expect(pngSize((await exportOf('png')).bytes)).toEqual(pngSize(two.bytes))
  })

  it('?frame= crops to the frame with its title tab and shows only what lies in it', async () => {
    const frame = element('f-site')
    const res = await exportOf('png', '?frame=f-site&scale=1')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain('filename="spinnerei-weissenau-pradelna-site-plan.png"')
    expect(pngSize(res.bytes)).toEqual({ width: frame.w + 32, height: frame.h + FRAME_TAB_H + 32 })
    const image = await pixels(res.bytes)
    expect(image.at(1, 1)).toEqual([255, 255, 255])
    expect(image.inked()).toBeGreaterThan(0.5)
    // inside the frame, away from its zones: the frame's light fill, not white
    expect(near(image.at(16 + 30, 16 + FRAME_TAB_H + 30), rgbOf('#f8f9fb'), 4)).toBe(true)

    const svg = (await exportOf('svg', '?frame=f-site')).text
    expect(svg).toContain('Spinning hall (Hall A)')
    expect(svg).not.toContain('Spolek Přádelna Dvůr')
  })

  it('refuses a picture over the size limit with JSON naming a scale that fits, and bad parameters with 400/404', async () => {
    const big = await exportOf('png', '?scale=4')
    expect(big.status).toBe(413)
    const body = JSON.parse(big.text) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('payload_too_large')
    expect(body.error.message).toMatch(/use \?scale=\d/)
    expect(big.headers.get('content-type')).toContain('application/json')

    expect((await exportOf('png', '?scale=9')).status).toBe(400)
    expect((await exportOf('png', '?scale=abc')).status).toBe(400)
    expect((await exportOf('png', '?frame=no-such-frame')).status).toBe(404)
    expect((await exportOf('png', '?frame=a-szonyi')).status).toBe(404) // not a frame
    expect((await exportOf('png', '?frame=bad%20id')).status).toBe(400)
    expect((await exportOf('gif')).status).toBe(404)
  })

  it('draws pictures from the board image store, never fetching a src', async () => {
    const red = createCanvas(40, 30)
    const context = red.getContext('2d')
    context.fillStyle = '#ff0000'
    context.fillRect(0, 0, 40, 30)
    const bytes = new Uint8Array(await red.encode('png'))
    const src = '/api/boards/b1/images/img1'
    const document: BoardDocument = {
      ...fixture,
      board: { id: 'b1', title: 'Pictures' },
      elements: [
        { id: 'i1', kind: 'image', x: 0, y: 0, w: 200, h: 150, label: 'Site plan', src } as unknown as Element,
        {
          id: 'i2',
          kind: 'image',
          x: 300,
          y: 0,
          w: 200,
          h: 150,
          label: 'Elsewhere',
          src: 'https://example.org/x.png',
        } as unknown as Element,
      ],
    }
    const asked: string[] = []
    const result = await exportPng(
      {
        boardId: 'b1',
        document,
        analysis: null,
        snapshot: null,
        images: {
          async get(board, imageId) {
            asked.push(`${board}/${imageId}`)
            return {
              meta: {
                id: imageId,
                contentType: 'image/png',
                width: 40,
                height: 30,
                bytes: bytes.length,
                createdBy: 'u',
                createdAt: '',
              },
              bytes,
            }
          },
        },
      },
      { scale: 1 },
    )
    if (!result.ok) throw new Error(result.message)
    expect(asked).toEqual(['b1/img1'])
    const image = await pixels(result.value.bytes)
    const region = boardRegion(document)
    expect(near(image.at(100 - region.x, 75 - region.y), [255, 0, 0])).toBe(true)
    // the foreign picture keeps its placeholder (light grey), nothing was fetched
    expect(near(image.at(320 - region.x, 20 - region.y), rgbOf('#f2f4f7'), 4)).toBe(true)
    expect(boardImageId('/api/boards/other/images/img1', 'b1')).toBeNull()
    expect(boardImageId('/api/boards/b1/images/img1', 'b1')).toBe('img1')
  })
})

describe('svg export', () => {
  it('is well-formed SVG with the labels as text, diacritics kept and <&> escaped, the same bytes twice', async () => {
    const res = await exportOf('svg')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8')
    expect(res.headers.get('content-disposition')).toContain('filename="spinnerei-weissenau-pradelna.svg"')
    const svg = res.text
    assertWellFormed(svg)

    const window = new Window()
    const parsed = new window.DOMParser().parseFromString(svg, 'image/svg+xml')
    expect(parsed.querySelector('parsererror')).toBeNull()
    const root = parsed.documentElement
    expect(root.tagName.toLowerCase()).toBe('svg')
    const texts = [...parsed.querySelectorAll('text')].map((text) => text.textContent ?? '')
    const all = texts.join('\n')
    for (const name of ['Spolek Přádelna Dvůr', 'Szőnyi Műhely Építésziroda Kft.', 'Kulturno društvo Šivalnica Žužemberk'])
      expect(all).toContain(name)
    // wrapped into <tspan> lines, the Polish name still reads in order
    expect(all.replace(/\s+/g, ' ')).toMatch(/Pracownia Łęczyca/)
    expect(all).toContain('Zadruga <Šivalnica> & "Co"')
    expect(svg).toContain('Zadruga &lt;Šivalnica&gt; &amp; ')
    await window.happyDOM.close()

    const again = await exportOf('svg')
    expect(Buffer.from(again.bytes).equals(Buffer.from(res.bytes))).toBe(true)
  })
})

describe('pdf export', () => {
  it('has the brief in text that extracts right: site, Czech, Polish and Hungarian names, indicator values', async () => {
    const res = await exportOf('pdf')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toContain('filename="spinnerei-weissenau-pradelna.pdf"')
    expect(new TextDecoder().decode(res.bytes.slice(0, 5))).toBe('%PDF-')

    const analysis = analyse(fixture)
    const layout = pdfText(res.bytes, '-layout')
    const raw = pdfText(res.bytes, '-raw')
    for (const text of [layout, raw]) {
      expect(text).toContain('Spinnerei Weißenau')
      expect(text).toContain('Spolek Přádelna Dvůr') // Czech
      expect(text).toContain('Pracownia Łęczyca – Małgorzata Świątek-Kośmider') // Polish
      expect(text).toContain('Szőnyi Műhely Építésziroda Kft.') // Hungarian
      expect(text).toContain('Kulturno društvo Šivalnica Žužemberk')
      expect(text).toContain(formatArea(analysis.indicators.area.plannedM2))
      expect(text).toContain('Phasing roadmap')
      expect(text).toContain('Actor constellation')
      expect(text).toContain('Areas per zone')
    }
    expect(raw).toMatch(new RegExp(`Actors ${analysis.indicators.actors.total}\\b`))
    expect(raw).toMatch(/Page 1 of \d+/)
    expect(raw).toContain('State of the live board')
    // the relationships in words, and the zones' total area (not the site's 12,400 m²)
    expect(raw).toContain('Relationships')
    expect(raw).toContain('Kaffeerösterei Großmann & Söhne operates Café and roastery.')
    expect(raw).toMatch(/Total 10,450 m² 14 /)
  })

  it('of a snapshot: the snapshot state, its label on the title page, the same bytes twice', async () => {
    const created = await api<{ snapshot: { id: string } }>(server.url, 'POST', `/api/boards/${boardId}/snapshots`, {
      token: owner.token,
      body: { label: 'Round 1 – Łódź' },
    })
    expect(created.status).toBe(201)
    const sid = created.body.snapshot.id
    const c = connectClient(server.url, boardId, owner.token)
    clients.push(c)
    await c.synced
    putElement(c.doc as Y.Doc, note('n-after', 'Added after the snapshot'))
    const deadline = Date.now() + 5000
    while (!(await exportOf('svg')).text.includes('id="element-n-after"')) {
      if (Date.now() > deadline) throw new Error('the change did not reach the server')
      await new Promise((r) => setTimeout(r, 25))
    }

    const svg = await exportOf('svg', `?snapshot=${sid}`)
    expect(svg.status).toBe(200)
    expect(svg.text).not.toContain('id="element-n-after"')
    expect(svg.text).toContain('id="element-a-escape"')
    expect(svg.headers.get('content-disposition')).toContain('filename="spinnerei-weissenau-pradelna-round-1-lodz.svg"')
    const png = await exportOf('png', `?snapshot=${sid}&scale=0.5`)
    expect(png.status).toBe(200)
    expect(pngSize(png.bytes).width).toBe(Math.ceil(boardRegion(fixture).width * 0.5))

    const pdf = await exportOf('pdf', `?snapshot=${sid}`)
    expect(pdf.status).toBe(200)
    const raw = pdfText(pdf.bytes, '-raw')
    expect(raw).toContain('Round 1 – Łódź')
    expect(raw).not.toContain('Added after the snapshot')
    const again = await exportOf('pdf', `?snapshot=${sid}`)
    expect(Buffer.from(again.bytes).equals(Buffer.from(pdf.bytes))).toBe(true)

    expect((await exportOf('pdf', '?snapshot=nope')).status).toBe(404)
    expect((await exportOf('png', '?snapshot=bad%20id')).status).toBe(400)
  })
})

describe('pdf export in the language asked for (?lang=)', () => {
  /** The text with the thin and no-break spaces Intl puts around dashes and units as plain spaces. */
  const plain = (text: string) => text.replace(/[\u2009\u202f\u00a0]/g, ' ')

  it('writes the roadmap months and the snapshot date as German does; English by default', async () => {
    const english = plain(pdfText((await exportOf('pdf')).bytes, '-raw'))
    // the analysis phase (2026-09 … 2027-02) on the left of its bar, and its length
    expect(english).toContain('Analysis · Sep 2026 – Feb 2027 · 6 months')
    expect(english).not.toMatch(/\d{4}-\d{2} – \d{4}-\d{2}/)

    // the words from the German catalog (English where it lacks a key), the months as German writes them
    const de = translatorFor('de')
    const german = plain(pdfText((await exportOf('pdf', '?lang=de')).bytes, '-raw'))
    expect(german).toContain(
      `${de('enum.stage.analysis')} · Sept. 2026 – Feb. 2027 · ${de('export.pdf.months', { count: 6, n: '6' })}`,
    )
    expect(german).not.toContain('Sep 2026')
    expect(german).not.toMatch(/\d{4}-\d{2} – \d{4}-\d{2}/)

    const created = await api<{ snapshot: { id: string; createdAt: string } }>(
      server.url,
      'POST',
      `/api/boards/${boardId}/snapshots`,
      { token: owner.token, body: { label: 'Runde 2' } },
    )
    expect(created.status).toBe(201)
    const { id, createdAt } = created.body.snapshot
    const [year, month, day] = createdAt.slice(0, 10).split('-')
    const ofSnapshot = plain(pdfText((await exportOf('pdf', `?snapshot=${id}&lang=de`)).bytes, '-raw'))
    expect(ofSnapshot).toContain(de('export.brief.snapshotOf', { label: 'Runde 2', date: `${day}.${month}.${year}` }))
    const englishSnapshot = plain(pdfText((await exportOf('pdf', `?snapshot=${id}`)).bytes, '-raw'))
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
    expect(englishSnapshot).toContain(
      `State of the board at snapshot "Runde 2" (${Number(day)} ${months[Number(month) - 1]} ${year}).`,
    )
  })
})

describe('who may export pictures and the pdf', () => {
  it('viewers may; outsiders get 404, no session 401', async () => {
    const viewer = await joinAs(server.url, owner.token, boardId, 'viewer')
    const outsider = await signup(server.url, 'Outsider')
    for (const format of ['png', 'svg', 'pdf']) {
      const query = format === 'png' ? '?scale=0.25' : ''
      expect((await exportOf(format, query, viewer.token)).status).toBe(200)
      const hidden = await exportOf(format, query, outsider.token)
      expect(hidden.status).toBe(404)
      expect(JSON.parse(hidden.text)).toMatchObject({ error: { code: 'board_not_found' } })
      expect((await exportOf(format, query, null)).status).toBe(401)
    }
  })
})
