/**
 * `npm run bench:search`: search quality on the VN-MDS dev set and search
 * latency on a 10,000-article archive, both through the real Worker
 * (`wrangler dev`: the routes, the Newsroom Durable Object and its FTS5 index).
 *
 * Relevance: every dev report ingested as delivered (title, its sapo as the
 * lead, body, publishedAt, the outlet as source). For each report:
 * (a) its title as written and (b) its title folded (NFD, marks dropped,
 * đ → d, lowercase) are searched; the report itself is removed from the
 * ranked list (the list is asked one longer, so ten others remain) and the
 * reciprocal rank of the first other report of the same human cluster in the
 * top 10 is averaged (MRR@10). (c) three consecutive syllables of its body,
 * folded, at a position drawn by a seeded generator: the share of reports
 * that come back in the top 10. Targets: MRR ≥ 0.9 for (a) and (b), (c) ≥ 0.95.
 *
 * Latency: a fresh Worker holding 10,000 articles — the dev reports repeated,
 * each copy with its own URL, a marker sentence (so its text is new) and its
 * dates shifted by 35 days a copy (so copies never share a story) — then one
 * client, sequential GETs on loopback (Node's http on a kept-alive
 * connection; `--fetch-client` for Node's fetch, as before): p50 and p99 of
 * the round trip and of the Worker's own `Server-Timing` total, without and
 * with filters, and the CPU time of the Worker's processes.
 * Target p99 ≤ 20 ms. Then the index's size per article, from SQLite's
 * `dbstat` on the Durable Object's file (needs the `sqlite3` command).
 *
 * Options: `--relevance` or `--latency` to run one part; `--archive N`
 * for a smaller archive while trying things; `--keep DIR` to keep the
 * archive's store in DIR and reuse it on the next run (it is rebuilt when DIR
 * holds none of that size; delete DIR after a change to what is indexed).
 */
import { execFileSync } from 'node:child_process'
import { Agent, get as httpGet } from 'node:http'
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { searchTokensOf } from '../src/search/fold.js'
import { LOCAL_TOKEN, type RunningWorker, startWorker } from '../scripts/dev-worker.js'
import { type VnmdsDocument, isoFromVnmds, loadDevSet, outletOf } from './vnmds.js'
import { workerdCpuMs } from './workerd-cpu.js'
import { xorshift } from './random.js'

const TOP = 10
const ARCHIVE_SIZE = 10_000
/** Days between copies of the dev set in the archive: more than the grouping window of 7, so copies stay apart. */
const COPY_SHIFT_DAYS = 35
/** Concurrent ingest requests while building the archive (the Newsroom is one thread; this only hides HTTP latency). */
const INGEST_CONCURRENCY = 4
/** Queries of each kind in the latency run, and warm-up queries not counted. */
const QUERIES_PER_KIND = 100
const WARM_UP = 30
const TARGET_P99_MS = 20
/** Times a search is asked again for its edge-cache hit (the page is stored just after its second answer: src/search/repeats.ts). */
const CACHE_HIT_TRIES = 10
/** File in a kept state directory saying how many articles the archive there holds. */
const ARCHIVE_MARKER = 'bench-search-archive'

type Report = { cluster: number; doc: VnmdsDocument; publishedAt: string; outlet: string }
type Hit = { id: string }

async function main(): Promise<void> {
  const clusters = loadDevSet()
  if (clusters === null) return
  const reports: Report[] = clusters.flatMap((c) => c.documents.map((doc) => ({ cluster: c.cluster, doc, publishedAt: isoFromVnmds(doc.publishedAt), outlet: outletOf(doc.url) })))
  const only = process.argv.includes('--relevance') ? 'relevance' : process.argv.includes('--latency') ? 'latency' : null
  const archiveSize = Number(optionOf('--archive') ?? ARCHIVE_SIZE)
  if (only !== 'latency') await relevance(reports)
  if (only !== 'relevance') await latency(reports, archiveSize, optionOf('--keep'))
}

