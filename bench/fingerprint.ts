/**
 * `npx tsx bench/fingerprint.ts [--out FILE]`: one SHA-256 over every summary
 * plan of the VN-MDS dev set — each story as delivered and each report as an
 * article without its sapo — so a change meant to make the summarizer faster
 * or cleaner, not different, can show it changes no plan: run it before and
 * after and compare. `--out` also writes the plans, one JSON a line, to diff
 * when the fingerprints differ. Skips without the dev set.
 */
import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { planStory } from '../src/summarize/multi-document.js'
import { planArticle } from '../src/summarize/single-document.js'
import { prepareClusters } from './quality.js'
import { loadDevSet } from './vnmds.js'

const clusters = loadDevSet()
if (clusters === null) {
  console.log('bench/fingerprint: VN-MDS dev set not found (../shared/vnmds/dev.jsonl or VNMDS_PATH); skipped')
} else {
  const hash = createHash('sha256')
  const lines: string[] = []
  for (const cluster of await prepareClusters(clusters)) {
    const plans = [planStory(cluster.delivered), ...cluster.delivered.map((report) => planArticle({ ...report, lead: null }))]
    for (const plan of plans) {
      const line = JSON.stringify(plan)
      hash.update(line)
      lines.push(line)
    }
  }
  const at = process.argv.indexOf('--out')
  if (at !== -1 && process.argv[at + 1] !== undefined) writeFileSync(process.argv[at + 1] as string, `${lines.join('\n')}\n`)
  console.log(`${lines.length} plans, sha256 ${hash.digest('hex')}`)
}
