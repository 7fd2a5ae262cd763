import './test-canvas.ts'
import Konva from 'konva'
import { describe, expect, it } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { categoryIcons, glyphs, sectorIcons } from '../../../shared/scene/icons.ts'
import { buildActor } from '../../../shared/scene/kinds/actor.ts'
import { buildUse } from '../../../shared/scene/kinds/use.ts'
import { categoryGroupOf } from '../../../shared/scene/palette.ts'
import { categoryPatterns } from '../../../shared/scene/patterns.ts'
import { allNodes, contextFor, element, texts } from '../../../shared/scene/test-helpers.ts'
import type { SceneNode } from '../../../shared/scene/types.ts'
import { sectors, useCategories } from '../../../shared/schema/enums.ts'
import { createPeerLayer } from '../../workspace/peer-layer.ts'
import { DIFF_BADGES } from '../../workspace/snapshots/diff-overlay.ts'
import { createVoteLayer } from '../layers/vote-layer.ts'
import { highlightStyles } from './highlights.ts'

/**
 * Colour is never the only carrier of meaning on the canvas (WCAG 1.4.1, issue 15 item 4):
 * each meaning that has a colour also has a word, an icon, a pattern, a shape or a number.
 */

const ctx = contextFor([])
const iconData = (scene: SceneNode) => allNodes(scene).map((n) => (n.attrs as { data?: string }).data ?? '')

describe('colour is never alone on the canvas', () => {
  it.each(sectors)('an actor of sector %s names it and draws its icon', (sector) => {
    const actor = element({
      kind: 'actor',
      id: 'a',
      x: 0,
      y: 0,
      w: 200,
      h: 90,
      label: 'Makers e.V.',
      sector,
      commitment: 'interested',
    })
    const scene = buildActor(actor, ctx)
    expect(texts(scene)).toContain(ctx.t(`enum.sector.${sector}`))
    expect(iconData(scene)).toContain(sectorIcons[sector])
  })

  it.each(useCategories)('a use of category %s names it, draws its icon and its group’s pattern', (category) => {
    const use = element({ kind: 'use', id: 'u', x: 0, y: 0, w: 220, h: 90, label: 'Open workshop', category })
    const scene = buildUse(use, ctx)
    expect(texts(scene)).toContain(ctx.t(`enum.useCategory.${category}`))
    expect(iconData(scene)).toContain(categoryIcons[category])
    const pattern = allNodes(scene).find((n) => n.key === 'pattern')
    expect(categoryPatterns[categoryGroupOf(category)] === 'none' || pattern !== undefined).toBe(true)
  })

  it('a locked element carries the lock glyph, an unlocked one none', () => {
    const locked = buildActor(
      element({
        kind: 'actor',
        id: 'a',
        x: 0,
        y: 0,
        w: 200,
        h: 90,
        label: 'A',
        sector: 'civil',
        commitment: 'loi',
        locked: true,
      }),
      ctx,
    )
    const open = buildActor(
      element({ kind: 'actor', id: 'b', x: 0, y: 0, w: 200, h: 90, label: 'B', sector: 'civil', commitment: 'loi' }),
      ctx,
    )
    expect(iconData(locked)).toContain(glyphs.lock)
    expect(iconData(open)).not.toContain(glyphs.lock)
  })

  it('gap and snapshot-diff outlines differ in dash and width, not only in colour', () => {
    const signatures = Object.values(highlightStyles).map((style) => JSON.stringify([style.dash ?? [], style.strokeWidth]))
    expect(new Set(signatures).size).toBe(Object.keys(highlightStyles).length)
  })

  it('snapshot-diff badges differ in symbol and shape', () => {
    const badges = Object.values(DIFF_BADGES)
    expect(new Set(badges.map((b) => b.symbol)).size).toBe(badges.length)
    expect(new Set(badges.map((b) => b.shape)).size).toBe(badges.length)
  })

  it('votes are counted: one dot per own vote up to six, then “+n”; a closed vote’s badge shows the total', () => {
    const votes = createVoteLayer()
    const rect = { x: 0, y: 0, width: 200, height: 90 }
    votes.showBallot([{ id: 'u', rect, mine: 8, canVote: true }], 1)
    expect(votes.layer.find('.vote-dot')).toHaveLength(6)
    expect(votes.layer.find('Text').map((node) => (node as Konva.Text).text())).toContain('+2')
    votes.showResults([{ id: 'u', rect, rank: 1, dots: 5, text: '1 · 5' }], 1)
    expect(votes.targets().badges).toEqual({ u: '1 · 5' })
    votes.layer.destroy()
  })

  it('another person’s cursor and selection carry their name', async () => {
    const awareness = new Awareness(new Y.Doc())
    const stage = new Konva.Stage({ container: document.createElement('div'), width: 400, height: 300 })
    const peers = createPeerLayer({
      awareness,
      scale: () => 1,
      boundsOf: (id) => (id === 'u' ? { x: 10, y: 10, w: 100, h: 50 } : null),
      tagText: (peer) => peer.user.name,
    })
    stage.add(peers.layer)
    const other = 424242
    awareness.states.set(other, {
      user: { id: 'user-2', name: 'Ana Horvat', color: '#0b6e69', role: 'editor' },
      cursor: { x: 50, y: 60 },
      selection: ['u'],
    })
    awareness.emit('change', [{ added: [other], updated: [], removed: [] }, 'remote'])
    await new Promise((resolve) => requestAnimationFrame(resolve))
    await new Promise((resolve) => requestAnimationFrame(resolve))
    const names = peers.layer.find('Text').map((node) => (node as Konva.Text).text())
    // one on the cursor, one on the selection's tag
    expect(names.filter((name) => name === 'Ana Horvat')).toHaveLength(2)
    peers.destroy()
    stage.destroy()
    awareness.destroy()
  })
})
