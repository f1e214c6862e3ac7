/**
 * From a request body to a `NewArticle` ready for the writer: refuse what must
 * never be stored (forbidden characters, a date line that does not parse, a
 * date out of range, an article too large), parse raw text or check JSON,
 * clean paragraphs with the same code either way, and derive the stable id.
 * Problems are thrown as `ApiError`s naming the field (and, in raw text, the line).
 */
import { ApiError } from '../http/problem.js'
import { countWords, normalizeLine } from '../text/normalize.js'
import { cleanParagraphs, cutDateline, isValidPartialDate, parseArticleText } from '../text/parse-article.js'
import { splitSentences } from '../text/sentences.js'
import { articleIdOf, canonicalUrl, contentHashOf } from '../store/ids.js'
import { ArticleInputSchema, isStoryId, type Article } from '../store/schemas.js'
import { type FieldText, findForbiddenCharacter, stringsOf } from './characters.js'
import { EARLIEST_PUBLISHED_AT, MAX_ARTICLE_CHARACTERS, MAX_ARTICLE_SENTENCES, PUBLISHED_AHEAD_MS, isPublishedInRange } from './limits.js'

/** An article as the writer receives it: everything but the ingest time. */
export type NewArticle = Omit<Article, 'ingestedAt' | 'updatedAt'> & { contentHash: string }

/** Metadata a text/plain request may carry in its query string. */
export type TextMeta = { url?: string | undefined; storyId?: string | undefined }

/** A first line that means to be a date marker: the word `date`, then a space, a colon or nothing. */
const DATE_LINE = /^date(?=[\s:]|$)/i

/** The marker as the parser reads it (src/text/parse-article.ts): `date YYYY-MM` or `date YYYY-MM-DD`. */
const DATE_MARKER = /^date\s+(\d{4}-\d{2}(?:-\d{2})?)\b/i

/** How much of a bad line a problem quotes. */
const QUOTED_LINE_CHARS = 60

/**
 * Prepare a raw article (text/plain), as delivered by a site.
 *
 * @example
 * await prepareFromText('Tiêu đề\n\nĐoạn một.', {})
 */
export async function prepareFromText(raw: string, meta: TextMeta, now = Date.now()): Promise<NewArticle> {
  refuseForbiddenCharacters([{ field: 'body', text: raw }])
  const storyId = meta.storyId === undefined ? null : storyIdField(meta.storyId)
  const url = meta.url === undefined ? null : urlField(meta.url)
  const dateLine = checkDateLine(raw)
  const parsed = parseArticleText(raw)
  if (parsed === null) throw new ApiError('empty-article', 'No article text is left once boilerplate and captions are removed.')
  if (parsed.publishedAt !== null) checkPublishedRange(parsed.publishedAt, now, 'body', dateLine === null ? '' : `line ${dateLine}: `)
  return finish({ ...parsed, url, storyId }, 'body')
}

/**
 * Prepare a JSON article body (already parsed from JSON, not yet checked).
 *
 * @example
 * await prepareFromJson({ title: 'Tiêu đề', body: 'Đoạn một.' })
 */
export async function prepareFromJson(body: unknown, now = Date.now()): Promise<NewArticle> {
  refuseForbiddenCharacters(stringsOf(body))
  const result = ArticleInputSchema.safeParse(body)
  if (!result.success) {
    const errors = result.error.issues.map((issue) => ({
      field: issue.path.join('.') || '(body)',
      message: issue.message,
    }))
    throw new ApiError('invalid-article', `The article has ${errors.length} invalid field(s): ${errors.map((e) => e.field).join(', ')}.`, { errors })
  }
  const input = result.data
  if (input.publishedAt !== undefined) {
    if (!isValidPublishedAt(input.publishedAt)) {
      throw new ApiError('invalid-article', 'publishedAt is not a real date.', {
        errors: [{ field: 'publishedAt', message: 'no such date or time' }],
      })
    }
    checkPublishedRange(input.publishedAt, now, 'publishedAt', '')
  }
  const title = normalizeLine(input.title)
  const blocks = input.paragraphs ?? (input.body ?? '').split(/\n/)
  const textField = input.paragraphs === undefined ? 'body' : 'paragraphs'
  const cleaned = cleanParagraphs(blocks, title)
  const givenLead = input.lead === undefined ? null : normalizeLine(input.lead) || null
  const { lead, paragraphs, outlet } = cutDateline(givenLead, givenLead === null ? cleaned.paragraphs : cleaned.paragraphs.filter((p) => p !== givenLead))
  if (paragraphs.length === 0 && lead === null) {
    throw new ApiError('empty-article', 'The article has no text once boilerplate and captions are removed.', {
      errors: [{ field: textField, message: 'no article text' }],
    })
  }
  return finish(
    {
      title,
      titleDerived: false,
      lead,
      paragraphs,
      captions: cleaned.captions,
      // The client's word first, then the outlet the dateline tag names, then the closing credit.
      source: input.source === undefined ? (outlet ?? cleaned.source) : normalizeLine(input.source),
      url: input.url === undefined ? null : canonicalUrl(input.url),
      publishedAt: input.publishedAt ?? null,
      storyId: input.storyId ?? null,
    },
    textField,
  )
}

