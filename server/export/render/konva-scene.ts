import { Path2D } from '@napi-rs/canvas'
import Konva from 'konva'
import type { SceneAttrs, SceneNode } from '../../../shared/scene/types.ts'

/** A decoded picture for an `image` node's `src`, or undefined to keep the placeholder. */
export type PictureOf = (src: string) => CanvasImageSource | undefined

const paths = new Map<string, Path2D>()
const MAX_CACHED_PATHS = 4000

function path2d(data: string): Path2D {
  let path = paths.get(data)
  if (!path) {
    if (paths.size >= MAX_CACHED_PATHS) paths.clear()
    path = new Path2D(data)
    paths.set(data, path)
  }
  return path
}

type NativeContext = { _context: CanvasRenderingContext2D }
const native = (context: Konva.Context) => (context as unknown as NativeContext)._context

/**
 * A `path` node drawn through the canvas' own SVG path parser (@napi-rs/canvas `Path2D`), as
 * the browser renderer does: Konva.Path parses and measures the data in JavaScript, which
 * makes icons and patterns the slowest part of a card.
 */
function svgPath(attrs: Record<string, unknown>): Konva.Shape {
  const data = String(attrs.data ?? '')
  const shape = new Konva.Shape({
    ...attrs,
    sceneFunc(context, node) {
      context.fillStrokeShape(node)
    },
  })
  const fill = (context: Konva.Context) => native(context).fill(path2d(data) as unknown as globalThis.Path2D)
  const stroke = (context: Konva.Context) => native(context).stroke(path2d(data) as unknown as globalThis.Path2D)
  Object.assign(shape, { _fillFunc: fill, _strokeFunc: stroke })
  return shape
}

// `src` and `alt` belong to the scene, not to Konva; nothing listens in an export
function konvaAttrs(attrs: SceneAttrs): Record<string, unknown> {
  const { src: _src, alt: _alt, ...rest } = attrs
  return { ...rest, listening: false }
}

/**
 * Scene nodes → Konva nodes, for drawing once (exports): no reconciling, no hit graph. An
 * `image` node gets its decoded picture from `pictureOf`; when it has one, the placeholder
 * beside it (the group named `placeholder`) is hidden, as the browser does once it loaded.
 */
export function createExportNode(scene: SceneNode, pictureOf: PictureOf): Konva.Group | Konva.Shape {
  const attrs = konvaAttrs(scene.attrs)
  switch (scene.type) {
    case 'group': {
      const group = new Konva.Group(attrs)
      const children = scene.children ?? []
      const hasPicture = children.some((child) => child.type === 'image' && child.attrs.src && pictureOf(child.attrs.src))
      for (const child of children) {
        if (hasPicture && child.attrs.name === 'placeholder') continue
        group.add(createExportNode(child, pictureOf))
      }
      return group
    }
    case 'rect':
      return new Konva.Rect(attrs)
    case 'text':
      return new Konva.Text(attrs)
    case 'path':
      return svgPath(attrs)
    case 'line':
      return new Konva.Line(attrs as Konva.LineConfig)
    case 'arrow':
      return new Konva.Arrow(attrs as Konva.ArrowConfig)
    case 'circle':
      return new Konva.Circle(attrs)
    case 'image': {
      const picture = scene.attrs.src ? pictureOf(scene.attrs.src) : undefined
      return new Konva.Image({ ...attrs, image: picture as Konva.ImageConfig['image'] })
    }
  }
}
