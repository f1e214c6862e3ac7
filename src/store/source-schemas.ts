/**
 * The shapes of sources — outlets' feeds that bantin gathers from — as zod
 * schemas: what `POST /v1/sources` and `PUT /v1/sources/:id` accept, what a
 * source and its health look like (served from KV, checked when read), and
 * the queue message that carries one feed item to the page consumer.
 * Named schemas become OpenAPI components (see schemas.ts).
 */
import * as z from 'zod/mini'
import { ARTICLE_ID } from './schemas.js'

function component<T extends z.ZodMiniType>(schema: T, id: string, description?: string): T {
  z.globalRegistry.add(schema, description === undefined ? { id } : { id, description })
  return schema
}

/** Source ids: 16 hex digits of SHA-256 over the canonical feed URL, like article ids. */
export const SOURCE_ID = ARTICLE_ID

/** Fewest and most minutes between checks of one feed (the Cron runs every 5 minutes). */
export const CHECK_MINUTES = { min: 5, max: 1440 } as const

const Name = z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(200))
const CheckEvery = z.number().check(z.int(), z.minimum(CHECK_MINUTES.min), z.maximum(CHECK_MINUTES.max))
const Timestamp = z.iso.datetime()
const Nullable = <T extends z.ZodMiniType>(schema: T) => z.nullable(schema)

/** What POST /v1/sources accepts. */
export const SourceInputSchema = component(
  z.strictObject({
    feedUrl: z.url({ protocol: /^https?$/ }).check(z.maxLength(2048)),
    name: z.optional(Name),
    checkEveryMinutes: z.optional(CheckEvery),
  }),
  'SourceInput',
  'An outlet feed to gather from: RSS 2.0, Atom 1.0 or JSON Feed 1.1',
)
export type SourceInput = z.infer<typeof SourceInputSchema>

/** What PUT /v1/sources/:id accepts: any of the fields an operator may change. */
export const SourceUpdateSchema = component(
  z
    .strictObject({ name: z.optional(Name), paused: z.optional(z.boolean()), checkEveryMinutes: z.optional(CheckEvery) })
    .check(z.refine((update) => Object.keys(update).length > 0, { message: 'give at least one of name, paused, checkEveryMinutes' })),
  'SourceUpdate',
)
export type SourceUpdate = z.infer<typeof SourceUpdateSchema>

export const SourceSchema = component(
  z.object({
    id: z.string().check(z.regex(SOURCE_ID)),
    feedUrl: z.string(),
    /** The outlet's name, credited as `source` on every article gathered from it. */
    name: z.string(),
    /** The outlet's homepage, as its feed names it. */
    homepage: Nullable(z.string()),
    checkEveryMinutes: z.number(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    lastCheckedAt: Nullable(Timestamp),
    /** HTTP status of the last feed check (304: unchanged), or null when it never got an answer. */
    lastStatus: Nullable(z.number()),
    /** Why the last feed check failed, or null when it succeeded. */
    lastError: Nullable(z.string()),
    /** New item URLs found in the feed, in all. */
    itemsSeen: z.number(),
    /** Articles stored from this source (an item already stored is not counted again). */
    articlesIngested: z.number(),
    /** Of those, articles made from the feed item because the page could not be fetched or read. */
    articlesFromFeedItems: z.number(),
    /** The last article page that could not be read, and why. */
    lastPageError: Nullable(z.object({ url: z.string(), error: z.string(), at: Timestamp })),
    failuresInARow: z.number(),
    nextCheckAt: Nullable(Timestamp),
    paused: z.boolean(),
    pausedReason: Nullable(z.string()),
  }),
  'Source',
  'An outlet feed and its health',
)
export type Source = z.infer<typeof SourceSchema>

export const SourcePageSchema = component(z.object({ items: z.array(SourceSchema), nextCursor: z.nullable(z.string()) }), 'SourcePage')

/** Every source, newest first, kept in one KV value (a deployment registers tens, at most MAX_SOURCES). */
export const SourcesHeadSchema = z.object({ total: z.number(), items: z.array(SourceSchema) })
export type SourcesHead = z.infer<typeof SourcesHeadSchema>

/** A feed item as the queue carries it to the page consumer (bounded: a message is at most 128 KB). */
export const GatherItemSchema = z.object({
  title: Nullable(z.string()),
  summary: Nullable(z.string()),
  content: Nullable(z.string()),
  publishedAt: Nullable(z.string()),
  author: Nullable(z.string()),
  image: Nullable(z.string()),
})
export type GatherItem = z.infer<typeof GatherItemSchema>

/** One queue message: fetch this item's page and ingest the article. */
export const GatherMessageSchema = z.object({
  v: z.literal(1),
  sourceId: z.string().check(z.regex(SOURCE_ID)),
  sourceName: z.string(),
  url: z.string(),
  item: GatherItemSchema,
  /** How many times the page was put back because its host was busy (politeness, not failure). */
  deferrals: z.number().check(z.int(), z.nonnegative()),
})
export type GatherMessage = z.infer<typeof GatherMessageSchema>
