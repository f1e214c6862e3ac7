/**
 * Who a report is about: the names its headline and lead put forward (people,
 * teams, organisations, products, places), to keep two events of one kind
 * apart when they happen to different people. Two trials, two matches, two
 * launches share their whole vocabulary but not the names at their top.
 *
 * A report's *main names* are the runs of capitalized syllables of the parts
 * that state the event (headline and lead; without a lead, its first
 * sentence). Vietnamese capitalizes the first word of every sentence and
 * only the first syllable of an institution (`Quốc hội`, `Luật Thi đua`), so
 * a run of one syllable is a name only when the report never writes that
 * syllable in lowercase (`Nadal`, `Obama`, not `Luật` beside `dự luật`), and
 * at the start of a sentence (`Mệt mỏi, Nadal …`) only when the report also
 * capitalizes it inside one. The places news names all the time (`Hà Nội`,
 * `TP Hà Nội`, `Việt Nam`, `Mỹ`: places.generated.ts) are left out: two
 * trials in Hà Nội both name it, and it tells them no more apart than their
 * common words do.
 *
 * Pure: no runtime imports beyond the text core.
 */
import { isWordChar, toSyllables } from '../text/syllables.js'
import { GENERIC_PLACES } from './places.generated.js'

/** A capitalized syllable (a name's), and a run of them: shared with places.ts. */
export const NAME = "[\\p{Lu}][\\p{L}\\p{N}'-]*"
export const NAME_RUN = new RegExp(`${NAME}(?:\\s+${NAME})*`, 'gu')

/** The places news names all the time (places.generated.ts): shared with places.ts. */
export const GENERIC: ReadonlySet<string> = new Set(GENERIC_PLACES)

/** A kind of place before a place's name (`TP Hà Nội`, `tỉnh Nghệ An`), lowercased. */
const PLACE_WORD = /^(?:tp|thành phố|tỉnh|thủ đô|nước)\s+/u