async function relevance(reports: readonly Report[]): Promise<void> {
  const worker = await start()
  try {
    const ids = new Map<Report, string>()
    for (const report of reports) ids.set(report, await ingest(worker, articleOf(report, null)))
    const clusterOf = new Map([...ids].map(([report, id]) => [id, report.cluster]))
    const scores = { a: [] as number[], b: [] as number[], c: [] as number[], selfFirst: 0 }
    const random = xorshift(2013)
    for (const report of reports) {
      const self = ids.get(report) ?? ''
      for (const kind of ['a', 'b'] as const) {
        const q = kind === 'a' ? report.doc.title : foldText(report.doc.title)
        const hits = await search(worker, { q, limit: String(TOP + 1) })
        if (kind === 'a' && hits[0]?.id === self) scores.selfFirst += 1
        const others = hits.filter((hit) => hit.id !== self).slice(0, TOP)
        const rank = others.findIndex((hit) => clusterOf.get(hit.id) === report.cluster)
        scores[kind].push(rank < 0 ? 0 : 1 / (rank + 1))
      }
      const tokens = searchTokensOf(report.doc.body.normalize('NFC'))
      const at = Math.floor(random() * Math.max(1, tokens.length - 2))
      const q = tokens
        .slice(at, at + 3)
        .map((token) => token.folded)
        .join(' ')
      const hits = await search(worker, { q, limit: String(TOP) })
      scores.c.push(hits.some((hit) => hit.id === self) ? 1 : 0)
    }
    const half = (values: number[], parity: number) => mean(values.filter((_, i) => (reports[i]?.cluster ?? 0) % 2 === parity))
    console.log(`Relevance on VN-MDS dev: ${reports.length} reports in ${new Set(reports.map((r) => r.cluster)).size} clusters, through the Worker`)
    console.log(`  (a) title as written      MRR@${TOP} ${mean(scores.a).toFixed(3)}  (odd clusters ${half(scores.a, 1).toFixed(3)}, even ${half(scores.a, 0).toFixed(3)})  target ≥ 0.9`)
    console.log(`  (b) title folded          MRR@${TOP} ${mean(scores.b).toFixed(3)}  (odd clusters ${half(scores.b, 1).toFixed(3)}, even ${half(scores.b, 0).toFixed(3)})  target ≥ 0.9`)
    console.log(`  (c) 3 body syllables      in top ${TOP}: ${mean(scores.c).toFixed(3)}  (odd clusters ${half(scores.c, 1).toFixed(3)}, even ${half(scores.c, 0).toFixed(3)})  target ≥ 0.95`)
    console.log(`  (the report itself ranks first for its own title in ${scores.selfFirst} of ${reports.length})`)
  } finally {
    await worker.stop()
  }
}

