import { For, type JSX, Match, Switch } from 'solid-js'
import type { SceneAttrs, SceneNode } from '../../../shared/scene/types.ts'

/**
 * Draws a small scene (a legend swatch) as SVG with Konva's meanings of the attributes: the
 * same nodes the canvas draws with Konva, without a stage per swatch. Covers what swatches
 * use: groups, rects (with per-corner radii), paths, lines, arrows, circles and texts.
 */
export function SceneSvg(props: { node: SceneNode; width: number; height: number; label?: string }) {
  return (
    <svg
      class="scene-svg"
      width={props.width}
      height={props.height}
      viewBox={`0 0 ${props.width} ${props.height}`}
      aria-hidden="true"
      overflow="visible"
    >
      <SvgNode node={props.node} />
    </svg>
  )
}

const transformOf = (a: SceneAttrs): string | undefined => {
  const parts: string[] = []
  if (a.x || a.y) parts.push(`translate(${a.x ?? 0} ${a.y ?? 0})`)
  if ((a.scaleX ?? 1) !== 1 || (a.scaleY ?? 1) !== 1) parts.push(`scale(${a.scaleX ?? 1} ${a.scaleY ?? 1})`)
  return parts.length > 0 ? parts.join(' ') : undefined
}

const paint = (a: SceneAttrs) => ({
  fill: a.fill ?? 'none',
  stroke: a.stroke,
  'stroke-width': a.stroke ? (a.strokeWidth ?? 1) : undefined,
  'stroke-linecap': a.lineCap,
  'stroke-linejoin': a.lineJoin,
  'stroke-dasharray': a.dash?.join(' '),
  opacity: a.opacity,
})

/** A w×h rect with corner radii [top-left, top-right, bottom-right, bottom-left] as path data. */
function roundedRect(w: number, h: number, radius: number | number[]): string {
  const [tl = 0, tr = 0, br = 0, bl = 0] = Array.isArray(radius) ? radius : [radius, radius, radius, radius]
  return `M${tl} 0H${w - tr}${tr ? `A${tr} ${tr} 0 0 1 ${w} ${tr}` : ''}V${h - br}${br ? `A${br} ${br} 0 0 1 ${w - br} ${h}` : ''}H${bl}${bl ? `A${bl} ${bl} 0 0 1 0 ${h - bl}` : ''}V${tl}${tl ? `A${tl} ${tl} 0 0 1 ${tl} 0` : ''}Z`
}

/** Konva's arrow heads: a triangle `length` long and `width` wide with its tip on the end point. */
function arrowHead(tipX: number, tipY: number, fromX: number, fromY: number, length: number, width: number): string {
  const dx = tipX - fromX
  const dy = tipY - fromY
  const d = Math.hypot(dx, dy) || 1
  const ux = dx / d
  const uy = dy / d
  const bx = tipX - ux * length
  const by = tipY - uy * length
  return `M${tipX} ${tipY}L${bx - (uy * width) / 2} ${by + (ux * width) / 2}L${bx + (uy * width) / 2} ${by - (ux * width) / 2}Z`
}

function SvgNode(props: { node: SceneNode }): JSX.Element {
  const a = () => props.node.attrs
  return (
    <Switch>
      <Match when={a().visible === false}>{null}</Match>
      <Match when={props.node.type === 'group'}>
        <g transform={transformOf(a())} opacity={a().opacity}>
          <For each={props.node.children ?? []}>{(child) => <SvgNode node={child} />}</For>
        </g>
      </Match>
      <Match when={props.node.type === 'rect'}>
        <path
          transform={transformOf(a())}
          d={roundedRect(a().width ?? 0, a().height ?? 0, a().cornerRadius ?? 0)}
          {...paint(a())}
        />
      </Match>
      <Match when={props.node.type === 'path'}>
        <path transform={transformOf(a())} d={a().data ?? ''} {...paint(a())} />
      </Match>
      <Match when={props.node.type === 'circle'}>
        <circle cx={a().x ?? 0} cy={a().y ?? 0} r={a().radius ?? 0} {...paint(a())} />
      </Match>
      <Match when={props.node.type === 'line' || props.node.type === 'arrow'}>
        <Line attrs={a()} isArrow={props.node.type === 'arrow'} />
      </Match>
      <Match when={props.node.type === 'text'}>
        <text
          x={(a().x ?? 0) + (a().align === 'center' ? (a().width ?? 0) / 2 : a().align === 'right' ? (a().width ?? 0) : 0)}
          y={(a().y ?? 0) + (a().height ?? 0) / 2}
          dominant-baseline="central"
          text-anchor={a().align === 'center' ? 'middle' : a().align === 'right' ? 'end' : 'start'}
          font-size={String(a().fontSize ?? 12)}
          font-weight={a().fontStyle?.includes('bold') ? '700' : '400'}
          fill={a().fill ?? 'currentColor'}
        >
          {a().text ?? ''}
        </text>
      </Match>
    </Switch>
  )
}

function Line(props: { attrs: SceneAttrs; isArrow: boolean }) {
  const p = () => props.attrs.points ?? []
  const n = () => p().length
  const at = (i: number) => p()[i] ?? 0
  const length = () => props.attrs.pointerLength ?? 10
  const width = () => props.attrs.pointerWidth ?? 10
  const head = (fill: string) => ({ fill, stroke: 'none', opacity: props.attrs.opacity })
  return (
    <g transform={transformOf(props.attrs)}>
      <polyline points={p().join(' ')} {...paint(props.attrs)} fill="none" />
      {props.isArrow && props.attrs.pointerAtEnding !== false && n() >= 4 ? (
        <path
          d={arrowHead(at(n() - 2), at(n() - 1), at(n() - 4), at(n() - 3), length(), width())}
          {...head(props.attrs.fill ?? props.attrs.stroke ?? 'currentColor')}
        />
      ) : null}
      {props.isArrow && props.attrs.pointerAtBeginning && n() >= 4 ? (
        <path
          d={arrowHead(at(0), at(1), at(2), at(3), length(), width())}
          {...head(props.attrs.fill ?? props.attrs.stroke ?? 'currentColor')}
        />
      ) : null}
    </g>
  )
}
