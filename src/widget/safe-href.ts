/**
 * Links from stored data are rendered only when they are http(s): a
 * `javascript:` URL in an article must never become a link. Shared by the
 * embed page renderer and the browser widget.
 *
 * @example
 * safeHref('javascript:alert(1)') // => null
 */
export function safeHref(url: string | null | undefined): string | null {
  if (typeof url !== 'string') return null
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null
  } catch {
    return null
  }
}
