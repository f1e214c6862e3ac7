/**
 * What each problem means and what to do about it: the pages the problems'
 * `type` URIs resolve to (RFC 9457 §3.1.1), `/problems/<code>`. Build-time
 * only: scripts/build-openapi.ts writes each page to public/problems/ as a
 * static asset, and the Worker serves it from there (routes/problems.ts), so
 * this prose stays out of the Worker's 96 KiB.
 */
import { html } from 'hono/html'
import { type ProblemCode, problemInfo } from './problem.js'

/** Every code must be explained: a new code without a page does not compile. */
const EXPLANATIONS: Record<ProblemCode, string> = {
  'invalid-query':
    'A query parameter is malformed or out of bounds: `limit` (1–100), `words` (1–500), `sentences` (1–30) and other numbers are plain decimal digits; `cursor` must be the `nextCursor` this list returned; `storyId` and `url` go in the query string of a text/plain write only. `errors` names each parameter.',
  'malformed-json': 'The body of a JSON write is not valid JSON, or not UTF-8. Send one JSON object encoded as UTF-8.',
  'malformed-text': 'The body of a text/plain write is not valid UTF-8. Re-encode the article as UTF-8.',
  'invalid-id': 'A story id in the path is not a slug (lowercase letters, digits and single hyphens, at most 80 characters), so it cannot name any story.',
  'invalid-characters':
    'A field holds a control character (other than tab and line ends), a NUL or a lone UTF-16 surrogate. These are refused, not stripped: they come from a broken export. `errors` names the field and the line and column; fix the source and send it again.',
  unauthorized: "Writes need `Authorization: Bearer <INGEST_TOKEN>` with this deployment's token.",
  'article-not-found': 'No stored article has this id (article ids are 16 hex digits). It may have been deleted.',
  'story-not-found': 'No story has this id. A story goes when its last report is deleted or moved.',
  'outlet-not-found': 'No stored report credits an outlet by this name (`source` of a feed is an outlet’s name or its slug, as in /sources/<slug>).',
  'source-not-found': 'No registered source has this id (source ids are 16 hex digits). It may have been removed.',
  'route-not-found': 'Nothing is served at this path (or, for /oembed, the URL is not an embed page of this host). /openapi.json lists every route.',
  'method-not-allowed': 'The path exists but does not answer this method. The `Allow` header lists the methods it answers.',
  'duplicate-article': 'A correction would give this article the URL or the text of another stored article. Correct or delete that one instead; `detail` names it.',
  'payload-too-large': 'The request body is over 1 MiB.',
  'article-too-large':
    'Once cleaned, the article holds over 100,000 characters (title, lead, paragraphs and captions) or over 2,000 sentences. Split it, or send the article without what is not its text.',
  'unsupported-media-type': 'Writes accept `application/json` or `text/plain`, in UTF-8 (`Accept-Post` says so).',
  'invalid-article':
    'A field fails validation: a missing or blank title, both or neither of `body` and `paragraphs`, a date that is not real or lies outside 1990-01-01 … two days from now, a plain-text `date …` line that does not parse, a url that is not http(s), a storyId that is not a slug. `errors` names each field (and, for raw text, the line).',
  'empty-article': 'Nothing is left once site furniture ("Tin liên quan", …), captions and credits are removed.',
  'invalid-source':
    'A field of the source fails validation: `feedUrl` must be an absolute http(s) URL that bantin may fetch (not a loopback, private, link-local or reserved address, no credentials), `name` 1–200 characters, `checkEveryMinutes` 5–1440; a change names at least one field. `errors` names each field.',
  'feed-unreadable':
    'bantin fetched the URL once before registering it and found no RSS 2.0, Atom 1.0 or JSON Feed 1.1 document there (or a 4xx, a redirect to an address it does not fetch, or robots.txt disallowing it). `detail` says which.',
  'too-many-sources': 'This deployment keeps at most 500 sources. Remove one before registering another.',
  'feed-unreachable': 'The outlet did not answer within 10 s, answered 5xx or 429, or asked bantin to wait. Nothing was registered; try again later.',
  'corrupt-record': 'A stored value failed its schema check when read. The request was fine; the fault is logged for the operators.',
  internal: 'Something failed that should not have. The request may be retried; the fault is logged for the operators.',
  'format-not-implemented': 'oEmbed answers `format=json` only.',
  'writes-disabled': 'This deployment has no INGEST_TOKEN secret, so it accepts no writes. Reads work.',
}

/**
 * The page of a problem type: short, self-contained HTML.
 *
 * @example
 * problemPage('invalid-query') // => '<!doctype html>…'
 */
export function problemPage(code: ProblemCode): string {
  const info = problemInfo(code)
  if (info === undefined) throw new Error(`unknown problem code ${code}`)
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${info.title} (${info.status})</title></head>
<body>
<main>
<h1>${info.title}</h1>
<p>HTTP ${info.status}. Problem type <code>/problems/${code}</code>, code <code>${code}</code>.</p>
<p>${EXPLANATIONS[code]}</p>
<p>bantin answers every error as RFC 9457 <code>application/problem+json</code>: <code>type</code>, <code>title</code>, <code>status</code>, <code>detail</code> (what was wrong with this request), <code>instance</code>, <code>code</code>, and <code>errors</code> naming the fields at fault.</p>
</main>
</body>
</html>`.toString()
}
