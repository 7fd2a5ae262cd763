import { glyphs } from '../icons.ts'
import { group, icon, present, rect, text } from '../nodes.ts'
import { inkMuted, lineColor } from '../palette.ts'
import type { Image } from '../schema-types.ts'
import { displayLabel } from '../text.ts'
import type { SceneContext, SceneNode } from '../types.ts'
import { elementGroup, font, lockBadge } from './common.ts'

/**
 * An uploaded picture: a placeholder (name `placeholder`: a picture glyph and the label) under
 * an `image` node with the `src` the renderer loads; once loaded the picture covers it.
 */
export function buildImage(image: Image, ctx: SceneContext): SceneNode {
  const { w, h } = image
  const caption = displayLabel(image, ctx) || image.alt || ctx.t('scene.image.loading')
  const glyph = Math.min(32, w / 3, h / 3)
  return elementGroup(
    image.id,
    image.x,
    image.y,
    present([
      group(
        'placeholder',
        { name: 'placeholder' },
        present([
          rect('bg', { width: w, height: h, fill: '#f2f4f7', stroke: lineColor, strokeWidth: 1, dash: [6, 4] }, true),
          icon('icon', glyphs.picture, w / 2 - glyph / 2, h / 2 - glyph / 2 - (h > 60 ? 8 : 0), glyph, inkMuted),
          h > 60
            ? text('caption', {
                x: 8,
                y: h / 2 + glyph / 2 - 2,
                width: Math.max(0, w - 16),
                height: 16,
                text: caption,
                align: 'center',
                fill: inkMuted,
                ...font(ctx, 12),
              })
            : null,
        ]),
      ),
      {
        type: 'image',
        key: 'image',
        attrs: { width: w, height: h, src: image.src, ...(image.alt ? { alt: image.alt } : {}), listening: false },
      },
      image.locked ? lockBadge(w, 0) : null,
    ]),
  )
}
