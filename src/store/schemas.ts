/**
 * The shapes bantin stores and serves, as zod schemas (`zod/mini`: the same
 * library with a tree-shakable API, ~8 KB in the Worker instead of ~100 KB).
 *
 * One definition serves three purposes: it validates what comes in, it checks
 * every value read back from KV (a corrupt value is a 500 problem with code
 * `corrupt-record`, never a crash or a silently wrong answer), and it generates
 * /openapi.json (scripts/build-openapi.ts, through zod's own JSON Schema
 * output). There is no second, hand-kept copy of any shape. Schemas named in
 * the registry become OpenAPI components.
 */
import * as z from 'zod/mini'
import en from 'zod/v4/locales/en.js'

// zod/mini ships without messages; English ones make field errors say what is wrong.
z.config(en())

/** Give a schema a component name (and description) in the OpenAPI document. */
function component<T extends z.ZodMiniType>(schema: T, id: string, description?: string): T {
  z.globalRegistry.add(schema, description === undefined ? { id } : { id, description })
  return schema
}

/** Article ids: 16 hex digits of a SHA-256 over the url or the normalized text (see ids.ts). */
export const ARTICLE_ID = /^[0-9a-f]{16}$/

/** Story ids are slugs: lowercase ASCII words joined by single hyphens. */
export const STORY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Longest story slug: long enough for a headline slug, short enough for a KV key. */
export const MAX_STORY_ID_LENGTH = 80

/** Publication time: full ISO 8601 with offset, or a date or month kept at its precision. */
export const PUBLISHED_AT = /^\d{4}-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?)?$/

/**
 * Whether a string is a story id: the one rule for path parameters, query
 * parameters and JSON fields alike (each caller says in its own problem).
 *
 * @example
 * isStoryId('lien-minh-chong-is') // => true
 * isStoryId('Not_A_Slug') // => false
 */
export function isStoryId(value: string): boolean {
  return value.length <= MAX_STORY_ID_LENGTH && STORY_ID.test(value)
}

export const ArticleIdSchema = z.string().check(z.regex(ARTICLE_ID, 'must be 16 hex digits'))

export const StoryIdSchema = z.string().check(z.maxLength(MAX_STORY_ID_LENGTH), z.regex(STORY_ID, 'must be a slug: lowercase letters, digits and single hyphens'))

const PublishedAtSchema = z.string().check(
  z.regex(PUBLISHED_AT, 'must be ISO 8601 with offset, YYYY-MM-DD or YYYY-MM'),
  z.meta({
    description:
      'A real instant with its offset (`2016-07-21T09:30:00+07:00`), day (`2016-07-21`) or month (`2016-07`), kept at that precision; on input, between 1990-01-01 and two days from now (422 otherwise).',
  }),
)
const Timestamp = z.iso.datetime()

/**
 * How a gathered article was read: from its page, or — when the page could not
 * be fetched or read — from the feed item, with the reason.
 */
export const GatheredSchema = component(
  z.object({
    sourceId: z.string().check(z.regex(ARTICLE_ID)),
    from: z.enum(['page', 'feed-item']),
    note: z.nullable(z.string()),
  }),
  'Gathered',
  'How a gathered article was read; `from: "feed-item"` says the page could not be fetched or read, and `note` says why',
)

export const ArticleSchema = component(
  z.object({
    id: ArticleIdSchema,
    title: z.string(),
    titleDerived: z.boolean(),
    lead: z.nullable(z.string()),
    paragraphs: z.array(z.string()),
    captions: z.array(z.string()),
    source: z.nullable(z.string()),
    url: z.nullable(z.string()),
    publishedAt: z.nullable(PublishedAtSchema),
    storyId: z.nullable(StoryIdSchema),
    wordCount: z.number().check(z.int(), z.nonnegative()),
    ingestedAt: Timestamp,
    /** When the stored text last changed (ingest, or a correction). */
    updatedAt: Timestamp,
    /** The byline, when the outlet's page or feed names one (gathered articles). */
    author: z.optional(z.nullable(z.string())),
    /** The article's main image, when the outlet names one (gathered articles). */
    image: z.optional(z.nullable(z.string())),
    /** How bantin gathered it: absent on articles posted by a client. */
    gathered: z.optional(GatheredSchema),
  }),
  'Article',
)
export type Article = z.infer<typeof ArticleSchema>

