/**
 * Where a report says its event happened: the place names it gives after a
 * place word (`ở Sơn La`, `tại quận Cầu Giấy`, `chợ Đồng Xuân`, `tỉnh Kon Tum`),
 * in the parts that state the event (headline, lead, opening sentences).
 *
 * Grouping uses them to keep two events of one kind apart: two fires, two
 * earthquakes, two floods share their whole vocabulary except where they
 * happened. A place is *specific* when it is not one of the places news names
 * all the time (`Hà Nội`, `TP.HCM`, `Mỹ`, `Trung Quốc`: GENERIC_PLACES,
 * generated from the VietNews corpus by scripts/generate-vietnews-tables.ts);
 * a fire in Cầu Giấy and one at Đồng Xuân market are both in Hà Nội, and only
 * their specific places tell them apart.
 *
 * Pure: no runtime imports beyond the text core.
 */
import { toSyllables } from '../text/syllables.js'
import { GENERIC, NAME, NAME_RUN, knower, nameKey } from './names.js'

/**
 * Words that name a kind of place, before its proper name. After the strong
 * ones (an administrative unit, a street, a market, a port) one capitalized
 * syllable is a place (`tỉnh Huế`); after `tại` and `ở`, which also precede
 * institutions (`tại Bệnh viện …`), at least two are needed (`ở Sơn La`).
 */
const STRONG_MARKERS = 'quận|huyện|tỉnh|thành phố|TP\\.?|Tp\\.?|xã|phường|thị xã|thị trấn|chợ|đường|phố|bang|sân bay|cảng|sông|thủ đô|đảo|làng|thôn|bản|vùng|khu vực|khu'
const WEAK_MARKERS = 'tại|ở'

const STRONG = new RegExp(`(?:^|[\\s,(“"])(?:${STRONG_MARKERS})\\s+(${NAME}(?:\\s+${NAME})*)`, 'gu')
const WEAK = new RegExp(`(?:^|[\\s,(“"])(?:${WEAK_MARKERS})\\s+(${NAME}(?:\\s+${NAME})+)`, 'gu')

/**
 * The specific places named in some text, as lowercased syllables.
 *
 * @example
 * specificPlacesOf(['Động đất ở Sơn La, cả Hà Nội rung lắc']) // => ['sơn la']
 */
export function specificPlacesOf(texts: readonly string[]): string[] {
  return placesIn(texts).filter((place) => !GENERIC.has(place))
}

/**
 * Every place named in some text after a place word, generic or not, as
 * lowercased syllables, sorted (the generator of GENERIC_PLACES counts these).
 *
 * @example
 * placesIn(['Cháy lớn tại chợ Đồng Xuân, Hà Nội']) // => ['đồng xuân']
 */
export function placesIn(texts: readonly string[]): string[] {
  const places = new Set<string>()
  for (const text of texts) {
    for (const pattern of [STRONG, WEAK]) {
      for (const match of text.matchAll(pattern)) {
        const place = toSyllables(match[1] ?? '').join(' ')
        if (place !== '') places.add(place)
      }
    }
  }
  return [...places].sort()
}

/**
 * Every name a text mentions: runs of capitalized syllables, lowercased
 * (`Dải Gaza`, `Khan Younes`, `Hà Nội`), to tell whether one report knows of
 * the other's place.
 *
 * @example
 * namesIn(['Israel không kích Dải Gaza.']) // => ['dải gaza', 'israel']
 */
export function namesIn(texts: readonly string[]): string[] {
  const names = new Set<string>()
  for (const text of texts) {
    for (const match of text.matchAll(NAME_RUN)) {
      const name = nameKey(match[0])
      if (name !== '') names.add(name)
    }
  }
  return [...names].sort()
}

/**
 * Where a report or a story says its event happened, the names at its top
 * (names.ts), and every name it mentions.
 */
export type Whereabouts = { places: readonly string[]; main: readonly string[]; names: readonly string[] }

/**
 * Whether a report and a story say their events happened in different places:
 * both name a specific place where they state the event, and neither mentions
 * any of the other's anywhere. Knowing the other's place is what keeps a
 * place and the area around it together (a strike on Khan Younes and one on
 * the Gaza Strip: the first report also names Gaza), while a fire in Cầu Giấy
 * and one at Đồng Xuân market name nothing of each other.
 *
 * @example
 * placesConflict({ places: ['cầu giấy'], names: ['cầu giấy', 'hà nội'] }, { places: ['đồng xuân'], names: ['đồng xuân', 'hà nội'] }) // => true
 */
export function placesConflict(a: Pick<Whereabouts, 'places' | 'names'>, b: Pick<Whereabouts, 'places' | 'names'>): boolean {
  if (a.places.length === 0 || b.places.length === 0) return false
  return !a.places.some(knower(b.names)) && !b.places.some(knower(a.names))
}

/** The whereabouts of a story: the union of its members'. */
export function mergeWhereabouts(members: readonly Whereabouts[]): Whereabouts {
  return {
    places: [...new Set(members.flatMap((m) => m.places))].sort(),
    main: [...new Set(members.flatMap((m) => m.main))].sort(),
    names: [...new Set(members.flatMap((m) => m.names))].sort(),
  }
}
