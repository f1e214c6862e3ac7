/**
 * The Worker's bindings and per-request variables.
 * Binding names match wrangler.toml; INGEST_TOKEN is a secret (`.dev.vars` locally).
 */
import type { StoreReader } from './store/kv.js'
import type { Newsroom } from './writer/newsroom.js'

export type Bindings = {
  /** The read copy every GET route serves from (key scheme: store/keys.ts). */
  KV: KVNamespace
  /** The single writer of articles, indexes and stories. */
  NEWSROOM: DurableObjectNamespace<Newsroom>
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

declare global {
  // `env` from `cloudflare:workers` (used by tests) is typed by this interface.
  namespace Cloudflare {
    interface Env extends Bindings {}
    interface GlobalProps {
      mainModule: typeof import('./index.js')
    }
  }
}
