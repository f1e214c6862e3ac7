/**
 * Request bodies: a size limit and strict UTF-8 decoding by media type.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { ApiError } from './problem.js'

/** Largest accepted body. The longest news article is well under 200 KiB; 1 MiB leaves room for JSON escaping. */
export const MAX_BODY_BYTES = 1024 * 1024

export const limitBody: MiddlewareHandler = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new ApiError('payload-too-large', `The body is larger than ${MAX_BODY_BYTES} bytes.`)
  },
})

/** The media types a write accepts. */
export type BodyKind = 'json' | 'text'

/**
 * Which kind of body this is, from Content-Type; anything else (or a charset
 * other than UTF-8) is a 415 problem.
 */
export function bodyKindOf(c: Context): BodyKind {
  const header = c.req.header('Content-Type') ?? ''
  const [essence = '', ...params] = header.split(';').map((part) => part.trim().toLowerCase())
  const charset = params
    .find((param) => param.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '')
  const kind = essence === 'application/json' ? 'json' : essence === 'text/plain' ? 'text' : null
  if (kind === null || (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')) {
    throw new ApiError('unsupported-media-type', `Send application/json or text/plain in UTF-8, not "${header || 'no Content-Type'}".`, {
      headers: { 'Accept-Post': 'application/json, text/plain; charset=utf-8' },
    })
  }
  return kind
}

/** The body as UTF-8 text; bytes that are not UTF-8 are a 400 problem, not silently replaced. */
export async function readUtf8(c: Context, kind: BodyKind): Promise<string> {
  const bytes = await c.req.arrayBuffer()
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    throw new ApiError(kind === 'json' ? 'malformed-json' : 'malformed-text', 'The body is not valid UTF-8.')
  }
}

/** Parse a JSON body; syntax errors are a 400 problem. */
export async function readJson(c: Context): Promise<unknown> {
  const text = await readUtf8(c, 'json')
  try {
    return JSON.parse(text)
  } catch {
    throw new ApiError('malformed-json', 'The body is not valid JSON.')
  }
}
