import { Worker } from 'node:worker_threads'
import type { ExportRegion } from '../../../shared/export/svg-region.ts'
import type { BoardPicture } from './board-images.ts'
import type { PdfInput } from './render-pdf.ts'
import type { RasterRender } from './render-png.ts'
import type { RasterPlan, RenderJob, RenderReply } from './render-worker.ts'

type Job = RenderJob extends infer J ? (J extends { id: number } ? Omit<J, 'id'> : never) : never

/**
 * Runs picture and PDF renders on one worker thread, started on first use and kept for the
 * next (a start costs Konva's and Skia's set-up). Jobs arrive one at a time (the render
 * queue); a worker that dies fails its jobs and is replaced by the next one.
 */
class RenderThread {
  #worker: Worker | null = null
  #next = 1
  readonly #pending = new Map<number, { resolve: (r: RenderReply) => void; reject: (e: Error) => void }>()

  #start(): Worker {
    // the entry registers tsx in the new thread, then loads the TypeScript worker
    const worker = new Worker(new URL('./render-worker-entry.mjs', import.meta.url))
    worker.unref()
    worker.on('message', (reply: RenderReply) => {
      const job = this.#pending.get(reply.id)
      if (!job) return
      this.#pending.delete(reply.id)
      if (reply.ok) job.resolve(reply)
      else job.reject(new Error(reply.message))
    })
    const fail = (error: Error) => {
      for (const job of this.#pending.values()) job.reject(error)
      this.#pending.clear()
      if (this.#worker === worker) this.#worker = null
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(new Error(`the render thread stopped (${code})`)))
    return worker
  }

  #run(job: Job): Promise<RenderReply> {
    this.#worker ??= this.#start()
    const id = this.#next++
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject })
      this.#worker?.postMessage({ ...job, id })
    })
  }

  async raster(
    region: ExportRegion,
    plan: RasterPlan,
    pictures: ReadonlyMap<string, BoardPicture>,
    format: 'png' | 'jpeg',
  ): Promise<RasterRender> {
    const reply = await this.#run({ kind: 'raster', region, plan, pictures: [...pictures], format })
    if (!reply.ok || reply.kind !== 'raster') throw new Error('unexpected render reply')
    return { bytes: Buffer.from(reply.bytes), format: reply.format, width: reply.width, height: reply.height }
  }

  async pdf(
    input: Omit<PdfInput, 'boardImage'>,
    picture: { region: ExportRegion; plan: RasterPlan; pictures: ReadonlyMap<string, BoardPicture> } | null,
  ): Promise<Uint8Array> {
    const reply = await this.#run({
      kind: 'pdf',
      input,
      picture: picture ? { region: picture.region, plan: picture.plan, pictures: [...picture.pictures], format: 'jpeg' } : null,
    })
    if (!reply.ok || reply.kind !== 'pdf') throw new Error('unexpected render reply')
    return new Uint8Array(reply.bytes)
  }
}

export const renderThread = new RenderThread()
