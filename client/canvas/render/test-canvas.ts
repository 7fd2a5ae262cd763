/**
 * happy-dom has no canvas 2D context, and Konva needs one to create layers. Importing this
 * module (before `konva`) gives every canvas a recording stand-in: drawing calls do nothing,
 * `measureText` answers from the text length. Tests then check the node tree, not pixels.
 */
function fakeContext(canvas: HTMLCanvasElement): unknown {
  const state: Record<string | symbol, unknown> = { canvas, font: '10px sans-serif', lineWidth: 1 }
  return new Proxy(state, {
    get(target, property) {
      if (property in target) return target[property]
      switch (property) {
        case 'measureText':
          return (text: string) => {
            const size = Number(/(\d+(?:\.\d+)?)px/.exec(String(target.font))?.[1] ?? 10)
            return {
              width: text.length * size * 0.55,
              actualBoundingBoxAscent: size * 0.8,
              actualBoundingBoxDescent: size * 0.2,
              fontBoundingBoxAscent: size * 0.9,
              fontBoundingBoxDescent: size * 0.25,
            }
          }
        case 'getImageData':
          return (_x: number, _y: number, w = 1, h = 1) => ({
            data: new Uint8ClampedArray(Math.max(1, w * h) * 4),
            width: w,
            height: h,
          })
        case 'getLineDash':
          return () => []
        case 'createLinearGradient':
        case 'createRadialGradient':
        case 'createPattern':
          return () => ({ addColorStop: () => undefined })
        case 'getTransform':
          return () => ({ a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 })
        default:
          return () => undefined
      }
    },
    set(target, property, value) {
      target[property] = value
      return true
    },
  })
}

if (typeof HTMLCanvasElement !== 'undefined') {
  HTMLCanvasElement.prototype.getContext = function getContext(this: HTMLCanvasElement) {
    return fakeContext(this)
  } as typeof HTMLCanvasElement.prototype.getContext
}
