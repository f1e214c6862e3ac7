import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

// Four projects: the pure core (src/**) runs in Node, where it must also run
// for benchmarks; the Worker (test/*.test.ts) runs in workerd against real
// local KV and Durable Objects through @cloudflare/vitest-pool-workers; the
// scripts and the API contract (test/node/) run in Node; the widget
// (test/browser/) runs in Chromium against the Worker under wrangler dev.
export default defineConfig({
  test: {
    // Quiet when passing: every request logs one JSON line (http/observe.ts), a
    // thousand lines per run; a failing test's logs are still printed.
    silent: 'passed-only',
    // List a passing test by name only when it is really slow (the default, 300 ms, lists a dozen worker tests every run).
    slowTestThreshold: 1000,
    projects: [
      {
        test: { name: 'core', include: ['src/**/*.test.ts'], environment: 'node' },
      },
      {
        plugins: [
          cloudflareTest({
            main: './src/index.ts',
            wrangler: { configPath: './wrangler.toml' },
            miniflare: { bindings: { INGEST_TOKEN: 'test-token' } },
          }),
        ],
        // 2 cores shared by several developers: a test of 100 ingests may take several seconds under load.
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
