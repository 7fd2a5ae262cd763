import { describe, expect, it } from 'vitest'
import type { SceneNode } from '../../../shared/scene/types.ts'
import { drawnSizes, keptSizes, MAX_KEPT_PICTURE_PIXELS } from './board-images.ts'

const image = (src: string, width: number, height: number): SceneNode => ({
  type: 'image',
  key: 'image',
  attrs: { src, width, height },
})

describe('pictures kept for a raster export', () => {
  it('are measured at the largest size the scene draws them at', () => {
    const scene: SceneNode = {
      type: 'group',
      key: 'root',
      attrs: {},
      children: [image('/a', 200, 150), { type: 'group', key: 'g', attrs: {}, children: [image('/a', 100, 300)] }],
    }
    expect(drawnSizes(scene, 2).get('/a')).toEqual({ width: 400, height: 600 })
  })

  it('are kept at their drawn size, never above their own', () => {
    const natural = new Map([
      ['/big', { width: 8000, height: 5000 }],
      ['/small', { width: 40, height: 30 }],
    ])
    const drawn = new Map([
      ['/big', { width: 400, height: 250 }],
      ['/small', { width: 400, height: 300 }],
    ])
    expect(keptSizes(natural, drawn)).toEqual(
      new Map([
        ['/big', { width: 400, height: 250 }],
        ['/small', { width: 40, height: 30 }],
      ]),
    )
  })

  it('stay within the export’s pixel budget together: sixteen 40-megapixel pictures drawn large', () => {
    const natural = new Map(Array.from({ length: 16 }, (_, i) => [`/p${i}`, { width: 8000, height: 5000 }] as const))
    const drawn = new Map(Array.from({ length: 16 }, (_, i) => [`/p${i}`, { width: 4000, height: 2500 }] as const))
    const kept = keptSizes(natural, drawn)
    expect(kept.size).toBe(16)
    const total = [...kept.values()].reduce((sum, size) => sum + size.width * size.height, 0)
    expect(total).toBeLessThanOrEqual(MAX_KEPT_PICTURE_PIXELS)
    // one common factor: proportions kept
    expect(kept.get('/p0')).toEqual({ width: 1549, height: 968 })
  })
})
