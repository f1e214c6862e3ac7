/**
 * The syllables and concepts of one summary's input, as small integers.
 *
 * A story summary of five reports counts about 3,000 syllables and 20,000
 * concept occurrences (content bigrams, candidates.ts), and compares them in
 * sets and maps many times over: as strings, every bigram is a fresh string
 * to build and hash, and every comparison hashes again. A lexicon gives each
 * distinct syllable and each distinct concept a dense id once, so candidates,
 * features and plans work on typed arrays indexed by id. Ids mean nothing
 * outside the lexicon that gave them: one summary, one lexicon.
 *
 * Pure: no runtime imports.
 */
import { isStopword } from '../text/syllables.js'

/** What a syllable is, besides its text: a stopword, all digits, or neither. */
export const SYLLABLE_STOP = 1
export const SYLLABLE_DIGITS = 2

/**
 * Concept keys are `first * PAIR_BASE + second` over syllable ids: exact in a
 * double while ids stay below PAIR_BASE, which one summary's input cannot
 * reach (its 20 reports of at most 100,000 characters hold far fewer than
 * 2^21 distinct syllables).
 */
const PAIR_BASE = 2 ** 21

export class Lexicon {
  readonly #syllables = new Map<string, number>()
  readonly #concepts = new Map<number, number>()
  /** Per concept id: the last `unitsOf` call that counted it (distinct concepts per sentence without a set). */
  readonly #countedIn: number[] = []
  #call = 0
  /** Scratch for `unitsOf`, grown to the longest sentence: one copy out per result instead of a buffer per sentence. */
  #scratchConcepts = new Int32Array(64)
  #scratchContent = new Int32Array(64)
  /** Per syllable id: SYLLABLE_STOP, SYLLABLE_DIGITS, both or 0. */
  readonly kinds: number[] = []

  /** The id of a syllable (lowercased, tone-unified: `toSyllables`), given on first sight. */
  syllable(text: string): number {
    let id = this.#syllables.get(text)
    if (id === undefined) {
      id = this.#syllables.size
      this.#syllables.set(text, id)
      this.kinds.push((isStopword(text) ? SYLLABLE_STOP : 0) | (isDigits(text) ? SYLLABLE_DIGITS : 0))
    }
    return id
  }

  /** The id of the concept `first second` (syllable ids), given on first sight. */
  concept(first: number, second: number): number {
    const key = first * PAIR_BASE + second
    let id = this.#concepts.get(key)
    if (id === undefined) {
      id = this.#concepts.size
      this.#concepts.set(key, id)
      this.#countedIn.push(-1)
    }
    return id
  }

  /** Distinct syllables so far: every syllable id is below it. */
  get syllableCount(): number {
    return this.#syllables.size
  }

  /** Distinct concepts so far: every concept id is below it. */
  get conceptCount(): number {
    return this.#concepts.size
  }

  /**
   * Units of a syllable sequence: its distinct content bigrams in order of
   * first occurrence — minus bigrams made only of stopwords or only of digits,
   * which carry no topic — and its content syllables in order (no stopwords;
   * numbers kept).
   *
   * @example
   * lexicon.unitsOf(['các', 'bộ', 'trưởng']).concepts.length // => 2 ('các bộ', 'bộ trưởng')
   */
  unitsOf(syllables: readonly string[]): { concepts: Int32Array; content: Int32Array } {
    if (this.#scratchContent.length < syllables.length) {
      this.#scratchConcepts = new Int32Array(syllables.length * 2)
      this.#scratchContent = new Int32Array(syllables.length * 2)
    }
    const concepts = this.#scratchConcepts
    const content = this.#scratchContent
    let conceptCount = 0
    let contentCount = 0
    let previous = -1
    let previousKind = SYLLABLE_STOP
    const call = ++this.#call
    for (const text of syllables) {
      const id = this.syllable(text)
      const kind = this.kinds[id] ?? 0
      if ((kind & SYLLABLE_STOP) === 0) content[contentCount++] = id
      if (previous !== -1 && (kind & previousKind & (SYLLABLE_STOP | SYLLABLE_DIGITS)) === 0) {
        const concept = this.concept(previous, id)
        if (this.#countedIn[concept] !== call) {
          this.#countedIn[concept] = call
          concepts[conceptCount++] = concept
        }
      }
      previous = id
      previousKind = kind
    }
    return { concepts: concepts.slice(0, conceptCount), content: content.slice(0, contentCount) }
  }

  /**
   * The distinct syllables of `content` (ids) that are not bare numbers,
   * ascending: what restatement compares (restate.ts).
   */
  termsOf(content: Int32Array): Int32Array {
    const terms = content.filter((id) => ((this.kinds[id] ?? 0) & SYLLABLE_DIGITS) === 0).sort()
    let kept = 0
    for (let i = 0; i < terms.length; i++) if (i === 0 || terms[i] !== terms[i - 1]) terms[kept++] = terms[i] as number
    return terms.slice(0, kept)
  }
}

/** Whether a syllable is all ASCII digits (a number split at its separators). */
function isDigits(syllable: string): boolean {
  for (let i = 0; i < syllable.length; i++) {
    const code = syllable.charCodeAt(i)
    if (code < 48 || code > 57) return false
  }
  return syllable.length > 0
}
