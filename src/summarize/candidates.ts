/**
 * Candidate sentences for extractive summaries: every sentence of an article's
 * lead and body, with where it stands and the units we score it by.
 *
 * Units are content concepts in the sense of Gillick & Favre (2009, "A
 * scalable global model for summarization"): syllable bigrams, since most
 * Vietnamese words are two syllables, minus bigrams made only of stopwords or
 * digits (they carry no topic). A sentence's value is the concepts it covers.
 *
 * Pure: no runtime imports.
 */
import { countWords } from '../text/normalize.js'
import { segmentSentences } from '../text/sentences.js'
import { toSyllables } from '../text/syllables.js'
import type { Lexicon } from './lexicon.js'

/** The parts of an article a summary reads. */
export type SummaryArticle = {
  id: string
  title: string
  lead: string | null
  paragraphs: readonly string[]
}

/** One sentence that a summary may quote. */
export type Candidate = {
  articleId: string
  /** Which article of the input, in input order (stories pass reports oldest first). */
  article: number
  /** Index into the article's `paragraphs`, or null for a lead sentence. */
  paragraph: number | null
  /** Ordinal of the sentence within its article, lead sentences first. */
  index: number
  text: string
  words: number
  /** Distinct content bigrams of the sentence (ids in the summary's lexicon), in order of first occurrence. */
  concepts: Int32Array
  /** Content syllables in order (ids): no stopwords (numbers kept). */
  content: Int32Array
}

/**
 * Sentences shorter than this are datelines, bylines or fragments ("Ông nói.")
 * that never carry a summary on their own; they are quoted only when an
 * article has nothing longer.
 */
const MIN_SENTENCE_WORDS = 6

/** A bullet opening a list item. */
const BULLET = /^[-–—•*+]\s+/u

/**
 * A finished sentence ends in sentence punctuation (possibly inside quotes or
 * brackets). Text without it is a heading, a caption or a fragment the page
 * left unpunctuated: quoted only when an article has nothing finished.
 */
const FINISHED = /[.!?…]["”’»)\]]*$|["”’»]$/u

/**
 * Every quotable sentence of an article: captions and sentences that merely
 * repeat the title are left out, and so are fragments and unfinished
 * (unpunctuated) text when anything longer and finished exists.
 *
 * The lead (sapo) is quoted only when the article has no body: it is the
 * editor's teaser (`Đó là ý kiến của …`), written to make people read on, and
 * human summaries share fewer words with leads than with the body's opening
 * sentences (lead round-robin over leads scores 9–10 R2 points below the same
 * over bodies on both halves of the dev set). The lead still ranks the body's
 * sentences: see `leadShare` in features.ts.
 *
 * Units are ids in `lexicon`: every article of one summary must share one.
 *
 * @example
 * candidatesOf({ id: 'a', title: 'T', lead: null, paragraphs: ['Một câu đủ dài để tóm tắt bài.'] }, 0, new Lexicon())
 */
export function candidatesOf(article: SummaryArticle, order: number, lexicon: Lexicon): Candidate[] {
  const titleSyllables = toSyllables(article.title)
  const title = titleSyllables.join(' ')
  const all: Sentence[] = []
  const blocks: [number | null, string][] = [
    ...(article.lead === null || article.paragraphs.length > 0 ? [] : [[null, article.lead] as [null, string]]),
    ...article.paragraphs.map((paragraph, i): [number, string] => [i, paragraph]),
  ]
  let index = 0
  for (const [paragraph, text] of blocks) {
    for (const segment of segmentSentences(text)) {
      // A list item's bullet is layout, not text: `- Không thành lập Hội đồng Hiến pháp.`
      const sentence = segment.text.replace(BULLET, '')
      const at = index
      index += 1
      if (segment.caption) continue
      const syllables = toSyllables(sentence)
      if (syllables.length === 0 || (syllables.length === titleSyllables.length && syllables.join(' ') === title)) continue
      all.push({ paragraph, index: at, text: sentence, words: countWords(sentence), syllables })
    }
  }
  const substantial = all.filter((sentence) => sentence.words >= MIN_SENTENCE_WORDS)
  const finished = substantial.filter((sentence) => FINISHED.test(sentence.text))
  const kept = finished.length > 0 ? finished : substantial.length > 0 ? substantial : all
  // Units only for the sentences kept: concepts are most of a summary's allocations.
  return kept.map(({ paragraph, index, text, words, syllables }) => {
    const { concepts, content } = lexicon.unitsOf(syllables)
    return { articleId: article.id, article: order, paragraph, index, text, words, concepts, content }
  })
}

/** A sentence before its units are counted. */
type Sentence = { paragraph: number | null; index: number; text: string; words: number; syllables: string[] }

/**
 * What the features compare sentences with (features.ts): every report's
 * headline and lead.
 *
 * @example
 * contextOf([{ id: 'a', title: 'Bão số 5', lead: 'Bão số 5 đổ bộ.', paragraphs: [] }]) // => { headlines: ['Bão số 5'], leads: ['Bão số 5 đổ bộ.'] }
 */
export function contextOf(articles: readonly SummaryArticle[]): { headlines: string[]; leads: string[] } {
  return {
    headlines: articles.map((article) => article.title),
    leads: articles.flatMap((article) => (article.lead === null ? [] : [article.lead])),
  }
}
