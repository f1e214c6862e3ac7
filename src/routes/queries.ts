/**
 * Query-string schemas of the read routes, used to validate requests (routes)
 * and to document them (spec.ts → /openapi.json).
 */
import * as z from 'zod/mini'
import { MAX_SUMMARY_LENGTH } from '../summarize/defaults.js'

/** Page size bounds for list routes: each KV head holds 100 cards, so any first page is one read. */
const DEFAULT_LIMIT = 20
const MAX_LIMIT = 100

export const ListQuerySchema = z.object({
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_LIMIT)), DEFAULT_LIMIT),
  cursor: z.optional(z.string()),
})

const length = z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_SUMMARY_LENGTH)))

export const SummaryQuerySchema = z.object({ words: length, sentences: length })

export const EmbedQuerySchema = z.object({
  theme: z._default(z.enum(['light', 'dark', 'auto']), 'auto'),
  lang: z._default(z.enum(['vi', 'en']), 'vi'),
})

const dimension = z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(10_000)))

export const OEmbedQuerySchema = z.object({
  url: z.string().check(z.minLength(1)),
  format: z._default(z.string(), 'json'),
  maxwidth: dimension,
  maxheight: dimension,
})

/** text/plain ingest takes its metadata from the query string. */
export const TextIngestQuerySchema = z.object({ storyId: z.optional(z.string()), url: z.optional(z.string()) })
