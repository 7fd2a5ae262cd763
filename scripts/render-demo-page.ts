/**
 * Browser side of `scripts/render-demo.ts`: draws the demo board with the real renderer into a
 * Konva stage. `window.renderDemo({ x, y, scale })` positions the view; `window.demoBounds` is
 * the board's extent.
 */
import Konva from 'konva'
import * as Y from 'yjs'
import { createBoardRenderer } from '../client/canvas/render/index.ts'
import { textileMillDocument } from '../shared/demo/textile-mill.ts'
import { translatorFor } from '../shared/i18n/index.ts'
import { writeBoardDocument } from '../shared/schema/convert.ts'

declare global {
  interface Window {
    renderDemo(view: { x: number; y: number; scale: number; highlight?: string[] }): { ms: number; nodes: number }
    demoBounds: { x: number; y: number; width: number; height: number }
  }
}

const container = document.getElementById('stage') as HTMLDivElement
const width = window.innerWidth
const height = window.innerHeight
const stage = new Konva.Stage({ container, width, height })
const doc = new Y.Doc()
writeBoardDocument(doc, textileMillDocument)
const renderer = createBoardRenderer({ doc, t: translatorFor('en'), locale: 'en' })
stage.add(renderer.layer)
renderer.flush()

let minX = Number.POSITIVE_INFINITY
let minY = Number.POSITIVE_INFINITY
let maxX = Number.NEGATIVE_INFINITY
let maxY = Number.NEGATIVE_INFINITY
for (const element of textileMillDocument.elements) {
  const b = renderer.boundsOf(element.id)
  if (!b) continue
  minX = Math.min(minX, b.x)
  minY = Math.min(minY, b.y - 30)
  maxX = Math.max(maxX, b.x + b.width)
  maxY = Math.max(maxY, b.y + b.height)
}
window.demoBounds = { x: minX, y: minY, width: maxX - minX, height: maxY - minY }

window.renderDemo = ({ x, y, scale, highlight }) => {
  stage.scale({ x: scale, y: scale })
  stage.position({ x: -x * scale, y: -y * scale })
  renderer.setViewport({ x, y, width: width / scale, height: height / scale })
  if (highlight) renderer.setHighlight(highlight, 'gap')
  const started = performance.now()
  stage.draw()
  const ms = performance.now() - started
  return { ms, nodes: renderer.layer.find('Shape').length }
}
document.body.dataset.ready = 'true'
