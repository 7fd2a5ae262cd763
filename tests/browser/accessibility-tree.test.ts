import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { applyOperation } from '../../shared/operations/apply-operation.ts'
import type { OperationInput } from '../../shared/operations/operation.ts'
import { createBoard, signup } from '../helpers/api.ts'
import { axeViolations } from '../helpers/axe.ts'
import { connectClient } from '../helpers/sync-client.ts'
import { openBoardAs, type Person, serverAndBrowser } from '../helpers/workshop.ts'

/**
 * The board page's accessibility tree names every element of the board (issue 15, "must
 * show"): the canvas holds a visually hidden list of its elements in the key walk's reading
 * order, named with their kind and key fields, then its links as sentences; the element the
 * keys are on is the canvas's active descendant; the list follows changes made by others.
 */

const env = serverAndBrowser()

/** Polls until the page shows it: a machine under load may take a few seconds for a remote change. */
const eventually = <T>(read: () => T | Promise<T>, message?: string) => expect.poll(read, { timeout: 15_000, message })

const fixture: OperationInput = {
  type: 'element.add',
  elements: [
    { id: 'f-ground', kind: 'frame', x: -100, y: -100, w: 1300, h: 800, label: 'Ground floor' },
    { id: 'z-hall', kind: 'zone', x: 700, y: 300, w: 400, h: 300, label: 'Weaving hall' },
    { id: 'n-ask', kind: 'note', x: -60, y: -40, w: 160, h: 160, label: 'Ask the owner', color: 'yellow' },
    {
      id: 'a-makers',
      kind: 'actor',
      x: 200,
      y: 0,
      w: 180,
      h: 90,
      label: 'Makers e.V.',
      sector: 'creative',
      commitment: 'loi',
    },
    {
      id: 'u-open',
      kind: 'use',
      x: 760,
      y: 360,
      w: 180,
      h: 90,
      label: 'Open workshop',
      category: 'studio',
      areaM2: 240,
      zone: 'z-hall',
    },
    {
      id: 'p-pilot',
      kind: 'phase',
      x: 0,
      y: 900,
      w: 360,
      h: 60,
      label: 'Pilot year',
      stage: 'pilot',
      start: '2027-01',
      end: '2027-12',
    },
    {
      id: 'i-yard',
      kind: 'image',
      x: 1400,
      y: 0,
      w: 320,
      h: 200,
      label: '',
      src: '/favicon.svg',
      alt: 'Courtyard with the old chimney',
    },
    { id: 'l-operates', kind: 'link', from: 'a-makers', to: 'u-open', relation: 'operates' },
  ],
}

/** Every element's name as the outline gives it, in reading order (top to bottom, left to right). */
const names = [
  'Ground floor, frame',
  'Ask the owner, note',
  'Makers e.V., actor, Creative industries, Letter of intent',
  'Courtyard with the old chimney, image',
  'Weaving hall, zone',
  'Open workshop, use, Studios, 240 m², in Weaving hall',
  'Pilot year, phase, Jan – Dec 2027',
]

const optionNames = (page: Page) =>
  page.getByTestId('canvas-mirror').evaluate((list) => [...list.querySelectorAll('[role="option"]')].map((o) => o.textContent))

