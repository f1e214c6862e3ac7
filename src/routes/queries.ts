/**
 * Query-string schemas of the read routes, used to validate requests (routes)
 * and to document them (spec.ts → /openapi.json), and the bounds of what a GET
 * may ask for: no request's cost may grow with what the client asks.
 */
import * as z from 'zod/mini'

/** Page size bounds for list routes: each KV head holds 100 cards, so any first page is one read. */
const DEFAULT_LIMIT = 20
const MAX_LIMIT = 100

/**
 * Most words a summary may be asked for (`?words=`): about four news
 * paragraphs, eight times the stored default of 60; past that a reader wants
 * the article, not a summary.
 */
export const MAX_SUMMARY_WORDS = 500

/**
 * Most sentences a summary may be asked for (`?sentences=`): 30 sentences is
 * already past 500 words in typical news prose (17–25 words a sentence).
 */
export const MAX_SUMMARY_SENTENCES = 30

/** A plain decimal integer as a query string writes it: digits only (no sign, exponent, hex point or spaces). */
const DECIMAL = /^[0-9]+$/

/**
 * Integer query parameters and their bounds, for the OpenAPI document: the
 * schema checks the string (`^[0-9]+$`), the document says `integer` with
 * its bounds, which is what a client sends.
 */
export const queryIntegers = z.registry<{ minimum: number; maximum: number; default?: number }>()

/**
 * A bounded integer query parameter: the string must be a plain decimal
 * integer (`0x10`, `1e1`, `+5`, ` 5` are refused, where Number() would take them).
 */
function queryInteger(minimum: number, maximum: number) {
  const schema = z.pipe(
    z.string().check(z.regex(DECIMAL, 'must be a plain decimal integer')),
    z.pipe(
      z.transform((value: string) => Number(value)),
      z.number().check(z.int(), z.minimum(minimum), z.maximum(maximum)),
    ),
  )
  queryIntegers.add(schema, { minimum, maximum })
  return schema
}

/** A bounded integer query parameter with a default (documented too: zod keeps no input default past a transform). */
function queryIntegerOr(fallback: number, minimum: number, maximum: number) {
  const schema = z._default(queryInteger(minimum, maximum), fallback)
  queryIntegers.add(schema, { minimum, maximum, default: fallback })
  return schema
}

export const ListQuerySchema = z.object({
  limit: queryIntegerOr(DEFAULT_LIMIT, 1, MAX_LIMIT),
  cursor: z.optional(z.string()),
})

export const SummaryQuerySchema = z.object({
  words: z.optional(queryInteger(1, MAX_SUMMARY_WORDS)),
  sentences: z.optional(queryInteger(1, MAX_SUMMARY_SENTENCES)),
})

export const EmbedQuerySchema = z.object({
  theme: z._default(z.enum(['light', 'dark', 'auto']), 'auto'),
  lang: z._default(z.enum(['vi', 'en']), 'vi'),
})

/** Largest frame a consumer may ask for; past it the default size applies anyway. */
const MAX_DIMENSION = 10_000

export const OEmbedQuerySchema = z.object({
  url: z.string().check(z.minLength(1)),
  format: z._default(z.string(), 'json'),
  maxwidth: z.optional(queryInteger(1, MAX_DIMENSION)),
  maxheight: z.optional(queryInteger(1, MAX_DIMENSION)),
})

/** text/plain ingest takes its metadata from the query string. */
export const TextIngestQuerySchema = z.object({ storyId: z.optional(z.string()), url: z.optional(z.string()) })

/** The front page: `cursor` is the `nextCursor` of the story list, as the page's "older" link carries it. */
export const FrontPageQuerySchema = z.object({ cursor: z.optional(z.string()) })

/** Longest `source` a feed takes: an outlet's name is at most 200 characters (store/schemas.ts). */
const MAX_SOURCE_LENGTH = 200

/**
 * The feeds: `source` narrows them to one outlet's stories (its name, or its
 * slug as in /sources/<slug>); `q` to the stories with a report that matches,
 * checked as the search API checks it (routes/search.ts).
 */
export const FeedQuerySchema = z.object({
  source: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_SOURCE_LENGTH))),
  q: z.optional(z.string()),
})
