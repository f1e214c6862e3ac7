/**
 * A seeded random sequence for benchmarks and fitting scripts: the same seed
 * draws the same queries, positions and splits on every run and machine.
 */

/**
 * xorshift32 (Marsaglia 2003): a reproducible sequence in [0, 1).
 *
 * @example
 * const random = xorshift(2013)
 * random() // => the same number on every run
 */
export function xorshift(seed: number): () => number {
  let state = seed >>> 0 || 1
  return () => {
    state ^= state << 13
    state >>>= 0
    state ^= state >>> 17
    state ^= state << 5
    state >>>= 0
    return state / 4294967296
  }
}
