// `npm start`: run the Worker locally with `wrangler dev` on a persistent local
// store (.state/), then load every article under data/ through the real ingest
// API (POST /v1/articles), so the sample data goes through exactly the code a
// client's article does. Ids are derived from content, so running it twice
// duplicates nothing. Extra arguments reach wrangler dev: `npm start -- --port 8788`.
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs'
import { extname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { filesIn, startOutlet } from './local-outlet.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const args = process.argv.slice(2)
const port = portFrom(args) ?? 8787
const base = `http://127.0.0.1:${port}`

/** How long wrangler dev may take to answer /healthz (first start bundles and boots workerd). */
const READY_TIMEOUT_MS = 60_000

const token = ingestToken()
const wranglerArgs = ['wrangler', 'dev', '--persist-to', '.state', '--ip', '127.0.0.1', ...args]
if (portFrom(args) === null) wranglerArgs.push('--port', String(port))
const child = spawn('npx', wranglerArgs, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))

await waitUntilReady()
await gatherFromLocalOutlet()
await seed()

function portFrom(argv) {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--port' && argv[i + 1]) return Number(argv[i + 1])
    if (arg.startsWith('--port=')) return Number(arg.slice('--port='.length))
  }
  return null
}

/** The token from .dev.vars, which wrangler dev also reads; created from the example on first run. */
function ingestToken() {
  const vars = join(root, '.dev.vars')
  if (!existsSync(vars)) {
    copyFileSync(join(root, '.dev.vars.example'), vars)
    console.log('[bantin] created .dev.vars from .dev.vars.example (local token only)')
  }
  const match = /^INGEST_TOKEN=(.+)$/m.exec(readFileSync(vars, 'utf8'))
  if (!match) throw new Error('.dev.vars has no INGEST_TOKEN line')
  return match[1].trim()
}

async function waitUntilReady() {
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

async function seed() {
  const dir = join(root, 'data')
  const files = readdirSync(dir).filter((name) => ['.txt', '.json'].includes(extname(name))).sort()
  let created = 0
  for (const name of files) {
    const body = readFileSync(join(dir, name), 'utf8')
    const type = extname(name) === '.json' ? 'application/json' : 'text/plain; charset=utf-8'
    const res = await fetch(`${base}/v1/articles`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': type },
      body,
    })
    const answer = await res.json()
    if (res.status === 201) created += 1
    if (!res.ok) {
      console.error(`[bantin] ${name}: ${res.status} ${answer.detail ?? ''}`)
      continue
    }
    console.log(`[bantin] ${name} → ${base}/v1/articles/${answer.id} (${res.status === 201 ? 'new' : 'already stored'})`)
  }
  console.log(`[bantin] ${files.length} sample articles loaded (${created} new). Try ${base}/v1/articles`)
}

/**
 * Gathering, offline: start a small local outlet serving the fixture feed and
 * article pages (test/fixtures/gather/site, built from data/), register its
 * RSS feed as a source, and run one Cron check, so the whole path — feed,
 * queue, page, article, story, summary — can be watched with no network.
 * Runs before the samples are posted, so its articles are new. Needs
 * ALLOW_LOCAL_SOURCES=true in .dev.vars (the example has it): bantin
 * otherwise refuses loopback addresses.
 */
async function gatherFromLocalOutlet() {
  const name = 'Tin Mẫu (local outlet)'
  const outlet = await startOutlet(filesIn(join(root, 'test', 'fixtures', 'gather', 'site')))
  process.on('exit', () => outlet.stop())
  const auth = { Authorization: `Bearer ${token}` }
  // The outlet gets a new port each start: forget the ones registered by earlier starts.
  for (const old of (await (await fetch(`${base}/v1/sources`)).json()).items ?? []) {
    if (old.name === name) await fetch(`${base}/v1/sources/${old.id}`, { method: 'DELETE', headers: auth })
  }
  const res = await fetch(`${base}/v1/sources`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ feedUrl: `${outlet.origin}/rss.xml`, name }),
  })
  const source = await res.json()
  if (!res.ok) {
    console.error(`[bantin] local outlet not registered: ${res.status} ${source.detail ?? ''} (is ALLOW_LOCAL_SOURCES=true in .dev.vars?)`)
    return
  }
  console.log(`[bantin] local outlet ${outlet.origin} serves a feed and its article pages; registered as ${base}/v1/sources/${source.id}`)
  await fetch(`${base}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent('*/5 * * * *')}`)
  let health = source
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(250)) {
    health = await (await fetch(`${base}/v1/sources/${source.id}`)).json()
    if (health.lastCheckedAt !== null && health.articlesIngested >= health.itemsSeen) break
  }
  console.log(`[bantin] one check: ${health.itemsSeen} feed items → ${health.articlesIngested} articles stored (${health.articlesFromFeedItems} of them from the feed item, their page unreadable). Try ${base}/v1/stories`)
}
