import { describe, expect, it } from 'vitest'
import { DISALLOW_ALL, robotsRulesOf, robotsTextFor, robotsUrlOf } from './robots.js'

const ROBOTS = `# tin.example.vn
User-agent: *
Disallow: /tim-kiem
Disallow: /*?print=
Allow: /tim-kiem/huong-dan

User-agent: bantin
Disallow: /premium/
Allow: /premium/mien-phi$
Crawl-delay: 2

User-agent: BadBot
Disallow: /
`

describe('robotsRulesOf', () => {
  const rules = robotsRulesOf('https://tin.example.vn/robots.txt', ROBOTS)
  it.each([
    ['https://tin.example.vn/the-gioi/a-1.html', true, 'nothing disallows it'],
    ['https://tin.example.vn/premium/bai-1.html', false, 'our own group disallows it'],
    ['https://tin.example.vn/premium/mien-phi', true, 'a longer Allow with $ wins'],
    ['https://tin.example.vn/premium/mien-phi/2', false, '$ anchors the end'],
    ['https://tin.example.vn/tim-kiem?q=x', true, 'the * group does not apply once a group names bantin'],
  ])('%s → %s', (url, allowed, why) => {
    expect(rules.allows(url), why).toBe(allowed)
  })

  it('reads our Crawl-delay in milliseconds', () => {
    expect(rules.crawlDelayMs).toBe(2000)
  })

  it('falls back to the * group, with wildcards', () => {
    const star = robotsRulesOf('https://tin.example.vn/robots.txt', 'User-agent: *\nDisallow: /*?print=\nDisallow: /tim-kiem\nAllow: /tim-kiem/huong-dan\n')
    expect(star.allows('https://tin.example.vn/a.html?print=1'), 'wildcard').toBe(false)
    expect(star.allows('https://tin.example.vn/tim-kiem/huong-dan'), 'longest match: Allow').toBe(true)
    expect(star.crawlDelayMs, 'no Crawl-delay').toBeNull()
  })

  it('reads groups as RFC 9309 does: several user-agent lines, groups combined, the token in any case, empty Disallow', () => {
    const text = 'User-agent: Googlebot\nUser-agent: BanTin/1.0\nDisallow: /a/\n\nUser-agent: other\nDisallow: /\n\nuser-agent: bantin\ndisallow: /b/\nDisallow:\n'
    const rules = robotsRulesOf('https://tin.example.vn/robots.txt', text)
    expect(rules.allows('https://tin.example.vn/a/1.html'), 'first group (shared with Googlebot, token in another case)').toBe(false)
    expect(rules.allows('https://tin.example.vn/b/1.html'), 'second bantin group, combined').toBe(false)
    expect(rules.allows('https://tin.example.vn/c/1.html'), 'an empty Disallow disallows nothing').toBe(true)
  })

  it('compares paths percent-encoded, and always allows /robots.txt', () => {
    const rules = robotsRulesOf('https://tin.example.vn/robots.txt', 'User-agent: *\nDisallow: /thời-sự/\nDisallow: /\nAllow: /tin/\n')
    expect(rules.allows('https://tin.example.vn/th%E1%BB%9Di-s%E1%BB%B1/a.html'), 'the encoded form of a Vietnamese path').toBe(false)
    expect(rules.allows('https://tin.example.vn/tin/a.html'), 'a longer Allow').toBe(true)
    expect(rules.allows('https://tin.example.vn/robots.txt')).toBe(true)
  })

  it('never allows another origin', () => {
    expect(rules.allows('https://other.example.vn/a.html')).toBe(false)
  })
})

describe('robotsTextFor and robotsUrlOf', () => {
  it('follows RFC 9309 on what a failed fetch of robots.txt means', () => {
    expect(robotsTextFor(200, 'User-agent: *\nDisallow: /x'), 'a success is read').toBe('User-agent: *\nDisallow: /x')
    expect(robotsTextFor(404, null), '4xx: no rules').toBe('')
    expect(robotsTextFor(503, null), '5xx: disallow everything').toBe(DISALLOW_ALL)
    expect(robotsTextFor(null, null), 'unreachable: disallow everything').toBe(DISALLOW_ALL)
  })

  it('finds robots.txt at the root of the page origin', () => {
    expect(robotsUrlOf('http://tin.example.vn:8080/a/b.html?x=1')).toBe('http://tin.example.vn:8080/robots.txt')
  })
})
