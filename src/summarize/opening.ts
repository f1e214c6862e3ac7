/**
 * Whether a sentence leans on one before it: it opens with a word that
 * points back (`Đó là …`, `Điều này …`, `Tuy nhiên, …`, `Theo đó, …`), or
 * with a bare pronoun (`Ông cho biết …`, `Họ …`). Such a sentence cannot open
 * a summary: read first, it says nothing about what happened ("Có lẽ điều Mỹ
 * lo là ở đó."). Selection (select.ts) quotes one only after a sentence that
 * comes before it.
 *
 * A title before a name is not a bare pronoun: `Ông Nguyễn Văn A` names the
 * person; `Ông cho biết` needs to be told who.
 *
 * Pure: no runtime imports.
 */

/**
 * Openers that point back to what was said before: connectives of contrast,
 * addition, consequence and sequence, and demonstratives. Listed as phrases
 * (with either tone placement where it differs) because they are a closed
 * class of the language, not a property of any corpus.
 */
const POINTING_BACK = [
  'đó',
  'đây',
  'điều này',
  'điều đó',
  'việc này',
  'việc đó',
  'chuyện này',
  'vụ việc này',
  'sự việc này',
  'những điều này',
  'tuy nhiên',
  'tuy vậy',
  'dù vậy',
  'mặc dù vậy',
  'nhưng',
  'song',
  'thế nhưng',
  'trái lại',
  'ngược lại',
  'mặt khác',
  'ngoài ra',
  'bên cạnh đó',
  'thêm vào đó',
  'hơn nữa',
  'không chỉ vậy',
  'cũng theo',
  'tương tự',
  'đồng thời',
  'còn',
  'theo đó',
  'do đó',
  'vì vậy',
  'vì thế',
  'bởi vậy',
  'chính vì vậy',
  'chính vì thế',
  'như vậy',
  'vậy',
  'thế là',
  'từ đó',
  'trong khi đó',
  'sau đó',
  'trước đó',
  'khi đó',
  'lúc đó',
  'lúc này',
  'tại đây',
  'ở đó',
  'ở đây',
  'cùng ngày',
  'cũng trong ngày',
  'có lẽ',
  'và',
  'cũng',
  'ngay sau đó',
  'kết quả là',
  'nói cách khác',
  'cụ thể',
  'cụ thể là',
]

/** Pronouns that stand for someone named before. */
const PRONOUNS = [
  'họ',
  'nó',
  'hắn',
  'chúng',
  'ông ta',
  'bà ta',
  'anh ta',
  'cô ta',
  'ông này',
  'bà này',
  'anh này',
  'cô này',
  'người này',
  'nhân vật này',
  'đơn vị này',
  'cơ quan này',
  'nước này',
  'hãng này',
  'công ty này',
  'tổ chức này',
]

/** Kinship titles that are pronouns when no name follows (`Ông cho biết`) and titles when one does (`Ông Lê Văn A`). */
const TITLES = ['ông', 'bà', 'anh', 'chị', 'cô', 'cậu', 'em']

const OPENERS = [...POINTING_BACK, ...PRONOUNS].sort((a, b) => b.length - a.length).join('|')
const POINTS_BACK = new RegExp(`^(?:${OPENERS})(?=$|[\\s,.:;!?…])`, 'u')
const BARE_TITLE = new RegExp(`^(?:${TITLES.join('|')})\\s+\\p{Ll}`, 'u')

/**
 * Whether the sentence needs an antecedent to be understood (see module comment).
 *
 * @example
 * needsAntecedent('Tuy nhiên, giá vàng vẫn tăng.') // => true
 * needsAntecedent('Ông Nguyễn Văn A cho biết giá vàng tăng.') // => false
 * needsAntecedent('Ông cho biết giá vàng tăng.') // => true
 */
export function needsAntecedent(sentence: string): boolean {
  const text = sentence.replace(/^[“"'‘«([\s–—-]+/u, '').normalize('NFC')
  // Only the opening capital is folded: the word after a title keeps its case (`Ông Lê …` vs `Ông cho …`).
  const opening = text.charAt(0).toLowerCase() + text.slice(1)
  return POINTS_BACK.test(opening) || BARE_TITLE.test(opening)
}
