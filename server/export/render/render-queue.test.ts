import { describe, expect, it } from 'vitest'
import { type Admission, createRenderQueue } from './render-queue.ts'

/** Renders that end when the test says so; records the order they started in. */
function renders() {
  const started: string[] = []
  const finishers = new Map<string, (fail?: boolean) => void>()
  const task = (name: string) => () => {
    started.push(name)
    return new Promise<string>((resolve, reject) => {
      finishers.set(name, (fail) => (fail ? reject(new Error(`${name} failed`)) : resolve(name)))
    })
  }
  /** ends a running render and lets the queue start the next one */
  const finish = async (name: string, fail = false) => {
    const end = finishers.get(name)
    if (!end) throw new Error(`${name} is not running`)
    end(fail)
    await new Promise((resolve) => setImmediate(resolve))
  }
  return { started, task, finish }
}

const admitted = <T>(admission: Admission<T>): Promise<T> => {
  if (!admission.ok) throw new Error(`refused: ${admission.refusal.reason}`)
  return admission.done
}

describe('render queue', () => {
  it('takes renders round-robin across users: 40 queued by A delay B’s by one render', async () => {
    const queue = createRenderQueue({ perUser: 100, maxWaiting: 100, concurrency: 1 })
    const { started, task, finish } = renders()
    for (let i = 1; i <= 40; i++) void admitted(queue.enqueue('A', task(`A${i}`)))
    const b = admitted(queue.enqueue('B', task('B1')))
    expect(started).toEqual(['A1'])
    await finish('A1')
    expect(started).toEqual(['A1', 'B1'])
    await finish('B1')
    await expect(b).resolves.toBe('B1')
    // a third user arriving while A2 runs goes next, then A again
    void admitted(queue.enqueue('C', task('C1')))
    void admitted(queue.enqueue('C', task('C2')))
    void admitted(queue.enqueue('B', task('B2')))
    await finish('A2')
    await finish('C1')
    await finish('B2')
    await finish('A3')
    await finish('C2')
    expect(started).toEqual(['A1', 'B1', 'A2', 'C1', 'B2', 'A3', 'C2', 'A4'])
  })

  it('refuses a user’s render beyond the per-user bound, with a retry delay, until one ends', async () => {
    const queue = createRenderQueue({ perUser: 3, maxWaiting: 100, concurrency: 1 })
    const { task, finish } = renders()
    for (let i = 1; i <= 3; i++) void admitted(queue.enqueue('A', task(`A${i}`)))
    const fourth = queue.enqueue('A', task('A4'))
    expect(fourth.ok).toBe(false)
    if (fourth.ok) return
    expect(fourth.refusal.reason).toBe('user_busy')
    expect(fourth.refusal.retryAfterSeconds).toBeGreaterThanOrEqual(1)
    expect(fourth.refusal.message).toMatch(/3 picture or PDF exports/)
    // another user is not affected
    expect(queue.enqueue('B', task('B1')).ok).toBe(true)
    await finish('A1')
    expect(queue.enqueue('A', task('A5')).ok).toBe(true)
    expect(queue.stats).toEqual({ running: 1, waiting: 3, users: 2 })
  })

  it('refuses any render once the whole queue is full (503), and admits again when a place frees', async () => {
    const queue = createRenderQueue({ perUser: 3, maxWaiting: 4, concurrency: 1 })
    const { task, finish } = renders()
    for (let i = 1; i <= 3; i++) void admitted(queue.enqueue('A', task(`A${i}`)))
    for (let i = 1; i <= 2; i++) void admitted(queue.enqueue('B', task(`B${i}`)))
    const refused = queue.enqueue('C', task('C1'))
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.refusal.reason).toBe('queue_full')
    await finish('A1')
    expect(queue.enqueue('C', task('C1')).ok).toBe(true)
  })

  it('drops a waiting render whose request went away; a failed render frees its place', async () => {
    const queue = createRenderQueue({ perUser: 2, maxWaiting: 10, concurrency: 1 })
    const { started, task, finish } = renders()
    const first = admitted(queue.enqueue('A', task('A1')))
    const request = new AbortController()
    const gone = admitted(queue.enqueue('A', task('A2'), request.signal))
    request.abort(new Error('client went away'))
    await expect(gone).rejects.toThrow('client went away')
    expect(queue.stats).toEqual({ running: 1, waiting: 0, users: 1 })
    // the aborted render's place is free again
    const third = admitted(queue.enqueue('A', task('A3')))
    const failed = expect(first).rejects.toThrow('A1 failed')
    await finish('A1', true)
    await failed
    expect(started).toEqual(['A1', 'A3'])
    await finish('A3')
    await expect(third).resolves.toBe('A3')
    expect(queue.stats).toEqual({ running: 0, waiting: 0, users: 0 })
  })
})
