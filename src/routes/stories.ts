/**
 * /v1/stories: the story list (most recently updated first; with `q`, a search:
 * search.ts) and one story with its reports. Thin: validate, read KV (or the writer for deep pages), shape.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../env.js'
import { ApiError } from '../http/problem.js'
import { serveStored } from '../http/respond.js'
import type { CursorKey } from '../store/cursor.js'
import type { StoryCard } from '../store/schemas.js'
import { newsroomOf } from '../writer/client.js'
import { listPage } from './list.js'
import { storyIdParam } from './params.js'
import { searchStoriesPage } from './search.js'

export const storyRoutes = new Hono<AppEnv>()

storyRoutes.get('/v1/stories', (c) =>
  c.req.query('q') !== undefined
    ? searchStoriesPage(c)
    : listPage(c, {
        list: 'stories',
        head: () => c.var.store.storiesHead(),
        after: (after, limit) => newsroomOf(c.env).listStories(after, limit),
        keyOf: cursorKeyOf,
        arity: 2,
      }),
)

storyRoutes.get('/v1/stories/:id', async (c) => {
  const id = storyIdParam(c.req.param('id'))
  const story = await c.var.store.story(id)
  if (story === null) throw new ApiError('story-not-found', `No story has id "${id}".`)
  return serveStored(c, story, 'item')
})

function cursorKeyOf(card: StoryCard): CursorKey {
  return [card.updatedAt, card.id]
}
