/**
 * The Worker's bindings and per-request variables.
 * Binding names match wrangler.toml; INGEST_TOKEN is a secret (`.dev.vars` locally).
 */
import type { SourceRegistry } from './gather/registry.js'
import type { GatherMessage } from './store/source-schemas.js'
import type { StoreReader } from './store/kv.js'
import type { Newsroom } from './writer/newsroom.js'

export type Bindings = {
  /** The read copy every GET route serves from (key scheme: store/keys.ts). */
  KV: KVNamespace
  /** The single writer of articles, indexes and stories. */
  NEWSROOM: DurableObjectNamespace<Newsroom>
  /** Bearer token required by every write; writes are refused while it is unset. */
  INGEST_TOKEN?: string
  /** Sources (outlets' feeds), their health, items seen and per-host politeness state (src/gather/registry.ts). */
  SOURCES: DurableObjectNamespace<SourceRegistry>
  /** Feed items waiting for their article page to be fetched (consumer: src/gather/consume.ts). */
  GATHER_QUEUE: Queue<GatherMessage>
  /** `true` lets sources on loopback and private addresses be fetched: `npm start` and tests only. */
  ALLOW_LOCAL_SOURCES?: string
  /** Where an outlet's operator can read about bantin's crawler; named in the User-Agent. */
  CONTACT_URL?: string
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
