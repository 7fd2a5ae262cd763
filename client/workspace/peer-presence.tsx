import { createContext, createEffect, on, onCleanup, useContext } from 'solid-js'
import { useBoard } from '../board/board-context.ts'
import { activeCanvas } from '../canvas/canvas-api.ts'
import { createPeerLayer, type PeerLayer, toBounds } from './peer-layer.ts'

/** Where others point, for "go to a person" in the presence list. */
export interface PeerCursors {
  /** zooms to a person's cursor (any of their tabs); false when they are not on the canvas */
  goTo(userId: string): boolean
  /** this client's laser pointer is at a board point: its fading trail shows here too */
  laserAt(point: { x: number; y: number }): void
}

export const PeerCursorsContext = createContext<PeerCursors>()
export const usePeerCursors = () => useContext(PeerCursorsContext)

/**
 * Mounts the cursors-and-selections layer of the others on the canvas once it exists, and keeps
 * it in step with the zoom and with element changes (outlines follow moved elements).
 */
export function createPeerCursors(): PeerCursors {
  const { connection, store } = useBoard()
  let layer: PeerLayer | null = null

  createEffect(() => {
    const canvas = activeCanvas()
    if (!canvas) return
    const created = createPeerLayer({
      awareness: connection.provider.awareness,
      scale: () => canvas.viewport().scale,
      boundsOf: (id) => toBounds(canvas.renderer.boundsOf(id)),
      tagText: (peer) => peer.user.name,
    })
    const remove = canvas.addLayer(created.layer)
    layer = created
    createEffect(
      on(
        () => canvas.viewport().scale,
        () => created.invalidate(),
        { defer: true },
      ),
    )
    const offChange = canvas.renderer.onChange?.(() => created.invalidate())
    onCleanup(() => {
      offChange?.()
      remove()
      created.destroy()
      if (layer === created) layer = null
    })
  })
  // Outlines follow the elements they surround (also when the renderer does not report changes).
  createEffect(on(store.elementCount, () => layer?.invalidate(), { defer: true }))

  return {
    laserAt: (point) => layer?.pushOwnLaser(point),
    goTo: (userId) => {
      const canvas = activeCanvas()
      if (!canvas || !layer) return false
      for (const [clientId, state] of connection.provider.awareness.getStates()) {
        const user = (state as { user?: { id?: unknown } }).user
        if (user?.id !== userId || clientId === connection.provider.awareness.clientID) continue
        const cursor = layer.cursorOf(clientId)
        if (!cursor) continue
        const scale = Math.max(canvas.viewport().scale, 0.6)
        const size = canvas.size()
        const w = size.width / scale
        const h = size.height / scale
        canvas.zoomTo({ x: cursor.x - w / 2, y: cursor.y - h / 2, width: w, height: h }, { animate: true })
        return true
      }
      return false
    },
  }
}