describe('accessibility tree of the board page', () => {
  it('names every element of the board in the canvas, follows the key focus and remote changes', async () => {
    const { server } = env
    const owner = await signup(server.url, 'Tara Tree')
    const boardId = await createBoard(server.url, owner.token, { title: 'Spinning mill' })
    const peer = connectClient(server.url, boardId, owner.token)
    const people: Person[] = []
    try {
      await peer.synced
      const seed = (op: OperationInput) => {
        const result = applyOperation(peer.doc, op, 'peer')
        if (!result.ok) throw new Error(result.error.message)
      }
      seed(fixture)
      const { page } = await openBoardAs(env, people, boardId, 'Tara', owner.token)

      // the canvas region's accessibility snapshot names every element, and the link in words
      const canvas = page.getByTestId('board-canvas')
      await eventually(() => optionNames(page)).toEqual([...names, 'Makers e.V. operates Open workshop'])
      const tree = await canvas.ariaSnapshot()
      expect(tree).toContain('listbox "Elements on the board, in reading order"')
      for (const name of [...names, 'Makers e.V. operates Open workshop']) {
        expect(tree, name).toContain(`option "${name}"`)
      }
      // the whole page's tree has them too: the list is hidden from sight, not from assistive technology
      const pageTree = await page.locator('body').ariaSnapshot()
      for (const name of names) expect(pageTree, name).toContain(name)
      const box = await page.getByTestId('canvas-mirror').boundingBox()
      expect(box && box.width <= 1 && box.height <= 1).toBe(true)

      // Tab onto the canvas, Tab again: the first element is focused and is the active descendant
      await canvas.focus()
      await page.keyboard.press('Tab')
      await eventually(() => canvas.getAttribute('data-key-focus')).toBe('f-ground')
      await eventually(() => canvas.getAttribute('aria-activedescendant')).toBe('canvas-mirror-f-ground')
      await page.keyboard.press('Tab')
      await eventually(() => canvas.getAttribute('aria-activedescendant')).toBe('canvas-mirror-n-ask')
      const active = page.locator('#canvas-mirror-n-ask')
      expect(await active.getAttribute('role')).toBe('option')
      expect(await active.getAttribute('aria-selected')).toBe('true')
      expect(await active.textContent()).toBe('Ask the owner, note')
      // the screen reader reads it as the focus: the live region does not say it a second time
      await page.waitForTimeout(600)
      expect(await page.getByTestId('announcer').textContent()).not.toContain('Ask the owner')
      // Chromium's accessibility tree agrees: the focused node is that option
      const session = await page.context().newCDPSession(page)
      type AXNode = {
        backendDOMNodeId?: number
        name?: { value?: string }
        role?: { value?: string }
        properties?: { name: string; value: { value?: unknown; relatedNodes?: { backendDOMNodeId: number }[] } }[]
      }
      const { nodes } = (await session.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] }
      const property = (node: AXNode | undefined, name: string) => node?.properties?.find((p) => p.name === name)?.value
      const application = nodes.find((n) => property(n, 'activedescendant'))
      expect(application?.role?.value).toBe('application')
      const option = nodes.find((n) => n.role?.value === 'option' && n.name?.value === 'Ask the owner, note')
      expect(property(application, 'activedescendant')?.relatedNodes?.[0]?.backendDOMNodeId).toBe(option?.backendDOMNodeId)
      expect(property(option, 'selected')?.value).toBe(true)

      // another person's changes: a renamed actor, a new note below everything, a removed link
      seed({ type: 'element.update', id: 'a-makers', fields: { label: 'Makers Maribor', commitment: 'signed' } })
      seed({
        type: 'element.add',
        elements: [{ id: 'n-late', kind: 'note', x: 0, y: 1200, w: 160, h: 160, label: 'Parking?', color: 'yellow' }],
      })
      seed({ type: 'element.delete', ids: ['l-operates'] })
      await expect
        .poll(() => optionNames(page))
        .toEqual([names[0], names[1], 'Makers Maribor, actor, Creative industries, Signed', ...names.slice(3), 'Parking?, note'])

      // the list adds no accessibility violation inside the canvas
      const inCanvas = []
      for (const violation of await axeViolations(page)) {
        const targets = await page.evaluate(
          (selectors) => selectors.filter((s) => document.querySelector(s)?.closest('[data-testid="board-canvas"]')),
          violation.targets,
        )
        if (targets.length > 0) inCanvas.push({ ...violation, targets })
      }
      expect(inCanvas).toEqual([])
      for (const person of people) expect(person.problems, person.name).toEqual([])
    } finally {
      peer.destroy()
      for (const person of people) await person.context.close()
    }
  }, 60_000)

  it('lists a window of a large board around the key focus, each option with its place in the whole', async () => {
    const { server } = env
    const owner = await signup(server.url, 'Wanda Window')
    const boardId = await createBoard(server.url, owner.token, { title: 'Big board' })
    const peer = connectClient(server.url, boardId, owner.token)
    const people: Person[] = []
    try {
      await peer.synced
      // 400 notes in 20 rows of 20: reading order n-000, n-001 … row by row
      const notes = Array.from({ length: 400 }, (_, i) => ({
        id: `n-${String(i).padStart(3, '0')}`,
        kind: 'note' as const,
        x: (i % 20) * 200,
        y: Math.floor(i / 20) * 200,
        w: 160,
        h: 160,
        label: `Idea ${i + 1}`,
        color: 'yellow' as const,
      }))
      const result = applyOperation(peer.doc, { type: 'element.add', elements: notes }, 'peer')
      expect(result.ok).toBe(true)
      const { page } = await openBoardAs(env, people, boardId, 'Wanda', owner.token)
      const options = page.getByTestId('canvas-mirror').locator('[role="option"]')
      await eventually(() => options.count()).toBe(300)
      expect(await options.first().getAttribute('aria-setsize')).toBe('400')
      expect(await options.first().getAttribute('aria-posinset')).toBe('1')

      // Shift+Tab from nothing selected: the last note; the window moves to the end with it
      const canvas = page.getByTestId('board-canvas')
      await canvas.focus()
      await page.keyboard.press('Shift+Tab')
      await eventually(() => canvas.getAttribute('aria-activedescendant')).toBe('canvas-mirror-n-399')
      const last = page.locator('#canvas-mirror-n-399')
      expect(await last.getAttribute('aria-posinset')).toBe('400')
      expect(await last.getAttribute('aria-setsize')).toBe('400')
      expect(await last.textContent()).toBe('Idea 400, note')
      await eventually(() => page.locator('#canvas-mirror-n-000').count()).toBe(0)
      expect(await options.count()).toBe(300)
      for (const person of people) expect(person.problems, person.name).toEqual([])
    } finally {
      peer.destroy()
      for (const person of people) await person.context.close()
    }
  }, 60_000)
})
