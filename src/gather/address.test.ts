import { describe, expect, it } from 'vitest'
import { fetchRefusal } from './address.js'

describe('fetchRefusal', () => {
  it.each([
    ['http://127.0.0.1/feed', 'loopback address'],
    ['http://2130706433/feed', 'loopback address'],
    ['http://0x7f.1/feed', 'loopback address'],
    ['http://[::1]/feed', 'loopback address'],
    ['http://[::ffff:127.0.0.1]/feed', 'loopback address'],
    ['http://10.1.2.3/', 'private address'],
    ['http://172.16.0.1/', 'private address'],
    ['http://172.31.255.255/', 'private address'],
    ['http://192.168.1.1/', 'private address'],
    ['http://100.64.0.1/', 'private address'],
    ['http://[fd12:3456::1]/', 'private address'],
    ['http://169.254.169.254/latest/meta-data/', 'link-local address'],
    ['http://[fe80::1]/', 'link-local address'],
    ['http://[64:ff9b::a00:1]/', 'private address'],
    ['http://0.0.0.0/', 'reserved address'],
    ['http://[::]/', 'reserved address'],
    ['http://224.0.0.1/', 'reserved address'],
    ['http://255.255.255.255/', 'reserved address'],
    ['http://localhost:8787/', 'local host name'],
    ['http://api.localhost/', 'local host name'],
    ['http://printer.local/', 'local host name'],
    ['http://metadata.google.internal/', 'local host name'],
    ['http://router/', 'local host name'],
    ['ftp://tin.example.vn/feed', 'not http or https'],
    ['file:///etc/passwd', 'not http or https'],
    ['https://user:secret@tin.example.vn/rss', 'credentials in the URL'],
  ])('refuses %s: %s', (url, reason) => {
    expect(fetchRefusal(new URL(url), false)).toBe(reason)
  })

  it.each(['https://vnexpress.net/rss/tin-moi-nhat.rss', 'http://172.32.0.1/', 'http://11.0.0.1/', 'http://[2606:4700::1111]/', 'https://tuoitre.vn:8443/rss'])('lets %s through', (url) => {
    expect(fetchRefusal(new URL(url), false)).toBeNull()
  })

  it('lets local addresses through only when local sources are allowed, never other schemes', () => {
    expect(fetchRefusal(new URL('http://127.0.0.1:9000/feed.xml'), true), 'ALLOW_LOCAL_SOURCES=true').toBeNull()
    expect(fetchRefusal(new URL('file:///etc/passwd'), true), 'still only http(s)').toBe('not http or https')
  })
})
