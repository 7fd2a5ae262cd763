import { readFileSync } from 'node:fs'

/** The parts of a V8 CPU profile (`node --cpu-prof`, CDP Profiler.stop) this reads. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>
  samples?: number[]
  timeDeltas?: number[]
}

/** Self time per function (name + file:line), largest first, as `name (file:line) 12.3 %` parts. */
export function selfTimes(profile: CpuProfile): Array<{ fn: string; share: number }> {
  const byNode = new Map<number, number>()
  const samples = profile.samples ?? []
  const deltas = profile.timeDeltas ?? []
  let total = 0
  for (let i = 0; i < samples.length; i++) {
    const dt = deltas[i] ?? 0
    byNode.set(samples[i] as number, (byNode.get(samples[i] as number) ?? 0) + dt)
    total += dt
  }
  const byFn = new Map<string, number>()
  for (const node of profile.nodes) {
    const t = byNode.get(node.id)
    if (!t) continue
    const { functionName, url, lineNumber } = node.callFrame
    const file = url.replace(/^.*\/(node_modules\/)?/, '$1')
    const key = `${functionName || '(anonymous)'}${file ? ` (${file}:${lineNumber + 1})` : ''}`
    byFn.set(key, (byFn.get(key) ?? 0) + t)
  }
  return [...byFn.entries()].map(([fn, t]) => ({ fn, share: total > 0 ? t / total : 0 })).sort((a, b) => b.share - a.share)
}

export function topSelfTime(profile: CpuProfile, n: number): string {
  return selfTimes(profile)
    .slice(0, n)
    .map((s) => `${s.fn} ${(s.share * 100).toFixed(1)} %`)
    .join('; ')
}

/** `node --import tsx bench/lib/cpuprofile.ts FILE [N]`: prints the top self-time functions. */
if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2]
  if (!file) throw new Error('usage: cpuprofile.ts FILE.cpuprofile [N]')
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  for (const s of selfTimes(profile).slice(0, Number(process.argv[3] ?? 25)))
    console.log(`${(s.share * 100).toFixed(1).padStart(5)} %  ${s.fn}`)
}
