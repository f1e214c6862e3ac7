/**
 * The Cron side of gathering: check every source that is due at the event's
 * `scheduledTime`, fetch its feed conditionally (a `304` ends the check
 * before any parsing), read the items, claim the URLs never seen before,
 * leave out those the Newsroom already stores, and queue the rest for the
 * page consumer (consume.ts). Each check's outcome goes into the source's
 * health.
 */
import type { Bindings } from '../env.js'
import type { GatherMessage } from '../store/source-schemas.js'
import { newsroomOf } from '../writer/client.js'
import { decodeBody } from './charset.js'
import { type FeedItem, parseFeed } from './feed.js'
import { fetchPolitely } from './polite-fetch.js'
import { isBusyStatus, retryAfterMsOf } from './politeness.js'
import { type CheckRecord, type DueSource, registryOf } from './registry.js'

/** Sources checked per Cron run: a run's subrequests (a feed, robots.txt, a few registry calls each) stay far inside the limit. */
export const MAX_SOURCES_PER_RUN = 50

/** Feeds fetched at once within a run. */
const CHECK_CONCURRENCY = 4

/** New items queued per check: a feed first seen with hundreds of items is taken in over several checks. */
export const MAX_NEW_ITEMS_PER_CHECK = 100

/** A feed's host may ask a check to wait this long at most before the check gives up until next time. */
const MAX_FEED_WAIT_MS = 5000

/**
 * Characters of an item's summary and of its content carried in its message:
 * a queue message is at most 128 KB, and Vietnamese text is up to 3 bytes a
 * character in UTF-8 (2 × 16,000 × 3 = 96 KB, with room for the rest).
 */
const MAX_ITEM_CHARS = 16_000

/** Messages per sendBatch call and bytes per call (the Queues limits are 100 messages and 256 KB). */
const BATCH_MESSAGES = 100
const BATCH_BYTES = 200_000

export const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5'

/** What one check did (logged, and returned for tests and the local start script). */
export type CheckReport = { sourceId: string; status: number | null; parsed: boolean; newItems: number; queued: number; error: string | null }

type Env = Bindings

/**
 * Check every source due at `scheduledTime` (the Cron event's time, so a
 * replayed event judges the same way).
 *
 * @example
 * await checkDueSources(env, controller.scheduledTime)
 */
export async function checkDueSources(env: Env, scheduledTime: number): Promise<CheckReport[]> {
  const due = await registryOf(env).claimDue(scheduledTime, MAX_SOURCES_PER_RUN)
  const reports: CheckReport[] = []
  let next = 0
  const worker = async () => {
    while (next < due.length) {
      const source = due[next++]
      if (source === undefined) continue
      try {
        reports.push(await checkSource(env, source, scheduledTime))
      } catch (error) {
        // One source's failure (the registry or the Newsroom unavailable) must not end the others' checks; it is checked again next interval.
        console.error(JSON.stringify({ level: 'error', event: 'feed-check-failed', sourceId: source.id, error: String(error).slice(0, 200) }))
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(CHECK_CONCURRENCY, due.length) }, worker))
  return reports
}

