import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { briefWords } from '../../../shared/export/markdown-text.ts'
import type { LanguageCode } from '../../../shared/i18n/index.ts'
import type { BoardDocument } from '../../../shared/schema/document.ts'
import { renderPdf } from './render-pdf.ts'

/** One year of roadmap: wide enough months that the axis names each one. */
const board = {
  format: 'refresh-board',
  version: 1,
  board: { id: 'b', title: 'Ex-Filanda di Godego' },
  site: { name: 'Ex-Filanda' },
  elements: [
    {
      id: 'p1',
      kind: 'phase',
      x: 0,
      y: 0,
      w: 240,
      h: 60,
      label: 'Uso temporaneo',
      stage: 'interim',
      start: '2027-03',
      end: '2027-12',
    },
    { id: 'p2', kind: 'phase', x: 0, y: 80, w: 24, h: 60, label: 'Festa', stage: 'pilot', start: '2027-06', end: '2027-06' },
  ],
} as unknown as BoardDocument

const scratch = mkdtempSync(path.join(tmpdir(), 'rb-gantt-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

async function roadmapText(locale?: LanguageCode): Promise<string> {
  const bytes = await renderPdf({
    document: board,
    analysis: null,
    snapshot: null,
    boardImage: null,
    ...(locale ? { locale } : {}),
  })
  const file = path.join(scratch, `${locale ?? 'en'}.pdf`)
  writeFileSync(file, bytes)
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
  // Intl puts thin spaces around a range's dash
  const { say } = briefWords(locale)
  return text.slice(text.indexOf(say('roadmap')), text.indexOf(say('actors'))).replace(/[\u2009\u202f\u00a0]/g, ' ')
}

describe('the PDF roadmap in the brief’s language', () => {
  it('writes months in English by default: the span, the length, the axis initials', async () => {
    const text = await roadmapText()
    expect(text).toContain('Interim use · Mar – Dec 2027 · 10 months')
    expect(text).toContain('Pilot · Jun 2027 · 1 month')
    expect(text).toContain('J F M A M J J A S O N D')
    expect(text).not.toContain('2027-03')
  })

  it('writes them with Intl in the language asked for (Italian: gennaio is G, giugno G, luglio L)', async () => {
    const text = await roadmapText('it')
    // the words from the Italian catalog (English where it lacks a key)
    const { enumLabel, t } = briefWords('it')
    const months = (count: number) => t('export.pdf.months', { count, n: String(count) })
    expect(text).toContain(`${enumLabel('stage', 'interim')} · mar–dic 2027 · ${months(10)}`)
    expect(text).toContain(`${enumLabel('stage', 'pilot')} · giu 2027 · ${months(1)}`)
    expect(text).toContain('G F M A M G L A S O N D')
    expect(text).not.toContain('2027-03')
  })
})
