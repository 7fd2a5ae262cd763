import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyOperation } from '../operations/apply-operation.ts'
import { createTimeline, MONTH_WIDTH_PX, phaseBoxFor, xToMonth } from '../scene/timeline.ts'
import { type ReadIssue, readBoardDocument, readSettings, writeBoardDocument } from './convert.ts'
import { getElements, getSettings } from './layout.ts'
import { resolveSettings, Settings } from './settings.ts'

describe('Settings: working languages', () => {
  it('takes the planned languages, each once, in the order given', () => {
    expect(Settings.parse({ languages: ['sl', 'it'] }).languages).toEqual(['sl', 'it'])
    expect(Settings.parse({ languages: ['it', 'sl', 'en'], showBothLanguages: true })).toMatchObject({
      languages: ['it', 'sl', 'en'],
      showBothLanguages: true,
    })
    expect(Settings.parse({}).languages).toBeUndefined()
    expect(Settings.parse({ languages: [] }).languages).toEqual([])
  })

  it('refuses unplanned codes, repeats, non-lists and a non-boolean switch', () => {
    const message = 'must be a list of different language codes from en, de, hu, sl, it, hr, cs, pl, sk'
    for (const languages of [['sl', 'fr'], ['sl', 'sl'], 'sl', ['SL'], [1]]) {
      const parsed = Settings.safeParse({ languages })
      expect(parsed.success, JSON.stringify(languages)).toBe(false)
      expect(parsed.error?.issues[0]?.message).toBe(message)
    }
    expect(Settings.safeParse({ showBothLanguages: 'yes' }).success).toBe(false)
  })

  it('keeps the analysis defaults beside them', () => {
    expect(resolveSettings({ languages: ['sl', 'it'] })).toMatchObject({ creativeThreshold: 5, languages: ['sl', 'it'] })
  })

  it('is written by settings.update and read back from the document; a bad stored value is left out', () => {
    const doc = new Y.Doc()
    const apply = (fields: Record<string, unknown>) => applyOperation(doc, { type: 'settings.update', fields })
    expect(apply({ languages: ['sl', 'it'], showBothLanguages: true })).toEqual({ ok: true })
    expect(getSettings(doc).toJSON()).toEqual({ languages: ['sl', 'it'], showBothLanguages: true })
    expect(readSettings(doc)).toMatchObject({ languages: ['sl', 'it'], showBothLanguages: true })

    expect(apply({ languages: ['sl', 'xx'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_settings', field: 'settings.languages[1]' },
    })
    expect(apply({ showBothLanguages: 'yes' })).toMatchObject({ ok: false, error: { code: 'invalid_settings' } })
    expect(apply({ languages: null, showBothLanguages: null })).toEqual({ ok: true })
    expect(getSettings(doc).toJSON()).toEqual({})

    getSettings(doc).set('languages', ['sl', 'klingon'])
    const issues: ReadIssue[] = []
    expect(readSettings(doc, issues)?.languages).toBeUndefined()
    expect(issues[0]?.field).toMatch(/^settings\.languages/)
  })
})

describe('Settings: the timeline origin', () => {
  it('is read back from the document, so exports, snapshots and a snapshot restore keep it', () => {
    const doc = new Y.Doc()
    expect(applyOperation(doc, { type: 'settings.update', fields: { timelineOrigin: '2026-09' } })).toEqual({ ok: true })
    const settings = readSettings(doc)
    expect(settings?.timelineOrigin).toBe('2026-09')
    // a restore writes the settings it read: the origin must survive the round trip
    const copy = new Y.Doc()
    writeBoardDocument(copy, { ...readBoardDocument(doc, { id: 'b', title: 'B' }).document })
    expect(getSettings(copy).get('timelineOrigin')).toBe('2026-09')

    expect(applyOperation(doc, { type: 'settings.update', fields: { timelineOrigin: 'soon' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_settings', field: 'settings.timelineOrigin' },
    })
    getSettings(doc).set('timelineOrigin', '2026-13')
    const issues: ReadIssue[] = []
    expect(readSettings(doc, issues)?.timelineOrigin).toBeUndefined()
    expect(issues[0]?.field).toMatch(/^settings\.timelineOrigin/)
  })
})

describe('Settings: a new timeline origin', () => {
  it('moves every phase to where its months now lie, keeping its width', () => {
    const doc = new Y.Doc()
    const phase = {
      id: 'p1',
      kind: 'phase',
      label: 'Pilot',
      stage: 'pilot',
      start: '2027-03',
      end: '2027-08',
      y: 40,
      h: 60,
    } as const
    const box = phaseBoxFor(phase.start, phase.end, phase.y, phase.h) // on the default origin, 2027-01
    expect(applyOperation(doc, { type: 'element.add', elements: [{ ...phase, ...box }] })).toEqual({ ok: true })
    expect(applyOperation(doc, { type: 'settings.update', fields: { timelineOrigin: '2026-01' } })).toEqual({ ok: true })
    const moved = getElements(doc).get('p1') as Y.Map<unknown>
    expect(moved.get('x')).toBe(box.x + 12 * MONTH_WIDTH_PX)
    expect(moved.get('w')).toBe(box.w)
    expect(xToMonth(createTimeline('2026-01'), moved.get('x') as number)).toBe('2027-03')
    // back to the default: back where it was
    expect(applyOperation(doc, { type: 'settings.update', fields: { timelineOrigin: null } })).toEqual({ ok: true })
    expect(moved.get('x')).toBe(box.x)
  })
})
