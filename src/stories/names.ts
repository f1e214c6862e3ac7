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
import { toSyllables } from '../text/syllables.js'
import { GENERIC_PLACES } from './places.generated.js'

const NAME = "[\\p{Lu}][\\p{L}\\p{N}'-]*"
const NAME_RUN = new RegExp(`${NAME}(?:\\s+${NAME})*`, 'gu')

const GENERIC: ReadonlySet<string> = new Set(GENERIC_PLACES)

/** A kind of place before a place's name (`TP Hà Nội`, `tỉnh Nghệ An`), lowercased. */
const PLACE_WORD = /^(?:tp|thành phố|tỉnh|thủ đô|nước)\s+/u

/** A word written in lowercase. */
const LOWERCASE_WORD = /(?<![\p{L}\p{N}])\p{Ll}[\p{L}\p{N}]*/gu

/** Where a sentence starts inside a headline or lead: the start, or after a full stop, a colon, a dash or an opening quote. */
const SENTENCE_START = /(?:^|[.!?:;…]\s+|\s[-–—]\s+|["“‘'(]\s*)$/u

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

/**
 * Runs of capitalized syllables in some text, each with whether it opens a sentence.
 */
function runsIn(text: string): { key: string; first: string; atStart: boolean }[] {
  const runs: { key: string; first: string; atStart: boolean }[] = []
  for (const match of text.matchAll(NAME_RUN)) {
    const key = nameKey(match[0])
    if (key === '') continue
    const before = text.slice(0, match.index)
    runs.push({ key, first: key.split(' ')[0] ?? '', atStart: SENTENCE_START.test(before) })
  }
  return runs
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
  const lower = new Set<string>()
  for (const text of [...top, ...all]) for (const word of text.match(LOWERCASE_WORD) ?? []) lower.add(nameKey(word))
  // Syllables the report capitalizes inside a sentence: all of a run's but the first word of a sentence.
  const inside = new Set<string>()
  for (const text of [...top, ...all]) for (const run of runsIn(text)) for (const syllable of run.key.split(' ').slice(run.atStart ? 1 : 0)) inside.add(syllable)
  const names = new Set<string>()
  for (const text of top) {
    for (const run of runsIn(text)) {
      // A sentence's first word is capitalized whatever it is: a name only if the report also capitalizes it inside one.
      let key = run.atStart && (lower.has(run.first) || !inside.has(run.first)) ? run.key.split(' ').slice(1).join(' ') : run.key
      if (key === '' || (!key.includes(' ') && lower.has(key))) continue
      key = key.trim()
      if (GENERIC.has(key.replace(PLACE_WORD, ''))) continue
      names.add(key)
    }
  }
  return [...names].sort()
}

/**
 * Whether one side knows of a name: one of its names holds it or is held in
 * it, syllable for syllable (`torres` and `fernando torres`).
 */
export function knowsName(names: readonly string[], name: string): boolean {
  const padded = ` ${name} `
  return names.some((other) => other === name || ` ${other} `.includes(padded) || padded.includes(` ${other} `))
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
  return !a.main.some((name) => knowsName(b.names, name)) && !b.main.some((name) => knowsName(a.names, name))
}
