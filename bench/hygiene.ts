/**
 * What a reader should never see in a summary, counted over the benchmark's
 * story summaries. These detectors are deliberately written apart from the
 * summarizer's own rules (src/text, src/summarize) and cast wider than they
 * do, so a rule cannot pass its own test: a hit here is either a real leak or
 * a false alarm to read (`npm run bench:quality -- --hygiene` prints them).
 *
 * - dateline: a sentence opening with an outlet tag (`TTO - `, `(Dân trí) - `),
 *   or a bare leading dash;
 * - related: a related-article line (`>>`, `»`, `Xem thêm:`, `Tin liên quan:`),
 *   or an all-capitals label anywhere (`… chấn thương TIN LIÊN QUAN HLV …`);
 * - caption: a photo credit or label anywhere (`Ảnh:`, `(Ảnh …)`, `Nguồn:`,
 *   an opening `Ảnh `), or a sentence without final punctuation;
 * - antecedent: a summary whose first sentence opens with a word that points
 *   back (Đó là, Điều này, Tuy nhiên, Ngoài ra, Theo đó, Có lẽ, a bare pronoun …);
 * - restatements: pairs of sentences from different reports that share a
 *   number (normalized: `2.538 tỷ` ≈ `hơn 2.500 tỷ`) and half their content
 *   syllables, or two thirds of their content syllables.
 */
import { isStopword, toSyllables } from '../src/text/syllables.js'

export type HygieneCounts = {
  summaries: number
  dateline: number
  related: number
  caption: number
  antecedent: number
  restatements: number
  examples: string[]
}

export function emptyHygiene(): HygieneCounts {
  return { summaries: 0, dateline: 0, related: 0, caption: 0, antecedent: 0, restatements: 0, examples: [] }
}

const DATELINE = /^(?:\([^()]{1,40}\)\s*\.?\s*[-–—:]?\s|[-–—]\s|[\p{Lu}][\p{L}\p{N}.&]*(?:\s+(?:Online|News|online))?\s*[-–—]\s*\p{Lu})/u
const RELATED = />>|»|(?:^|\s)(?:Xem thêm|Tin liên quan|Đọc thêm|Bài liên quan)\s*:|(?:^|\s)(?:TIN BÀI LIÊN QUAN|TIN LIÊN QUAN|BÀI LIÊN QUAN|XEM THÊM|ĐỌC THÊM)(?=[\s:]|$)/u
const CAPTION = /(?:^|[\s(–—-])(?:Ảnh|Nguồn|Photo)\s*:|\((?:Ảnh|ảnh|Nguồn)\b|^Ảnh\s|^(?:Clip|Video)\s*:/u
const FINAL = /[.!?…]["”’)»]*$|["”’]$/u
const POINTS_BACK =
  /^(?:Đó|Điều này|Điều đó|Việc này|Tuy nhiên|Ngoài ra|Theo đó|Có lẽ|Trong khi đó|Bên cạnh đó|Do đó|Vì vậy|Như vậy|Cũng theo|Tương tự|Thêm vào đó|Mặt khác|Sau đó|Trước đó|Còn|Nhưng|Và|Vậy|Ông này|Bà này|Anh này|Người này|Họ|Nó|Hắn|Ông ta|Bà ta|Cũng|Đây là|Chính vì|Vì thế|Khi đó|Lúc đó|Tại đây|Ở đó)(?=[\s,.:])|^(?:Ông|Bà|Anh|Chị|Cô|Em)\s+\p{Ll}/u

/** Count what one summary (its sentences, in order, with the report each came from) shows. */
export function addHygiene(counts: HygieneCounts, sentences: readonly string[], sources: readonly string[] = []): void {
  counts.summaries += 1
  const flag = (kind: string, text: string) => {
    if (counts.examples.length < 400) counts.examples.push(`${kind}: ${text}`)
  }
  if (sentences.some((s) => DATELINE.test(s))) {
    counts.dateline += 1
    flag('dateline', sentences.find((s) => DATELINE.test(s)) ?? '')
  }
  if (sentences.some((s) => RELATED.test(s))) {
    counts.related += 1
    flag('related', sentences.find((s) => RELATED.test(s)) ?? '')
  }
  const caption = sentences.find((s) => CAPTION.test(s) || !FINAL.test(s.trim()))
  if (caption !== undefined) {
    counts.caption += 1
    flag('caption', caption)
  }
  const first = sentences[0]
  if (first !== undefined && POINTS_BACK.test(first.replace(/^[“"'‘«(\s]+/u, ''))) {
    counts.antecedent += 1
    flag('antecedent', first)
  }
  for (let i = 0; i < sentences.length; i++) {
    for (let j = i + 1; j < sentences.length; j++) {
      if (sources.length > 0 && sources[i] === sources[j]) continue
      const a = sentences[i] as string
      const b = sentences[j] as string
      if (restate(a, b)) {
        counts.restatements += 1
        flag('restatement', `${a}  ⟷  ${b}`)
      }
    }
  }
}

function contentOf(text: string): Set<string> {
  return new Set(toSyllables(text).filter((s) => !isStopword(s) && !/^\d+$/.test(s)))
}

/** Numbers of a sentence at two significant digits: `2.538 tỷ` and `hơn 2.500 tỷ` both give `2.5e3`. */
function numbersOf(text: string): Set<string> {
  const out = new Set<string>()
  for (const match of text.matchAll(/\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?/g)) {
    const value = Number(match[0].replace(/\./g, '').replace(',', '.'))
    if (value >= 10) out.add(value.toPrecision(2))
  }
  return out
}

function restate(a: string, b: string): boolean {
  const ca = contentOf(a)
  const cb = contentOf(b)
  const small = Math.min(ca.size, cb.size)
  if (small === 0) return false
  let shared = 0
  for (const s of ca) if (cb.has(s)) shared += 1
  const overlap = shared / small
  const na = numbersOf(a)
  const sharesNumber = [...numbersOf(b)].some((n) => na.has(n))
  return overlap >= 2 / 3 || (sharesNumber && overlap >= 0.5)
}

export function formatHygiene(c: HygieneCounts): string {
  return `${c.summaries} summaries: dateline ${c.dateline}, related-link ${c.related}, caption ${c.caption}, opens needing an antecedent ${c.antecedent}; restating pairs ${c.restatements}`
}
