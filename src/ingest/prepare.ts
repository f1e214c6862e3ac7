/**
 * From a request body to a `NewArticle` ready for the writer: parse raw text or
 * check JSON, clean paragraphs with the same code either way, and derive the
 * stable id. Field problems are thrown as `ApiError`s naming the field.
 */
import { ApiError } from '../http/problem.js'
import { countWords, normalizeLine } from '../text/normalize.js'
import { cleanParagraphs, cutDateline, isValidPartialDate, parseArticleText } from '../text/parse-article.js'
import { articleIdOf, canonicalUrl, contentHashOf } from '../store/ids.js'
import { ArticleInputSchema, StoryIdSchema, type Article } from '../store/schemas.js'

/** An article as the writer receives it: everything but the ingest time. */
export type NewArticle = Omit<Article, 'ingestedAt' | 'updatedAt'> & { contentHash: string }

/** Metadata a text/plain request may carry in its query string. */
export type TextMeta = { url?: string | undefined; storyId?: string | undefined }

/**
 * Prepare a raw article (text/plain), as delivered by a site.
 *
 * @example
 * await prepareFromText('Tiêu đề\n\nĐoạn một.', {})
 */
export async function prepareFromText(raw: string, meta: TextMeta): Promise<NewArticle> {
  const storyId = meta.storyId === undefined ? null : checkStoryId(meta.storyId)
  const url = meta.url === undefined ? null : checkUrl(meta.url)
  const parsed = parseArticleText(raw)
  if (parsed === null) throw new ApiError('empty-article', 'No article text is left once boilerplate and captions are removed.')
  return finish({ ...parsed, url, storyId })
}

/**
 * Prepare a JSON article body (already parsed from JSON, not yet checked).
 *
 * @example
 * await prepareFromJson({ title: 'Tiêu đề', body: 'Đoạn một.' })
 */
export async function prepareFromJson(body: unknown): Promise<NewArticle> {
  const result = ArticleInputSchema.safeParse(body)
  if (!result.success) {
    const errors = result.error.issues.map((issue) => ({
      field: issue.path.join('.') || '(body)',
      message: issue.message,
    }))
    throw new ApiError('invalid-article', `The article has ${errors.length} invalid field(s): ${errors.map((e) => e.field).join(', ')}.`, { errors })
  }
  const input = result.data
  if (input.publishedAt !== undefined && !isValidPublishedAt(input.publishedAt)) {
    throw new ApiError('invalid-article', 'publishedAt is not a real date.', {
      errors: [{ field: 'publishedAt', message: 'no such date or time' }],
    })
  }
  const title = normalizeLine(input.title)
  const blocks = input.paragraphs ?? (input.body ?? '').split(/\n/)
  const cleaned = cleanParagraphs(blocks, title)
  const givenLead = input.lead === undefined ? null : normalizeLine(input.lead) || null
  const { lead, paragraphs, outlet } = cutDateline(givenLead, givenLead === null ? cleaned.paragraphs : cleaned.paragraphs.filter((p) => p !== givenLead))
  if (paragraphs.length === 0 && lead === null) {
    throw new ApiError('empty-article', 'The article has no text once boilerplate and captions are removed.', {
      errors: [{ field: input.paragraphs ? 'paragraphs' : 'body', message: 'no article text' }],
    })
  }
  return finish({
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
  })
}

async function finish(article: Omit<NewArticle, 'id' | 'contentHash' | 'wordCount'>): Promise<NewArticle> {
  const contentHash = await contentHashOf(article)
  const wordCount = countWords([article.lead ?? '', ...article.paragraphs].join(' '))
  return { id: await articleIdOf(article.url, contentHash), ...article, wordCount, contentHash }
}

/** Whether a publishedAt that matched the pattern names a real instant, day or month. */
function isValidPublishedAt(value: string): boolean {
  if (value.length <= 10) return isValidPartialDate(value)
  const day = value.slice(0, 10)
  const time = /T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value)
  const fieldsOk = time !== null && Number(time[1]) < 24 && Number(time[2]) < 60 && Number(time[3] ?? 0) < 60
  return isValidPartialDate(day) && fieldsOk && !Number.isNaN(Date.parse(value))
}

function checkStoryId(value: string): string {
  const result = StoryIdSchema.safeParse(value)
  if (!result.success) {
    throw new ApiError('invalid-article', 'storyId must be a slug.', {
      errors: [{ field: 'storyId', message: result.error.issues[0]?.message ?? 'invalid' }],
    })
  }
  return result.data
}

function checkUrl(value: string): string {
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
