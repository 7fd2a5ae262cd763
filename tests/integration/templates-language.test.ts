import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/config.ts'
import { seedDemoIfEmpty } from '../../server/demo/seed-demo.ts'
import { createLogger } from '../../server/logger.ts'
import { textileMillDocument } from '../../shared/demo/textile-mill.ts'
import { de } from '../../shared/i18n/de.ts'
import { createTranslator, en, type MessageKey } from '../../shared/i18n/index.ts'
import type { BoardDocument } from '../../shared/schema/document.ts'
import { createHarness, type RestHarness, signup } from './rest-harness.ts'

/** German straight from shared/i18n/de.ts (English where it lacks a key), as the server builds it. */
const germanT = createTranslator<MessageKey>('de', de, en)

/** Keys the German catalog has translated: a frame of those never reads in English. */
const germanHas = (key: MessageKey) => de[key] !== undefined && de[key] !== en[key]

const siteScanFrames: MessageKey[] = [
  'templates.siteScan.context',
  'templates.siteScan.strengths',
  'templates.siteScan.weaknesses',
  'templates.siteScan.opportunities',
  'templates.siteScan.threats',
  'templates.siteScan.tows',
  'templates.siteScan.so',
]

let h: RestHarness
beforeEach(async () => {
  h = await createHarness()
})
afterEach(() => h.close())

async function germanAccount() {
  const account = await signup(h, 'Gerda')
  expect((await h.request('PATCH', '/api/auth/me', { token: account.token, body: { language: 'de' } })).status).toBe(200)
  return account
}

const documentOf = async (token: string, boardId: string) =>
  (await h.request('GET', `/api/boards/${boardId}/export/json`, { token })).body as BoardDocument

const frameLabels = (document: BoardDocument) =>
  document.elements.flatMap((element) => (element.kind === 'frame' ? [element.label] : []))

describe('templates in the language of the person who applies them', () => {
  it('POST /api/boards {template} by a German account: German frame titles and prompts', async () => {
    const { token } = await germanAccount()
    const created = await h.request('POST', '/api/boards', { token, body: { title: 'Bestandsaufnahme', template: 'site-scan' } })
    expect(created.status).toBe(201)
    const document = await documentOf(token, (created.body as { board: { id: string } }).board.id)
    const labels = frameLabels(document)
    for (const key of siteScanFrames) {
      expect(labels).toContain(germanT(key))
      if (germanHas(key)) expect(labels).not.toContain(en[key])
    }
    const notes = document.elements.flatMap((element) => (element.kind === 'note' ? [element.label] : []))
    expect(notes).toContain(germanT('templates.siteScan.strengths.prompt2'))
  })

  it('template.add (POST /api/boards/:id/templates) by a German account: German frame titles; `lang` wins', async () => {
    const { token } = await germanAccount()
    const created = await h.request('POST', '/api/boards', { token, body: { title: 'Leer' } })
    const boardId = (created.body as { board: { id: string } }).board.id
    const added = await h.request('POST', `/api/boards/${boardId}/templates`, { token, body: { template: 'stakeholder-map' } })
    expect(added.status).toBe(200)
    const german = frameLabels(await documentOf(token, boardId))
    expect(german).toContain(germanT('templates.stakeholderMap.frame'))
    expect(german).toContain(germanT('templates.stakeholderMap.manageClosely'))
    if (germanHas('templates.stakeholderMap.frame')) expect(german).not.toContain(en['templates.stakeholderMap.frame'])

    // an explicit language in the body (or ?lang=) wins over the account's
    const english = await h.request('POST', `/api/boards/${boardId}/templates`, {
      token,
      body: { template: 'phasing-roadmap', lang: 'en' },
    })
    expect(english.status).toBe(200)
    expect(frameLabels(await documentOf(token, boardId))).toContain(en['templates.phasingRoadmap.lane.interim'])
    const query = await h.request('POST', `/api/boards/${boardId}/templates?lang=de`, { token, body: { template: 'use-mix' } })
    expect(query.status).toBe(200)
    expect(frameLabels(await documentOf(token, boardId))).toContain(germanT('templates.useMix.usesToPlace'))
  })

  it('an account without a language gets English, as before', async () => {
    const { token } = await signup(h, 'Ana')
    const created = await h.request('POST', '/api/boards', { token, body: { title: 'Scan', template: 'site-scan' } })
    const labels = frameLabels(await documentOf(token, (created.body as { board: { id: string } }).board.id))
    for (const key of siteScanFrames) expect(labels).toContain(en[key])
  })
})

describe('the demo board in DEMO_LANG', () => {
  it('reads DEMO_LANG (default en; a code that is not a planned language is refused)', () => {
    expect(loadConfig({}).demoLanguage).toBe('en')
    expect(loadConfig({ DEMO_LANG: 'DE' }).demoLanguage).toBe('de')
    expect(() => loadConfig({ DEMO_LANG: 'fr' })).toThrow(/DEMO_LANG/)
  })

  it('DEMO_LANG=de seeds a German demo: title, frames and notes from the catalog; the names on the cards as written', async () => {
    const demo = await seedDemoIfEmpty(h.services, h.content, { publicOrigin: 'http://localhost:8787' }, createLogger('error'), {
      language: 'de',
    })
    expect(demo).not.toBeNull()
    const record = await h.services.boards.store.get(demo?.boardId ?? '')
    expect(record?.title).toBe(germanT('templates.demo.boardTitle', { site: 'Spinnerei Weißenau' }))
    const { token } = await signup(h, 'Visitor')
    const document = await documentOf(token, demo?.boardId ?? '')
    const byId = new Map(document.elements.map((element) => [element.id as string, element]))
    const label = (id: string) => {
      const element = byId.get(id)
      return element && 'label' in element ? element.label : undefined
    }
    expect(label('f-actors')).toBe(germanT('templates.demo.frame.actors'))
    expect(label('f-questions')).toBe(germanT('templates.demo.frame.questions'))
    expect(label('n-heating')).toBe(germanT('templates.demo.note.heating'))
    // the note written bilingually shows its own German text
    expect(label('n-signage')).toBe('Zweisprachige Beschilderung, Deutsch und Tschechisch?')
    if (germanHas('templates.demo.frame.actors')) expect(label('f-actors')).not.toBe(en['templates.demo.frame.actors'])
    // actors' and uses' names stay as people wrote them
    for (const element of textileMillDocument.elements)
      if (element.kind === 'actor' || element.kind === 'use') expect(label(element.id)).toBe(element.label)
  })
})
