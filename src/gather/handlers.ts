/**
 * What the Worker's `scheduled` and `queue` handlers run, loaded with a
 * dynamic `import()` from src/index.ts: the read path's start-up never
 * evaluates gathering code (the XML parser, robots rules, extraction).
 */
import type { Bindings } from '../env.js'
import { checkDueSources } from './check-feeds.js'
import { consumeBatch } from './consume.js'

/** The Cron Trigger: check every source due at the event's scheduledTime. */
export async function runScheduled(controller: ScheduledController, env: Bindings): Promise<void> {
  await checkDueSources(env, controller.scheduledTime)
}

/** The gather queue and its dead-letter queue. */
export async function runQueue(batch: MessageBatch<unknown>, env: Bindings): Promise<void> {
  await consumeBatch(batch, env)
}
