/**
 * Worker entry: the fetch handler (the Hono app), the Cron and queue handlers
 * of gathering (loaded on first use, so the read path's start-up does not
 * evaluate them), and the Durable Object classes, which wrangler needs
 * exported from the main module.
 */
import { createApp } from './app.js'
import type { Bindings } from './env.js'

export { Newsroom } from './writer/newsroom.js'
export { SourceRegistry } from './gather/registry.js'

const app = createApp()

export default {
  fetch: app.fetch,
  async scheduled(controller, env) {
    const { runScheduled } = await import('./gather/handlers.js')
    await runScheduled(controller, env)
  },
  async queue(batch, env) {
    const { runQueue } = await import('./gather/handlers.js')
    await runQueue(batch, env)
  },
} satisfies ExportedHandler<Bindings, unknown>
