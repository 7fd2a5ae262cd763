import { nowMs, sleep } from './clock.ts'
import type { WorkerReply, WorkerRequest } from './receivers.ts'
import { BenchClient, type BenchClient as Client } from './yclient.ts'

// A process of receivers: opens Yjs clients to one board and records, for every key the
// writer sets in the `bench` map, when each receiver observed it (CLOCK_MONOTONIC, comparable
// with the writer's clock in the parent process).
const clients: Client[] = []
let keys: number[] = []
let times: number[] = []
let notify = false
/** per key, how many of this process's receivers have seen it (only while notifying) */
const seen = new Map<number, number>()
let cpuStart = process.cpuUsage()
let wallStart = performance.now()

function record(key: number, t: number): void {
  keys.push(key)
  times.push(t)
  if (!notify) return
  const count = (seen.get(key) ?? 0) + 1
  if (count === clients.length) {
    seen.delete(key)
    process.send?.({ event: 'seen', key })
  } else seen.set(key, count)
}

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  switch (request.op) {
    case 'open': {
      const started = nowMs()
      const opened = Array.from(
        { length: request.count },
        () =>
          new BenchClient({
            url: request.url,
            framing: request.framing,
            docName: request.docName,
            token: request.token,
            presence: request.presence,
          }),
      )
      for (const client of opened) {
        clients.push(client)
        client.doc.getMap('bench').observe((event) => {
          const t = nowMs()
          for (const key of event.keysChanged) record(Number(key), t)
        })
      }
      await Promise.all(opened.map((c) => c.synced))
      return { op: 'opened', ms: nowMs() - started }
    }
    case 'reset':
      keys = []
      times = []
      seen.clear()
      notify = request.notify
      cpuStart = process.cpuUsage()
      wallStart = performance.now()
      return { op: 'ok' }
    case 'collect': {
      const deadline = Date.now() + request.timeoutMs
      while (keys.length < request.expect && Date.now() < deadline) await sleep(5)
      const cpu = process.cpuUsage(cpuStart)
      const wall = performance.now() - wallStart
      return { op: 'collected', keys, times, cpuShare: (cpu.user + cpu.system) / 1000 / wall }
    }
    case 'close':
      for (const client of clients.splice(0)) client.destroy()
      return { op: 'ok' }
  }
}

process.on('message', (message: { id: number; request: WorkerRequest }) => {
  handle(message.request).then(
    (reply) => process.send?.({ id: message.id, reply }),
    (error: unknown) => process.send?.({ id: message.id, error: String(error) }),
  )
})
process.on('disconnect', () => process.exit(0))
process.send?.({ event: 'ready' })
