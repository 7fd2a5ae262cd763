import { readFileSync } from 'node:fs'
import os from 'node:os'

// Reads another process's resident memory and CPU time from /proc (Linux), so that a server
// under test needs no cooperation to be measured.

const ticksPerSecond = 100 // USER_HZ; 100 on every Linux this runs on

/** Resident set size in bytes (VmRSS), or NaN when the process is gone. */
export function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) * 1024 : Number.NaN
  } catch {
    return Number.NaN
  }
}

/** User + system CPU time of a process in ms, or NaN. */
export function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // fields after the command name (which may contain spaces) start after the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond
  } catch {
    return Number.NaN
  }
}

/** Measures a process's CPU use over an interval: call `stop()` for the share of one core (0–1+). */
export function cpuMeter(pid: number): { stop(): number } {
  const cpu0 = cpuMsOf(pid)
  const t0 = performance.now()
  return {
    stop: () => {
      const wall = performance.now() - t0
      return wall > 0 ? Math.round(((cpuMsOf(pid) - cpu0) / wall) * 100) / 100 : Number.NaN
    },
  }
}

export interface MachineInfo {
  cpus: number
  cpuModel: string
  memoryGiB: number
  node: string
  platform: string
  /** 1, 5 and 15 minute load averages when the run started */
  loadAverage: number[]
}

export function machineInfo(): MachineInfo {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
  }
}
