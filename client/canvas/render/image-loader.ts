import type Konva from 'konva'

type Entry = { image: HTMLImageElement; loaded: boolean; failed: boolean; waiting: Set<Konva.Image> }

/**
 * Loads pictures for `image` scene nodes, once per `src`. Until a picture has loaded, the
 * element's placeholder (scene group named `placeholder`) shows; when it has, the Konva.Image
 * gets it, the placeholder hides and `onLoaded` asks for a redraw. A failed load keeps the
 * placeholder.
 */
export function createImageLoader(onLoaded: (node: Konva.Image) => void, onPictureLoaded: () => void = () => {}) {
  const entries = new Map<string, Entry>()

  const show = (node: Konva.Image, image: HTMLImageElement) => {
    node.image(image)
    const parent = node.getParent()
    parent?.getChildren().forEach((sibling) => {
      if (sibling.name() === 'placeholder') sibling.visible(false)
    })
    onLoaded(node)
  }

  function entryOf(src: string): Entry | undefined {
    let entry = entries.get(src)
    if (!entry) {
      if (typeof Image === 'undefined') return undefined
      const image = new Image()
      const created: Entry = { image, loaded: false, failed: false, waiting: new Set() }
      entry = created
      entries.set(src, created)
      image.onload = () => {
        created.loaded = true
        for (const waiting of created.waiting)
          if (waiting.getParent() && waiting.getAttr('sceneSrc') === src) show(waiting, image)
        created.waiting.clear()
        onPictureLoaded()
      }
      image.onerror = () => {
        created.failed = true
        created.waiting.clear()
      }
      image.src = src
    }
    return entry
  }

  function load(node: Konva.Image, src: string): void {
    const entry = entryOf(src)
    if (!entry) return
    node.setAttr('sceneSrc', src)
    if (entry.loaded) show(node, entry.image)
    else if (!entry.failed) entry.waiting.add(node)
  }

  return {
    load,
    /** The picture at `src` once loaded (starts loading it otherwise; `onPictureLoaded` tells when). */
    picture(src: string): HTMLImageElement | undefined {
      const entry = entryOf(src)
      return entry?.loaded ? entry.image : undefined
    },
    destroy(): void {
      for (const entry of entries.values()) {
        entry.image.onload = null
        entry.image.onerror = null
        entry.waiting.clear()
      }
      entries.clear()
    },
  }
}
