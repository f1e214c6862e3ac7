import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'
import { answerOutbound } from './test/outlet.js'

// Three projects: the pure core (src/**) runs in Node, where it must also run
// for benchmarks; the Worker (test/*.test.ts) runs in workerd against real
// local KV, Durable Objects, Queues and Cron through @cloudflare/vitest-pool-workers,
// its outbound fetches answered by the fixture outlets of test/outlet.ts; the
// widget (test/browser/) runs in Chromium against the Worker under wrangler dev.
export default defineConfig({
  test: {
    // The Worker logs a JSON line per request and per gathered item: shown for failing tests only.
    silent: 'passed-only',
    projects: [
      {
        test: { name: 'core', include: ['src/**/*.test.ts'], environment: 'node' },
      },
      {
        plugins: [
          cloudflareTest({
            main: './src/index.ts',
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              // As deployed: loopback and private addresses refused (a local .dev.vars may allow them for npm start).
              bindings: { INGEST_TOKEN: 'test-token', ALLOW_LOCAL_SOURCES: 'false' },
              outboundService: answerOutbound,
              // wrangler.toml's consumers, with batches delivered within 100 ms instead of 2 s: tests wait for the real queue.
              queueConsumers: {
                'bantin-gather': { maxBatchSize: 10, maxBatchTimeout: 0.1, maxRetries: 5, deadLetterQueue: 'bantin-gather-dlq' },
                'bantin-gather-dlq': { maxBatchSize: 10, maxBatchTimeout: 0.1 },
              },
            },
          }),
        ],
        // Gathering tests wait for the real queue to deliver batches.
        test: { name: 'worker', include: ['test/*.test.ts'], testTimeout: 20_000 },
      },
      {
        // A real Chromium (Debian's, installed by .ci/run) against `wrangler dev`.
        test: { name: 'browser', include: ['test/browser/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 120_000 },
      },
    ],
  },
})
