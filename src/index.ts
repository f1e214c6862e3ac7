/**
 * Worker entry: the fetch handler (the Hono app) and the Newsroom Durable
 * Object class, which wrangler needs exported from the main module.
 */
import { createApp } from './app.js'

export { Newsroom } from './writer/newsroom.js'

export default createApp()