export const ArticleCardSchema = component(
  z.pick(ArticleSchema, { id: true, title: true, lead: true, source: true, url: true, publishedAt: true, storyId: true, wordCount: true, ingestedAt: true }),
  'ArticleCard',
)
export type ArticleCard = z.infer<typeof ArticleCardSchema>

/** A page of a list route: cards and the cursor to the next page (null on the last). */
function pageOf<T extends z.ZodMiniType>(card: T) {
  return z.object({ items: z.array(card), nextCursor: z.nullable(z.string()) })
}

/** A list's head as KV keeps it: the newest cards and how many there are in all. */
function headOf<T extends z.ZodMiniType>(card: T) {
  return z.object({ total: z.number().check(z.int(), z.nonnegative()), items: z.array(card) })
}

export const ArticlePageSchema = component(pageOf(ArticleCardSchema), 'ArticlePage')

/** The newest articles, kept in one KV value so the first list page is one read. */
export const ArticlesHeadSchema = headOf(ArticleCardSchema)
export type ArticlesHead = z.infer<typeof ArticlesHeadSchema>

export const ProblemSchema = component(
  z.object({
    type: z.string(),
    title: z.string(),
    status: z.number().check(z.int()),
    detail: z.string(),
    instance: z.string(),
    code: z.string(),
    errors: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
  }),
  'Problem',
  'RFC 9457 problem details, with a typed `code` and the failing `errors` by field',
)

