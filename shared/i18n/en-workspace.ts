import type { Message } from './types.ts'

/** English strings of the workspace part of the board UI; spread into the catalog by en.ts. */
export const enWorkspace = {} as const satisfies Record<string, Message>
