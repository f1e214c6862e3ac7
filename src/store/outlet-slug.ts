/**
 * Outlets (the `source` an article credits: "Tuổi Trẻ", "TTXVN/Vietnam+")
 * are named in URLs and KV keys by a slug: the name folded to ASCII
 * (diacritics dropped, đ → d), lowercased, runs of anything else turned into
 * one hyphen. Folding is what a reader typing the URL expects, and it makes
 * "Tuổi Trẻ" and "Tuoi Tre" one outlet. Pure: the writer keys outlets by it,
 * the routes read `?source=` and `/sources/:name` through it, the pages link by it.
 */
import { asciiWordsOf } from '../text/normalize.js'

/** Longest outlet slug: outlet names are short ("Báo Điện tử Chính phủ" is 21); a longer one is cut. */
export const MAX_OUTLET_SLUG_LENGTH = 60

const OUTLET_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * The slug of an outlet's name, or null when nothing of it is a letter or digit.
 * A slug is its own slug, so a route may take either the name or the slug.
 *
 * @example
 * outletSlugOf('TTXVN/Vietnam+') // => 'ttxvn-vietnam'
 * outletSlugOf('Tuổi Trẻ') // => 'tuoi-tre'
 * outletSlugOf('tuoi-tre') // => 'tuoi-tre'
 */
export function outletSlugOf(name: string): string | null {
  const words = asciiWordsOf(name)
  let slug = ''
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`
    if (next.length > MAX_OUTLET_SLUG_LENGTH) break
    slug = next
  }
  return slug === '' ? null : slug
}

/** Whether a string is already an outlet slug (the form the outlet page's URL takes). */
export function isOutletSlug(value: string): boolean {
  return value.length <= MAX_OUTLET_SLUG_LENGTH && OUTLET_SLUG.test(value)
}
