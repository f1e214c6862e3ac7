/**
 * CPU time of the Worker's workerd processes (Linux /proc), for benchmarks
 * that compare versions of the code on a shared machine: unlike a round trip
 * or a rate, it hardly moves with what else the machine runs.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import type { RunningWorker } from '../scripts/dev-worker.js'

/** Linux's USER_HZ, the unit of /proc/PID/stat times. */
const CLOCK_TICKS_PER_SECOND = 100

/** User + system CPU time of the workerd processes in the Worker's process group, in ms; NaN where /proc is missing. */
export function workerdCpuMs(worker: RunningWorker): number {
  if (worker.group === null || !existsSync('/proc')) return Number.NaN
  let ticks = 0
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let stat: string
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
    } catch {
      continue // gone meanwhile
    }
    // pid (comm) state ppid pgrp … utime (14th) stime (15th): fields after the command's closing parenthesis.
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (comm !== 'workerd' || Number(fields[2]) !== worker.group) continue
    ticks += Number(fields[11]) + Number(fields[12])
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND
}
