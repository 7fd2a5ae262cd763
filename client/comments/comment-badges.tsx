import { createEffect, createMemo, onCleanup } from 'solid-js'
import { openThreadCounts } from '../../shared/comments/comment.ts'
import { useBoard } from '../board/board-context.ts'
import { activeCanvas } from '../canvas/canvas-api.ts'
import { type CommentBadge, createCommentLayer } from '../canvas/layers/comment-layer.ts'
import { redrawOnCanvasChange } from '../canvas/overlay-redraw.ts'
import { createCommentsStore } from './comments-store.ts'

/**
 * The comment badges on the live canvas: every element with open threads shows their number
 * (canvas/layers/comment-layer.ts), redrawn at most once a frame when the comments, the
 * elements or the zoom change; no layer while no element has an open thread.
 */
export function CommentBadges() {
  const { connection, board, store } = useBoard()
  const comments = createCommentsStore(connection.doc, board.id)
  const counts = createMemo(() => {
    const open = openThreadCounts(comments.threads())
    open.delete(null)
    return open as Map<string, number>
  })
  const showing = createMemo(() => counts().size > 0)
  createEffect(() => {
    const canvas = activeCanvas()
    if (!canvas || !showing()) return
    const badges = createCommentLayer()
    const remove = canvas.addLayer(badges.layer)
    redrawOnCanvasChange(canvas, store.elementCount, (scale) => {
      const items: CommentBadge[] = []
      for (const [id, count] of counts()) {
        const rect = canvas.renderer.boundsOf(id)
        if (rect) items.push({ id, rect, count })
      }
      badges.show(items, scale)
      badges.draw()
    })
    // read-only, for tests and scripts: the count each badge shows, by element id
    const target = globalThis as { __refreshBoardComments?: unknown }
    target.__refreshBoardComments = { badges: () => badges.targets() }
    onCleanup(() => {
      remove()
      badges.layer.destroy()
      delete target.__refreshBoardComments
    })
  })
  return null
}
