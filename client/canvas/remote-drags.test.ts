import { describe, expect, it, vi } from 'vitest'
import { createThrottle } from './frame-scheduler.ts'
import { readDrag } from './remote-drags.ts'

describe('readDrag', () => {
  it('reads a well-formed drag and refuses anything else', () => {
    expect(readDrag({ drag: { ids: ['a', 1, 'b'], dx: 3, dy: -4 } })).toEqual({ ids: ['a', 'b'], dx: 3, dy: -4 })
    expect(readDrag({ drag: null })).toBeNull()
    expect(readDrag({ drag: { ids: 'a', dx: 1, dy: 1 } })).toBeNull()
    expect(readDrag({ drag: { ids: [], dx: Number.NaN, dy: 1 } })).toBeNull()
    expect(readDrag(null)).toBeNull()
  })
})

describe('createThrottle', () => {
  it('sends the first value at once, then the latest at most every interval', () => {
    vi.useFakeTimers()
    try {
      let now = 0
      const sent: number[] = []
      const throttle = createThrottle<number>(
        50,
        (v) => sent.push(v),
        () => now,
      )
      throttle.push(1)
      throttle.push(2)
      throttle.push(3)
      expect(sent).toEqual([1])
      now = 50
      vi.advanceTimersByTime(50)
      expect(sent).toEqual([1, 3])
      throttle.push(4)
      throttle.flush()
      expect(sent).toEqual([1, 3, 4])
    } finally {
      vi.useRealTimers()
    }
  })
})
