/**
 * `npm run bench:load`: the read path under load, on loopback. `wrangler dev
 * --log-level warn` serves a fresh store holding the sample articles of data/
 * (grouped into one story by the real ingest); autocannon drives each route
 * with 32 connections for 5 s. Prints req/s, p50, p99 and each route's
 * throughput as a ratio of /healthz on the same server in the same run.
 * Target: every route ≥ 0.8 of /healthz.
 */
import autocannon from 'autocannon'
import { LOCAL_TOKEN, startWorker, waitUntil } from '../scripts/dev-worker.js'
import { loadSamples } from '../scripts/sample-data.js'

const CONNECTIONS = 32
const SECONDS = 5
const TARGET_RATIO = 0.8

type Result = { route: string; rps: number; p50: number; p99: number; errors: number; non2xx: number }

async function hammer(base: string, route: string): Promise<Result> {
  const result = await autocannon({ url: `${base}${route}`, connections: CONNECTIONS, duration: SECONDS })
  return {
    route,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  }
}

async function main(): Promise<void> {
  const worker = await startWorker()
  try {
    const loaded = await loadSamples(worker.base, LOCAL_TOKEN, new URL('../data/', import.meta.url).pathname)
    const count = loaded.length
    const articleId = loaded.at(-1)?.id ?? ''
    const storyId = loaded.at(-1)?.storyId ?? ''
    // The Newsroom writes KV copies after answering: wait for the list and the story to show up.
    await waitUntil(`${worker.base}/v1/articles`, async (res) => res.ok && ((await res.json()) as { items: unknown[] }).items.length === count)
    await waitUntil(`${worker.base}/v1/stories/${storyId}/summary`, (res) => res.ok)
    const routes = ['/healthz', `/v1/articles/${articleId}`, `/v1/articles/${articleId}/summary`, `/v1/stories/${storyId}`, `/v1/stories/${storyId}/summary`, '/v1/articles']
    for (const route of routes) {
      const check = await fetch(`${worker.base}${route}`)
      if (!check.ok) throw new Error(`${route} answered ${check.status} before the run`)
    }
    await hammer(worker.base, '/healthz') // warm-up, not reported
    const results: Result[] = []
    for (const route of routes) results.push(await hammer(worker.base, route))
    const health = results[0]?.rps ?? 1
    console.log(`autocannon, ${CONNECTIONS} connections, ${SECONDS} s per route, wrangler dev on loopback (2 cores shared with the load generator)`)
    console.log(`${'route'.padEnd(44)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'× healthz'.padStart(10)}`)
    for (const r of results) {
      const ratio = r.rps / health
      const flag = r.errors + r.non2xx > 0 ? `  (${r.errors} errors, ${r.non2xx} non-2xx)` : ''
      console.log(
        `${r.route.padEnd(44)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${ratio.toFixed(2).padStart(10)}${ratio < TARGET_RATIO ? '  below target' : ''}${flag}`,
      )
    }
  } finally {
    await worker.stop()
  }
}

await main()
