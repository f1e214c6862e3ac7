/**
 * One outbound fetch made on an operator's behalf, within bounds: every URL
 * in the redirect chain is checked (address.ts) before it is requested, at
 * most 5 redirects are followed, the whole exchange has 10 seconds, and a
 * body over 5 MB is cut off rather than read. Requests name bantin and a
 * contact URL in their User-Agent.
 *
 * Outcomes are values, not exceptions, so callers decide between retrying,
 * falling back and recording an error without reading messages.
 */
import type { Bindings } from '../env.js'
import { fetchRefusal, type Refusal } from './address.js'
import { ROBOTS_TOKEN } from './robots.js'

/** Redirects followed at most (the Fetch standard allows 20; a feed or article needs one or two). */
export const MAX_REDIRECTS = 5

/** Time for one fetch, redirects and body included. */
export const FETCH_TIMEOUT_MS = 10_000

/** Largest body read: news pages are a few hundred KB; feeds rarely reach 1 MB. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024

/** Where the User-Agent points when the deployment sets no CONTACT_URL. */
const DEFAULT_CONTACT_URL = 'https://bantin.example/about/gathering'

export type FetchOutcome =
  | { kind: 'response'; url: string; status: number; headers: Headers; body: Uint8Array | null }
  | { kind: 'refused'; url: string; reason: Refusal }
  | { kind: 'failed'; url: string; reason: string }

export type FetchOptions = {
  accept: string
  headers?: Record<string, string>
  /** Whether to read the body of a 2xx answer (other answers' bodies are never read). */
  readBody: boolean
}

/** The User-Agent bantin sends: its robots token, version and where to read about it. */
export function userAgentOf(env: Pick<Bindings, 'CONTACT_URL'>): string {
  return `Mozilla/5.0 (compatible; ${ROBOTS_TOKEN}/0.1; +${env.CONTACT_URL ?? DEFAULT_CONTACT_URL})`
}

/** Whether this deployment may fetch loopback and private addresses (local fixtures). */
export function allowsLocal(env: Pick<Bindings, 'ALLOW_LOCAL_SOURCES'>): boolean {
  return env.ALLOW_LOCAL_SOURCES === 'true'
}

/**
 * Fetch a URL within the bounds above.
 *
 * @example
 * const outcome = await fetchSafely(env, 'https://tin.example.vn/rss', { accept: 'application/rss+xml', readBody: true })
 * if (outcome.kind === 'response' && outcome.status === 200) parse(outcome.body)
 */
export async function fetchSafely(env: Pick<Bindings, 'CONTACT_URL' | 'ALLOW_LOCAL_SOURCES'>, url: string, options: FetchOptions): Promise<FetchOutcome> {
  const signal = AbortSignal.timeout(FETCH_TIMEOUT_MS)
  const headers = { 'User-Agent': userAgentOf(env), Accept: options.accept, 'Accept-Language': 'vi, en;q=0.5', ...options.headers }
  let current = url
  for (let redirects = 0; ; redirects++) {
    let target: URL
    try {
      target = new URL(current)
    } catch {
      return { kind: 'failed', url: current, reason: 'not a valid URL' }
    }
    const refusal = fetchRefusal(target, allowsLocal(env))
    if (refusal !== null) return { kind: 'refused', url: current, reason: refusal }
    let response: Response
    try {
      response = await fetch(target.toString(), { headers, redirect: 'manual', signal })
    } catch (error) {
      return { kind: 'failed', url: current, reason: signal.aborted ? `no answer within ${FETCH_TIMEOUT_MS / 1000} s` : `network error: ${String(error).slice(0, 120)}` }
    }
    const location = response.headers.get('Location')
    if (response.status >= 300 && response.status < 400 && response.status !== 304 && location !== null) {
      await response.body?.cancel()
      if (redirects >= MAX_REDIRECTS) return { kind: 'failed', url: current, reason: `more than ${MAX_REDIRECTS} redirects` }
      current = new URL(location, target).toString()
      continue
    }
    if (!options.readBody || response.status < 200 || response.status >= 300) {
      await response.body?.cancel()
      return { kind: 'response', url: current, status: response.status, headers: response.headers, body: null }
    }
    const body = await readCapped(response, signal)
    if (body === 'too-large') return { kind: 'failed', url: current, reason: `body larger than ${MAX_BODY_BYTES / 1024 / 1024} MB` }
    if (body === 'timeout') return { kind: 'failed', url: current, reason: `no answer within ${FETCH_TIMEOUT_MS / 1000} s` }
    if (body === 'broken') return { kind: 'failed', url: current, reason: 'the connection broke while reading the body' }
    return { kind: 'response', url: current, status: response.status, headers: response.headers, body }
  }
}

/** Read a body up to MAX_BODY_BYTES; a declared or actual size past it stops the read. */
async function readCapped(response: Response, signal: AbortSignal): Promise<Uint8Array | 'too-large' | 'timeout' | 'broken'> {
  const declared = Number(response.headers.get('Content-Length') ?? '0')
  if (declared > MAX_BODY_BYTES) {
    await response.body?.cancel()
    return 'too-large'
  }
  if (response.body === null) return new Uint8Array()
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > MAX_BODY_BYTES) {
        await reader.cancel()
        return 'too-large'
      }
      chunks.push(value)
    }
  } catch {
    return signal.aborted ? 'timeout' : 'broken'
  }
  const body = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}
