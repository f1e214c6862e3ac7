/**
 * How the Worker reaches the Newsroom. One named instance holds all story and
 * index state today; ARCHITECTURE.md says how it splits when one is not enough.
 */
import type { Bindings } from '../env.js'

/** Name of the one Newsroom instance. */
const NEWSROOM_NAME = 'main'

export function newsroomOf(env: Bindings) {
  return env.NEWSROOM.get(env.NEWSROOM.idFromName(NEWSROOM_NAME))
}
