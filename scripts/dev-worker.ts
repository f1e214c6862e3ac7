/**
 * Runs the real Worker for benchmarks and browser tests: `wrangler dev` on loopback with a fresh
 * store in a temporary directory, started in its own process group so that
 * stopping it also stops workerd. Both of its ports (the Worker's and the
 * devtools inspector's) are free ports picked here, so two runs on one
 * machine never collide.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { LOOPBACK, freePorts } from './ports.js'

/** The ingest token of the throwaway Worker (never a real secret). */
export const LOCAL_TOKEN = 'local-token'

/** First start bundles and boots workerd; allow for a slow machine. */
const READY_TIMEOUT_MS = 90_000

export type RunningWorker = {
  base: string
  stop: () => Promise<void>
  /** The --persist-to directory (local KV and Durable Object files under v3/). */
  state: string
  /** The process group of wrangler and its workerd processes (benchmarks read their CPU time from it). */
  group: number | null
}

/**
 * Start `wrangler dev`. With `keepState`, that directory holds the local
 * store and outlives the server (a benchmark reuses an archive it built);
 * otherwise a temporary one is removed on stop.
 */
export async function startWorker(extraArgs: readonly string[] = [], keepState?: string): Promise<RunningWorker> {
  const root = fileURLToPath(new URL('..', import.meta.url)) // the project root, beside scripts/
  const state = keepState ?? mkdtempSync(join(tmpdir(), 'bantin-bench-'))
  const [port, inspectorPort] = await freePorts(2)
  if (port === undefined || inspectorPort === undefined) throw new Error('no free ports')
  const child: ChildProcess = spawn(
    'npx',
    [
      'wrangler',
      'dev',
      '--persist-to',
      state,
      '--ip',
      LOOPBACK,
      '--port',
      String(port),
      '--inspector-port',
      String(inspectorPort),
      '--var',
      `INGEST_TOKEN:${LOCAL_TOKEN}`,
      '--log-level',
      'warn',
      // /__scheduled fires the Cron handler (/cdn-cgi/handler/scheduled fails on a Worker with static assets).
      '--test-scheduled',
      ...extraArgs,
    ],
    {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
    },
  )
  const base = `http://${LOOPBACK}:${port}`
  const stop = async () => {
    if (child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {
        // already gone
      }
    }
    await sleep(500)
    if (keepState === undefined) rmSync(state, { recursive: true, force: true })
  }
  const deadline = Date.now() + READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { base, stop, state, group: child.pid ?? null }
    } catch {
      // not up yet
    }
    await sleep(250)
  }
  await stop()
  throw new Error(`wrangler dev did not answer ${base}/healthz in ${READY_TIMEOUT_MS / 1000}s`)
}

/**
 * Poll a URL until `ready` accepts its answer: the Newsroom writes KV copies
 * after answering, and coalesces a hot key's writes to one a second.
 */
export async function waitUntil(url: string, ready: (res: Response) => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const res = await fetch(url)
    if (await ready(res)) return
    await sleep(100)
  }
  throw new Error(`${url} was not ready within ${timeoutMs / 1000}s`)
}
