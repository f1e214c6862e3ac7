import { describe, expect, it } from 'vitest'
import { itemUrlOf } from './item-url.js'

const FEED = 'https://Tin.example.vn/rss/the-gioi.rss'

describe('itemUrlOf', () => {
  it.each([
    ['https://tin.example.vn/the-gioi/a-1.html', 'https://tin.example.vn/the-gioi/a-1.html', 'already canonical'],
    ['/the-gioi/a-1.html?utm_source=rss&utm_medium=feed#binh-luan', 'https://tin.example.vn/the-gioi/a-1.html', 'relative, tracking and fragment gone'],
    ['  https://TIN.example.vn/the-gioi/a-1.html/  ', 'https://tin.example.vn/the-gioi/a-1.html', 'spaces, case of the host, trailing slash'],
    ['a-2.html?id=5&zarsrc=30', 'https://tin.example.vn/rss/a-2.html?id=5', 'relative to the feed, Zalo tracking gone, real parameters kept'],
  ])('%s → %s', (link, expected, why) => {
    expect(itemUrlOf(link, FEED), why).toBe(expected)
  })

  it.each([null, '', 'javascript:alert(1)', 'mailto:toasoan@example.vn', 'http://'])('answers null for %j', (link) => {
    expect(itemUrlOf(link, FEED)).toBeNull()
  })
})
