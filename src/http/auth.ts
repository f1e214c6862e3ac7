/**
 * Writes need `Authorization: Bearer <INGEST_TOKEN>`. The comparison is
 * constant-time (hono's timingSafeEqual) so the token cannot be guessed a
 * byte at a time from response timings.
 */
import type { MiddlewareHandler } from 'hono'
import { timingSafeEqual } from 'hono/utils/buffer'
import type { AppEnv } from '../env.js'
import { ApiError } from './problem.js'

const BEARER = /^Bearer\s+(\S+)\s*$/i

/** RFC 6750 §3: a 401 says which scheme it wants. */
const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="bantin ingest"' }

export const requireIngestToken: MiddlewareHandler<AppEnv> = async function requireIngestToken(c, next) {
  const expected = c.env.INGEST_TOKEN
  if (expected === undefined || expected === '') {
    throw new ApiError('writes-disabled', 'This deployment has no INGEST_TOKEN secret, so it accepts no writes.')
  }
  const presented = BEARER.exec(c.req.header('Authorization') ?? '')?.[1]
  if (presented === undefined) {
    throw new ApiError('unauthorized', 'Send the ingest token as `Authorization: Bearer <token>`.', { headers: CHALLENGE })
  }
  if (!(await timingSafeEqual(presented, expected))) {
    throw new ApiError('unauthorized', 'The ingest token is wrong.', { headers: CHALLENGE })
  }
  await next()
}
