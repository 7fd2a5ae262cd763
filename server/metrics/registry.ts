import { Counter, collectDefaultMetrics, Gauge, type Metric, Registry } from 'prom-client'
import type { Buckets, Meters } from './meters.ts'

/** What `/metrics` reads at scrape time besides the counters. */
export interface MetricsSources {
  meters: Meters
  /** rooms (boards) loaded on this instance */
  roomsLoaded(): number
  /** open WebSocket connections on the sync endpoint */
  connections(): number
}

const PREFIX = 'refresh_board_'

/**
 * One server instance's Prometheus registry (never prom-client's global one: tests run several
 * servers in one process). Our metrics are read from `Meters` when scraped, so the hot paths
 * only add to numbers. Process metrics (`collectDefaultMetrics`: CPU, memory, heap, GC,
 * handles, event-loop lag as `nodejs_eventloop_lag_*`) describe the process, not an instance:
 * one registry per process, started with its first server, joins every instance's answer.
 * No label carries a board id or name: labels are directions, kinds and refusal codes only.
 */
export class ServerMetrics {
  readonly registry = new Registry()

  constructor(sources: MetricsSources) {
    const { meters } = sources
    // the event-loop delay monitor and the GC observer start now, so the first scrape has data
    processRegistry()
    const registers = [this.registry]
    new Gauge({
      name: `${PREFIX}rooms_loaded`,
      help: 'Boards loaded in memory on this instance.',
      registers,
      collect() {
        this.set(sources.roomsLoaded())
      },
    })
    new Gauge({
      name: `${PREFIX}connections`,
      help: 'Open WebSocket connections on the sync endpoint.',
      registers,
      collect() {
        this.set(sources.connections())
      },
    })
    counter(registers, 'connections_opened_total', 'WebSocket connections accepted on the sync endpoint.', [], () => [
      [{}, meters.connectionsOpened],
    ])
    counter(
      registers,
      'sync_messages_total',
      'Sync messages received from (in) and sent to (out) clients.',
      ['direction'],
      () => [
        [{ direction: 'in' }, meters.messagesIn],
        [{ direction: 'out' }, meters.messagesOut],
      ],
    )
    counter(
      registers,
      'sync_bytes_total',
      'Bytes of sync messages received from (in) and sent to (out) clients.',
      ['direction'],
      () => [
        [{ direction: 'in' }, meters.bytesIn],
        [{ direction: 'out' }, meters.bytesOut],
      ],
    )
    counter(
      registers,
      'sync_updates_total',
      'Document updates received from clients (sync step 2 and update messages).',
      [],
      () => [[{}, meters.updatesIn]],
    )
    counter(
      registers,
      'sync_refused_updates_total',
      'Document updates refused by the server, by refusal code (forgeries: unseen_delete, foreign_client_id, unplaceable).',
      ['reason'],
      () => [...meters.refused].map(([reason, n]) => [{ reason }, n]),
    )
    counter(
      registers,
      'limit_refusals_total',
      'What the limits against abuse refused, by limit: sockets over the per-address or per-board count, connections closed for update rate or bytes, presence messages dropped, REST requests answered 429, updates whose new elements would pass the board size.',
      ['limit'],
      () => [...meters.limited].map(([limit, n]) => [{ limit }, n]),
    )
    counter(
      registers,
      'sync_dropped_messages_total',
      'Sync messages dropped: malformed, or ignored (rate budgets, presence limits, unknown types).',
      ['kind'],
      () => [
        [{ kind: 'malformed' }, meters.malformedMessages],
        [{ kind: 'ignored' }, meters.ignoredMessages],
      ],
    )
    histogram(
      this.registry,
      'sync_latency_seconds',
      "From the server's receipt of a client's update to its broadcast to the other clients and instances.",
      () => [[{}, meters.syncLatency]],
    )
    counter(
      registers,
      'fanout_messages_total',
      'Messages published to (out) and received from (in) other instances over Redis.',
      ['direction'],
      () => [
        [{ direction: 'in' }, meters.fanoutIn],
        [{ direction: 'out' }, meters.fanoutOut],
      ],
    )
    histogram(
      this.registry,
      'fanout_lag_seconds',
      'From publish on one instance to apply on this one (wall clocks: synchronise the machines’ clocks).',
      () => [
        [{ kind: 'update' }, meters.fanoutLag.update],
        [{ kind: 'awareness' }, meters.fanoutLag.awareness],
      ],
    )
    histogram(
      this.registry,
      'storage_write_seconds',
      'Storage writes of board content: update-log pieces (log) and compacted states (state).',
      () => [
        [{ kind: 'log' }, meters.storageWrite.log],
        [{ kind: 'state' }, meters.storageWrite.state],
      ],
    )
    counter(registers, 'storage_write_errors_total', 'Failed storage writes of board content.', ['kind'], () => [
      [{ kind: 'log' }, meters.storageWriteErrors.log],
      [{ kind: 'state' }, meters.storageWriteErrors.state],
    ])
  }

  /** The Prometheus text exposition: this instance's metrics, then the process's. */
  async render(): Promise<{ body: string; contentType: string }> {
    const own = await this.registry.metrics()
    const process = await processRegistry().metrics()
    return { body: `${own}\n${process}`, contentType: this.registry.contentType }
  }
}

let shared: Registry | null = null

/** The process's default metrics, registered once per process (prom-client offers no way to stop their monitors). */
function processRegistry(): Registry {
  if (!shared) {
    shared = new Registry()
    collectDefaultMetrics({ register: shared })
  }
  return shared
}

type Labels = Record<string, string>

/** A counter whose values are read from plain numbers at scrape time. */
function counter(registers: Registry[], name: string, help: string, labelNames: string[], read: () => [Labels, number][]): void {
  new Counter({
    name: `${PREFIX}${name}`,
    help,
    labelNames,
    registers,
    collect() {
      this.reset()
      for (const [labels, value] of read()) {
        if (labelNames.length === 0) this.inc(value)
        else this.inc(labels, value)
      }
    },
  })
}

/**
 * A histogram read from `Buckets` at scrape time. prom-client's Histogram can only observe
 * values one by one; the registry takes any metric with a `get()` in its shape.
 */
function histogram(registry: Registry, name: string, help: string, read: () => [Labels, Buckets][]): void {
  const full = `${PREFIX}${name}`
  const metric = {
    name: full,
    help,
    type: 'histogram' as const,
    aggregator: 'sum' as const,
    get: async () => ({
      name: full,
      help,
      type: 'histogram' as const,
      aggregator: 'sum' as const,
      values: read().flatMap(([labels, buckets]) => {
        let cumulative = 0
        const lines = buckets.bounds.map((bound, i) => {
          cumulative += buckets.counts[i] ?? 0
          return { metricName: `${full}_bucket`, labels: { ...labels, le: bound }, value: cumulative }
        })
        return [
          ...lines,
          { metricName: `${full}_bucket`, labels: { ...labels, le: '+Inf' }, value: buckets.count },
          { metricName: `${full}_sum`, labels, value: buckets.sum },
          { metricName: `${full}_count`, labels, value: buckets.count },
        ]
      }),
    }),
  }
  registry.registerMetric(metric as unknown as Metric)
}
