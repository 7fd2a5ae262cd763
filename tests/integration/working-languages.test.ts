import { describe, expect, it } from 'vitest'
import { applyOperation } from '../../shared/operations/apply-operation.ts'
import { type Account, api, createBoard, exportJson, joinAs } from '../helpers/api.ts'
import { putElement } from '../helpers/elements.ts'
import type { TestServer } from '../helpers/server.ts'
import { actor, deniedReasons, elementOf, useSyncBed } from '../helpers/sync-bed.ts'
import { waitFor } from '../helpers/sync-client.ts'

let server: TestServer
let owner: Account
const bed = useSyncBed({ ROOM_IDLE_MS: '50' }, (s, o) => {
  server = s
  owner = o
})
const { client, storedDocument } = bed

// Piran: a board worked in Slovenian and Italian, its cards showing both
const piran = {
  format: 'refresh-board',
  version: 1,
  board: { id: 'piran', title: 'Skladišče soli / Magazzino del sale' },
  site: { name: 'Magazzino Monfort', location: 'Portorož' },
  elements: [actor('a1', 'Solinarski muzej', { labels: { it: 'Museo delle saline' } })],
  settings: { creativeThreshold: 5, languages: ['sl', 'it'], showBothLanguages: true },
}

describe('a board’s working languages', () => {
  it('round-trip through export and import', async () => {
    const boardId = await createBoard(server.url, owner.token, { title: 'Piran', content: piran })
    const exported = (await exportJson(server.url, owner.token, boardId)) as Record<string, unknown>
    expect(exported.settings).toMatchObject({ languages: ['sl', 'it'], showBothLanguages: true })
    expect(exported.elements).toEqual([expect.objectContaining({ id: 'a1', labels: { it: 'Museo delle saline' } })])

    const copyId = await createBoard(server.url, owner.token, { title: 'Piran again', content: exported })
    const again = (await exportJson(server.url, owner.token, copyId)) as Record<string, unknown>
    expect(again.settings).toEqual(exported.settings)

    // an import with a language the product does not plan is refused, naming the field
    const bad = await api(server.url, 'POST', '/api/boards', {
      token: owner.token,
      body: { title: 'Bad', content: { ...piran, settings: { languages: ['sl', 'fr'] } } },
    })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('languages')
  })

  it('are set by a facilitator over sync; an editor’s attempt is refused and compensated', async () => {
    const boardId = await createBoard(server.url, owner.token, { title: 'Piran live' })
    const editor = await joinAs(server.url, owner.token, boardId, 'editor')
    const f = client(owner.token, boardId)
    const e = client(editor.token, boardId)
    await Promise.all([f.synced, e.synced])

    expect(applyOperation(f.doc, { type: 'settings.update', fields: { languages: ['sl', 'it'] } })).toEqual({ ok: true })
    await waitFor(() => JSON.stringify(e.doc.getMap('settings').get('languages')) === '["sl","it"]', 3000, 'languages')

    // a raw client write: the editor's own copy of the operation does not check roles
    const denied = deniedReasons()
    try {
      e.doc.getMap('settings').set('languages', ['de'])
      e.doc.getMap('settings').set('showBothLanguages', true)
      putElement(e.doc, actor('a2', 'Kavarna', { labels: { it: 'Caffè' } })) // labels are an element field: allowed
      await waitFor(() => elementOf(f.doc, 'a2') !== undefined, 3000, 'the editor’s element')
      await waitFor(() => denied.reasons.length > 0, 3000, 'permission denied')
      await waitFor(() => JSON.stringify(e.doc.getMap('settings').get('languages')) === '["sl","it"]', 3000, 'compensation')
      await waitFor(() => !e.doc.getMap('settings').has('showBothLanguages'), 3000, 'compensation')
    } finally {
      denied.restore()
    }
    expect(denied.reasons.every((reason) => reason.includes('facilitator_only'))).toBe(true)
    expect(f.doc.getMap('settings').get('languages')).toEqual(['sl', 'it'])
    expect(f.doc.getMap('settings').has('showBothLanguages')).toBe(false)

    const stored = (await storedDocument(boardId)) as Record<string, unknown>
    expect(stored.settings).toMatchObject({ languages: ['sl', 'it'] })
    expect(stored.elements).toEqual([expect.objectContaining({ id: 'a2', labels: { it: 'Caffè' } })])
  })
})
