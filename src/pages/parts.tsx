/**
 * Pieces several pages show: a date as `<time datetime>` with its
 * Vietnamese label, outlets linked to their pages, a story as a list item
 * (title, when, who reported it, its short summary), a summary whose every
 * sentence links the report it came from. Pure.
 */
import { outletSlugOf } from '../store/outlet-slug.js'
import type { StoryDigest } from '../store/reading-schemas.js'
import { dateLabel } from './time.js'

/** A sentence of a story summary, credited. */
export type CreditedSentence = { text: string; articleId: string; source: string | null }

/** What a credit says when a report names no outlet. */
export const UNNAMED_SOURCE = 'bài gốc'

/** A date at its precision, labelled for a reader, exact for a machine. */
export function Time({ value, now }: { value: string; now: number }) {
  const { label, exact } = dateLabel(value, now)
  return (
    <time datetime={value} title={exact}>
      {label}
    </time>
  )
}

/** The path of an outlet's page, or null when its name has no letters or digits to name it by. */
export function outletPath(name: string): string | null {
  const slug = outletSlugOf(name)
  return slug === null ? null : `/sources/${slug}`
}

/** An outlet's name, linked to its page when it has one. */
export function Outlet({ name }: { name: string }) {
  const path = outletPath(name)
  return path === null ? <span>{name}</span> : <a href={path}>{name}</a>
}

/** Outlets named in a list before "và N báo khác": a line, not a paragraph, whatever the story's reach. */
export const OUTLETS_SHOWN = 6

/** Outlets as a comma-separated list of links, the first OUTLETS_SHOWN of them. */
export function Outlets({ names }: { names: readonly string[] }) {
  const more = names.length - OUTLETS_SHOWN
  return (
    <>
      {names.slice(0, OUTLETS_SHOWN).map((name, i) => (
        <>
          {i > 0 ? ', ' : ''}
          <Outlet name={name} />
        </>
      ))}
      {more > 0 ? ` và ${more} báo khác` : ''}
    </>
  )
}

/** When a story was first reported and when it last changed. */
export function StoryWhen({ story, now }: { story: Pick<StoryDigest, 'firstPublishedAt' | 'updatedAt'>; now: number }) {
  return (
    <>
      {story.firstPublishedAt === null ? null : (
        <>
          <Time value={story.firstPublishedAt} now={now} />
          {' · '}
        </>
      )}
      cập nhật <Time value={story.updatedAt} now={now} />
    </>
  )
}

/** A story as an item of a list: its title linking its page, when, its outlets, its short summary. */
export function StoryItem({ story, now, heading }: { story: StoryDigest; now: number; heading: 'h2' | 'h3' }) {
  const id = `s-${story.id}`
  const title = <a href={`/stories/${story.id}`}>{story.title}</a>
  return (
    <li>
      <article aria-labelledby={id}>
        {heading === 'h2' ? <h2 id={id}>{title}</h2> : <h3 id={id}>{title}</h3>}
        <p class="meta">
          <StoryWhen story={story} now={now} />
          {' · '}
          {story.articleCount} bài{story.sources.length > 0 ? ' từ ' : ''}
          <Outlets names={story.sources} />
        </p>
        {story.short === '' ? null : <p>{story.short}</p>}
      </article>
    </li>
  )
}

/** A story summary: one paragraph per sentence, each ending with a link to its report named by its outlet. */
export function CreditedSummary({ sentences }: { sentences: readonly CreditedSentence[] }) {
  return (
    <div class="summary">
      {sentences.map((sentence) => (
        <p>
          {sentence.text}{' '}
          <a class="credit" href={`/articles/${sentence.articleId}`}>
            — {sentence.source ?? UNNAMED_SOURCE}
          </a>
        </p>
      ))}
    </div>
  )
}
