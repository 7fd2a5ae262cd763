import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { applyOperation } from '../../shared/operations/apply-operation.ts'
import { api, createBoard, joinAs, signup } from '../helpers/api.ts'
import { axeViolations } from '../helpers/axe.ts'
import { centreOf, signedInContext, watchedPage } from '../helpers/browser.ts'
import { connectClient } from '../helpers/sync-client.ts'
import { openBoardAs, type Person, serverAndBrowser, waitConnected } from '../helpers/workshop.ts'

/**
 * Comments and the reviewer role in the browser (issue 17, item 4): a reviewer — no creation
 * tools, a "Reviewing" note — comments on an element with an `@` mention picked from the
 * autocomplete; an editor sees the thread live, flies to its element, replies; the reviewer
 * sees the reply live and resolves the thread, which leaves the editor's open list.
 */

const env = serverAndBrowser()

const selectionOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { __refreshBoard: { selection(): string[] } }).__refreshBoard.selection())
/** The count each comment badge on the canvas shows, by element id (none drawn: {}). */
const badgesOf = (page: Page) =>
  page.evaluate(
    () =>
      (globalThis as { __refreshBoardComments?: { badges(): Record<string, string> } }).__refreshBoardComments?.badges() ?? {},
  )
const threads = (page: Page) => page.getByTestId('comments-panel').getByTestId('comment-thread')

