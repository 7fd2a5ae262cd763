/** Canvas tools. `select` and `pan` navigate and edit; the kinds create; `link` draws links. */
export const tools = ['select', 'pan', 'actor', 'use', 'note', 'zone', 'frame', 'phase', 'link'] as const
export type Tool = (typeof tools)[number]

export const creationTools = ['actor', 'use', 'note', 'zone', 'frame', 'phase'] as const
export type CreationTool = (typeof creationTools)[number]

export const isCreationTool = (tool: Tool): tool is CreationTool => (creationTools as readonly string[]).includes(tool)

/** Tools a viewer may use: looking around only. */
export const isReadOnlyTool = (tool: Tool): boolean => tool === 'select' || tool === 'pan'

/** Creation tools that draw the rectangle that is dragged (a click gives the default size). */
export const drawingTools = ['zone', 'frame', 'phase'] as const
export type DrawingTool = (typeof drawingTools)[number]

export const isDrawingTool = (tool: Tool): tool is DrawingTool => (drawingTools as readonly string[]).includes(tool)
