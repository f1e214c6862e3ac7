/**
 * Path parameters of the read routes, checked once for every route that takes
 * them. A story id that is not a slug is a malformed request (400
 * `invalid-id`), not an unknown story; the rule itself is `isStoryId`, shared
 * with the JSON field and the query parameter of writes (store/schemas.ts).
 */
import { ApiError } from '../http/problem.js'
import { isStoryId } from '../store/schemas.js'

/**
 * The story id of a path, or a 400 `invalid-id` problem.
 *
 * @example
 * storyIdParam('lien-minh-chong-is') // => 'lien-minh-chong-is'
 */
export function storyIdParam(id: string): string {
  if (isStoryId(id)) return id
  throw new ApiError('invalid-id', `"${id}" is not a story id: story ids are slugs (lowercase letters, digits, single hyphens).`, {
    errors: [{ field: 'id', message: 'must be a slug' }],
  })
}
