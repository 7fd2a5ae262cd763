import './test-canvas.ts'
import Konva from 'konva'
import { describe, expect, it } from 'vitest'
import type { SceneNode } from '../../../shared/scene/types.ts'
import { createKonvaNode, patchKonvaNode, reconcileStats } from './reconcile.ts'

const scene = (children: SceneNode[], x = 0): SceneNode => ({
  type: 'group',
  key: 'g',
  attrs: { x, name: 'element', id: 'g' },
  children,
})
const rect = (key: string, fill: string): SceneNode => ({ type: 'rect', key, attrs: { width: 10, height: 10, fill } })
const label = (key: string, text: string): SceneNode => ({
  type: 'text',
  key,
  attrs: { text, width: 50, height: 14, ellipsis: true },
})

describe('reconciler', () => {
  it('creates Konva nodes with the scene’s attributes and children', () => {
    const group = createKonvaNode(scene([rect('bg', '#fff'), label('name', 'Hall B')], 5)) as Konva.Group
    expect(group).toBeInstanceOf(Konva.Group)
    expect(group.x()).toBe(5)
    expect(group.id()).toBe('g')
    expect(group.getChildren().map((child) => child.getClassName())).toEqual(['Rect', 'Text'])
    expect((group.getChildren()[1] as Konva.Text).text()).toBe('Hall B')
  })

  it('patches changed attributes in place and resets removed ones', () => {
    const group = createKonvaNode(scene([rect('bg', '#fff'), label('name', 'Hall B')])) as Konva.Group
    const [bg, name] = group.getChildren()
    const set = reconcileStats.attrsSet
    const created = reconcileStats.created
    const next = scene([{ type: 'rect', key: 'bg', attrs: { width: 10, height: 10 } }, label('name', 'Halle B')], 7)
    expect(patchKonvaNode(group, next)).toBe(group)
    expect(group.getChildren()[0]).toBe(bg)
    expect(group.getChildren()[1]).toBe(name)
    expect((name as Konva.Text).text()).toBe('Halle B')
    expect((bg as Konva.Rect).fill()).toBeUndefined()
    expect(group.x()).toBe(7)
    expect(reconcileStats.attrsSet - set).toBe(3)
    expect(reconcileStats.created).toBe(created)
  })

  it('adds, removes and reorders children by key, and replaces a node whose type changed', () => {
    const group = createKonvaNode(scene([rect('a', '#111'), rect('b', '#222'), label('c', 'x')])) as Konva.Group
    const [a, b] = group.getChildren()
    patchKonvaNode(
      group,
      scene([rect('b', '#222'), { type: 'circle', key: 'c', attrs: { radius: 3 } }, rect('a', '#111'), rect('d', '#444')]),
    )
    const children = group.getChildren()
    expect(children.map((child) => child.getClassName())).toEqual(['Rect', 'Circle', 'Rect', 'Rect'])
    expect(children[0]).toBe(b)
    expect(children[2]).toBe(a)
    expect((children[3] as Konva.Rect).fill()).toBe('#444')
    patchKonvaNode(group, scene([rect('a', '#111')]))
    expect(group.getChildren()).toEqual([a])
  })

  it('hands image sources to the loader, again only when the source changes', () => {
    const loads: string[] = []
    const hooks = { loadImage: (_node: Konva.Image, src: string) => loads.push(src) }
    const image = (src: string): SceneNode => ({ type: 'image', key: 'img', attrs: { width: 100, height: 50, src } })
    const group = createKonvaNode(scene([image('/a.png')]), hooks) as Konva.Group
    patchKonvaNode(group, scene([image('/a.png')], 3), hooks)
    patchKonvaNode(group, scene([image('/b.png')], 3), hooks)
    expect(loads).toEqual(['/a.png', '/b.png'])
    expect(group.getChildren()[0]?.attrs.src).toBeUndefined()
  })
})
