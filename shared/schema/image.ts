import { z } from 'zod'
import { boxShape, idShape, kindLiteral, labelledShape } from './element-base.ts'
import { text } from './fields.ts'

const SRC_MESSAGE = 'must be a path on this server starting with "/", at most 2000 characters'

/**
 * An uploaded picture, typically a site plan. `src` is a path on the board's own server
 * (e.g. "/api/boards/b1/files/plan.png"), never a full URL: a board document must not make
 * viewers' browsers or the PNG/PDF exporter fetch from elsewhere. No "//" (another host),
 * no backslashes, no whitespace or control characters.
 */
export const ImageElement = z.object({
  ...idShape,
  kind: kindLiteral('image'),
  ...boxShape,
  ...labelledShape,
  src: z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : SRC_MESSAGE) })
    .max(2000, { error: SRC_MESSAGE })
    .regex(/^\/(?![/\\])[^\s\\]*$/, { error: SRC_MESSAGE }),
  alt: text(500).optional(),
})
export type ImageElement = z.infer<typeof ImageElement>
