/**
 * The queue side of gathering: each message is one feed item whose article
 * page is fetched (politely), read (page-rewriter.ts) and stored through the
 * same path a POST takes — `prepareFromJson`, then the Newsroom's `ingest`,
 * which refuses a second copy of a URL or text. When the page cannot be
 * fetched or read, the feed item's own text is used and the article says so
 * (`gathered.from: "feed-item"` with the reason).
 *
 * Retries: a page that fails in a way that may pass (network, timeout, 5xx,
 * 429/503) goes back to the queue with exponential delay; after
 * MAX_PAGE_ATTEMPTS the item's own text is used. A host busy with other
 * fetches puts the message back with the wait its slot needs (not an
 * attempt). What still fails — the Newsroom itself, for instance — is
 * retried by the queue and then lands in the dead-letter queue, whose
 * consumer records it in the source's health.
 */
import type { Bindings } from '../env.js'
import { ApiError } from '../http/problem.js'
import { type NewArticle, prepareFromJson } from '../ingest/prepare.js'
import { hotClear } from '../store/hot-cache.js'
import { type GatherMessage, GatherMessageSchema } from '../store/source-schemas.js'
import { newsroomOf } from '../writer/client.js'
import { normalizeLine } from '../text/normalize.js'
import { decodeBody } from './charset.js'
import { withoutControls } from './decode-entities.js'
import { htmlToLine, htmlToParagraphs } from './html-text.js'
import type { PageArticle } from './page-extract.js'
import { readArticlePage } from './page-rewriter.js'
import { fetchPolitely } from './polite-fetch.js'
import { isBusyStatus, retryAfterMsOf, retryDelaySeconds } from './politeness.js'
import { registryOf } from './registry.js'

/** Tries at a page before its feed item's own text is used (the first try counts). */
export const MAX_PAGE_ATTEMPTS = 3

/** Times a message may be put back because its host was busy before the item's own text is used. */
const MAX_DEFERRALS = 20

/** A busy host's slot is waited for in place up to this long; longer waits go back to the queue. */
const MAX_PAGE_WAIT_MS = 5000

/** Longest headline and lead passed to ingest (the article schema's own bounds). */
const MAX_TITLE_CHARS = 1000
const MAX_LEAD_CHARS = 10_000

/** A byline is a name or a few; anything longer is not one. */
const MAX_AUTHOR_CHARS = 200

export const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5'

type Env = Bindings

/** What became of one message (logged, and returned for tests and benchmarks). */
export type ItemReport = {
  url: string
  outcome: 'stored' | 'already-stored' | 'deferred' | 'retry' | 'no-text' | 'invalid'
  from: 'page' | 'feed-item' | null
  note: string | null
  /** When the message went back to the queue: after how long. */
  delaySeconds?: number
}

/**
 * Handle a batch from the gather queue or its dead-letter queue. Messages of
 * one host are handled one after another (their fetches are spaced anyway);
 * different hosts in parallel.
 *
 * @example
 * export default { async queue(batch, env) { await consumeBatch(batch, env) } }
 */
export async function consumeBatch(batch: MessageBatch<unknown>, env: Env): Promise<ItemReport[]> {
  if (batch.queue.endsWith('-dlq')) return recordDeadLetters(batch, env)
  const byHost = new Map<string, Message<unknown>[]>()
  for (const message of batch.messages) {
    const host = hostOf(message.body)
    byHost.set(host, [...(byHost.get(host) ?? []), message])
  }
  const reports = await Promise.all(
    [...byHost.values()].map(async (messages) => {
      const done: ItemReport[] = []
      for (const message of messages) done.push(await gatherOne(env, message))
      return done
    }),
  )
  return reports.flat()
}

/** Fetch, read and store one item's article; ack or retry its message. */
export async function gatherOne(env: Env, message: Message<unknown>): Promise<ItemReport> {
  const parsed = GatherMessageSchema.safeParse(message.body)
  if (!parsed.success) {
    console.warn(JSON.stringify({ level: 'warn', event: 'gather-invalid-message', id: message.id }))
    message.ack()
    return { url: '', outcome: 'invalid', from: null, note: 'not a gather message' }
  }
  const body = parsed.data
  try {
    const page = await fetchPage(env, body, message)
    if (page.kind === 'deferred' || page.kind === 'retry') return { url: body.url, outcome: page.kind, from: null, note: page.note, delaySeconds: page.delaySeconds }
    const report = await store(env, body, page.kind === 'read' ? page.article : null, page.kind === 'read' ? null : page.note)
    message.ack()
    return report
  } catch (error) {
    // The Newsroom, the registry or the queue failed: let the queue retry, and after its last try, the dead-letter queue.
    console.error(JSON.stringify({ level: 'error', event: 'gather-failed', url: body.url, error: String(error).slice(0, 200) }))
    const delaySeconds = retryDelaySeconds(message.attempts)
    message.retry({ delaySeconds })
    return { url: body.url, outcome: 'retry', from: null, note: 'storing failed', delaySeconds }
  }
}

