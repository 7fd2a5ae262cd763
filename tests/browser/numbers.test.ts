import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callFromPage, elementsOf, launchBrowser, openPerson } from '../helpers/browser.ts'
import { startTestServer } from '../helpers/server.ts'

/**
 * Issue 12, item 2: a number field reads what people type in the UI language. In a German UI
 * `1.200` is twelve hundred square metres, shown back as `1.200`; in an English UI, where
 * people from every partner country type, `1.200` asks which was meant and stores the answer.
 */

const use = { id: 'u-hall', kind: 'use', x: 100, y: 100, w: 180, h: 90, label: 'Market hall', category: 'events' }

const toClient = (page: Page, point: { x: number; y: number }) =>
  page.evaluate((p) => {
    const hook = (window as unknown as { __refreshBoard: { toClient(p: { x: number; y: number }): { x: number; y: number } } })
      .__refreshBoard
    return hook.toClient(p)
  }, point)

async function openBoardAndSelectUse(page: Page, url: string) {
  await page.goto(url)
  await expect
    .poll(() => page.getByTestId('connection-status').getAttribute('data-status'), { timeout: 10_000 })
    .toBe('connected')
  await page.getByTestId('board-canvas').waitFor()
  await expect.poll(async () => Object.keys(await elementsOf(page))).toContain(use.id)
  const at = await toClient(page, { x: use.x + use.w / 2, y: use.y + use.h / 2 })
  await page.mouse.click(at.x, at.y)
  const area = page.locator('input[data-field="areaM2"]')
  await area.waitFor()
  return area
}

const account = () => ({
  email: `numbers-${randomUUID().slice(0, 8)}@example.org`,
  password: 'a long enough password',
  displayName: 'Nina Numbers',
})

const areaOf = async (page: Page) => (await elementsOf(page))[use.id]?.areaM2

