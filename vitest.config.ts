import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

// Two projects: the pure core (src/**) runs in Node, where it must also run for
// benchmarks; the Worker (test/**) runs in workerd against real local KV and
// Durable Objects through @cloudflare/vitest-pool-workers.
export default defineConfig({
  test: {
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
        test: { name: 'worker', include: ['test/**/*.test.ts'] },
      },
    ],
  },
})
