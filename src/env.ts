/**
 * The Worker's bindings and per-request variables. The bindings are generated
 * from wrangler.toml by `wrangler types` into env.generated.d.ts (run by
 * `npm run build:generated`; secrets' names from .dev.vars.example), so they
 * cannot drift from the configuration. INGEST_TOKEN is a secret that a
 * deployment may leave unset (then it accepts no writes), which the generator
 * cannot know: it is optional here.
 */
import type { StoreReader } from './store/kv.js'

export type Bindings = Omit<Cloudflare.Env, 'INGEST_TOKEN'> & {
  /** Bearer token required by every write; writes are refused while it is unset. */
  INGEST_TOKEN?: string
}

export type AppEnv = {
  Bindings: Bindings
  Variables: {
    requestId: string
    /** KV reads of this request, counted (see http/observe.ts). */
    store: StoreReader
  }
}
