/**
 * Reads the VietNews corpus (Nguyen et al. 2019; github.com/ThanhChinhBK/vietnews,
 * files under `data/`) for the table generators in scripts/. Never used by the
 * Worker, `npm test` or `npm start`: the generators read the corpus from a path
 * given on the command line and write compact tables that are committed.
 *
 * Each `*.txt.seg` file is one article, word-segmented (the syllables of a word
 * joined by `_`, punctuation spaced), in blocks separated by a blank line:
 * headline, the outlet's lead (abstract), the body one sentence a line, and,
 * when the page had photos, their captions. This module undoes the
 * segmentation so the text reads as a page delivers it (`TP. HCM`, `( SN 1994 )`
 * → `(SN 1994)`), keeping the word boundaries aside for generators that want them.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

export type VietNewsArticle = {
  file: string
  title: string
  lead: string
  /** Body sentences, one per corpus line. */
  sentences: string[]
  /** Photo captions, one per line (empty when the page had none). */
  captions: string[]
  /** Multi-syllable words the corpus marks (`đối_tượng` → `đối tượng`), lowercased, in order of appearance. */
  words: string[]
}

export type Split = 'train' | 'val' | 'test'

/**
 * The articles of one split, in file order; `limit` reads only the first ones.
 *
 * @example
 * for (const article of readVietNews('/work/corpus/data', 'train', 1000)) console.log(article.title)
 */
export function* readVietNews(root: string, split: Split, limit = Number.POSITIVE_INFINITY): Generator<VietNewsArticle> {
  const dir = join(root, `${split}_tokenized`)
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.seg'))
    .sort()
  let count = 0
  for (const file of files) {
    if (count >= limit) return
    const raw = readFileSync(join(dir, file), 'utf8').normalize('NFC').replace(/\r/g, '')
    const blocks = raw.split(/\n\s*\n/).map((block) =>
      block
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    )
    const [title, lead, body, captions] = blocks
    if (title === undefined || lead === undefined || body === undefined || body.length === 0) continue
    const words: string[] = []
    for (const line of [...title, ...lead, ...body]) for (const token of line.split(' ')) if (token.includes('_') && /\p{L}/u.test(token)) words.push(token.replace(/_/g, ' ').toLowerCase())
    count += 1
    yield {
      file,
      title: detokenize(title.join(' ')),
      lead: detokenize(lead.join(' ')),
      sentences: body.map(detokenize),
      captions: (captions ?? []).map(detokenize),
      words,
    }
  }
}

/** Undo the corpus's segmentation and punctuation spacing. */
export function detokenize(line: string): string {
  return line
    .replace(/_/g, ' ')
    .replace(/\s+([.,;:!?…)\]”’%])/g, '$1')
    .replace(/([([“‘])\s+/g, '$1')
    .replace(/"\s+([^"]*?)\s+"/g, '"$1"')
    .replace(/\s{2,}/g, ' ')
    .trim()
}

/** The corpus root from the command line (`… --corpus DIR` or the first argument), or exit with how to get it. */
export function corpusRootFromArgs(argv: readonly string[]): string {
  const flag = argv.indexOf('--corpus')
  const root = flag !== -1 ? argv[flag + 1] : argv.find((arg) => !arg.startsWith('-'))
  if (root === undefined) {
    console.error('usage: tsx scripts/<generator>.ts <path to vietnews/data> (git clone https://github.com/ThanhChinhBK/vietnews)')
    process.exit(2)
  }
  return root
}