async function latency(reports: readonly Report[], size: number, keep: string | undefined): Promise<void> {
  const built = keep !== undefined && existsSync(join(keep, ARCHIVE_MARKER)) && readFileSync(join(keep, ARCHIVE_MARKER), 'utf8') === String(size)
  const worker = await start(keep)
  try {
    if (built) {
      console.log(`Archive: ${size} articles, kept in ${keep} from an earlier run`)
    } else {
      const started = performance.now()
      let next = 0
      await Promise.all(
        Array.from({ length: INGEST_CONCURRENCY }, async () => {
          for (let n = next++; n < size; n = next++) {
            const report = reports[n % reports.length]
            if (report !== undefined) await ingest(worker, articleOf(report, Math.floor(n / reports.length)))
          }
        }),
      )
      const seconds = (performance.now() - started) / 1000
      console.log(`Archive: ${size} articles ingested in ${seconds.toFixed(0)} s (${(size / seconds).toFixed(1)}/s, ${INGEST_CONCURRENCY} concurrent POSTs)`)
      if (keep !== undefined) writeFileSync(join(keep, ARCHIVE_MARKER), String(size))
    }
    const random = xorshift(7)
    const startLoad = loadavg()[0]?.toFixed(2)
    const kinds = queryKinds(reports, random)
    const copies = Math.ceil(size / reports.length)
    const filtersFor = (report: Report) => {
      const copy = Math.floor(random() * copies)
      const from = shiftDays(report.publishedAt, copy * COPY_SHIFT_DAYS - 30).slice(0, 10)
      const to = shiftDays(report.publishedAt, copy * COPY_SHIFT_DAYS + 30).slice(0, 10)
      return { source: report.outlet, from, to }
    }
    for (const [q] of kinds.flatMap((kind) => kind.queries).slice(0, WARM_UP)) await timed(worker, { q: `${q} khởi động` })
    const rows: Row[] = []
    for (const kind of kinds)
      rows.push(
        await measured(worker, `${kind.name}, no filter`, () =>
          sample(
            worker,
            kind.queries.map(([q]) => ({ q })),
          ),
        ),
      )
    const hits = rows.flatMap((row) => row.samples).filter((s) => s.cached).length
    if (hits > 0) console.log(`  (${hits} edge-cache hits among distinct queries: two reports share a headline)`)
    for (const kind of kinds)
      rows.push(
        await measured(worker, `${kind.name}, source + from/to`, () =>
          sample(
            worker,
            kind.queries.map(([q, report]) => ({ q, ...filtersFor(report) })),
          ),
        ),
      )
    const twoSyllables = kinds.find((kind) => kind.name.startsWith('2 syllables'))?.queries ?? []
    rows.push(
      await measured(worker, '2 syllables, sort=recent', () =>
        sample(
          worker,
          twoSyllables.map(([q]) => ({ q, sort: 'recent' })),
        ),
      ),
    )
    rows.push(
      await measured(worker, '2 syllables, stories (GET /v1/stories?q=)', () =>
        sample(
          worker,
          twoSyllables.map(([q]) => ({ q })),
          '/v1/stories',
        ),
      ),
    )
    const repeated: Sample[] = []
    for (const [q] of twoSyllables) {
      await timed(worker, { q, limit: '19' })
      // The Worker stores a page after answering it a second time (waitUntil): ask again until the answer is the stored one.
      let again = await timed(worker, { q, limit: '19' })
      for (let tries = 1; !again.cached && tries < CACHE_HIT_TRIES; tries++) again = await timed(worker, { q, limit: '19' })
      repeated.push(again)
    }
    if (repeated.some((s) => !s.cached)) throw new Error(`a search asked ${CACHE_HIT_TRIES} times in a row was never an edge-cache hit`)
    rows.push({ label: '2 syllables, asked again: the cache hit', samples: repeated, cpuMs: Number.NaN })
    // The floor of the path: the client, wrangler dev's proxy and the Worker's middleware, with no search at all.
    rows.push(
      await measured(worker, 'GET /healthz (the path alone, no search)', async () => {
        const floor: Sample[] = []
        for (let n = 0; n < QUERIES_PER_KIND; n++) floor.push(await timedPath(worker, '/healthz'))
        return floor
      }),
    )
    console.log(
      `Latency, one client (${FETCH_CLIENT ? "Node's fetch" : "Node's http, kept alive"}), sequential GETs on loopback, ${size} articles; round trip (Worker's Server-Timing total) [the Newsroom call within it]`,
    )
    console.log("and the CPU time of the workerd processes a request (all of them: the Worker, the Newsroom, wrangler's proxy)")
    console.log(`  load average at the start ${startLoad}, at the end ${loadavg()[0]?.toFixed(2)} (${cpus().length} cores, shared)`)
    console.log(`${'queries'.padEnd(44)} ${'n'.padStart(4)} ${'p50 ms'.padStart(20)} ${'p99 ms'.padStart(20)} ${'cpu ms'.padStart(7)}  results`)
    const report = (label: string, samples: Sample[], cpuMs: number) => {
      const trip = percentiles(samples.map((s) => s.ms))
      const own = percentiles(samples.map((s) => s.serverMs))
      const newsroom = percentiles(samples.map((s) => s.newsroomMs))
      const found = mean(samples.map((s) => s.hits))
      const cell = (p: 'p50' | 'p99') => `${trip[p].toFixed(1)} (${own[p].toFixed(1)}) [${newsroom[p].toFixed(1)}]`.padStart(20)
      const cpu = (Number.isNaN(cpuMs) ? '' : cpuMs.toFixed(1)).padStart(7)
      console.log(`${label.padEnd(44)} ${String(samples.length).padStart(4)} ${cell('p50')} ${cell('p99')} ${cpu}  ${found.toFixed(1)} a page`)
    }
    for (const row of rows) report(row.label, row.samples, row.cpuMs)
    const unfilteredRows = rows.filter((row) => row.label.endsWith('no filter'))
    const filteredRows = rows.filter((row) => row.label.includes('source + from/to'))
    const unfiltered = unfilteredRows.flatMap((row) => row.samples)
    const filtered = filteredRows.flatMap((row) => row.samples)
    report('ALL without filters', unfiltered, mean(unfilteredRows.map((row) => row.cpuMs)))
    report('ALL with filters', filtered, mean(filteredRows.map((row) => row.cpuMs)))
    for (const [label, samples] of [
      ['without filters', unfiltered],
      ['with filters', filtered],
    ] as const) {
      const p99 = percentiles(samples.map((s) => s.ms)).p99
      console.log(`  target p99 ≤ ${TARGET_P99_MS} ms ${label}: ${p99 <= TARGET_P99_MS ? 'met' : 'MISSED'} (${p99.toFixed(1)} ms)`)
    }
    indexSize(worker, size)
  } finally {
    await worker.stop()
  }
}

