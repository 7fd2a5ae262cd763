import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Analysis } from '../../shared/analysis/types.ts'
import { workedExample, workedExampleInput } from '../../shared/analysis/worked-example.fixture.ts'
import { BOM } from '../../shared/export/csv.ts'
import { parseCsvStrict } from '../../shared/export/test-support/parse-csv.ts'
import type { BoardDocument } from '../../shared/schema/document.ts'
import { type Account, api, createBoard, signup } from '../helpers/api.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'
import { connectClient, type SyncClient } from '../helpers/sync-client.ts'

/**
 * Issue 17, money: a board with investment, running cost, income, funding source and funds
 * amounts, imported over REST, answers the viability figures worked out by hand in
 * shared/analysis/analyse.test.ts, and its export imports again unchanged.
 */
let server: TestServer
let owner: Account
let boardId: string
const clients: SyncClient[] = []

const analysisOf = (id: string) => api<Analysis>(server.url, 'GET', `/api/boards/${id}/analysis`, { token: owner.token })
async function download(id: string, format: string): Promise<string> {
  const res = await fetch(`${server.url}/api/boards/${id}/export/${format}`, {
    headers: { authorization: `Bearer ${owner.token}` },
  })
  expect(res.status).toBe(200)
  return res.text()
}

/** Polls the analysis until `check` holds (a live edit reaches the server asynchronously). */
async function viabilityWhen(check: (v: Analysis['indicators']['viability']) => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const res = await analysisOf(boardId)
    if (res.status === 200 && check(res.body.indicators.viability)) return res.body.indicators.viability
    if (Date.now() > deadline) throw new Error(`never matched: ${JSON.stringify(res.body.indicators?.viability)}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

beforeAll(async () => {
  server = await startTestServer()
  owner = await signup(server.url, 'Treasurer')
  boardId = await createBoard(server.url, owner.token, { title: 'Malzfabrik', content: workedExampleInput })
})
afterAll(async () => {
  for (const client of clients) client.destroy()
  await server.stop()
})

describe('money fields over REST', () => {
  it('GET /analysis answers the new viability figures, keys in their fixed order', async () => {
    const res = await analysisOf(boardId)
    expect(res.status).toBe(200)
    const v = res.body.indicators.viability
    expect(Object.keys(v).slice(-10)).toEqual([
      'investmentEur',
      'runningCostEurYear',
      'incomeEurYear',
      'costRecovery',
      'paybackYears',
      'breakEvenYear',
      'fundingEur',
      'publicFundingEur',
      'subsidyDependency',
      'fundingBySource',
    ])
    expect(v).toMatchObject({
      investmentEur: 600000,
      runningCostEurYear: 60000,
      incomeEurYear: 109200,
      breakEvenYear: 2039,
      fundingEur: 600000,
      publicFundingEur: 360000,
    })
    expect(v.costRecovery).toBeCloseTo(1.82, 12)
    expect(v.subsidyDependency).toBeCloseTo(0.6, 12)
    expect(v.fundingBySource).toEqual({
      own: 40000,
      private: 0,
      loan: 120000,
      municipal: 60000,
      regional: 0,
      national: 0,
      eu: 300000,
      foundation: 0,
      crowdfunding: 0,
      mixed: 0,
      unspecified: 80000,
    })
  })

  it('export/json carries every money field; importing it again gives the same elements and figures', async () => {
    const exported = JSON.parse(await download(boardId, 'json')) as BoardDocument
    expect(exported.version).toBe(1)
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    expect(exported.elements).toEqual([...workedExample.elements].sort(byId))
    expect(exported.elements.find((element) => element.id === 'u3')).toMatchObject({
      investmentEur: 120000,
      runningCostEurYear: 30000,
      incomeEurYear: 42000,
      fundingSource: 'loan',
    })
    expect(exported.elements.find((element) => element.id === 'l7')).toMatchObject({ relation: 'funds', amountEur: 60000 })

    const copyId = await createBoard(server.url, owner.token, { title: 'Copy', content: exported })
    const copy = JSON.parse(await download(copyId, 'json')) as BoardDocument
    expect(copy.elements).toEqual(exported.elements)
    expect((await analysisOf(copyId)).body.indicators.viability).toEqual((await analysisOf(boardId)).body.indicators.viability)
  })

  it('export/csv has a column per money field', async () => {
    const rows = parseCsvStrict((await download(boardId, 'csv')).slice(BOM.length))
    const header = rows[0] ?? []
    for (const column of ['investmentEur', 'runningCostEurYear', 'incomeEurYear', 'fundingSource', 'amountEur'])
      expect(header).toContain(column)
    const u1 = rows.find((row) => row[0] === 'u1') ?? []
    expect(u1[header.indexOf('investmentEur')]).toBe('300000')
    expect(u1[header.indexOf('fundingSource')]).toBe('eu')
    const l7 = rows.find((row) => row[0] === 'l7') ?? []
    expect(l7[header.indexOf('amountEur')]).toBe('60000')
  })

  it('an import with a bad money value is refused, naming the field', async () => {
    const bad = structuredClone(workedExampleInput) as { elements: Record<string, unknown>[] }
    const use = bad.elements.find((element) => element.id === 'u1')
    if (use) use.fundingSource = 'bank'
    const res = await api<{ error: { message: string } }>(server.url, 'POST', '/api/boards', {
      token: owner.token,
      body: { title: 'Bad', content: bad },
    })
    expect(res.status).toBe(400)
    expect(res.body.error.message).toMatch(/fundingSource/)
  })

  it('a live edit of a money field through y-websocket is accepted and reaches the analysis', async () => {
    const client = connectClient(server.url, boardId, owner.token)
    clients.push(client)
    await client.synced
    const u4 = client.doc.getMap('elements').get('u4') as Y.Map<unknown>
    expect(u4).toBeInstanceOf(Y.Map)
    u4.set('fundingSource', 'regional')
    const viability = await viabilityWhen((v) => v.fundingBySource.regional === 80000)
    // u4's 80,000 moved from "unspecified" to a public source: 440,000 of 600,000 public
    expect(viability.fundingBySource.unspecified).toBe(0)
    expect(viability.publicFundingEur).toBe(440000)
  })

  it('the sync guard refuses a money value the schema refuses (a text amount), and takes the valid one after it', async () => {
    const writer = connectClient(server.url, boardId, owner.token)
    clients.push(writer)
    await writer.synced
    const elements = writer.doc.getMap('elements')
    ;(elements.get('u2') as Y.Map<unknown>).set('investmentEur', '1.200.000')
    ;(elements.get('l7') as Y.Map<unknown>).set('amountEur', 70000)
    const viability = await viabilityWhen((v) => v.fundingBySource.municipal === 70000)
    expect(viability.investmentEur).toBe(600000) // u2's text is not counted: it never reached the board
    const reader = connectClient(server.url, boardId, owner.token)
    clients.push(reader)
    await reader.synced
    const u2 = reader.doc.getMap('elements').get('u2') as Y.Map<unknown>
    expect(u2.has('investmentEur')).toBe(false)
    expect((reader.doc.getMap('elements').get('l7') as Y.Map<unknown>).get('amountEur')).toBe(70000)
    const exported = JSON.parse(await download(boardId, 'json')) as BoardDocument
    expect(exported.elements.find((element) => element.id === 'u2')).not.toHaveProperty('investmentEur')
  })

  it("the Markdown and PDF briefs list the uses' money and a funds link's amount, in the language asked", async () => {
    const fresh = await createBoard(server.url, owner.token, { title: 'Malzfabrik', content: workedExampleInput })
    const md = await download(fresh, 'md')
    expect(md).toContain('### Investment and funding')
    expect(md).toContain('| Open workshop | 300,000 | 18,000 | — | EU funding |')
    expect(md).toMatch(/funds Workshop hall \(€60,000\)\./)
    expect(md).toMatch(/\| Break-even year \| 2039 \|/)
    const german = await download(fresh, 'md?lang=de')
    expect(german).toMatch(/Workshop hall \(60\.000\s€\)\./)
    const res = await fetch(`${server.url}/api/boards/${fresh}/export/pdf`, {
      headers: { authorization: `Bearer ${owner.token}` },
    })
    expect(res.status).toBe(200)
    const scratch = mkdtempSync(path.join(tmpdir(), 'money-pdf-'))
    try {
      const file = path.join(scratch, 'brief.pdf')
      writeFileSync(file, new Uint8Array(await res.arrayBuffer()))
      const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
      expect(text).toContain('Investment and funding')
      expect(text).toContain('€60,000')
      expect(text).toMatch(/Subsidy dependency\s+60%/)
    } finally {
      rmSync(scratch, { recursive: true, force: true })
    }
  })
})
