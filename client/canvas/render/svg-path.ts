import Konva from 'konva'

/**
 * A `path` scene node drawn through the browser's own `Path2D(svgData)`, cached per data
 * string. Konva.Path parses the data in JavaScript and measures every segment's length on
 * construction (arcs numerically), which made paths the most expensive nodes of a card; the
 * native parser is much faster and the icons repeat. Bounds come from the node's width and
 * height (the scene sets them). Without Path2D (happy-dom) Konva.Path is used instead.
 */
const cache = new Map<string, Path2D>()
const MAX_CACHED = 2000

function path2d(data: string): Path2D {
  let path = cache.get(data)
  if (!path) {
    if (cache.size >= MAX_CACHED) cache.clear()
    path = new Path2D(data)
    cache.set(data, path)
  }
  return path
}

export const hasPath2D = (): boolean => typeof Path2D === 'function'

type NativeContext = { _context: CanvasRenderingContext2D }
const native = (context: Konva.Context) => (context as unknown as NativeContext)._context

export function createSvgPath(attrs: Record<string, unknown>): Konva.Shape {
  const shape = new Konva.Shape({
    ...attrs,
    sceneFunc(context, node) {
      context.fillStrokeShape(node)
    },
  })
  const fillWith = (context: Konva.Context) => native(context).fill(path2d(String(shape.getAttr('data') ?? '')))
  const strokeWith = (context: Konva.Context) => native(context).stroke(path2d(String(shape.getAttr('data') ?? '')))
  Object.assign(shape, { _fillFunc: fillWith, _strokeFunc: strokeWith, _fillFuncHit: fillWith, _strokeFuncHit: strokeWith })
  return shape
}
