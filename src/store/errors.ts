/**
 * What can go wrong in the storage layer, as domain errors: they say what
 * failed in storage terms and carry no HTTP status. `src/http/problem.ts` maps
 * them onto problem codes, so `store/` never imports from `http/`.
 *
 * An expected "no answer" (a key that is not there, a cursor that does not
 * decode) is a value (`null`), not one of these.
 */

/** A stored value that is not JSON or fails its schema: storage is broken, not the request. */
export class CorruptRecordError extends Error {
  /** The KV key whose value failed. */
  readonly key: string

  constructor(key: string, reason: 'not JSON' | 'schema mismatch', options: { cause?: unknown } = {}) {
    super(`The stored value for ${key} ${reason === 'not JSON' ? 'is not JSON' : 'does not match its schema'}.`, options)
    this.name = 'CorruptRecordError'
    this.key = key
  }
}
