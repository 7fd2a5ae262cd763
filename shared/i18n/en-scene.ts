import type { Message } from './types.ts'

/** English strings of the scene part of the board UI; spread into the catalog by en.ts. */
export const enScene = {} as const satisfies Record<string, Message>
