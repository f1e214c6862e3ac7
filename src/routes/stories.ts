/**
 * /v1/stories: the story list (most recently updated first) and one story
 * with its reports. Thin: validate, read KV (or the writer for deep pages), shape.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../env.js'
import { ApiError } from '../http/problem.js'
import { jsonWithPolicy, serveStored } from '../http/respond.js'
import { parseQuery } from '../http/validate.js'
import { type CursorKey, decodeCursor, encodeCursor, pageFromHead } from '../store/cursor.js'
import type { StoryCard } from '../store/schemas.js'
import { newsroomOf } from '../writer/client.js'
import { ListQuerySchema } from './queries.js'
import { checkStoryId } from './summaries.js'

export const storyRoutes = new Hono<AppEnv>()

storyRoutes.get('/v1/stories', async (c) => {
  const { limit, cursor } = parseQuery(c, ListQuerySchema)
  const after = cursor === undefined ? null : decodeCursor(cursor, 2)
  const head = await c.var.store.storiesHead()
  const page = pageFromHead(head.items, head.total, after, limit, cursorKeyOf) ?? (await newsroomOf(c.env).listStories(after, limit))
  const last = page.items.at(-1)
  return jsonWithPolicy(c, { items: page.items, nextCursor: page.hasMore && last !== undefined ? encodeCursor(cursorKeyOf(last)) : null }, 'list')
})

storyRoutes.get('/v1/stories/:id', async (c) => {
  const id = c.req.param('id')
  checkStoryId(id)
  const story = await c.var.store.story(id)
  if (story === null) throw new ApiError('story-not-found', `No story has id "${id}".`)
  return serveStored(c, story, 'item')
})

function cursorKeyOf(card: StoryCard): CursorKey {
  return [card.updatedAt, card.id]
}
