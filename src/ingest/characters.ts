/**
 * Characters an article may not hold: control characters other than tab,
 * line feed and carriage return (C0, DEL and C1: U+0000–U+0008, U+000B,
 * U+000C, U+000E–U+001F, U+007F–U+009F) and lone UTF-16 surrogates (half of
 * an emoji cut by a byte-counting truncation: not a character at all, and not
 * encodable as UTF-8).
 *
 * bantin refuses such text rather than strip it (README, "Clean input"): a
 * control character in news text is the symptom of a broken export, and
 * stripping would store a text the publisher never sent under an id derived
 * from it. Tab is a space and CR LF a line end, both normalized at ingest.
 *
 * Pure: no runtime imports.
 */

/** Control characters bantin refuses, and lone surrogates (the regex runs without the `u` flag, on UTF-16 units). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's purpose
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Names of the C0 controls people meet, for messages. */
const NAMES: Readonly<Record<number, string>> = { 0: 'NUL', 7: 'BEL', 8: 'backspace', 11: 'vertical tab', 12: 'form feed', 27: 'escape', 127: 'DEL' }

/** Where a forbidden character is: its 1-based line and column, and what it is. */
export type ForbiddenCharacter = { line: number; column: number; description: string }

/**
 * The first character of `text` that an article may not hold, or null.
 *
 * @example
 * findForbiddenCharacter('Giá xăng\u0000 giảm') // => { line: 1, column: 9, description: 'U+0000 (NUL)' }
 * findForbiddenCharacter('Giá xăng\tgiảm\r\n') // => null
 */
export function findForbiddenCharacter(text: string): ForbiddenCharacter | null {
  const match = FORBIDDEN.exec(text)
  if (match === null) return null
  const before = text.slice(0, match.index)
  const line = before.split('\n').length
  const column = match.index - before.lastIndexOf('\n')
  const unit = text.charCodeAt(match.index)
  const hex = `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`
  const description = unit >= 0xd800 && unit <= 0xdfff ? `a lone surrogate (${hex})` : `${hex}${NAMES[unit] === undefined ? ' (a control character)' : ` (${NAMES[unit]})`}`
  return { line, column, description }
}

/** A string found in a JSON value, with its path as problem `errors` name fields (`paragraphs.2`). */
export type FieldText = { field: string; text: string }

/**
 * Every string in a parsed JSON value (object keys included), with its path.
 *
 * @example
 * stringsOf({ title: 'a', paragraphs: ['b'] }) // => [{ field: 'title', text: 'a' }, { field: 'paragraphs.0', text: 'b' }]
 */
export function stringsOf(value: unknown, path: readonly (string | number)[] = []): FieldText[] {
  const field = path.join('.') || '(body)'
  if (typeof value === 'string') return [{ field, text: value }]
  if (Array.isArray(value)) return value.flatMap((item, i) => stringsOf(item, [...path, i]))
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [{ field: `${[...path, key].join('.')} (a key)`, text: key }, ...stringsOf(item, [...path, key])])
  }
  return []
}
