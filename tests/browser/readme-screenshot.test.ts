import { copyFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { createCanvas, loadImage } from '@napi-rs/canvas'
import { describe, expect, it } from 'vitest'
import { takeDemoScreenshot } from '../../scripts/screenshot-demo.ts'

const root = path.resolve(import.meta.dirname, '../..')

describe('README screenshot', () => {
  it('is taken of the demo board by this run, and shows a populated board', async () => {
    const out = path.join(root, '.test-tmp/screenshot.png')
    mkdirSync(path.dirname(out), { recursive: true })
    const { problems } = await takeDemoScreenshot(out)
    expect(problems).toEqual([])
    const image = await loadImage(out)
    expect([image.width, image.height]).toEqual([1440, 900])
    // the canvas area is full of cards, links and text: many colours, few blank rows
    const canvas = createCanvas(image.width, image.height)
    const ctx = canvas.getContext('2d')
    ctx.drawImage(image, 0, 0)
    const { data } = ctx.getImageData(80, 120, 900, 600)
    const colours = new Set<number>()
    for (let i = 0; i < data.length; i += 4 * 7)
      colours.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0))
    expect(colours.size).toBeGreaterThan(200)
    // the README shows what this run saw
    copyFileSync(out, path.join(root, 'docs/screenshot.png'))
  }, 120_000)
})
