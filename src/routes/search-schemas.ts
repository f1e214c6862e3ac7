/**
 * Query and answer shapes of search (`GET /v1/search`, `GET /v1/stories?q=`),
 * as zod schemas: the routes validate with them and spec.ts documents them.
 * What a schema cannot say (q's syllables, real dates, from ≤ to, a cursor
 * issued for this query) the route checks and answers as the same problem.
 */
import * as z from 'zod/mini'
import { ArticleSchema, PUBLISHED_AT, StoryCardSchema, StoryIdSchema } from '../store/schemas.js'
import { MAX_QUERY_LENGTH } from '../search/query.js'
import { ListQuerySchema } from './queries.js'

/** Outlets one search may name: a reader's handful, and a bound on the filter's cost. */
export const MAX_SOURCES = 20

function described<T extends z.ZodMiniType>(schema: T, description: string, id?: string): T {
  z.globalRegistry.add(schema, id === undefined ? { description } : { id, description })
  return schema
}

const Bound = z.string().check(z.regex(PUBLISHED_AT, 'must be YYYY-MM, YYYY-MM-DD or ISO 8601 with offset'))

/** The filters and order both search routes take. */
const searchFields = {
  source: described(
    z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(MAX_SOURCES))),
    `Outlet, exactly as articles name it; repeat for several (at most ${MAX_SOURCES}).`,
  ),
  from: described(z.optional(Bound), 'Published at or after (inclusive). A bare month or day is that period in Vietnam time (UTC+7).'),
  to: described(z.optional(Bound), 'Published at or before (inclusive). A bare month or day is that period in Vietnam time (UTC+7).'),
  storyId: described(z.optional(StoryIdSchema), 'Only reports of this story.'),
  sort: described(
    z._default(z.enum(['relevance', 'recent']), 'relevance'),
    '`relevance`: best match first (every word spelled as typed, then every word, then some; BM25 within). `recent`: newest first, among articles with every word.',
  ),
}

const qDescription = `Search text, ${MAX_QUERY_LENGTH} characters at most: words with or without diacritics; "quoted phrases" match those syllables in order.`

export const SearchQuerySchema = z.extend(ListQuerySchema, { q: described(z.string(), qDescription), ...searchFields })

/** GET /v1/stories: the plain list, or a search when `q` is given. */
export const StoriesQuerySchema = z.extend(ListQuerySchema, {
  q: described(z.optional(z.string()), `${qDescription} Without q, the list as usual (other search parameters are ignored).`),
  ...searchFields,
})

const Highlights = described(
  z.array(z.tuple([z.number().check(z.int(), z.nonnegative()), z.number().check(z.int(), z.nonnegative())])),
  '[start, end) offsets into `snippet` (UTF-16 code units, i.e. JavaScript string indices) of each match',
)

export const SearchHitSchema = described(
  z.extend(z.pick(ArticleSchema, { id: true, title: true, source: true, url: true, publishedAt: true, storyId: true }), {
    snippet: z.string(),
    highlights: Highlights,
  }),
  'An article found: `snippet` is plain text of its body around the best match',
  'SearchHit',
)

export const SearchPageSchema = described(z.object({ items: z.array(SearchHitSchema), nextCursor: z.nullable(z.string()) }), 'A page of search results', 'SearchPage')

export const StorySearchHitSchema = described(
  z.extend(StoryCardSchema, {
    match: z.object({ articleId: z.string(), title: z.string(), snippet: z.string(), highlights: Highlights }),
  }),
  'A story found, with its best-matching report and that report’s snippet',
  'StorySearchHit',
)

export const StorySearchPageSchema = described(z.object({ items: z.array(StorySearchHitSchema), nextCursor: z.nullable(z.string()) }), 'A page of stories with a matching report', 'StorySearchPage')
