/**
 * The shapes of what the reading side (the HTML pages and the feeds) reads
 * from KV, beside what the JSON API reads: the Newsroom writes them when a
 * story or an article changes, so every page and feed is one or two KV reads
 * (ARCHITECTURE.md, "What pages and feeds read"). Checked when read, like
 * every stored value; not served as JSON, so not OpenAPI components.
 */
import * as z from 'zod/mini'
import { ArticleSchema, StoryCardSchema, StorySummarySchema } from './schemas.js'

/**
 * A story as a list of stories shows it: its card, its short summary (40
 * words, for the front page) and its default summary with each sentence's
 * report, outlet and link (for feed entries).
 */
export const StoryDigestSchema = z.extend(StoryCardSchema, {
  short: z.string(),
  sentences: StorySummarySchema.shape.sentences,
})
export type StoryDigest = z.infer<typeof StoryDigestSchema>

/**
 * The most recently updated stories as digests, how many stories there are in
 * all, and when this list last changed — which is not always its first
 * story's update: a story deleted from it changes it too (feeds send it as
 * Last-Modified).
 */
export const DigestHeadSchema = z.object({ total: z.number().check(z.int(), z.nonnegative()), items: z.array(StoryDigestSchema), changedAt: z.iso.datetime() })
export type DigestHead = z.infer<typeof DigestHeadSchema>

/** A report as an outlet's page lists it. */
export const OutletReportSchema = z.pick(ArticleSchema, { id: true, title: true, source: true, publishedAt: true, url: true, storyId: true, ingestedAt: true })
export type OutletReport = z.infer<typeof OutletReportSchema>

/** One outlet: its newest reports, the stories they joined (as digests, most recently updated first), how many reports it has in all, when this changed. */
export const OutletSchema = z.object({
  slug: z.string(),
  /** The outlet's name as its newest report credits it. */
  name: z.string(),
  reportCount: z.number().check(z.int(), z.nonnegative()),
  reports: z.array(OutletReportSchema),
  stories: z.array(StoryDigestSchema),
  /** When the writer last changed this value (a story leaving it changes it without a newer story). */
  changedAt: z.iso.datetime(),
})
export type Outlet = z.infer<typeof OutletSchema>
