// A small local news outlet for `npm start` and `npm run bench:gather`: it
// serves feeds, article pages and a robots.txt from memory over HTTP on
// loopback, on a free port. `{{origin}}` in a file becomes the outlet's own
// origin, feeds carry an ETag (and answer If-None-Match with 304, as real
// outlets do), and every request is counted, so a caller can tell when all
// pages were fetched. Stopped with `stop()`.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { join, relative } from 'node:path'

const TYPES = { '.html': 'text/html; charset=utf-8', '.xml': 'application/xml; charset=utf-8', '.json': 'application/feed+json', '.txt': 'text/plain; charset=utf-8' }

/**
 * Start an outlet serving `files` (path → text).
 *
 * @param {Map<string, string>} files
 * @param {{ host?: string }} [options]
 * @returns {Promise<{ origin: string, files: Map<string, string>, requests: { path: string, status: number }[], stop: () => Promise<void> }>}
 */
export async function startOutlet(files, options = {}) {
  const host = options.host ?? '127.0.0.1'
  const requests = []
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://outlet').pathname
    const body = files.get(path)
    if (body === undefined) {
      requests.push({ path, status: 404 })
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found')
      return
    }
    const text = body.replaceAll('{{origin}}', origin)
    const etag = `"${hash(text)}"`
    const headers = { 'Content-Type': TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream', ETag: etag }
    if (req.headers['if-none-match'] === etag) {
      requests.push({ path, status: 304 })
      res.writeHead(304, headers).end()
      return
    }
    requests.push({ path, status: 200 })
    res.writeHead(200, headers).end(text)
  })
  await new Promise((resolve) => server.listen(0, host, resolve))
  const address = server.address()
  const origin = `http://${host}:${typeof address === 'object' && address !== null ? address.port : 0}`
  return {
    origin,
    files,
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** Every file under a directory, keyed by its path from there (`/rss.xml`, `/the-gioi/a.html`). */
export function filesIn(dir) {
  const files = new Map()
  const walk = (current) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name)
      if (statSync(path).isDirectory()) walk(path)
      else files.set(`/${relative(dir, path).split('\\').join('/')}`, readFileSync(path, 'utf8'))
    }
  }
  walk(dir)
  return files
}

function hash(text) {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return (h >>> 0).toString(16)
}