/** The query kinds of the latency run, each with the report it came from. */
function queryKinds(reports: readonly Report[], random: () => number): { name: string; queries: [string, Report][] }[] {
  // Distinct reports, so no query of a kind repeats (a repeat would be an edge-cache hit).
  const shuffled = [...reports]
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const [a, b] = [shuffled[i], shuffled[j]]
    if (a !== undefined && b !== undefined) [shuffled[i], shuffled[j]] = [b, a]
  }
  const drawn = shuffled.slice(0, QUERIES_PER_KIND)
  const syllables = (report: Report, count: number, form: 'exact' | 'folded') => {
    const tokens = searchTokensOf(report.doc.body.normalize('NFC'))
    const at = Math.floor(random() * Math.max(1, tokens.length - count))
    return tokens
      .slice(at, at + count)
      .map((token) => (form === 'exact' ? report.doc.body.normalize('NFC').slice(token.start, token.end) : token.folded))
      .join(' ')
  }
  return [
    { name: 'headline as written', queries: drawn.map((r) => [r.doc.title, r]) },
    { name: 'headline folded', queries: drawn.map((r) => [foldText(r.doc.title), r]) },
    { name: '2 syllables folded', queries: drawn.map((r) => [syllables(r, 2, 'folded'), r]) },
    { name: '"3-syllable phrase" as written', queries: drawn.map((r) => [`"${syllables(r, 3, 'exact')}"`, r]) },
  ]
}

/** Round trip, the Worker's own total, the Newsroom call within it (search-cache misses only), results. */
type Sample = { ms: number; serverMs: number; newsroomMs: number; hits: number; cached: boolean }

/** Samples of one kind of request, and the CPU time workerd spent on them (ms a request; NaN where /proc cannot tell). */
type Row = { label: string; samples: Sample[]; cpuMs: number }

async function sample(worker: RunningWorker, queries: readonly Record<string, string>[], path = '/v1/search'): Promise<Sample[]> {
  const samples: Sample[] = []
  for (const params of queries) samples.push(await timed(worker, params, path))
  return samples
}

