import type { Message } from './types.ts'

/** English strings of the canvas part of the board UI; spread into the catalog by en.ts. */
export const enCanvas = {} as const satisfies Record<string, Message>
