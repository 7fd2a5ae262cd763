import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { attentionSection } from '../../bench/attention.ts'
import { boardOpenSection } from '../../bench/board-open.ts'
import { fanoutSection } from '../../bench/fanout.ts'
import { machineInfo } from '../../bench/lib/proc.ts'
import { evaluateTargets, writeReport } from '../../bench/report.ts'
import { voteSection } from '../../bench/vote.ts'

/**
 * The harness on tiny sizes: it runs, its rows hold finite numbers, and the report (json, md,
 * svg) is written. Not a benchmark: no timing is asserted, and no browser is needed.
 */
describe('bench harness (smoke)', () => {
  it('measures fan-out and board open on tiny sizes and writes a report', { timeout: 60_000 }, async () => {
    const fanout = await fanoutSection({
      sizes: [2],
      rounds: 5,
      warmUpRounds: 2,
      targets: ['refresh-board', 'bare-ws-relay'],
    })
    expect(fanout.map((r) => r.server)).toEqual(['refresh-board', 'bare-ws-relay'])
    for (const row of fanout) {
      expect(row.samples).toBe(10)
      for (const value of [row.p50Ms, row.p95Ms, row.p99Ms, row.maxMs]) {
        expect(Number.isFinite(value)).toBe(true)
        expect(value).toBeGreaterThanOrEqual(0)
      }
    }

    const open = await boardOpenSection({ sizes: [50], samples: 1 })
    expect(open).toHaveLength(1)
    const row = open[0]
    expect(row?.elements).toBe(50)
    for (const value of [row?.coldMs, row?.warmMs, row?.createMs]) expect(Number.isFinite(value)).toBe(true)
    expect(row?.storedBytes).toBeGreaterThan(0)

    const vote = await voteSection({
      participants: 3,
      rounds: 1,
      elements: 4,
      dotsPerPerson: 3,
      maxPerElement: 2,
      storages: ['memory'],
    })
    expect(vote.map((r) => r.measure)).toHaveLength(7)
    for (const row of vote) expect(Number.isFinite(row.maxMs)).toBe(true)

    const attention = await attentionSection({ clients: 3, rounds: 1, gapMs: 0 })
    expect(attention.map((r) => r.measure)).toHaveLength(4)
    for (const row of attention) expect(Number.isFinite(row.maxMs)).toBe(true)

    const sections = [
      { name: 'fanout', title: 'Fan-out', method: 'smoke', rows: fanout as unknown as Record<string, unknown>[], seconds: 0 },
      {
        name: 'board-open',
        title: 'Board open',
        method: 'smoke',
        rows: open as unknown as Record<string, unknown>[],
        seconds: 0,
      },
      { name: 'vote', title: 'Dot vote', method: 'smoke', rows: vote as unknown as Record<string, unknown>[], seconds: 0 },
      {
        name: 'attention',
        title: 'Attention',
        method: 'smoke',
        rows: attention as unknown as Record<string, unknown>[],
        seconds: 0,
      },
    ]
    const dir = mkdtempSync(path.join(tmpdir(), 'rb-bench-smoke-'))
    try {
      const files = writeReport(
        { date: 'smoke', quick: true, machine: machineInfo(), sections, targets: evaluateTargets({ sections }) },
        dir,
        'smoke',
      )
      expect(files).toContain('smoke.json')
      expect(files).toContain('smoke.md')
      expect(files).toContain('smoke-fanout-p99.svg')
      const verdicts = evaluateTargets({ sections }).filter(
        (t) => t.target.includes('event loop') || t.target.includes('vote') || t.target.includes('summon'),
      )
      expect(verdicts).toHaveLength(4)
      for (const verdict of verdicts) expect(verdict.met).not.toBeNull()
      expect(readdirSync(dir).sort()).toEqual([...files].sort())
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
