import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Analysis } from '../../shared/analysis/types.ts'
import { comparableIndicators } from '../../shared/collections/compare.ts'
import { formatArea, formatNumber, formatPercent } from '../../shared/i18n/numbers.ts'
import { axeViolations } from '../helpers/axe.ts'
import { callFromPage, centreOf, launchBrowser, openPerson, watchedPage } from '../helpers/browser.ts'
import { putElement } from '../helpers/elements.ts'
import { startTestServer } from '../helpers/server.ts'
import { connectClient } from '../helpers/sync-client.ts'

/**
 * Collections of sites through the UI (issue 17): a facilitator creates a collection on the
 * home page, adds three boards (one at a snapshot), and the Compare tab shows what each board's
 * own analysis says; a reviewer joins by a collection invite and a board reviewer invite,
 * comments on an element of a board in its Comments tab and reviews a site; the facilitator sees the review side by
 * side and exports the strategy. axe on every tab; the Compare tab at 320 px; the screenshot
 * docs/screenshots/collection-compare.png.
 */

const root = path.resolve(import.meta.dirname, '../..')
/** a folder for a picture of every step, when set (for looking at the screens, not for the test) */
const SHOTS = process.env.COLLECTIONS_SHOTS
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/collections-${name}.png`, fullPage: true })
}
const SCREENSHOT = path.join(root, 'docs/screenshots/collection-compare.png')

type Person = Awaited<ReturnType<typeof openPerson>>

const box = { w: 200, h: 100 }
const actor = (id: string, x: number, label: string, sector: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'actor',
  x,
  y: 0,
  ...box,
  label,
  sector,
  ...extra,
})
const use = (id: string, x: number, label: string, category: string, areaM2: number, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'use',
  x,
  y: 240,
  ...box,
  label,
  category,
  areaM2,
  ...extra,
})
const link = (id: string, from: string, to: string, relation: string) => ({ id, kind: 'link', from, to, relation })

/** Three sites of a transnational programme: different sizes, sectors and money. */
const sites = [
  {
    title: 'Skladišče soli Piran',
    site: { name: 'Salt warehouse Monfort', location: 'Piran', country: 'SI', areaM2: 2400 },
    elements: [
      actor('a-ana', 0, 'Ana Kovač, ceramics', 'creative', { subsector: 'crafts', commitment: 'loi', spaceNeedM2: 120 }),
      actor('a-festival', 240, 'Piran Festival', 'culture', { subsector: 'festivals', commitment: 'signed', spaceNeedM2: 300 }),
      actor('a-hotel', 480, 'Hotel Tartini', 'tourism', {
        commitment: 'interested',
        influence: 4,
        interest: 4,
        stance: 'neutral',
      }),
      actor('a-muni', 720, 'Občina Piran', 'public', { commitment: 'signed', influence: 5, interest: 4, stance: 'supporter' }),
      use('u-studios', 0, 'Studios', 'studio', 600, {
        investmentEur: 240000,
        fundingSource: 'eu',
        runningCostEurYear: 36000,
        incomeEurYear: 30000,
      }),
      use('u-hall', 240, 'Event hall', 'events', 900, {
        investmentEur: 410000,
        fundingSource: 'municipal',
        runningCostEurYear: 60000,
        incomeEurYear: 72000,
      }),
      link('l1', 'a-ana', 'u-studios', 'uses'),
      link('l2', 'a-festival', 'u-hall', 'operates'),
      link('l3', 'a-hotel', 'u-hall', 'uses'),
      link('l4', 'a-muni', 'u-hall', 'funds'),
    ],
  },
  {
    title: 'Komló bánya',
    site: { name: 'Former coal mine', location: 'Komló', country: 'HU', areaM2: 5200 },
    elements: [
      actor('a-games', 0, 'Pixel Műhely', 'creative', {
        subsector: 'games_software',
        commitment: 'interested',
        spaceNeedM2: 200,
      }),
      actor('a-makers', 240, 'Makers Komló', 'creative', { subsector: 'design_fashion', commitment: 'loi', spaceNeedM2: 150 }),
      actor('a-works', 480, 'Mecsek Gépgyár', 'industry', { commitment: 'loi', influence: 4, interest: 5, stance: 'champion' }),
      use('u-lab', 0, 'Maker lab', 'makerspace', 800, {
        investmentEur: 180000,
        fundingSource: 'national',
        runningCostEurYear: 24000,
        incomeEurYear: 18000,
      }),
      use('u-cowork', 240, 'Coworking', 'coworking', 400),
      link('l1', 'a-makers', 'u-lab', 'operates'),
      link('l2', 'a-works', 'u-lab', 'supplies'),
      link('l3', 'a-games', 'u-cowork', 'uses'),
    ],
  },
  {
    title: 'Tuchfabrik Crimmitschau',
    site: { name: 'Textile mill', location: 'Crimmitschau', country: 'DE', areaM2: 3600 },
    elements: [
      actor('a-design', 0, 'Stoffwerk Design', 'creative', {
        subsector: 'design_fashion',
        commitment: 'signed',
        spaceNeedM2: 250,
      }),
      actor('a-cafe', 240, 'Café Weberei', 'gastronomy', { commitment: 'loi', influence: 4, interest: 4, stance: 'critic' }),
      use('u-shop', 0, 'Showroom', 'retail', 300, {
        investmentEur: 60000,
        fundingSource: 'private',
        runningCostEurYear: 12000,
        incomeEurYear: 20000,
      }),
      link('l1', 'a-design', 'u-shop', 'operates'),
    ],
  },
]

const EN = 'en'

/** A value as the English UI writes it (client/screens/collection/format.ts). */
function english(value: number | null, unit: (typeof comparableIndicators)[number]['unit']): string {
  if (value === null) return '—not known'
  switch (unit) {
    case 'count':
      return formatNumber(value, EN, 1)
    case 'share':
      return formatPercent(value, EN, 0)
    case 'm2':
      return formatArea(value, EN)
    case 'eur':
      return new Intl.NumberFormat(EN, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(value)
    case 'year':
      return String(Math.round(value))
    case 'ratio':
      return formatNumber(value, EN, 2)
  }
}

async function signUp(person: Person, url: string, name: string): Promise<{ user: { id: string }; token: string }> {
  await person.page.goto(`${url}/`)
  const result = await callFromPage<{ user: { id: string }; token: string }>(person.page, 'POST', '/api/auth/signup', {
    email: `${name
      .normalize('NFD')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase()}-${randomUUID().slice(0, 8)}@example.org`,
    password: 'a long enough password',
    displayName: name,
  })
  expect(result.status).toBe(201)
  return result.body
}

async function expectNoAxeViolations(page: Page, where: string) {
  const violations = await axeViolations(page)
  expect(violations, `${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([])
}

const selectionOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { __refreshBoard: { selection(): string[] } }).__refreshBoard.selection())

const tab = (page: Page, name: string) => page.getByTestId(`collection-tab-${name}`)

async function openTab(page: Page, name: string) {
  await tab(page, name).click()
  await page.getByTestId(`collection-panel-${name}`).waitFor()
}

describe('collections of sites in the UI', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser

  beforeAll(async () => {
    server = await startTestServer()
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('creates, compares, reviews, comments and exports', { timeout: 240_000 }, async () => {
    const facilitator = await openPerson(browser, { viewport: { width: 1440, height: 900 }, acceptDownloads: true })
    const reviewer = await openPerson(browser, { viewport: { width: 1280, height: 800 } })
    try {
      const { token } = await signUp(facilitator, server.url, 'Marta Horvat')
      const boardIds: string[] = []
      for (const site of sites) {
        const created = await callFromPage<{ board: { id: string } }>(facilitator.page, 'POST', '/api/boards', {
          title: site.title,
          content: {
            format: 'refresh-board',
            version: 1,
            board: { id: 'x', title: site.title },
            site: site.site,
            elements: site.elements,
          },
        })
        expect(created.status).toBe(201)
        boardIds.push(created.body.board.id)
      }
      const [piran, komlo] = boardIds as [string, string, string]
      // Piran at a snapshot: "Round 1", then the live board grows (a new creative actor)
      const snapshot = await callFromPage<{ snapshot: { id: string } }>(
        facilitator.page,
        'POST',
        `/api/boards/${piran}/snapshots`,
        {
          label: 'Round 1',
        },
      )
      expect(snapshot.status).toBe(201)
      const snapshotId = snapshot.body.snapshot.id
      const client = connectClient(server.url, piran, token)
      try {
        await client.synced
        putElement(
          client.doc,
          actor('a-photo', 960, 'Foto Forum', 'creative', {
            subsector: 'visual_arts',
            commitment: 'interested',
            spaceNeedM2: 80,
          }),
        )
        await expect
          .poll(
            async () =>
              (await callFromPage<Analysis>(facilitator.page, 'GET', `/api/boards/${piran}/analysis`)).body.indicators.actors
                .total,
          )
          .toBe(5)
      } finally {
        client.destroy()
      }

      // 1. Home: "Collections of sites" → New collection → the collection page
      await facilitator.page.goto(`${server.url}/`)
      const home = facilitator.page.getByTestId('collections-home')
      await home.getByRole('button', { name: 'New collection' }).click()
      await home.getByLabel('Name of the collection').fill('REFREsh pilot sites')
      await home.getByRole('button', { name: 'Create collection' }).click()
      await facilitator.page.waitForURL(/\/collections\/[A-Za-z0-9_-]+/)
      const collectionId = new URL(facilitator.page.url()).pathname.split('/').pop() as string
      await expect.poll(() => facilitator.page.getByTestId('collection-title').textContent()).toBe('REFREsh pilot sites')

      // 2. Sites: add the three boards, Piran at its snapshot
      const form = facilitator.page.getByTestId('add-site-form')
      for (const [index, boardId] of boardIds.entries()) {
        await form.getByLabel('Board').selectOption(boardId)
        if (boardId === piran) {
          await expect.poll(() => form.getByLabel('State').locator('option').count()).toBe(2)
          await form.getByLabel('State').selectOption(snapshotId)
        }
        await form.getByRole('button', { name: 'Add to the collection' }).click()
        await expect.poll(() => facilitator.page.getByTestId('site-row').count()).toBe(index + 1)
      }
      const piranRow = facilitator.page.locator(`[data-testid="site-row"][data-board-id="${piran}"]`)
      await expect.poll(() => piranRow.getByTestId('site-state').textContent()).toBe('Snapshot “Round 1”')
      expect(await piranRow.textContent()).toContain('Salt warehouse Monfort · Slovenia')
      expect(
        await facilitator.page
          .locator(`[data-testid="site-row"][data-board-id="${komlo}"]`)
          .getByTestId('site-state')
          .textContent(),
      ).toBe('Live')
      expect(await facilitator.page.getByTestId('add-site-form').textContent()).toContain(
        'Every board you own or facilitate is in this collection already.',
      )
      // each row's state choice sits on one line with its buttons (a live board's short list too)
      for (const row of await facilitator.page.getByTestId('site-row').all()) {
        const select = await row.getByTestId('site-state-select').boundingBox()
        const open = await row.getByRole('link', { name: /Open board/ }).boundingBox()
        expect(select && open && Math.abs(select.y + select.height / 2 - (open.y + open.height / 2))).toBeLessThan(4)
      }
      await expectNoAxeViolations(facilitator.page, 'sites tab')
      await shot(facilitator.page, 'sites')

      // keyboard: the tabs are WAI-ARIA tabs (arrows move and select)
      await tab(facilitator.page, 'sites').focus()
      await facilitator.page.keyboard.press('ArrowRight')
      await expect.poll(() => tab(facilitator.page, 'compare').getAttribute('aria-selected')).toBe('true')
      expect(await facilitator.page.evaluate(() => document.activeElement?.id)).toBe('collection-tab-compare')

      // 3. Compare: every number is what the board's own analysis says
      const table = facilitator.page.getByTestId('compare-table')
      await table.waitFor()
      expect(await table.getByTestId('compare-row').count()).toBe(3)
      for (const boardId of boardIds) {
        const query = boardId === piran ? `?snapshot=${snapshotId}` : ''
        const analysis = await callFromPage<Analysis>(facilitator.page, 'GET', `/api/boards/${boardId}/analysis${query}`)
        expect(analysis.status).toBe(200)
        const row = table.locator(`[data-testid="compare-row"][data-board-id="${boardId}"]`)
        for (const indicator of comparableIndicators) {
          const expected = english(indicator.get(analysis.body.indicators), indicator.unit)
          const cell = row.locator(`td[data-key="${indicator.key}"]`)
          expect(await cell.textContent(), `${boardId} ${indicator.key}`).toBe(expected)
        }
      }
      // the median row: of three sites, the middle value
      const creativeCounts = await Promise.all(
        boardIds.map(async (boardId) => {
          const query = boardId === piran ? `?snapshot=${snapshotId}` : ''
          return (await callFromPage<Analysis>(facilitator.page, 'GET', `/api/boards/${boardId}/analysis${query}`)).body
            .indicators.creative.count
        }),
      )
      const middle = [...creativeCounts].sort((a, b) => a - b)[1] as number
      expect(await table.getByTestId('compare-median').locator('td[data-key="creative.count"]').textContent()).toBe(
        formatNumber(middle, EN, 1),
      )
      // small multiples: one per indicator, one bar per known value, the same scale for every site
      expect(await facilitator.page.getByTestId('small-multiple').count()).toBe(comparableIndicators.length)
      const planned = facilitator.page.locator('[data-testid="small-multiple"][data-key="area.plannedM2"]')
      const widths = await planned
        .locator('.multiple__bar')
        .evaluateAll((bars) =>
          bars.map((bar) => ({ width: Number(bar.getAttribute('width')), value: Number(bar.getAttribute('data-value')) })),
        )
      expect(widths).toHaveLength(3)
      const perM2 = widths.map((bar) => bar.width / bar.value)
      for (const ratio of perM2) expect(ratio).toBeCloseTo(perM2[0] as number, 6)
      expect(await planned.locator('svg').getAttribute('aria-label')).toContain('median')
      // the region's meetings: design meets industry at Komló only, crafts meets tourism nowhere
      expect(await facilitator.page.getByTestId('meeting-design_fashion-industry').textContent()).toContain('1in 1 site')
      expect(await facilitator.page.getByTestId('nowhere-list').textContent()).toContain('Crafts + Industry')
      // summed matrix: every cell has its number
      const matrixCells = facilitator.page.getByTestId('region-matrix').locator('td.heat-table__cell')
      expect(await matrixCells.count()).toBeGreaterThan(0)
      for (const text of await matrixCells.allTextContents()) expect(text).toMatch(/^\d+$/)
      // trends: one sparkline per site; Piran has its snapshot and the live board
      const trend = facilitator.page.getByTestId('trend-table')
      expect(await trend.locator('svg.sparkline').count()).toBe(3)
      expect(await trend.locator(`tr[data-board-id="${piran}"]`).textContent()).toContain('Round 1')
      await expectNoAxeViolations(facilitator.page, 'compare tab')

      // the screenshot of the comparison, at desktop size
      mkdirSync(path.dirname(SCREENSHOT), { recursive: true })
      await facilitator.page.evaluate(() => {
        ;(document.activeElement as HTMLElement | null)?.blur()
        window.scrollTo(0, 0)
      })
      // desktop width, tall enough for the table, the small multiples and the start of the trends
      await facilitator.page.setViewportSize({ width: 1440, height: 1500 })
      await facilitator.page.screenshot({ path: SCREENSHOT })
      await facilitator.page.setViewportSize({ width: 1440, height: 900 })
      await shot(facilitator.page, 'compare')
      expect(statSync(SCREENSHOT).size).toBeGreaterThan(20_000)

      // The facilitator adds a sixth criterion to the five defaults
      await openTab(facilitator.page, 'reviews')
      const criteria = facilitator.page.getByTestId('criteria-form')
      await criteria.getByRole('button', { name: 'Add criterion' }).click()
      await criteria.getByLabel('Criterion 6').fill('Links to the town centre')
      await criteria.getByRole('button', { name: 'Save criteria' }).click()
      await expect.poll(() => criteria.getByRole('status').textContent()).toBe('Saved.')
      const saved = await callFromPage<{ collection: { criteria: { id: string; title: string }[] } }>(
        facilitator.page,
        'GET',
        `/api/collections/${collectionId}`,
      )
      expect(saved.body.collection.criteria.map((c) => c.title)).toEqual(['', '', '', '', '', 'Links to the town centre'])
      await expectNoAxeViolations(facilitator.page, 'reviews tab with the criteria form')

      // 4. Invites: the facilitator makes a collection invite in the Members tab (reviewer),
      // and a board reviewer invite for Komló
      await openTab(facilitator.page, 'members')
      const inviteForm = facilitator.page.getByTestId('collection-invite-form')
      await inviteForm.getByLabel('Role').selectOption('reviewer')
      await inviteForm.getByRole('button', { name: 'Create invite link' }).click()
      const collectionLink = await inviteForm.getByTestId('collection-invite-link').inputValue()
      expect(collectionLink).toMatch(/\/join\/[A-Za-z0-9_-]+$/)
      const inviteRows = facilitator.page.getByTestId('collection-invite-row')
      await expect.poll(() => inviteRows.count()).toBe(1)
      expect(await inviteRows.first().textContent()).toContain('Reviewer')
      // a second link (viewer), revoked again: the reviewer's stays
      await inviteForm.getByLabel('Role').selectOption('viewer')
      await inviteForm.getByRole('button', { name: 'Create invite link' }).click()
      await expect.poll(() => inviteRows.count()).toBe(2)
      await inviteRows
        .filter({ hasText: /^Viewer/ })
        .getByRole('button', { name: 'Revoke' })
        .click()
      await expect.poll(() => inviteRows.count()).toBe(1)
      expect(await inviteRows.first().textContent()).toContain('Reviewer')
      await expectNoAxeViolations(facilitator.page, 'members tab')
      await shot(facilitator.page, 'members')
      const boardInvite = await callFromPage<{ invite: { url: string } }>(
        facilitator.page,
        'POST',
        `/api/boards/${komlo}/invites`,
        {
          role: 'reviewer',
        },
      )
      expect(boardInvite.status).toBe(201)

      // 5. The reviewer: an account, joins both through the join page
      const { token: reviewerToken } = await signUp(reviewer, server.url, 'Lukáš Dvořák')
      await reviewer.page.goto(new URL(new URL(collectionLink).pathname, server.url).href)
      await expect.poll(() => reviewer.page.getByTestId('invitation').textContent()).toContain('REFREsh pilot sites')
      // the page speaks of the collection, not of a workshop board
      const joinIntro = reviewer.page.locator('.auth__intro:not([data-testid])')
      expect(await joinIntro.textContent()).toBe('Enter the name the other members of the collection will see.')
      await reviewer.page.getByRole('button', { name: /join/i }).click()
      await reviewer.page.waitForURL(`**/collections/${collectionId}`)
      await expect.poll(() => reviewer.page.getByTestId('collection-title').textContent()).toBe('REFREsh pilot sites')
      // a reviewer adds no sites; a collection role opens no board
      expect(await reviewer.page.getByTestId('add-site-form').count()).toBe(0)
      expect(await reviewer.page.getByRole('link', { name: /Open board/ }).count()).toBe(0)

      await reviewer.page.goto(new URL(new URL(boardInvite.body.invite.url, server.url).pathname, server.url).href)
      await expect.poll(() => joinIntro.textContent()).toContain('You were invited to a workshop board.')
      await reviewer.page.getByRole('button', { name: /join/i }).click()
      await reviewer.page.waitForURL(`**/boards/${komlo}`)

      // 6. A comment on an element of Komló, from the board's Comments tab: select the maker lab, write
      await expect
        .poll(() => reviewer.page.getByTestId('connection-status').getAttribute('data-status'), { timeout: 10_000 })
        .toBe('connected')
      await reviewer.page.getByTestId('board-canvas').waitFor()
      const lab = { x: 0, y: 240, ...box }
      const at = await centreOf(reviewer.page, lab)
      await reviewer.page.mouse.click(at.x, at.y)
      await expect.poll(() => selectionOf(reviewer.page)).toEqual(['u-lab'])
      await reviewer.page.getByTestId('side-tab-comments').click()
      const comment = 'The maker lab needs a second entrance for deliveries.'
      const composer = reviewer.page.getByTestId('comment-new')
      await composer.getByLabel('Your comment').fill(comment)
      await composer.getByRole('button', { name: 'Comment' }).click()
      await expect.poll(() => composer.getByLabel('Your comment').inputValue()).toBe('')
      const comments = await callFromPage<{ comments: { body: string; elementId: string | null; authorName: string }[] }>(
        facilitator.page,
        'GET',
        `/api/boards/${komlo}/comments`,
      )
      expect(comments.body.comments).toEqual([
        expect.objectContaining({ body: comment, elementId: 'u-lab', authorName: 'Lukáš Dvořák' }),
      ])

      // 7. The reviewer's review of Komló, in the Reviews tab
      await reviewer.page.goto(`${server.url}/collections/${collectionId}`)
      // the Sites tab links to the one board the reviewer may open now
      await expect.poll(() => reviewer.page.getByTestId('site-row').count()).toBe(3)
      await expect.poll(() => reviewer.page.getByRole('link', { name: /Open board/ }).count()).toBe(1)
      expect(await reviewer.page.getByRole('link', { name: /Open board/ }).getAttribute('href')).toBe(`/boards/${komlo}`)
      await openTab(reviewer.page, 'reviews')
      await reviewer.page.getByTestId('review-site').selectOption(komlo)
      const reviewForm = reviewer.page.getByTestId('review-form')
      await expect.poll(() => reviewForm.locator('h3').textContent()).toBe('Your review of “Komló bánya”')
      // the criteria are read-only for a reviewer
      expect(await reviewer.page.getByTestId('criteria-form').count()).toBe(0)
      expect(await reviewer.page.getByTestId('criteria-list').locator('li').allTextContents()).toEqual([
        'Critical mass',
        'Combination of sectors',
        'Use of the heritage',
        'Viability',
        'Phasing',
        'Links to the town centre',
      ])
      const scores: Record<string, number> = { criticalMass: 4, combination: 5, heritage: 3, viability: 2, phasing: 4 }
      for (const [criterion, score] of Object.entries(scores)) {
        await reviewForm.locator(`[data-criterion="${criterion}"] input[type="radio"][value="${score}"]`).check()
      }
      await reviewForm.locator('[data-criterion="viability"] textarea').fill('Running costs are not covered yet.')
      await reviewForm.getByLabel('Summary').fill('A strong maker core; the money side needs work.')
      await reviewForm.getByRole('button', { name: 'Save review' }).click()
      await expect.poll(() => reviewForm.getByTestId('review-status').textContent()).toBe('Saved.')
      await expectNoAxeViolations(reviewer.page, 'reviews tab (reviewer)')
      await shot(reviewer.page, 'reviews-reviewer')
      // on a phone the reviewer's column fits beside the criteria without scrolling sideways
      await reviewer.page.setViewportSize({ width: 390, height: 844 })
      const reviewTable = reviewer.page.getByTestId('review-table')
      await expect
        .poll(async () => {
          const scroller = await reviewTable.locator('xpath=..').boundingBox()
          const column = await reviewTable.locator('thead th[data-reviewer]').first().boundingBox()
          return scroller && column ? Math.round(scroller.x + scroller.width - (column.x + column.width)) : null
        })
        .toBeGreaterThanOrEqual(0)
      await reviewer.page.setViewportSize({ width: 1280, height: 800 })
      // the strategy texts are read-only for a reviewer
      await openTab(reviewer.page, 'strategy')
      expect(await reviewer.page.getByTestId('strategy-text-vision').getAttribute('readonly')).not.toBeNull()

      // 8. The facilitator sees the review side by side
      await facilitator.page.reload()
      await openTab(facilitator.page, 'reviews')
      await facilitator.page.getByTestId('review-site').selectOption(komlo)
      const reviews = facilitator.page.getByTestId('review-table')
      await reviews.waitFor()
      expect(await reviews.locator('thead').textContent()).toContain('Lukáš Dvořák')
      expect(await reviews.locator('tr[data-criterion="combination"]').textContent()).toContain('5 of 5')
      expect(await reviews.locator('tr[data-criterion="viability"]').textContent()).toContain(
        'Running costs are not covered yet.',
      )
      expect(await reviews.locator('tr[data-criterion="criticalMass"] [data-testid="review-mean"]').textContent()).toBe('4')
      await expectNoAxeViolations(facilitator.page, 'reviews tab')
      await shot(facilitator.page, 'reviews')

      // 9. Strategy: a vision text, saved, then the export as DOCX and Markdown
      await openTab(facilitator.page, 'strategy')
      const vision = 'Three former industrial sites become anchors of the creative economy.'
      await facilitator.page.getByTestId('strategy-text-vision').fill(vision)
      await facilitator.page.getByRole('button', { name: 'Save texts' }).click()
      await expect.poll(() => facilitator.page.getByTestId('strategy-status').textContent()).toBe('Saved.')
      await expectNoAxeViolations(facilitator.page, 'strategy tab')
      await shot(facilitator.page, 'strategy')
      const exports = facilitator.page.getByTestId('strategy-export')
      const [docx] = await Promise.all([
        facilitator.page.waitForEvent('download', { timeout: 60_000 }),
        exports.getByTestId('strategy-export-docx').click(),
      ])
      const docxPath = path.join(root, '.test-tmp', `collection-${collectionId}.docx`)
      mkdirSync(path.dirname(docxPath), { recursive: true })
      await docx.saveAs(docxPath)
      const docxBytes = readFileSync(docxPath)
      expect(docxBytes.length).toBeGreaterThan(1000)
      expect(docxBytes.subarray(0, 2).toString()).toBe('PK')
      expect(docx.suggestedFilename()).toMatch(/^[^/]+\.docx$/)
      await expect
        .poll(() => exports.getByTestId('strategy-export-status').textContent())
        .toBe(`${docx.suggestedFilename()} downloaded.`)
      const [md] = await Promise.all([
        facilitator.page.waitForEvent('download', { timeout: 60_000 }),
        exports.getByTestId('strategy-export-md').click(),
      ])
      const mdPath = path.join(root, '.test-tmp', `collection-${collectionId}.md`)
      await md.saveAs(mdPath)
      const markdown = readFileSync(mdPath, 'utf8')
      expect(markdown).toContain(vision)
      expect(markdown).toContain('Komló bánya')

      // 10. A phone: the Compare tab at 320 px, no sideways scrolling of the page, axe clean
      await facilitator.page.setViewportSize({ width: 320, height: 640 })
      await openTab(facilitator.page, 'compare')
      await facilitator.page.getByTestId('compare-table').waitFor()
      expect(await facilitator.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
      // the sites' names wrap between words, not inside one ("Crimmitsc|hau")
      const brokenWords = await facilitator.page.getByTestId('compare-table').evaluate((table) => {
        const broken: string[] = []
        for (const th of table.querySelectorAll('tbody th[scope="row"]')) {
          const text = th.firstChild
          if (!(text instanceof Text)) continue
          for (const match of (text.textContent ?? '').matchAll(/\S+/g)) {
            const range = document.createRange()
            range.setStart(text, match.index)
            range.setEnd(text, match.index + match[0].length)
            if (new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1) broken.push(match[0])
          }
        }
        return broken
      })
      expect(brokenWords).toEqual([])
      await expectNoAxeViolations(facilitator.page, 'compare tab at 320 px')
      await shot(facilitator.page, 'compare-320')
      await openTab(facilitator.page, 'reviews')
      expect(await facilitator.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
      await shot(facilitator.page, 'reviews-320')
      await facilitator.page.goto(`${server.url}/`)
      await facilitator.page.getByTestId('collection-list').waitFor()
      expect(await facilitator.page.getByTestId('collection-list').textContent()).toContain('REFREsh pilot sitesOwner3 sites')
      expect(await facilitator.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
      await shot(facilitator.page, 'home-320')

      // 11. In German: the tabs' words and the units as German writes them
      await facilitator.page.setViewportSize({ width: 1440, height: 900 })
      await facilitator.page.goto(`${server.url}/collections/${collectionId}?lang=de#compare`)
      await expect.poll(() => tab(facilitator.page, 'compare').textContent()).toBe('Vergleich')
      const germanRow = facilitator.page.locator(`[data-testid="compare-row"][data-board-id="${piran}"]`)
      await expect.poll(() => germanRow.locator('td[data-key="area.plannedM2"]').textContent()).toBe('1.500 m²')
      expect(await germanRow.locator('td[data-key="viability.investmentEur"]').textContent()).toBe(
        new Intl.NumberFormat('de', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(650_000),
      )
      expect(await germanRow.locator('td[data-key="creative.share"]').textContent()).toBe(formatPercent(0.5, 'de', 0))

      // Piran back to its live board, from its row in the Sites tab: the comparison follows
      await facilitator.page.goto(`${server.url}/collections/${collectionId}?lang=en#sites`)
      const piranSite = facilitator.page.locator(`[data-testid="site-row"][data-board-id="${piran}"]`)
      const stateSelect = piranSite.getByLabel('State of “Skladišče soli Piran”')
      await expect.poll(() => stateSelect.locator('option').count()).toBe(2)
      expect(await stateSelect.inputValue()).toBe(snapshotId)
      await stateSelect.selectOption('')
      await expect.poll(() => piranSite.getByTestId('site-state').textContent()).toBe('Live')
      await openTab(facilitator.page, 'compare')
      const livePiran = facilitator.page.locator(`[data-testid="compare-row"][data-board-id="${piran}"]`)
      await expect.poll(() => livePiran.locator('td[data-key="actors.total"]').textContent()).toBe('5')
      expect(await livePiran.locator('th').textContent()).toBe('Skladišče soli PiranLive')

      // The reviewer becomes a viewer in the Members tab: the Reviews tab then only reads
      await openTab(facilitator.page, 'members')
      const reviewerRole = facilitator.page.getByLabel('Role of Lukáš Dvořák')
      await reviewerRole.selectOption('viewer')
      await expect
        .poll(async () => {
          const members = await callFromPage<{ members: { displayName: string; role: string }[] }>(
            facilitator.page,
            'GET',
            `/api/collections/${collectionId}/members`,
          )
          return members.body.members.find((m) => m.displayName === 'Lukáš Dvořák')?.role
        })
        .toBe('viewer')
      await reviewer.page.goto(`${server.url}/collections/${collectionId}#reviews`)
      // the page was open at another tab: the same address loads again, with the new role
      await reviewer.page.reload()
      await reviewer.page.getByTestId('reviews-read-only').waitFor()
      expect(await reviewer.page.getByTestId('review-form').count()).toBe(0)
      await reviewer.page.getByTestId('review-site').selectOption(komlo)
      expect(await reviewer.page.getByTestId('review-table').textContent()).toContain('5 of 5')

      // 12. The owner deletes the collection: back home, the list is empty; the reviewer's link to it is gone
      await facilitator.page.goto(`${server.url}/collections/${collectionId}?lang=en#members`)
      const settings = facilitator.page.getByTestId('collection-settings')
      await settings.getByRole('button', { name: 'Delete collection' }).click()
      await settings.getByRole('button', { name: 'Delete “REFREsh pilot sites” for everyone' }).click()
      await facilitator.page.waitForURL(`${server.url}/`)
      await expect.poll(() => facilitator.page.getByTestId('collections-home').textContent()).toContain('No collections yet.')
      const asReviewer = (route: string) =>
        fetch(`${server.url}${route}`, { headers: { Authorization: `Bearer ${reviewerToken}` } }).then((r) => r.status)
      expect(await asReviewer(`/api/collections/${collectionId}`)).toBe(404)
      expect(await asReviewer(`/api/boards/${komlo}`)).toBe(200)

      expect(facilitator.problems).toEqual([])
      expect(reviewer.problems).toEqual([])
    } finally {
      await facilitator.context.close()
      await reviewer.context.close()
    }
  })

  it('asks a signed-out visitor to sign in first, and tells a non-member the collection is not there', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    try {
      const watched = await watchedPage(context)
      watched.expect({ path: '/api/auth/me', status: 401 })
      const { page } = watched
      await page.goto(`${server.url}/collections/not-a-collection`)
      await page.getByTestId('collection-sign-in').waitFor()
      await page.getByRole('link', { name: 'Log in' }).click()
      await page.waitForURL(`${server.url}/?next=${encodeURIComponent('/collections/not-a-collection')}`)
      // an account that is no member: "not found", as for one that does not exist
      await signUp({ page, context, problems: watched.problems }, server.url, 'Nora Nemes')
      watched.expect({ path: '/api/collections/not-a-collection', status: 404 })
      await page.goto(`${server.url}/collections/not-a-collection`)
      await page.getByTestId('collection-not-found').waitFor()
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Collection not found')
      expect(watched.problems).toEqual([])
    } finally {
      await context.close()
    }
  })
})
