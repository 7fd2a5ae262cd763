/**
 * Runs heavy renders one at a time per process. A picture export holds up to `MAX_PIXELS`
 * of pixels while it is drawn; queueing bounds the memory of many concurrent exports to one
 * such canvas, and keeps the event loop's share for sync fair (each render yields between
 * batches, but two interleaved renders would double the time others wait).
 */
export function createRenderQueue() {
  let tail: Promise<unknown> = Promise.resolve()
  let waiting = 0
  return {
    get waiting() {
      return waiting
    },
    run<T>(task: () => Promise<T>): Promise<T> {
      waiting++
      const result = tail.then(task, task)
      tail = result.then(
        () => undefined,
        () => undefined,
      )
      void tail.then(() => {
        waiting--
      })
      return result
    },
  }
}

export const renderQueue = createRenderQueue()
