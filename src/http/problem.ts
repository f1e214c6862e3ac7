/**
 * One error type for the whole API, mapped to RFC 9457 problem details.
 *
 * Routes throw `ApiError(code, detail)`; `app.onError` turns it into an
 * `application/problem+json` response. The `code` is typed and drives status
 * and title from one table, so no handler ever branches on a message string.
 * Problem `type`s are relative URIs (`/problems/<code>`, RFC 9457 §3.1.1
 * allows relative references); each is listed in README.md.
 */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { CorruptRecordError } from '../store/errors.js'

/**
 * Every problem the API can answer with: status, a stable human title, and
 * what it means and what to do (the page each `type` URI resolves to, RFC 9457 §3.1.1).
 */
const PROBLEMS = {
  'invalid-query': {
    status: 400,
    title: 'Invalid query parameter',
    explanation:
      'A query parameter is malformed or out of bounds: `limit` (1–100), `words` (1–500), `sentences` (1–30) and other numbers are plain decimal digits; `cursor` must be the `nextCursor` this list returned; `storyId` and `url` go in the query string of a text/plain write only. `errors` names each parameter.',
  },
  'malformed-json': { status: 400, title: 'Malformed JSON body', explanation: 'The body of a JSON write is not valid JSON, or not UTF-8. Send one JSON object encoded as UTF-8.' },
  'malformed-text': { status: 400, title: 'Malformed text body', explanation: 'The body of a text/plain write is not valid UTF-8. Re-encode the article as UTF-8.' },
  'invalid-id': {
    status: 400,
    title: 'Invalid identifier',
    explanation: 'A story id in the path is not a slug (lowercase letters, digits and single hyphens, at most 80 characters), so it cannot name any story.',
  },
  'invalid-characters': {
    status: 400,
    title: 'Text with characters that are not allowed',
    explanation:
      'A field holds a control character (other than tab and line ends), a NUL or a lone UTF-16 surrogate. These are refused, not stripped: they come from a broken export. `errors` names the field and the line and column; fix the source and send it again.',
  },
  unauthorized: { status: 401, title: 'Missing or wrong ingest token', explanation: "Writes need `Authorization: Bearer <INGEST_TOKEN>` with this deployment's token." },
  'article-not-found': { status: 404, title: 'Article not found', explanation: 'No stored article has this id (article ids are 16 hex digits). It may have been deleted.' },
  'story-not-found': { status: 404, title: 'Story not found', explanation: 'No story has this id. A story goes when its last report is deleted or moved.' },
  'outlet-not-found': {
    status: 404,
    title: 'Outlet not found',
    explanation: 'No stored report credits an outlet by this name (`source` of a feed is an outlet’s name or its slug, as in /sources/<slug>).',
  },
  'source-not-found': { status: 404, title: 'Source not found', explanation: 'No registered source has this id (source ids are 16 hex digits). It may have been removed.' },
  'route-not-found': {
    status: 404,
    title: 'No such route',
    explanation: 'Nothing is served at this path (or, for /oembed, the URL is not an embed page of this host). /openapi.json lists every route.',
  },
  'method-not-allowed': { status: 405, title: 'Method not allowed', explanation: 'The path exists but does not answer this method. The `Allow` header lists the methods it answers.' },
  'duplicate-article': {
    status: 409,
    title: 'Another article has this URL or text',
    explanation: 'A correction would give this article the URL or the text of another stored article. Correct or delete that one instead; `detail` names it.',
  },
  'payload-too-large': { status: 413, title: 'Request body too large', explanation: 'The request body is over 1 MiB.' },
  'article-too-large': {
    status: 413,
    title: 'Article too large',
    explanation: 'Once cleaned, the article holds over 100,000 characters (title, lead, paragraphs and captions) or over 2,000 sentences. Split it, or send the article without what is not its text.',
  },
  'unsupported-media-type': { status: 415, title: 'Unsupported content type', explanation: 'Writes accept `application/json` or `text/plain`, in UTF-8 (`Accept-Post` says so).' },
  'invalid-article': {
    status: 422,
    title: 'Invalid article',
    explanation:
      'A field fails validation: a missing or blank title, both or neither of `body` and `paragraphs`, a date that is not real or lies outside 1990-01-01 … two days from now, a plain-text `date …` line that does not parse, a url that is not http(s), a storyId that is not a slug. `errors` names each field (and, for raw text, the line).',
  },
  'empty-article': { status: 422, title: 'No article text', explanation: 'Nothing is left once site furniture ("Tin liên quan", …), captions and credits are removed.' },
  'invalid-source': {
    status: 422,
    title: 'Invalid source',
    explanation:
      'A field of the source fails validation: `feedUrl` must be an absolute http(s) URL that bantin may fetch (not a loopback, private, link-local or reserved address, no credentials), `name` 1–200 characters, `checkEveryMinutes` 5–1440; a change names at least one field. `errors` names each field.',
  },
  'feed-unreadable': {
    status: 422,
    title: 'The URL does not serve a feed bantin can read',
    explanation:
      'bantin fetched the URL once before registering it and found no RSS 2.0, Atom 1.0 or JSON Feed 1.1 document there (or a 4xx, a redirect to an address it does not fetch, or robots.txt disallowing it). `detail` says which.',
  },
  'too-many-sources': { status: 409, title: 'Source limit reached', explanation: 'This deployment keeps at most 500 sources. Remove one before registering another.' },
  'feed-unreachable': {
    status: 502,
    title: 'The feed could not be fetched',
    explanation: 'The outlet did not answer within 10 s, answered 5xx or 429, or asked bantin to wait. Nothing was registered; try again later.',
  },
  'corrupt-record': {
    status: 500,
    title: 'Stored record failed validation',
    explanation: 'A stored value failed its schema check when read. The request was fine; the fault is logged for the operators.',
  },
  internal: { status: 500, title: 'Internal error', explanation: 'Something failed that should not have. The request may be retried; the fault is logged for the operators.' },
  'format-not-implemented': { status: 501, title: 'Format not implemented', explanation: 'oEmbed answers `format=json` only.' },
  'writes-disabled': { status: 503, title: 'Ingest token not configured', explanation: 'This deployment has no INGEST_TOKEN secret, so it accepts no writes. Reads work.' },
} as const satisfies Record<string, { status: ContentfulStatusCode; title: string; explanation: string }>

