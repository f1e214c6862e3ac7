/**
 * Local servers never depend on fixed ports: `npm start` refuses a busy port
 * it was given in one line and a non-zero exit (before starting anything), and
 * takes the next free port when its default is busy, saying which.
 */
import { spawnSync } from 'node:child_process'
import { type Server, createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { LOOPBACK, choosePort, freePorts } from '../../scripts/ports.js'

const root = new URL('../../', import.meta.url).pathname
const held: Server[] = []

/** Occupy a free port, as another developer's server would. */
async function occupy(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve))
  held.push(server)
  const address = server.address()
  if (typeof address !== 'object' || address === null) throw new Error('no address')
  return address.port
}

afterEach(async () => {
  await Promise.all(held.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
})

describe('ports', () => {
  it('npm start on a busy --port says so in one line and exits non-zero', async () => {
    const port = await occupy()
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--port', String(port)], { cwd: root, encoding: 'utf8', timeout: 30_000 })
    expect(run.status, 'exit code').toBe(1)
    const lines = run.stderr.trim().split('\n')
    expect(lines, 'one line').toHaveLength(1)
    expect(lines[0]).toContain(`port ${port}`)
    expect(lines[0]).toContain('already in use')
    expect(run.stdout, 'nothing started').toBe('')
  })

  it('takes the next free port when the preferred one is busy, and says which', async () => {
    const port = await occupy()
    const choice = await choosePort(null, port)
    expect(choice).not.toHaveProperty('error')
    if ('error' in choice) return
    expect(choice.port).toBeGreaterThan(port)
    expect(choice.note).toBe(`port ${port} is in use; serving on ${choice.port}`)
  })

  it('hands out distinct free ports for the Worker and its inspector', async () => {
    const ports = await freePorts(2)
    expect(ports).toHaveLength(2)
    expect(new Set(ports).size, 'two different ports').toBe(2)
  })
})