/** What ends just before a sentence's first word: a full stop, a colon, a dash or an opening quote (and a space). */
const SENTENCE_BREAK = /(?:[.!?:;…]\s+|\s[-–—]\s+|["“‘'(]\s*)$/u

/**
 * A letter and a number joined by a hyphen written as one: outlets write one
 * team, model or code both ways (`U-23` and `U23`, `FA-50` and `FA50`), and
 * split in two it would share nothing with the other spelling.
 *
 * @example
 * joinCodes('U-23 Việt Nam thắng 3-1') // => 'U23 Việt Nam thắng 3-1'
 */
export function joinCodes(text: string): string {
  return text.replace(/(\p{L})-(\p{N})/gu, '$1$2')
}

/**
 * A name as compared: lowercased syllables, codes joined (joinCodes).
 *
 * @example
 * nameKey('Đội U-23 VN') // => 'đội u23 vn'
 */
export function nameKey(text: string): string {
  return toSyllables(joinCodes(text)).join(' ')
}

/** A capitalized run of a headline or lead: its words as written, and whether it opens a sentence. */
type Run = { words: string[]; atStart: boolean }

function runsIn(text: string): Run[] {
  const runs: Run[] = []
  for (const match of text.matchAll(NAME_RUN)) runs.push({ words: match[0].split(/\s+/), atStart: opensSentence(text, match.index) })
  return runs
}

/** Whether the word at `index` opens a sentence; only the few characters before it decide. */
function opensSentence(text: string, index: number): boolean {
  return index === 0 || text.charAt(index - 1) === '\n' || SENTENCE_BREAK.test(text.slice(Math.max(0, index - 4), index))
}

/**
 * What a report shows of one capitalized word: whether it also writes it in
 * lowercase (`luật` beside `Luật`), and whether it capitalizes it inside a
 * sentence. One search of the report per word asked.
 */
function evidenceOf(text: string, word: string): { lower: boolean; inside: boolean } {
  // String searches for the word as written and in lowercase, each found whole (no letter or digit
  // either side): a regex built per word, with a look-behind tried at every character of the report,
  // was 6 % of an ingest's CPU.
  const lowered = `${word.charAt(0).toLowerCase()}${word.slice(1)}`
  const inside = foundWhole(text, word, (at) => !opensSentence(text, at))
  const lower = lowered !== word && foundWhole(text, lowered, () => true)
  return { lower, inside }
}

/** Whether `form` occurs in `text` as a whole word at a place `accept` takes. */
function foundWhole(text: string, form: string, accept: (at: number) => boolean): boolean {
  for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) {
    // A letter or digit either side (a surrogate pair's second half asks about the pair) means it is inside a longer word.
    if ((at === 0 || !isWordChar(text, at - 1)) && (at + form.length >= text.length || !isWordChar(text, at + form.length)) && accept(at)) return true
  }
  return false
}

/**
 * The main names of a report: capitalized runs of its `top` texts (headline,
 * lead) but a sentence's first word unless the report (`top` and `all`)
 * capitalizes it inside a sentence too and never writes it in lowercase; a
 * one-syllable name never written in lowercase either; generic places left out.
 *
 * @example
 * mainNamesOf(['Mệt mỏi, Nadal rút khỏi Basel'], ['Tay vợt Nadal nghỉ.']) // => ['basel', 'nadal']
 * mainNamesOf(['Quốc hội bàn Luật Thi đua'], ['Dự luật được Quốc hội thông qua.']) // => ['luật thi']
 */
export function mainNamesOf(top: readonly string[], all: readonly string[]): string[] {
  const report = [...top, ...all].join('\n')
  const evidence = new Map<string, { lower: boolean; inside: boolean }>()
  const ask = (word: string) => {
    let found = evidence.get(word)
    if (found === undefined) {
      found = evidenceOf(report, word)
      evidence.set(word, found)
    }
    return found
  }
  const names = new Set<string>()
  for (const text of top) {
    for (const run of runsIn(text)) {
      let words = run.words
      // A sentence's first word is capitalized whatever it is: a name only if the report also capitalizes it inside one.
      const first = words[0] ?? ''
      if (run.atStart && (ask(first).lower || !ask(first).inside)) words = words.slice(1)
      // One capitalized syllable also heads institutions (`Quốc hội`, `Luật Thi đua`): a name only if never in lowercase.
      if (words.length === 0 || (words.length === 1 && ask(words[0] ?? '').lower)) continue
      const key = nameKey(words.join(' '))
      if (key === '' || GENERIC.has(key.replace(PLACE_WORD, ''))) continue
      names.add(key)
    }
  }
  return [...names].sort()
}

/**
 * Whether one side knows of a name: one of its names holds it or is held in
 * it, syllable for syllable (`torres` and `fernando torres`). Built once per
 * side: one string search for a name inside one of theirs, set lookups for
 * theirs inside it (a name of k syllables has k(k+1)/2 runs), instead of
 * comparing every pair (a story's members name hundreds).
 *
 * @example
 * knower(['fernando torres'])('torres') // => true
 */
export function knower(names: readonly string[]): (name: string) => boolean {
  const set = new Set(names)
  const padded = names.map((other) => ` ${other} `).join('\n')
  return (name) => {
    if (padded.includes(` ${name} `)) return true
    const syllables = name.split(' ')
    for (let i = 0; i < syllables.length; i++) {
      for (let j = i + 1; j <= syllables.length; j++) if (set.has(syllables.slice(i, j).join(' '))) return true
    }
    return false
  }
}

/**
 * Whether a report and a story are about different people: both put names at
 * their top, and neither mentions anywhere any of the other's. One shared
 * name anywhere — a team, a country, a company — is enough to let the words
 * decide.
 *
 * @example
 * namesConflict({ main: ['dương chí dũng'], names: ['dương chí dũng', 'vinalines'] }, { main: ['huyền như'], names: ['huyền như', 'vietinbank'] }) // => true
 */
export function namesConflict(a: { main: readonly string[]; names: readonly string[] }, b: { main: readonly string[]; names: readonly string[] }): boolean {
  if (a.main.length === 0 || b.main.length === 0) return false
  return !a.main.some(knower(b.names)) && !b.main.some(knower(a.names))
}
