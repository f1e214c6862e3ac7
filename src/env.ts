/**
 * The Worker's bindings and per-request variables. The bindings are generated
 * from wrangler.toml by `wrangler types` into env.generated.d.ts (run by
 * `npm run build:generated`; secrets' names from .dev.vars.example), so they
 * cannot drift from the configuration. INGEST_TOKEN is a secret that a
 * deployment may leave unset (then it accepts no writes), and
 * ALLOW_LOCAL_SOURCES a local-only variable (`npm start` and tests set it,
 * a deployment never), which the generator cannot know: both are optional here.
 */
import type { StoreReader } from './store/kv.js'
import type { GatherMessage } from './store/source-schemas.js'

export type Bindings = Omit<Cloudflare.Env, 'INGEST_TOKEN' | 'ALLOW_LOCAL_SOURCES' | 'GATHER_QUEUE'> & {
  /** Bearer token required by every write; writes are refused while it is unset. */
  INGEST_TOKEN?: string
  /** `true` lets gathering fetch loopback and private addresses (src/gather/address.ts): local fixtures only. */
  ALLOW_LOCAL_SOURCES?: string
  /** Feed items waiting for their article page to be fetched (consumer: src/gather/consume.ts). */
  GATHER_QUEUE: Queue<GatherMessage>
}

export type AppEnv = {
  Bindings: Bindings
  Variables: {
    requestId: string
    /** KV reads of this request, counted (see http/observe.ts). */
    store: StoreReader
  }
}
