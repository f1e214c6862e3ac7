/**
 * Local ports for the servers our scripts and tests start (`npm start`,
 * `wrangler dev` under the browser tests and benchmarks): never a fixed port,
 * so two runs on one machine do not collide. `wrangler dev` listens on two
 * ports, the Worker's and the devtools inspector's (9229 unless told), and
 * both must be passed explicitly.
 */
import { createServer } from 'node:net'

/** Loopback: local servers are never exposed beyond this machine. */
export const LOOPBACK = '127.0.0.1'

/** Whether nothing listens on `port` (we can bind it ourselves, then let go). */
export function isPortFree(port: number, host = LOOPBACK): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, host, () => server.close(() => resolve(true)))
  })
}

/**
 * `count` distinct ports the OS says are free now: all bound at once (port 0),
 * read, then let go, so the same port is never handed out twice.
 */
export async function freePorts(count: number, host = LOOPBACK): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer())
  const ports = await Promise.all(
    servers.map(
      (server) =>
        new Promise<number>((resolve, reject) => {
          server.once('error', reject)
          server.listen(0, host, () => {
            const address = server.address()
            if (typeof address === 'object' && address !== null) resolve(address.port)
            else reject(new Error('no port'))
          })
        }),
    ),
  )
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
  return ports
}

/** One free port (see freePorts). */
export async function freePort(host = LOOPBACK): Promise<number> {
  const [port] = await freePorts(1, host)
  if (port === undefined) throw new Error('no free port')
  return port
}

/** Ports tried after the preferred one when the user named none: the usual 8787 and its next neighbours. */
const FALLBACK_SPAN = 10

export type PortChoice = { port: number; note: string | null } | { error: string }

/**
 * The port to serve on. A port the user asked for is used or refused, never
 * silently replaced; without one, the preferred port or the next free one
 * within FALLBACK_SPAN, with a note saying which.
 *
 * @example
 * await choosePort(null, 8787) // => { port: 8788, note: 'port 8787 is in use; serving on 8788' } when 8787 is taken
 */
export async function choosePort(requested: number | null, preferred: number, host = LOOPBACK): Promise<PortChoice> {
  if (requested !== null) {
    if (!Number.isInteger(requested) || requested < 1 || requested > 65_535) return { error: `--port ${requested} is not a port number` }
    return (await isPortFree(requested, host)) ? { port: requested, note: null } : { error: `port ${requested} on ${host} is already in use; stop what runs there or pass another --port` }
  }
  for (let port = preferred; port < preferred + FALLBACK_SPAN; port++) {
    if (await isPortFree(port, host)) return { port, note: port === preferred ? null : `port ${preferred} is in use; serving on ${port}` }
  }
  return { error: `ports ${preferred}–${preferred + FALLBACK_SPAN - 1} on ${host} are all in use; pass --port` }
}

/** The value of `--name N` or `--name=N` in an argument list, or null. */
export function numericFlag(argv: readonly string[], name: string): number | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === `--${name}` && argv[i + 1] !== undefined) return Number(argv[i + 1])
    if (arg.startsWith(`--${name}=`)) return Number(arg.slice(name.length + 3))
  }
  return null
}
