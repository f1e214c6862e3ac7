/**
 * Loads the VN-MDS development set from ../shared/vnmds/dev.jsonl (format in
 * its README). Benchmarks skip with a clear message when it is not there:
 * `npm test` never needs it.
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export type VnmdsDocument = { id: string; title: string; sapo: string; publishedAt: string; url: string; body: string }
export type VnmdsCluster = { cluster: number; name: string; documents: VnmdsDocument[]; references: string[] }

export const DEV_PATH = fileURLToPath(new URL('../../shared/vnmds/dev.jsonl', import.meta.url))

/** The clusters, or null (after printing why) when the file is missing. */
export function loadDevSet(path = process.env.VNMDS_PATH ?? DEV_PATH): VnmdsCluster[] | null {
  if (!existsSync(path)) {
    console.log(`SKIP: ${path} not found. The quality and grouping benchmarks need ../shared/vnmds/dev.jsonl beside the project.`)
    return null
  }
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as VnmdsCluster)
}

/** `dd/mm/yyyy HH:MM` Vietnam time → ISO 8601 with +07:00. */
export function isoFromVnmds(value: string): string {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})$/.exec(value.trim())
  if (!match) throw new Error(`unexpected date ${value}`)
  const [, dd = '', mm = '', yyyy, hh = '', min] = match
  const two = (part: string) => part.padStart(2, '0')
  return `${yyyy}-${two(mm)}-${two(dd)}T${two(hh)}:${min}:00+07:00`
}

/** The outlet's domain, from the aggregator URL path (…/TheGioi/tuoitre.vn/…). */
export function outletOf(url: string): string {
  return /\/([a-z0-9-]+(?:\.[a-z0-9-]+)+)\//i.exec(new URL(url).pathname)?.[1] ?? 'unknown'
}
