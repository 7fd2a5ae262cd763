import type Konva from 'konva'
import type { Accessor } from 'solid-js'
import type { OperationInput } from '../../shared/operations/operation.ts'
import type { OperationResult } from '../../shared/operations/operation-error.ts'
import type { RefusalCode } from '../../shared/rules/refusals.ts'
import type { BoardSession } from '../board/board-context.ts'
import type { ElementLike } from './board-geometry.ts'
import type { OverlayLayer } from './layers/overlay-layer.ts'
import type { ElementBox } from './new-element.ts'
import type { PresencePublisher } from './presence-publisher.ts'
import type { BoardRenderer } from './render/board-renderer.ts'
import type { StageController } from './stage-controller.ts'
import type { CreationTool, Tool } from './tools.ts'
import type { Point, Rect, Size, Viewport } from './viewport.ts'

/** A move in progress: what the outlines and the awareness `drag` show until the drop. */
export interface LiveMove {
  ids: readonly string[]
  dx: number
  dy: number
}

/** A resize in progress (transformer). */
export interface LiveResize {
  id: string
  box: Rect
}

/** What the gesture handlers share; built once by the canvas controller. */
export interface CanvasCore {
  readonly session: BoardSession
  readonly stage: Konva.Stage
  readonly host: HTMLElement
  readonly renderer: BoardRenderer
  readonly overlay: OverlayLayer
  readonly publisher: PresencePublisher
  /** the stage's view: pans and pinches start there */
  readonly view: StageController
  readonly viewport: Accessor<Viewport>
  readonly size: Accessor<Size>
  toBoard(screen: Point): Point
  readonly tool: Accessor<Tool>
  setTool(tool: Tool): void
  /** true for owners, facilitators and editors */
  readonly canEdit: boolean
  elements(): Readonly<Record<string, ElementLike>>
  /** the live move or resize, for outlines */
  liveMove: LiveMove | null
  liveResize: LiveResize | null
  /** redraws outlines, transformer and handle from the selection and live gestures (next frame) */
  refreshOverlay(): void
  /** creates `kind` centred at `at` with its default size, or in `box` (a drawn rectangle) */
  createElement(kind: CreationTool, at?: Point, box?: ElementBox): string | null
  editText(id: string): void
  readonly editing: Accessor<string | null>
  setCursor(cursor: string): void
  /**
   * A gesture ended on something that can no longer be changed (locked meanwhile, or the role
   * changed): nothing is written, and the person is told why, in the words of the server's refusal.
   */
  tellRefused(code: RefusalCode): void
  /** one gesture's write: its own undo step (never merged with the previous one) */
  apply(op: OperationInput): OperationResult
  applyAll(ops: readonly OperationInput[]): OperationResult
}