type PageResult = { kind: 'read'; article: PageArticle } | { kind: 'unreadable'; note: string } | { kind: 'deferred' | 'retry'; note: string; delaySeconds: number }

/** Fetch and read the page, or say why not (and whether the message went back to the queue). */
async function fetchPage(env: Env, body: GatherMessage, message: Message<unknown>): Promise<PageResult> {
  const outcome = await fetchPolitely(env, body.url, { accept: PAGE_ACCEPT, readBody: true }, MAX_PAGE_WAIT_MS)
  const lastTry = message.attempts >= MAX_PAGE_ATTEMPTS
  switch (outcome.kind) {
    case 'wait': {
      if (body.deferrals >= MAX_DEFERRALS) return { kind: 'unreadable', note: 'the host kept asking bantin to wait' }
      const delaySeconds = Math.ceil(outcome.waitMs / 1000)
      await env.GATHER_QUEUE.send({ ...body, deferrals: body.deferrals + 1 }, { contentType: 'json', delaySeconds })
      message.ack()
      return { kind: 'deferred', note: `host busy for ${outcome.waitMs} ms`, delaySeconds }
    }
    case 'disallowed':
      return { kind: 'unreadable', note: 'robots.txt disallows fetching the page' }
    case 'refused':
      return { kind: 'unreadable', note: `the page URL is refused: ${outcome.reason}` }
    case 'failed':
      if (!lastTry) return retry(message, retryDelaySeconds(message.attempts), outcome.reason)
      return { kind: 'unreadable', note: outcome.reason }
    case 'response': {
      const { status } = outcome
      if (isBusyStatus(status) || status >= 500) {
        const retryAfter = Math.ceil((retryAfterMsOf(outcome.headers.get('Retry-After'), Date.now()) ?? 0) / 1000)
        if (!lastTry) return retry(message, Math.max(retryAfter, retryDelaySeconds(message.attempts)), `the page answered ${status}`)
        return { kind: 'unreadable', note: `the page answered ${status}` }
      }
      if (status !== 200 || outcome.body === null) return { kind: 'unreadable', note: `the page answered ${status}` }
      const type = outcome.headers.get('Content-Type') ?? ''
      if (type !== '' && !/html/i.test(type)) return { kind: 'unreadable', note: `the page is ${type.split(';')[0]}, not HTML` }
      const article = await readArticlePage(decodeBody(outcome.body, type, 'html'), outcome.url)
      if (article.paragraphs.length === 0 && article.lead === null) return { kind: 'unreadable', note: 'no article text found on the page' }
      return { kind: 'read', article }
    }
  }
}

function retry(message: Message<unknown>, delaySeconds: number, note: string): PageResult {
  message.retry({ delaySeconds })
  return { kind: 'retry', note, delaySeconds }
}

/**
 * Store the article read from its page, or (page null) from the feed item.
 * A page whose text the ingest path refuses falls back to the item too.
 */
async function store(env: Env, body: GatherMessage, page: PageArticle | null, note: string | null): Promise<ItemReport> {
  const at = new Date().toISOString()
  const registry = registryOf(env)
  let prepared: NewArticle | null = null
  let from: 'page' | 'feed-item' = 'page'
  let why = note
  if (page !== null) {
    prepared = await prepareOrNull(fromPage(body, page))
    if (prepared === null) why = 'the page text was empty once cleaned'
  }
  if (prepared === null) {
    from = 'feed-item'
    prepared = await prepareOrNull(fromItem(body))
  }
  if (prepared === null) {
    await registry.recordArticle(body.sourceId, { url: body.url, created: false, from: null, error: `${why ?? 'no text'}; the feed item has no article text either`, at })
    return { url: body.url, outcome: 'no-text', from: null, note: why }
  }
  const extra = from === 'page' && page !== null ? page : null
  const article: NewArticle = {
    ...prepared,
    captions: unique([...prepared.captions, ...(extra?.captions ?? []).map(clean)]),
    author: nullable(clean(extra?.author ?? body.item.author ?? '').slice(0, MAX_AUTHOR_CHARS)),
    image: extra?.image ?? body.item.image,
    gathered: { sourceId: body.sourceId, from, note: from === 'page' ? null : why },
  }
  const result = await newsroomOf(env).ingest(article)
  // A write through this isolate clears its hot cache at once, as a POST does (store/hot-cache.ts).
  hotClear()
  await registry.recordArticle(body.sourceId, { url: body.url, created: result.created, from, error: from === 'page' ? null : why, at })
  const report: ItemReport = { url: body.url, outcome: result.created ? 'stored' : 'already-stored', from, note: from === 'page' ? null : why }
  console.log(JSON.stringify({ level: 'info', event: 'gather-item', id: result.article.id, ...report }))
  return report
}

