import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'
import { answerOutbound } from './test/outlet.js'

// Four projects: the pure core (src/**) runs in Node, where it must also run
// for benchmarks; the Worker (test/*.test.ts) runs in workerd against real
// local KV, Durable Objects, Queues and Cron through @cloudflare/vitest-pool-workers,
// its outbound fetches answered by the fixture outlets of test/outlet.ts; the
// scripts and the API contract (test/node/) run in Node; the widget
// (test/browser/) runs in Chromium against the Worker under wrangler dev.
export default defineConfig({
  test: {
    // Quiet when passing: every request logs one JSON line (http/observe.ts), a
    // thousand lines per run; a failing test's logs are still printed.
    silent: 'passed-only',
    // List a passing test by name only when it is really slow (the default, 300 ms, lists a dozen worker tests every run).
    slowTestThreshold: 1000,
    // A dot per test and the summary: the default reporter's line per file and per slow test took a
    // passing run past 100 lines once search, gathering and pages brought 56 files. Failures are still
    // printed in full.
    reporters: ['dot'],
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
        // 2 cores shared by several developers: a test of 100 ingests may take several seconds under load,
        // and gathering tests wait for the real queue to deliver batches.
        test: { name: 'worker', include: ['test/*.test.ts'], testTimeout: 20_000 },
      },
      {
        // The scripts and the API contract, in Node: ports, the OpenAPI document as tools read it.
        test: { name: 'node', include: ['test/node/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      {
        // A real Chromium (Debian's, installed by .ci/run) against `wrangler dev`.
        test: { name: 'browser', include: ['test/browser/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 120_000 },
      },
    ],
  },
})
