/**
 * The shapes bantin stores and serves, as zod schemas.
 *
 * One definition serves three purposes: it validates what comes in, it checks
 * every value read back from KV (a corrupt value is a 500 problem with code
 * `corrupt-record`, never a crash or a silently wrong answer), and it generates
 * /openapi.json. There is no second, hand-kept copy of any shape.
 */
import { z } from '@hono/zod-openapi'

/** Article ids: 16 hex digits of a SHA-256 over the url or the normalized text (see ids.ts). */
export const ARTICLE_ID = /^[0-9a-f]{16}$/

/** Story ids are slugs: lowercase ASCII words joined by single hyphens. */
export const STORY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Longest story slug: long enough for a headline slug, short enough for a KV key. */
export const MAX_STORY_ID_LENGTH = 80

/** Publication time: full ISO 8601 with offset, or a date or month kept at its precision. */
export const PUBLISHED_AT = /^\d{4}-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?)?$/

export const ArticleIdSchema = z.string().regex(ARTICLE_ID).openapi({ example: '3f9c2a17b40e5d21' })

export const StoryIdSchema = z
  .string()
  .max(MAX_STORY_ID_LENGTH)
  .regex(STORY_ID, 'must be a slug: lowercase letters, digits and single hyphens')
  .openapi({ example: 'lien-minh-chong-is-2016-07' })

export const ArticleSchema = z
  .object({
    id: ArticleIdSchema,
    title: z.string(),
    titleDerived: z.boolean(),
    lead: z.string().nullable(),
    paragraphs: z.array(z.string()),
    captions: z.array(z.string()),
    source: z.string().nullable(),
    url: z.string().nullable(),
    publishedAt: z.string().regex(PUBLISHED_AT).nullable(),
    storyId: StoryIdSchema.nullable(),
    wordCount: z.number().int().nonnegative(),
    ingestedAt: z.iso.datetime(),
    /** When the stored text last changed (ingest, or a correction). */
    updatedAt: z.iso.datetime(),
  })
  .openapi('Article')
export type Article = z.infer<typeof ArticleSchema>

export const ArticleCardSchema = ArticleSchema.pick({
  id: true,
  title: true,
  lead: true,
  source: true,
  url: true,
  publishedAt: true,
  storyId: true,
  wordCount: true,
  ingestedAt: true,
}).openapi('ArticleCard')
export type ArticleCard = z.infer<typeof ArticleCardSchema>

export const ArticlePageSchema = z
  .object({
    items: z.array(ArticleCardSchema),
    nextCursor: z.string().nullable(),
  })
  .openapi('ArticlePage')

/** The newest articles, kept in one KV value so the first list page is one read. */
export const ArticlesHeadSchema = z.object({
  total: z.number().int().nonnegative(),
  items: z.array(ArticleCardSchema),
})
export type ArticlesHead = z.infer<typeof ArticlesHeadSchema>

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    code: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem')

/** What POST /v1/articles accepts as JSON. */
export const ArticleInputSchema = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(1000),
    body: z.string().optional(),
    paragraphs: z.array(z.string()).max(10_000).optional(),
    lead: z.string().max(10_000).optional(),
    source: z.string().trim().min(1).max(200).optional(),
    url: z.url({ protocol: /^https?$/ }).max(2048).optional(),
    publishedAt: z
      .string()
      .regex(PUBLISHED_AT, 'must be ISO 8601 with offset, YYYY-MM-DD or YYYY-MM')
      .optional(),
    storyId: StoryIdSchema.optional(),
  })
  .strict()
  .refine((input) => input.body !== undefined || input.paragraphs !== undefined, {
    message: 'one of body or paragraphs is required',
    path: ['body'],
  })
  .openapi('ArticleInput')
export type ArticleInput = z.infer<typeof ArticleInputSchema>

/** A report as a story lists it. */
export const StoryArticleSchema = ArticleSchema.pick({ id: true, title: true, source: true, publishedAt: true, url: true }).openapi('StoryArticle')
export type StoryArticle = z.infer<typeof StoryArticleSchema>

export const StorySchema = z
  .object({
    id: StoryIdSchema,
    title: z.string(),
    articleCount: z.number().int().nonnegative(),
    sources: z.array(z.string()),
    firstPublishedAt: z.string().regex(PUBLISHED_AT).nullable(),
    updatedAt: z.iso.datetime(),
    /** Oldest report first. */
    articles: z.array(StoryArticleSchema),
  })
  .openapi('Story')
export type Story = z.infer<typeof StorySchema>

export const StoryCardSchema = StorySchema.omit({ articles: true }).openapi('StoryCard')
export type StoryCard = z.infer<typeof StoryCardSchema>

export const StoryPageSchema = z.object({ items: z.array(StoryCardSchema), nextCursor: z.string().nullable() }).openapi('StoryPage')

/** The most recently updated stories, kept in one KV value so the first list page is one read. */
export const StoriesHeadSchema = z.object({ total: z.number().int().nonnegative(), items: z.array(StoryCardSchema) })
export type StoriesHead = z.infer<typeof StoriesHeadSchema>

export const ArticleSummarySchema = z
  .object({
    articleId: ArticleIdSchema,
    /** The article's headline, outlet and link, so a widget renders from this one answer. */
    title: z.string(),
    source: z.string().nullable(),
    url: z.string().nullable(),
    text: z.string(),
    sentences: z.array(
      z.object({
        text: z.string(),
        paragraph: z.number().int().nonnegative().nullable().openapi({ description: "index into the article's paragraphs; null for a sentence of its lead" }),
        index: z.number().int().nonnegative().openapi({ description: 'ordinal of the sentence in the article, lead first' }),
      }),
    ),
    words: z.number().int().nonnegative(),
  })
  .openapi('ArticleSummary')
export type ArticleSummaryRecord = z.infer<typeof ArticleSummarySchema>

export const StorySummarySchema = z
  .object({
    storyId: StoryIdSchema,
    /** The story's title, so a widget renders from this one answer. */
    title: z.string(),
    text: z.string(),
    sentences: z.array(
      z.object({ text: z.string(), articleId: ArticleIdSchema, source: z.string().nullable(), url: z.string().nullable() }),
    ),
    words: z.number().int().nonnegative(),
  })
  .openapi('StorySummary')
export type StorySummaryRecord = z.infer<typeof StorySummarySchema>