describe('comments on a board', () => {
  it('a reviewer comments on an element with a mention, an editor sees it live and replies, the reviewer resolves it', async () => {
    const { server } = env
    const owner = await signup(server.url, 'Olga Owner')
    const boardId = await createBoard(server.url, owner.token, { title: 'Salt warehouse' })
    const reviewer = await joinAs(server.url, owner.token, boardId, 'reviewer', 'Rita Reviewer')
    const editor = await joinAs(server.url, owner.token, boardId, 'editor', 'Edda Editor')
    const roof = {
      id: 'n-roof',
      kind: 'note' as const,
      x: 100,
      y: 100,
      w: 200,
      h: 160,
      label: 'Roof repair first',
      color: 'yellow' as const,
    }
    const peer = connectClient(server.url, boardId, owner.token)
    const people: Person[] = []
    try {
      await peer.synced
      const seeded = applyOperation(peer.doc, { type: 'element.add', elements: [roof] }, 'peer')
      expect(seeded.ok).toBe(true)

      const rita = await openBoardAs(env, people, boardId, 'Rita', reviewer.token)
      const edda = await openBoardAs(env, people, boardId, 'Edda', editor.token)
      // the reviewer's toolbar has no creation tools; the note says what the role may do
      await expect.poll(() => rita.page.getByTestId('view-only').getAttribute('data-role')).toBe('reviewer')
      expect(await rita.page.getByTestId('tool-note').count()).toBe(0)
      expect(await edda.page.getByTestId('tool-note').count()).toBe(1)

      await edda.page.getByTestId('side-tab-comments').click()
      await edda.page.getByTestId('comments-empty').waitFor()

      // the reviewer selects the note on the canvas and comments on it
      const at = await centreOf(rita.page, roof)
      await rita.page.mouse.click(at.x, at.y)
      await expect.poll(() => selectionOf(rita.page)).toEqual(['n-roof'])
      await rita.page.getByTestId('side-tab-comments').click()
      // with a keyboard, the hint names the shortcut that sends
      expect(await rita.page.locator('.cm-composer__send-hint').first().isVisible()).toBe(true)
      const box = rita.page.getByTestId('comment-new').getByLabel('Your comment')
      await box.click()
      await box.pressSequentially('Is the roof in the budget, @Ed')
      await rita.page.getByTestId('mention-list').getByRole('option', { name: 'Edda Editor' }).waitFor()
      await rita.page.keyboard.press('Enter')
      await expect.poll(() => box.inputValue()).toBe('Is the roof in the budget, @Edda Editor ')
      await box.pressSequentially('?')
      await rita.page.getByTestId('comment-new').getByRole('button', { name: 'Comment' }).click()
      await expect.poll(() => box.inputValue()).toBe('')

      // the editor sees it live, with the mention, on the note; the tab counts it
      await expect.poll(() => threads(edda.page).count(), { timeout: 10_000 }).toBe(1)
      const thread = threads(edda.page).first()
      await expect.poll(() => thread.getByTestId('comment-body').textContent()).toBe('Is the roof in the budget, @Edda Editor ?')
      expect(await thread.locator('.cm-mention').textContent()).toBe('@Edda Editor')
      expect(await edda.page.getByTestId('comments-tab-count').textContent()).toContain('1')
      // and the note carries a comment badge on the canvas
      await expect.poll(() => badgesOf(edda.page)).toEqual({ 'n-roof': '1' })
      const stored = await api<{ comments: { mentions: string[]; elementId: string | null }[] }>(
        server.url,
        'GET',
        `/api/boards/${boardId}/comments`,
        { token: owner.token },
      )
      expect(stored.body.comments).toMatchObject([{ elementId: 'n-roof', mentions: [editor.user.id] }])

      // clicking the thread's element selects it on the editor's board
      await thread.getByTestId('comment-target').click()
      await expect.poll(() => selectionOf(edda.page)).toEqual(['n-roof'])

      // the editor replies; the reviewer sees the reply live
      await thread.getByTestId('comment-reply').click()
      const reply = thread.getByTestId('comment-reply-box').getByRole('textbox')
      await expect.poll(() => reply.evaluate((el) => el === document.activeElement)).toBe(true)
      await reply.pressSequentially('Yes, phase 1.')
      await reply.press('Control+Enter')
      const ritaThread = threads(rita.page).first()
      await expect.poll(() => ritaThread.getByTestId('comment').count(), { timeout: 10_000 }).toBe(2)
      expect(await ritaThread.getByTestId('comment-body').nth(1).textContent()).toBe('Yes, phase 1.')

      expect(await axeViolations(rita.page)).toEqual([])

      // the reviewer edits her own comment (the editor's reply has no Edit for her); the editor sees the new text
      expect(await ritaThread.getByTestId('comment').nth(1).getByTestId('comment-edit').count()).toBe(0)
      await ritaThread.getByTestId('comment').first().getByTestId('comment-edit').click()
      const edit = ritaThread.getByTestId('comment-edit-box').getByRole('textbox')
      await edit.fill('Is the roof in the 2027 budget, @Edda Editor?')
      await ritaThread.getByTestId('comment-edit-box').getByRole('button', { name: 'Save' }).click()
      await expect
        .poll(() => threads(edda.page).first().getByTestId('comment-body').first().textContent(), { timeout: 10_000 })
        .toBe('Is the roof in the 2027 budget, @Edda Editor?')
      expect(await threads(edda.page).first().locator('.cm-comment__edited').count()).toBe(1)

      // the reviewer resolves it: it leaves the editor's open list and comes back with "show resolved"
      await ritaThread.getByTestId('comment-resolve').click()
      await expect.poll(() => threads(edda.page).count(), { timeout: 10_000 }).toBe(0)
      expect(await edda.page.getByTestId('comments-tab-count').count()).toBe(0)
      await expect.poll(() => badgesOf(edda.page)).toEqual({})
      await edda.page.getByTestId('comments-show-resolved').check()
      await expect.poll(() => threads(edda.page).first().getAttribute('data-resolved')).toBe('true')
      await threads(edda.page).first().getByTestId('comment-reopen').click()
      await expect.poll(() => threads(rita.page).first().getAttribute('data-resolved'), { timeout: 10_000 }).toBe('false')

      // the reviewer changed no element: the board holds the seeded note alone
      const elements = peer.doc.getMap('elements').toJSON() as Record<string, { label: string }>
      expect(Object.keys(elements)).toEqual(['n-roof'])
      for (const person of people) expect(person.problems).toEqual([])
    } finally {
      peer.destroy()
      for (const person of people) await person.context.close()
    }
  }, 90_000)

  it('on a phone, the comment just written comes into view below the composer', async () => {
    const { server } = env
    const owner = await signup(server.url, 'Olga Owner')
    const boardId = await createBoard(server.url, owner.token, { title: 'Skladišče soli' })
    const reviewer = await joinAs(server.url, owner.token, boardId, 'reviewer', 'Rita Reviewer')
    // earlier threads fill the list under the composer
    for (let i = 1; i <= 6; i++) {
      const made = await api(server.url, 'POST', `/api/boards/${boardId}/comments`, {
        token: owner.token,
        body: { body: `Earlier point ${i}: the roof, the stairs and the heating need a plan.` },
      })
      expect(made.status).toBe(201)
    }
    const context = await signedInContext(env.browser, server.url, reviewer.token, { width: 390, height: 844 })
    try {
      const { page, problems } = await watchedPage(context)
      await page.goto(`${server.url}/boards/${boardId}`)
      await waitConnected(page)
      await page.getByTestId('side-tab-comments').click()
      await expect.poll(() => threads(page).count()).toBe(6)
      const body = 'Who runs the salt store in winter?'
      await page.getByTestId('comment-new').getByLabel('Your comment').fill(body)
      await page.getByTestId('comment-new').getByRole('button', { name: 'Comment' }).click()
      const mine = threads(page).filter({ hasText: body })
      await expect.poll(() => mine.count()).toBe(1)
      // in view: inside the window, not somewhere below the sheet's fold
      await expect
        .poll(async () => {
          const box = await mine.boundingBox()
          return box !== null && box.y >= 0 && box.y + Math.min(box.height, 80) <= 844
        })
        .toBe(true)
      expect(problems).toEqual([])
    } finally {
      await context.close()
    }
  }, 90_000)
})