/** Check the article's size, then derive what the writer needs: content hash, word count, id. */
async function finish(article: Omit<NewArticle, 'id' | 'contentHash' | 'wordCount'>, textField: string): Promise<NewArticle> {
  checkSize(article, textField)
  const contentHash = await contentHashOf(article)
  const wordCount = countWords([article.lead ?? '', ...article.paragraphs].join(' '))
  return { id: await articleIdOf(article.url, contentHash), ...article, wordCount, contentHash }
}

/** 400 `invalid-characters` naming the first field (and line and column) holding a character an article may not hold. */
function refuseForbiddenCharacters(fields: readonly FieldText[]): void {
  for (const { field, text } of fields) {
    const found = findForbiddenCharacter(text)
    if (found === null) continue
    const where = found.line > 1 || field === 'body' ? `line ${found.line}, column ${found.column}` : `character ${found.column}`
    throw new ApiError('invalid-characters', `${field} holds ${found.description} at ${where}; control characters (other than tab and line ends) and lone surrogates are refused.`, {
      errors: [{ field, message: `${found.description} at ${where}` }],
    })
  }
}

/**
 * A raw article whose first line is a `date …` line must give a real month or
 * day there; else it is a 422 naming the line, not a headline. Returns the
 * line's number, or null when the text has no date line.
 */
function checkDateLine(raw: string): number | null {
  const lines = raw.split(/\r\n?|\n/)
  const index = lines.findIndex((line) => line.trim() !== '')
  const line = normalizeLine(lines[index] ?? '')
  if (!DATE_LINE.test(line)) return null
  const date = DATE_MARKER.exec(line)?.[1]
  if (date !== undefined && isValidPartialDate(date)) return index + 1
  const quoted = line.length > QUOTED_LINE_CHARS ? `${line.slice(0, QUOTED_LINE_CHARS)}…` : line
  throw new ApiError('invalid-article', `Line ${index + 1} starts with "date" but gives no real date: write \`date YYYY-MM\` or \`date YYYY-MM-DD\`.`, {
    errors: [{ field: 'body', message: `line ${index + 1}: "${quoted}" is not a date line (date YYYY-MM or YYYY-MM-DD)` }],
  })
}

/** 422 when a publication time lies outside EARLIEST_PUBLISHED_AT … now + 2 days. */
function checkPublishedRange(publishedAt: string, now: number, field: string, where: string): void {
  if (isPublishedInRange(publishedAt, now)) return
  const latest = new Date(now + PUBLISHED_AHEAD_MS).toISOString().slice(0, 10)
  throw new ApiError('invalid-article', `${where}publication date ${publishedAt} is outside ${EARLIEST_PUBLISHED_AT} … ${latest} (two days from now).`, {
    errors: [{ field, message: `${where}${publishedAt} is before ${EARLIEST_PUBLISHED_AT} or more than two days ahead` }],
  })
}

/** 413 `article-too-large` past MAX_ARTICLE_CHARACTERS or MAX_ARTICLE_SENTENCES, counted on the cleaned text. */
function checkSize(article: Pick<NewArticle, 'title' | 'lead' | 'paragraphs' | 'captions'>, field: string): void {
  let characters = 0
  for (const text of [article.title, article.lead ?? '', ...article.paragraphs, ...article.captions]) characters += codePoints(text)
  if (characters > MAX_ARTICLE_CHARACTERS) {
    throw new ApiError('article-too-large', `The article holds ${characters} characters of text; at most ${MAX_ARTICLE_CHARACTERS} are accepted.`, {
      errors: [{ field, message: `${characters} characters, over ${MAX_ARTICLE_CHARACTERS}` }],
    })
  }
  let sentences = 0
  for (const text of [article.lead ?? '', ...article.paragraphs]) {
    sentences += text === '' ? 0 : splitSentences(text).length
    if (sentences > MAX_ARTICLE_SENTENCES) {
      throw new ApiError('article-too-large', `The article holds more than ${MAX_ARTICLE_SENTENCES} sentences; at most ${MAX_ARTICLE_SENTENCES} are accepted.`, {
        errors: [{ field, message: `over ${MAX_ARTICLE_SENTENCES} sentences` }],
      })
    }
  }
}

/** Characters as a reader counts them: code points, not UTF-16 units. */
function codePoints(text: string): number {
  let count = 0
  for (const _ of text) count += 1
  return count
}

/** Whether a publishedAt that matched the pattern names a real instant, day or month. */
function isValidPublishedAt(value: string): boolean {
  if (value.length <= 10) return isValidPartialDate(value)
  const day = value.slice(0, 10)
  const time = /T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value)
  const fieldsOk = time !== null && Number(time[1]) < 24 && Number(time[2]) < 60 && Number(time[3] ?? 0) < 60
  return isValidPartialDate(day) && fieldsOk && !Number.isNaN(Date.parse(value))
}

/** A story id given in the query string of a text/plain write: the same rule as the JSON field (store/schemas.ts). */
function storyIdField(value: string): string {
  if (isStoryId(value)) return value
  throw new ApiError('invalid-article', 'storyId must be a slug.', {
    errors: [{ field: 'storyId', message: 'must be a slug: lowercase letters, digits and single hyphens, at most 80 characters' }],
  })
}

function urlField(value: string): string {
  try {
    const url = new URL(value)
    if (url.protocol === 'http:' || url.protocol === 'https:') return canonicalUrl(value)
  } catch {
    // fall through to the field error
  }
  throw new ApiError('invalid-article', 'url must be an absolute http(s) URL.', {
    errors: [{ field: 'url', message: 'not an absolute http(s) URL' }],
  })
}
