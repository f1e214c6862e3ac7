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
 * Every problem the API can answer with: status and a stable human title.
 * What each means and what to do is the page its `type` URI resolves to
 * (RFC 9457 §3.1.1), written from problem-docs.ts at build time.
 */
const PROBLEMS = {
  'invalid-query': { status: 400, title: 'Invalid query parameter' },
  'malformed-json': { status: 400, title: 'Malformed JSON body' },
  'malformed-text': { status: 400, title: 'Malformed text body' },
  'invalid-id': { status: 400, title: 'Invalid identifier' },
  'invalid-characters': { status: 400, title: 'Text with characters that are not allowed' },
  unauthorized: { status: 401, title: 'Missing or wrong ingest token' },
  'article-not-found': { status: 404, title: 'Article not found' },
  'story-not-found': { status: 404, title: 'Story not found' },
  'outlet-not-found': { status: 404, title: 'Outlet not found' },
  'source-not-found': { status: 404, title: 'Source not found' },
  'route-not-found': { status: 404, title: 'No such route' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'duplicate-article': { status: 409, title: 'Another article has this URL or text' },
  'payload-too-large': { status: 413, title: 'Request body too large' },
  'article-too-large': { status: 413, title: 'Article too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported content type' },
  'invalid-article': { status: 422, title: 'Invalid article' },
  'empty-article': { status: 422, title: 'No article text' },
  'invalid-source': { status: 422, title: 'Invalid source' },
  'feed-unreadable': { status: 422, title: 'The URL does not serve a feed bantin can read' },
  'too-many-sources': { status: 409, title: 'Source limit reached' },
  'feed-unreachable': { status: 502, title: 'The feed could not be fetched' },
  'corrupt-record': { status: 500, title: 'Stored record failed validation' },
  internal: { status: 500, title: 'Internal error' },
  'format-not-implemented': { status: 501, title: 'Format not implemented' },
  'writes-disabled': { status: 503, title: 'Ingest token not configured' },
} as const satisfies Record<string, { status: ContentfulStatusCode; title: string }>

export type ProblemCode = keyof typeof PROBLEMS

/** Every problem code, in the table's order (for the OpenAPI document and the /problems pages). */
export const PROBLEM_CODES = Object.keys(PROBLEMS) as ProblemCode[]

/**
 * A problem code's status and title, or undefined for an unknown code.
 *
 * @example
 * problemInfo('invalid-query')?.status // => 400
 */
export function problemInfo(code: string): { status: number; title: string } | undefined {
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