/** Check one source's feed and record the outcome in its health. */
export async function checkSource(env: Env, source: DueSource, scheduledTime: number): Promise<CheckReport> {
  const headers: Record<string, string> = {}
  if (source.etag !== null) headers['If-None-Match'] = source.etag
  if (source.lastModified !== null) headers['If-Modified-Since'] = source.lastModified
  const outcome = await fetchPolitely(env, source.feedUrl, { accept: FEED_ACCEPT, headers, readBody: true }, MAX_FEED_WAIT_MS)
  const record: CheckRecord = {
    scheduledTime,
    checkedAt: new Date().toISOString(),
    status: outcome.kind === 'response' ? outcome.status : null,
    error: null,
    retryAfterMs: null,
    etag: null,
    lastModified: null,
    newItems: 0,
    homepage: null,
  }
  const report: CheckReport = { sourceId: source.id, status: record.status, parsed: false, newItems: 0, queued: 0, error: null }
  if (outcome.kind === 'wait') {
    record.error = 'the host asked bantin to wait (429 or 503)'
    record.retryAfterMs = outcome.waitMs
  } else if (outcome.kind === 'disallowed') {
    record.error = 'robots.txt disallows fetching the feed'
  } else if (outcome.kind === 'refused') {
    record.error = `refused: ${outcome.reason}`
  } else if (outcome.kind === 'failed') {
    record.error = outcome.reason
  } else if (outcome.status === 304) {
    // Not modified: nothing to parse, nothing new.
  } else if (outcome.status !== 200 || outcome.body === null) {
    record.error = `the feed answered ${outcome.status}`
    if (isBusyStatus(outcome.status)) record.retryAfterMs = retryAfterMsOf(outcome.headers.get('Retry-After'), Date.now())
  } else {
    const feed = parseFeed(decodeBody(outcome.body, outcome.headers.get('Content-Type'), 'xml'), outcome.url)
    report.parsed = true
    if (feed === null) {
      record.error = 'the URL does not serve an RSS, Atom or JSON feed'
    } else {
      record.etag = outcome.headers.get('ETag')
      record.lastModified = outcome.headers.get('Last-Modified')
      record.homepage = feed.homepage
      const queued = await queueNewItems(env, source, feed.items)
      record.newItems = queued.newItems
      report.queued = queued.queued
      if (queued.error !== null) record.error = queued.error
    }
  }
  await registryOf(env).recordCheck(source.id, record)
  report.newItems = record.newItems
  report.error = record.error
  console.log(JSON.stringify({ level: record.error === null ? 'info' : 'warn', event: 'feed-check', ...report }))
  return report
}

/** Claim the items never seen, skip those already stored, and queue the rest. */
async function queueNewItems(env: Env, source: DueSource, items: readonly FeedItem[]): Promise<{ newItems: number; queued: number; error: string | null }> {
  const byUrl = new Map<string, FeedItem>()
  for (const item of items) if (!byUrl.has(item.url)) byUrl.set(item.url, item)
  const candidates = [...byUrl.keys()].slice(0, MAX_NEW_ITEMS_PER_CHECK)
  const registry = registryOf(env)
  const fresh = await registry.claimItems(source.id, candidates, Date.now())
  if (fresh.length === 0) return { newItems: 0, queued: 0, error: null }
  const stored = new Set(await newsroomOf(env).storedUrls(fresh))
  const messages = fresh
    .filter((url) => !stored.has(url))
    .flatMap((url) => {
      const item = byUrl.get(url)
      return item === undefined ? [] : [messageOf(source, item)]
    })
  try {
    for (const batch of batches(messages)) await env.GATHER_QUEUE.sendBatch(batch.map((body) => ({ body, contentType: 'json' as const })))
  } catch (error) {
    // Unclaim, so the next check offers these items again.
    await registry.releaseItems(messages.map((message) => message.url))
    return { newItems: fresh.length - messages.length, queued: 0, error: `the queue refused the items: ${String(error).slice(0, 120)}` }
  }
  return { newItems: fresh.length, queued: messages.length, error: null }
}

function messageOf(source: DueSource, item: FeedItem): GatherMessage {
  return {
    v: 1,
    sourceId: source.id,
    sourceName: source.name,
    url: item.url,
    item: {
      title: item.title,
      summary: item.summary?.slice(0, MAX_ITEM_CHARS) ?? null,
      content: item.content?.slice(0, MAX_ITEM_CHARS) ?? null,
      publishedAt: item.publishedAt,
      author: item.author,
      image: item.image,
    },
    deferrals: 0,
  }
}

/** Split messages into sendBatch calls within the Queues limits. */
function batches(messages: readonly GatherMessage[]): GatherMessage[][] {
  const out: GatherMessage[][] = []
  let current: GatherMessage[] = []
  let bytes = 0
  for (const message of messages) {
    const size = new TextEncoder().encode(JSON.stringify(message)).byteLength
    if (current.length >= BATCH_MESSAGES || (current.length > 0 && bytes + size > BATCH_BYTES)) {
      out.push(current)
      current = []
      bytes = 0
    }
    current.push(message)
    bytes += size
  }
  if (current.length > 0) out.push(current)
  return out
}