/** The JSON body a POST would send for this page, or null without a headline. */
function fromPage(body: GatherMessage, page: PageArticle): Record<string, unknown> | null {
  const title = page.title ?? lineOf(body.item.title)
  if (title === null) return null
  return articleJson(body, title, page.lead, page.paragraphs, page.publishedAt ?? body.item.publishedAt)
}

/** The JSON body for the item's own text: its content, with its summary as the lead when both are there. */
function fromItem(body: GatherMessage): Record<string, unknown> | null {
  const title = lineOf(body.item.title)
  if (title === null) return null
  const content = htmlToParagraphs(body.item.content ?? '')
  const summary = htmlToParagraphs(body.item.summary ?? '')
  const paragraphs = content.length > 0 ? content : summary
  const lead = content.length > 0 && summary.length > 0 ? summary.join(' ') : null
  return articleJson(body, title, lead === paragraphs[0] ? null : lead, paragraphs, body.item.publishedAt)
}

function articleJson(body: GatherMessage, title: string, lead: string | null, paragraphs: readonly string[], publishedAt: string | null): Record<string, unknown> {
  const json: Record<string, unknown> = { title: title.slice(0, MAX_TITLE_CHARS), paragraphs, source: body.sourceName, url: body.url }
  if (lead !== null) json.lead = lead.slice(0, MAX_LEAD_CHARS)
  if (publishedAt !== null) json.publishedAt = publishedAt
  return json
}

/**
 * Through the ingest path's own checks; what it refuses (no text left, a
 * field out of bounds) is null. A publication date it refuses (in the future
 * by an outlet's wrong clock, or before 1990) is dropped rather than the
 * article: the article is then dated by when it was gathered.
 */
async function prepareOrNull(json: Record<string, unknown> | null): Promise<NewArticle | null> {
  if (json === null) return null
  try {
    return await prepareFromJson(json)
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    if (json.publishedAt === undefined || !error.errors?.some((field) => field.field === 'publishedAt')) return null
    const { publishedAt: _refused, ...undated } = json
    return prepareOrNull(undated)
  }
}

/** The dead-letter queue: record in the source's health that the item was given up on. */
async function recordDeadLetters(batch: MessageBatch<unknown>, env: Env): Promise<ItemReport[]> {
  const reports: ItemReport[] = []
  for (const message of batch.messages) {
    const parsed = GatherMessageSchema.safeParse(message.body)
    if (parsed.success) {
      const error = `gave up after ${message.attempts} attempts to store it`
      await registryOf(env).recordArticle(parsed.data.sourceId, { url: parsed.data.url, created: false, from: null, error, at: new Date().toISOString() })
      console.error(JSON.stringify({ level: 'error', event: 'gather-dead-letter', url: parsed.data.url, attempts: message.attempts }))
      reports.push({ url: parsed.data.url, outcome: 'no-text', from: null, note: error })
    }
    message.ack()
  }
  return reports
}

function hostOf(body: unknown): string {
  const parsed = GatherMessageSchema.safeParse(body)
  if (!parsed.success) return ''
  try {
    return new URL(parsed.data.url).host
  } catch {
    return ''
  }
}

function lineOf(value: string | null): string | null {
  if (value === null) return null
  const line = htmlToLine(value)
  return line === '' ? null : line
}

/** Text an outlet wrote, as the ingest path would accept it: one line, NFC, no control characters. */
function clean(text: string): string {
  return withoutControls(normalizeLine(text))
}

function nullable(text: string): string | null {
  return text === '' ? null : text
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)]
}