describe('number fields in the UI language', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser

  const createBoardFrom = async (page: Page) => {
    const created = await callFromPage<{ board: { id: string } }>(page, 'POST', '/api/boards', {
      title: 'Brewery, round 1',
      content: { format: 'refresh-board', version: 1, board: { id: 'import', title: 'Brewery, round 1' }, elements: [use] },
    })
    expect(created.status).toBe(201)
    return `${server.url}/boards/${created.body.board.id}`
  }

  beforeAll(async () => {
    server = await startTestServer()
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('German reads 1.200 as 1200; English asks and stores the chosen reading', async () => {
    const person = await openPerson(browser)
    const { page } = person
    await page.goto(`${server.url}/`)
    expect((await callFromPage(page, 'POST', '/api/auth/signup', account())).status).toBe(201)
    const boardUrl = await createBoardFrom(page)

    // German: the dot groups thousands.
    let area = await openBoardAndSelectUse(page, `${boardUrl}?lang=de`)
    await area.fill('1.200')
    await area.press('Enter')
    await expect.poll(() => areaOf(page)).toBe(1200)
    await expect.poll(() => area.inputValue()).toBe('1.200')
    await area.fill('1.250,5')
    await area.press('Enter')
    await expect.poll(() => areaOf(page)).toBe(1250.5)
    await expect.poll(() => area.inputValue()).toBe('1.250,5')

    // English: `2.400` could be either; nothing is written until the person says which.
    area = await openBoardAndSelectUse(page, `${boardUrl}?lang=en`)
    await expect.poll(() => area.inputValue()).toBe('1,250.5')
    await area.fill('2.400')
    await area.press('Enter')
    const question = page.locator('[data-question="areaM2"]')
    await expect.poll(() => question.textContent()).toContain('Did you mean 2400 or 2.4?')
    expect(await areaOf(page)).toBe(1250.5)
    await question.locator('[data-choice="thousands"]').click()
    await expect.poll(() => areaOf(page)).toBe(2400)
    await expect.poll(() => area.inputValue()).toBe('2,400')
    expect(await question.count()).toBe(0)

    await area.fill('1,200')
    await area.press('Enter')
    await question.locator('[data-choice="decimal"]').click()
    await expect.poll(() => areaOf(page)).toBe(1.2)
    await expect.poll(() => area.inputValue()).toBe('1.2')
    expect(person.problems).toEqual([])
    await person.context.close()
  })

  it('the export dialog offers the workbook, and a German CSV is separated by semicolons', async () => {
    const person = await openPerson(browser, { acceptDownloads: true })
    const { page } = person
    await page.goto(`${server.url}/`)
    expect((await callFromPage(page, 'POST', '/api/auth/signup', account())).status).toBe(201)
    const boardUrl = await createBoardFrom(page)
    await openBoardAndSelectUse(page, `${boardUrl}?lang=de`)
    await page.getByTestId('export-open').click()
    // the German UI names it in German
    const dialog = page.getByRole('dialog', { name: 'Board exportieren' })
    await dialog.waitFor()
    const [xlsx] = await Promise.all([page.waitForEvent('download'), dialog.locator('button[data-format="xlsx"]').click()])
    expect(xlsx.suggestedFilename()).toBe('brewery-round-1.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await readFile((await xlsx.path()) as string)) as unknown as ArrayBuffer)
    expect(workbook.getWorksheet('Uses')?.getRow(2).getCell(1).value).toBe('Market hall')
    const [csv] = await Promise.all([page.waitForEvent('download'), dialog.locator('button[data-format="csv"]').click()])
    const text = await readFile((await csv.path()) as string, 'utf8')
    expect(text.split('\r\n')[0]?.startsWith('\uFEFFid;kind;label;x;y;w;h;')).toBe(true)
    expect(person.problems).toEqual([])
    await person.context.close()
  })

  it('issue 17: a German UI takes 1.200.000 € of investment, and the analysis writes it back as German does', async () => {
    const person = await openPerson(browser)
    const { page } = person
    await page.goto(`${server.url}/`)
    expect((await callFromPage(page, 'POST', '/api/auth/signup', account())).status).toBe(201)
    const boardUrl = await createBoardFrom(page)
    await openBoardAndSelectUse(page, `${boardUrl}?lang=de`)
    const field = (name: string) => page.locator(`[data-field="${name}"]`)
    const money = async (name: string, typed: string, stored: number) => {
      await field(name).fill(typed)
      await field(name).press('Enter')
      await expect.poll(async () => (await elementsOf(page))[use.id]?.[name]).toBe(stored)
    }
    await money('investmentEur', '1.200.000', 1_200_000)
    await expect.poll(() => field('investmentEur').inputValue()).toBe('1.200.000')
    await money('runningCostEurYear', '80.000', 80_000)
    await money('incomeEurYear', '100.000', 100_000)
    await field('fundingSource').selectOption('eu')
    await expect.poll(async () => (await elementsOf(page))[use.id]?.fundingSource).toBe('eu')
    // the select names the source in German
    expect(await field('fundingSource').locator('option:checked').textContent()).toBe('EU-Förderung')

    await page.getByRole('tab', { name: 'Analyse' }).click()
    const card = page.getByTestId('analysis-money')
    await card.waitFor()
    const figure = (key: string) => card.locator(`[data-figure="${key}"] dd`)
    const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ')
    await expect.poll(async () => plain(await figure('investment').textContent())).toBe('1.200.000 €')
    expect(plain(await figure('costRecovery').textContent())).toBe('125 %') // 100.000 / 80.000
    // 1.200.000 / 20.000 surplus = 60 years from the timeline's start (2027-01): 720 months, the last 2086-12
    expect(plain(await figure('payback').textContent())).toBe('60')
    expect(plain(await figure('breakEven').textContent())).toBe('2086')
    expect(plain(await figure('subsidyDependency').textContent())).toBe('100 %')
    expect(plain(await card.locator('.an-card__summary').textContent())).toBe('Investition 1,2 Mio. €, Break-even 2086')
    expect(plain(await card.locator('[data-source="eu"] dd').textContent())).toBe('1.200.000 €')
    expect(person.problems).toEqual([])
    await person.context.close()
  })
})