/**
 * A kind of request measured, with the CPU time of the Worker's processes
 * over it: unlike the round trip, it hardly moves with what else the machine
 * runs, so it compares versions of the code on a shared machine.
 */
async function measured(worker: RunningWorker, label: string, run: () => Promise<Sample[]>): Promise<Row> {
  const before = workerdCpuMs(worker)
  const samples = await run()
  return { label, samples, cpuMs: (workerdCpuMs(worker) - before) / samples.length }
}

async function timed(worker: RunningWorker, params: Record<string, string>, path = '/v1/search'): Promise<Sample> {
  const started = performance.now()
  const res = await timedGet(`${worker.base}${path}?${new URLSearchParams(params)}`)
  const ms = performance.now() - started
  const body = res.body as { items?: unknown[]; detail?: string }
  if (res.status !== 200 || body.items === undefined) throw new Error(`${path} ${JSON.stringify(params)} answered ${res.status} ${body.detail ?? ''}`)
  const serverMs = Number(/total;dur=([\d.]+)/.exec(res.timing)?.[1] ?? Number.NaN)
  const newsroomMs = Number(/newsroom;dur=([\d.]+)/.exec(res.timing)?.[1] ?? 0)
  const cached = /search-cache;(dur=[\d.]+;)?desc="hit"/.test(res.timing)
  return { ms, serverMs, newsroomMs, hits: body.items.length, cached }
}

/** A GET that is not a search, timed like one. */
async function timedPath(worker: RunningWorker, path: string): Promise<Sample> {
  const started = performance.now()
  const res = await timedGet(`${worker.base}${path}`)
  const ms = performance.now() - started
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`)
  const serverMs = Number(/total;dur=([\d.]+)/.exec(res.timing)?.[1] ?? Number.NaN)
  return { ms, serverMs, newsroomMs: 0, hits: 0, cached: false }
}

/** With `--fetch-client`, the latency run measures through Node's fetch as before 2026-11-25 (for comparison). */
const FETCH_CLIENT = process.argv.includes('--fetch-client')

/** One connection kept open, as fetch keeps it; one request at a time. */
const agent = new Agent({ keepAlive: true, maxSockets: 1 })

/**
 * A GET whose round trip is measured: status, Server-Timing, the JSON body.
 * Node's http module on a kept-alive connection, asking for gzip as a
 * browser (and fetch) does and inflating it here. Node's fetch (undici)
 * spent ~1.5 ms at p50 and 3–4 ms at p99 of its own per request on this
 * machine (GET /healthz, same Worker, measured both ways): the client's cost,
 * not the service's.
 */
async function timedGet(url: string): Promise<{ status: number; timing: string; body: unknown }> {
  if (FETCH_CLIENT) {
    const res = await fetch(url)
    return { status: res.status, timing: res.headers.get('Server-Timing') ?? '', body: await res.json() }
  }
  return new Promise((resolve, reject) => {
    httpGet(url, { agent, headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', reject)
      res.on('end', () => {
        const raw = Buffer.concat(chunks)
        const text = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8')
        const timing = res.headers['server-timing']
        try {
          resolve({ status: res.statusCode ?? 0, timing: Array.isArray(timing) ? timing.join(', ') : (timing ?? ''), body: JSON.parse(text) })
        } catch (error) {
          reject(error)
        }
      })
    }).on('error', reject)
  })
}

/** Bytes of the search tables per article, from SQLite's own page accounting. */
function indexSize(worker: RunningWorker, articles: number): void {
  const file = findFile(join(worker.state, 'v3', 'do'), (name) => name.endsWith('.sqlite'))
  if (file === null) {
    console.log('  index size: no Durable Object file found under the state directory')
    return
  }
  let rows: [string, number][]
  try {
    const out = execFileSync('sqlite3', ['-readonly', file, 'SELECT name, SUM(pgsize) FROM dbstat GROUP BY name'], { encoding: 'utf8' })
    rows = out
      .trim()
      .split('\n')
      .map((line) => line.split('|'))
      .map(([name, bytes]) => [name ?? '', Number(bytes)])
  } catch (error) {
    console.log(`  index size: skipped (sqlite3 could not read the file: ${String(error).split('\n')[0]})`)
    return
  }
  const sum = (test: (name: string) => boolean) => rows.filter(([name]) => test(name)).reduce((total, [, bytes]) => total + bytes, 0)
  const fts = sum((name) => name.startsWith('search_text'))
  const docs = sum((name) => name === 'search_docs' || name.startsWith('sqlite_autoindex_search_docs'))
  const all = sum(() => true)
  const articlesTable = sum((name) => name === 'articles' || name.startsWith('sqlite_autoindex_articles') || name.startsWith('articles_'))
  const per = (bytes: number) => `${(bytes / articles / 1024).toFixed(2)} KiB`
  console.log(`Index size (dbstat pages, ${articles} articles): FTS5 ${per(fts)} + filter table ${per(docs)} = ${per(fts + docs)} per article`)
  console.log(`  for scale: the articles table ${per(articlesTable)}, the whole Newsroom database ${per(all)} per article`)
}

function findFile(dir: string, test: (name: string) => boolean): string | null {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      const found = findFile(path, test)
      if (found !== null) return found
    } else if (test(entry.name)) return path
  }
  return null
}

async function start(keep?: string): Promise<RunningWorker> {
  if (keep !== undefined) mkdirSync(keep, { recursive: true })
  return startWorker([], keep)
}

/** A report as a feed delivers it; copy k > 0 of the archive gets its own URL, a marker sentence and shifted dates. */
function articleOf(report: Report, copy: number | null): Record<string, string> {
  const k = copy ?? 0
  return {
    title: report.doc.title,
    lead: report.doc.sapo,
    body: copy === null ? report.doc.body : `${report.doc.body} Bản lưu trữ số ${k}.`,
    publishedAt: shiftDays(report.publishedAt, k * COPY_SHIFT_DAYS),
    source: report.outlet,
    url: `https://bench.bantin.test/${k}/${report.doc.id}`,
  }
}