/** What POST /v1/articles accepts as JSON: the fields, and what the server enforces beyond their types (described). */
export const ArticleInputSchema = component(
  z
    .strictObject({
      title: z.string().check(z.regex(/\S/, 'must not be blank'), z.trim(), z.maxLength(1000)),
      body: z.optional(z.string().check(z.meta({ description: 'The text, paragraphs separated by line breaks. Send `body` or `paragraphs`, not both.' }))),
      paragraphs: z.optional(z.array(z.string()).check(z.maxLength(10_000), z.meta({ description: 'The text as paragraphs. Send `body` or `paragraphs`, not both.' }))),
      lead: z.optional(z.string().check(z.maxLength(10_000))),
      source: z.optional(z.string().check(z.regex(/\S/, 'must not be blank'), z.trim(), z.maxLength(200))),
      url: z.optional(z.url({ protocol: /^https?$/ }).check(z.regex(/^[Hh][Tt][Tt][Pp][Ss]?:\/\//, 'must be an http(s) URL'), z.maxLength(2048))),
      publishedAt: z.optional(PublishedAtSchema),
      storyId: z.optional(StoryIdSchema),
    })
    .check(
      z.refine((input) => input.body !== undefined || input.paragraphs !== undefined, {
        message: 'one of body or paragraphs is required',
        path: ['body'],
      }),
      z.refine((input) => input.body === undefined || input.paragraphs === undefined, {
        message: 'send body or paragraphs, not both',
        path: ['paragraphs'],
      }),
    ),
  'ArticleInput',
  'An article as JSON. Exactly one of `body` and `paragraphs`. Every string is free of control characters (other than tab and line ends) and lone surrogates (400 `invalid-characters`). Once cleaned, the text (title, lead, paragraphs, captions) holds at most 100,000 characters and 2,000 sentences (413 `article-too-large`).',
)

/** The fields of ArticleInputSchema of which exactly one is required (the OpenAPI document says so as a `oneOf`). */
export const ARTICLE_TEXT_FIELDS = ['body', 'paragraphs'] as const
export type ArticleInput = z.infer<typeof ArticleInputSchema>

/** A report as a story lists it. */
export const StoryArticleSchema = component(z.pick(ArticleSchema, { id: true, title: true, source: true, publishedAt: true, url: true }), 'StoryArticle')
export type StoryArticle = z.infer<typeof StoryArticleSchema>

export const StorySchema = component(
  z.object({
    id: StoryIdSchema,
    title: z.string(),
    articleCount: z.number().check(z.int(), z.nonnegative()),
    sources: z.array(z.string()),
    firstPublishedAt: z.nullable(PublishedAtSchema),
    updatedAt: Timestamp,
    /** Oldest report first. */
    articles: z.array(StoryArticleSchema),
  }),
  'Story',
)
export type Story = z.infer<typeof StorySchema>

export const StoryCardSchema = component(z.omit(StorySchema, { articles: true }), 'StoryCard')
export type StoryCard = z.infer<typeof StoryCardSchema>

export const StoryPageSchema = component(pageOf(StoryCardSchema), 'StoryPage')

/** The most recently updated stories, kept in one KV value so the first list page is one read. */
export const StoriesHeadSchema = headOf(StoryCardSchema)
export type StoriesHead = z.infer<typeof StoriesHeadSchema>

export const ArticleSummarySchema = component(
  z.object({
    articleId: ArticleIdSchema,
    /** The article's headline, outlet and link, so a widget renders from this one answer. */
    title: z.string(),
    source: z.nullable(z.string()),
    url: z.nullable(z.string()),
    text: z.string(),
    sentences: z.array(
      z.object({
        /** Index into the article's paragraphs; null for a sentence of its lead. */
        text: z.string(),
        paragraph: z.nullable(z.number().check(z.int(), z.nonnegative())),
        index: z.number().check(z.int(), z.nonnegative()),
      }),
    ),
    words: z.number().check(z.int(), z.nonnegative()),
  }),
  'ArticleSummary',
  'Whole sentences of the article in article order; `paragraph` indexes `paragraphs` (null: the lead), `index` counts sentences from the lead',
)
export type ArticleSummaryRecord = z.infer<typeof ArticleSummarySchema>

export const StorySummarySchema = component(
  z.object({
    storyId: StoryIdSchema,
    /** The story's title, so a widget renders from this one answer. */
    title: z.string(),
    text: z.string(),
    sentences: z.array(z.object({ text: z.string(), articleId: ArticleIdSchema, source: z.nullable(z.string()), url: z.nullable(z.string()) })),
    words: z.number().check(z.int(), z.nonnegative()),
  }),
  'StorySummary',
  'Sentences across the story’s reports, each credited, earlier reports first',
)
export type StorySummaryRecord = z.infer<typeof StorySummarySchema>

/** A sentence a summary may quote, as a plan keeps it (src/summarize/plan.ts). */
const PlanSentenceSchema = z.object({
  text: z.string(),
  words: z.number().check(z.int(), z.nonnegative()),
  articleId: ArticleIdSchema,
  article: z.number().check(z.int(), z.nonnegative()),
  paragraph: z.nullable(z.number().check(z.int(), z.nonnegative())),
  index: z.number().check(z.int(), z.nonnegative()),
  score: z.number(),
  dependent: z.boolean(),
  opening: z.optional(z.boolean()),
})

/** A summary plan: the best sentences scored once, their pairwise overlaps, the redundancy penalty. */
const SummaryPlanSchema = z.object({
  sentences: z.array(PlanSentenceSchema),
  overlaps: z.array(z.array(z.number())),
  penalty: z.number(),
})

/** What a summary of an article at any length is selected from (not served as such). */
export const ArticlePlanRecordSchema = z.object({
  articleId: ArticleIdSchema,
  title: z.string(),
  source: z.nullable(z.string()),
  url: z.nullable(z.string()),
  plan: SummaryPlanSchema,
})
export type ArticlePlanRecord = z.infer<typeof ArticlePlanRecordSchema>

/** What a summary of a story at any length is selected from, with each report's outlet and link. */
export const StoryPlanRecordSchema = z.object({
  storyId: StoryIdSchema,
  title: z.string(),
  credits: z.record(z.string(), z.object({ source: z.nullable(z.string()), url: z.nullable(z.string()) })),
  plan: SummaryPlanSchema,
})
export type StoryPlanRecord = z.infer<typeof StoryPlanRecordSchema>
