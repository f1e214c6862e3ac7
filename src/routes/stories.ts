/**
 * /v1/stories: the story list (most recently updated first) and one story
 * with its reports. Thin: validate, read KV (or the writer for deep pages), shape.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi'
import type { AppEnv } from '../env.js'
import { ApiError } from '../http/problem.js'
import { jsonWithPolicy } from '../http/respond.js'
import { type CursorKey, decodeCursor, encodeCursor, pageFromHead } from '../store/cursor.js'
import { readStoriesHead, readStory } from '../store/kv.js'
import { type StoryCard, StoryPageSchema, StorySchema } from '../store/schemas.js'
import { newsroomOf } from '../writer/client.js'
import { ListQuerySchema, defaultHook, problemContent } from './openapi.js'
import { checkStoryId } from './summaries.js'

const listStoriesRoute = createRoute({
  method: 'get',
  path: '/v1/stories',
  summary: 'Stories, most recently updated first',
  request: { query: ListQuerySchema },
  responses: {
    200: { description: 'A page of stories', content: { 'application/json': { schema: StoryPageSchema } } },
    400: problemContent('Bad limit or cursor'),
  },
})

const getStoryRoute = createRoute({
  method: 'get',
  path: '/v1/stories/{id}',
  summary: 'One story with its reports, oldest first',
  request: { params: z.object({ id: z.string().openapi({ example: 'lien-minh-chong-is' }) }) },
  responses: {
    200: { description: 'The story', content: { 'application/json': { schema: StorySchema } } },
    400: problemContent('The id is not a slug'),
    404: problemContent('No story with that id'),
  },
})

export const storyRoutes = new OpenAPIHono<AppEnv>({ defaultHook })

storyRoutes.openapi(listStoriesRoute, async (c) => {
  const { limit, cursor } = c.req.valid('query')
  const after = cursor === undefined ? null : decodeCursor(cursor, 2)
  const head = await readStoriesHead(c.env.KV)
  const page = pageFromHead(head.items, head.total, after, limit, cursorKeyOf) ?? (await newsroomOf(c.env).listStories(after, limit))
  const last = page.items.at(-1)
  return jsonWithPolicy(c, { items: page.items, nextCursor: page.hasMore && last !== undefined ? encodeCursor(cursorKeyOf(last)) : null }, 'list')
})

storyRoutes.openapi(getStoryRoute, async (c) => {
  const { id } = c.req.valid('param')
  checkStoryId(id)
  const story = await readStory(c.env.KV, id)
  if (story === null) throw new ApiError('story-not-found', `No story has id "${id}".`)
  return jsonWithPolicy(c, story, 'item')
})

function cursorKeyOf(card: StoryCard): CursorKey {
  return [card.updatedAt, card.id]
}