async function ingest(worker: RunningWorker, article: Record<string, string>): Promise<string> {
  const res = await fetch(`${worker.base}/v1/articles`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${LOCAL_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(article),
  })
  const body = (await res.json()) as { id?: string; detail?: string }
  // 200: the same text was delivered before (an outlet reprinting another's copy); the stored id stands for both.
  if ((res.status !== 201 && res.status !== 200) || body.id === undefined) throw new Error(`ingest answered ${res.status}: ${body.detail ?? ''}`)
  return body.id
}

async function search(worker: RunningWorker, params: Record<string, string>): Promise<Hit[]> {
  const res = await fetch(`${worker.base}/v1/search?${new URLSearchParams(params)}`)
  const body = (await res.json()) as { items?: Hit[]; detail?: string }
  if (!res.ok || body.items === undefined) throw new Error(`search ${JSON.stringify(params)} answered ${res.status}: ${body.detail ?? ''}`)
  return body.items
}

/** A text as someone types it without diacritics: NFD, marks dropped, đ → d, lowercase (punctuation kept). */
function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase()
}

/** An ISO timestamp with +07:00 moved by whole days, kept in Vietnam time. */
function shiftDays(iso: string, days: number): string {
  const shifted = new Date(Date.parse(iso) + days * 86_400_000 + 7 * 3_600_000).toISOString()
  return `${shifted.slice(0, 19)}+07:00`
}

function percentiles(values: readonly number[]): { p50: number; p99: number } {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN
  return { p50: at(0.5), p99: at(0.99) }
}

function optionOf(name: string): string | undefined {
  const at = process.argv.indexOf(name)
  return at > 0 ? process.argv[at + 1] : undefined
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length
}

await main()