export type ProblemCode = keyof typeof PROBLEMS

/** Every problem code, in the table's order (for the OpenAPI document and the /problems pages). */
export const PROBLEM_CODES = Object.keys(PROBLEMS) as ProblemCode[]

/**
 * What a problem code means: its status, title and explanation, or undefined for an unknown code.
 *
 * @example
 * problemInfo('invalid-query')?.status // => 400
 */
export function problemInfo(code: string): { status: number; title: string; explanation: string } | undefined {
  return isProblemCode(code) ? PROBLEMS[code] : undefined
}

function isProblemCode(code: string): code is ProblemCode {
  return Object.hasOwn(PROBLEMS, code)
}

/** A field-level complaint, as listed in a problem's `errors` member. */
export type FieldError = { field: string; message: string }

/** The error every route throws; see module comment. */
export class ApiError extends Error {
  readonly code: ProblemCode
  readonly errors: readonly FieldError[] | undefined
  readonly headers: Readonly<Record<string, string>> | undefined

  constructor(code: ProblemCode, detail: string, options: { errors?: readonly FieldError[]; headers?: Record<string, string>; cause?: unknown } = {}) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'ApiError'
    this.code = code
    this.errors = options.errors
    this.headers = options.headers
  }

  get status(): ContentfulStatusCode {
    return PROBLEMS[this.code].status
  }
}

/** HTTP statuses raised by Hono's own middleware, mapped onto our codes. */
const CODE_BY_STATUS: Partial<Record<number, ProblemCode>> = {
  400: 'invalid-query',
  401: 'unauthorized',
  404: 'route-not-found',
  405: 'method-not-allowed',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
}

/**
 * Build the problem+json response for any thrown value. Unknown errors are
 * logged and answered as a bare 500 without internals.
 *
 * @example
 * app.onError((err, c) => problemResponse(c, err))
 */
export function problemResponse(c: Context, err: unknown): Response {
  const error = toApiError(err)
  if (error.code === 'internal' || error.code === 'corrupt-record') {
    console.error(JSON.stringify({ level: 'error', code: error.code, path: c.req.path, error: String(err), cause: String(error.cause ?? '').slice(0, 300) }))
  }
  const body: Record<string, unknown> = {
    type: `/problems/${error.code}`,
    title: PROBLEMS[error.code].title,
    status: error.status,
    detail: error.message,
    instance: c.req.path,
    code: error.code,
  }
  if (error.errors !== undefined) body.errors = error.errors
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: {
      'Content-Type': 'application/problem+json; charset=utf-8',
      'Cache-Control': 'no-store',
      ...error.headers,
    },
  })
}

/** Map anything thrown (our own errors, the storage layer's domain errors, Hono's) onto a problem code. */
function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err
  if (err instanceof CorruptRecordError) return new ApiError('corrupt-record', err.message, { cause: err })
  if (err instanceof HTTPException) {
    const code = CODE_BY_STATUS[err.status] ?? 'internal'
    return new ApiError(code, code === 'internal' ? 'Unexpected error.' : PROBLEMS[code].title, { cause: err })
  }
  return new ApiError('internal', 'Unexpected error.', { cause: err })
}
