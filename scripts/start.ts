/**
 * `npm start`: run the Worker locally with `wrangler dev` on a persistent local
 * store (.state/), then load every article under data/ through the real ingest
 * API (POST /v1/articles), so the sample data goes through exactly the code a
 * client's article does. Ids are derived from content, so running it twice
 * duplicates nothing. Extra arguments reach wrangler dev: `npm start -- --port 8788`.
 *
 * Ports: a `--port` you pass is used or refused in one line (exit 1), never
 * replaced; without one, 8787 or the next free port, and the script says
 * which. The devtools inspector gets a free port too (wrangler's default,
 * 9229, collides with any other `wrangler dev` on the machine).
 */
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { filesIn, startOutlet } from './local-outlet.mjs'
import { LOOPBACK, choosePort, freePort, numericFlag } from './ports.js'
import { loadSamples } from './sample-data.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const args = process.argv.slice(2)

/** wrangler dev's own default port. */
const DEFAULT_PORT = 8787

/** How long wrangler dev may take to answer /healthz (first start bundles and boots workerd). */
const READY_TIMEOUT_MS = 60_000

const choice = await choosePort(numericFlag(args, 'port'), DEFAULT_PORT)
if ('error' in choice) {
  console.error(`[bantin] ${choice.error}`)
  process.exit(1)
}
if (choice.note !== null) console.log(`[bantin] ${choice.note}`)
const base = `http://${LOOPBACK}:${choice.port}`

const token = ingestToken()
// --test-scheduled: wrangler's /__scheduled route fires the Cron handler (its /cdn-cgi/handler/scheduled
// fails when the Worker has static assets, as bantin's OpenAPI document is).
const wranglerArgs = ['wrangler', 'dev', '--persist-to', '.state', '--ip', LOOPBACK, '--test-scheduled', ...args]
if (numericFlag(args, 'port') === null) wranglerArgs.push('--port', String(choice.port))
if (numericFlag(args, 'inspector-port') === null) wranglerArgs.push('--inspector-port', String(await freePort()))
const child = spawn('npx', wranglerArgs, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))

await waitUntilReady()
await gatherFromLocalOutlet()
await seed()

/** The token from .dev.vars, which wrangler dev also reads; created from the example on first run. */
function ingestToken(): string {
  const vars = join(root, '.dev.vars')
  if (!existsSync(vars)) {
    copyFileSync(join(root, '.dev.vars.example'), vars)
    console.log('[bantin] created .dev.vars from .dev.vars.example (local token only)')
  }
  const match = /^INGEST_TOKEN=(.+)$/m.exec(readFileSync(vars, 'utf8'))
  if (!match?.[1]) throw new Error('.dev.vars has no INGEST_TOKEN line')
  return match[1].trim()
}

async function waitUntilReady(): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${base}/healthz`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await sleep(250)
  }
  console.error(`[bantin] wrangler dev did not answer ${base}/healthz within ${READY_TIMEOUT_MS / 1000}s`)
  child.kill('SIGTERM')
  process.exit(1)
}

/** Load data/ through the ingest API, headline-first (scripts/sample-data.ts), and say what each became. */
async function seed(): Promise<void> {
  const loaded = await loadSamples(base, token, join(root, 'data'))
  for (const item of loaded) {
    if (item.id === null) console.error(`[bantin] ${item.name}: ${item.status} ${item.detail ?? ''}`)
    else console.log(`[bantin] ${item.name} → ${base}/v1/articles/${item.id} in story ${item.storyId} (${item.status === 201 ? 'new' : 'already stored'})`)
  }
  const created = loaded.filter((item) => item.status === 201).length
  console.log(`[bantin] ${loaded.length} sample articles loaded (${created} new). Try ${base}/v1/articles, or read ${base}/ in a browser`)
}

type SourceAnswer = { id: string; name: string; feedUrl: string; itemsSeen: number; articlesIngested: number; articlesFromFeedItems: number; lastCheckedAt: string | null; detail?: string }

/**
 * Gathering, offline: start a small local outlet serving the fixture feed and
 * article pages (test/fixtures/gather/site, built from data/), register its
 * RSS feed as a source, and run one Cron check, so the whole path — feed,
 * queue, page, article, story, summary — can be watched with no network.
 * Runs before the samples are posted, so its articles are new (posting the
 * same text then answers "already stored"). Needs ALLOW_LOCAL_SOURCES=true in
 * .dev.vars (the example has it): bantin otherwise refuses loopback addresses.
 */
async function gatherFromLocalOutlet(): Promise<void> {
  const name = 'Tin Mẫu (local outlet)'
  const outlet = await startOutlet(filesIn(join(root, 'test', 'fixtures', 'gather', 'site')))
  process.on('exit', () => void outlet.stop())
  const auth = { Authorization: `Bearer ${token}` }
  // The outlet gets a new port each start: forget the one registered by an earlier start.
  const listed = (await (await fetch(`${base}/v1/sources`)).json()) as { items?: SourceAnswer[] }
  for (const old of listed.items ?? []) if (old.name === name) await fetch(`${base}/v1/sources/${old.id}`, { method: 'DELETE', headers: auth })
  const res = await fetch(`${base}/v1/sources`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ feedUrl: `${outlet.origin}/rss.xml`, name }),
  })
  const source = (await res.json()) as SourceAnswer
  if (!res.ok) {
    console.error(`[bantin] local outlet not registered: ${res.status} ${source.detail ?? ''} (is ALLOW_LOCAL_SOURCES=true in .dev.vars?)`)
    return
  }
  console.log(`[bantin] local outlet ${outlet.origin} serves a feed and its article pages; registered as ${base}/v1/sources/${source.id}`)
  await fetch(`${base}/__scheduled?cron=${encodeURIComponent('*/5 * * * *')}`)
  let health = source
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(250)) {
    health = (await (await fetch(`${base}/v1/sources/${source.id}`)).json()) as SourceAnswer
    if (health.lastCheckedAt !== null && health.articlesIngested >= health.itemsSeen) break
  }
  console.log(
    `[bantin] one check: ${health.itemsSeen} feed items → ${health.articlesIngested} articles stored (${health.articlesFromFeedItems} from the feed item, their page unreadable). Try ${base}/v1/stories`,
  )
}
