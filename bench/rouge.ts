/**
 * ROUGE-N and ROUGE-L F1 (Lin 2004) on the dev set's conventions: lowercased
 * NFC syllables, split on non-word characters; texts cut to a syllable budget
 * before scoring. Used by the quality benchmark only.
 */

/** Syllables as the dev set's README scores them (no tone unification: that is our tokenizer's business). */
export function rougeTokens(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}_]+/gu) ?? []
  )
}

function ngrams(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>()
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(' ')
    counts.set(gram, (counts.get(gram) ?? 0) + 1)
  }
  return counts
}

function f1(overlap: number, candidate: number, reference: number): number {
  if (overlap === 0 || candidate === 0 || reference === 0) return 0
  const precision = overlap / candidate
  const recall = overlap / reference
  return (2 * precision * recall) / (precision + recall)
}

export function rougeN(candidate: readonly string[], reference: readonly string[], n: number): number {
  const cand = ngrams(candidate, n)
  const ref = ngrams(reference, n)
  let overlap = 0
  for (const [gram, count] of cand) overlap += Math.min(count, ref.get(gram) ?? 0)
  return f1(overlap, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1))
}

export function rougeL(candidate: readonly string[], reference: readonly string[]): number {
  const m = candidate.length
  const n = reference.length
  let prev = new Uint16Array(n + 1)
  let curr = new Uint16Array(n + 1)
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      curr[j] = candidate[i - 1] === reference[j - 1] ? (prev[j - 1] ?? 0) + 1 : Math.max(prev[j] ?? 0, curr[j - 1] ?? 0)
    }
    ;[prev, curr] = [curr, prev]
  }
  return f1(prev[n] ?? 0, m, n)
}

export type Rouge = { r1: number; r2: number; rl: number }

/** Score a candidate cut at `budget` syllables against references, averaged over them. */
export function rouge(candidate: string, references: readonly string[], budget: number): Rouge {
  const cand = rougeTokens(candidate).slice(0, budget)
  const scores = references.map((reference) => {
    const ref = rougeTokens(reference)
    return { r1: rougeN(cand, ref, 1), r2: rougeN(cand, ref, 2), rl: rougeL(cand, ref) }
  })
  const mean = (key: keyof Rouge) => scores.reduce((sum, s) => sum + s[key], 0) / scores.length
  return { r1: mean('r1'), r2: mean('r2'), rl: mean('rl') }
}

export function meanRouge(scores: readonly Rouge[]): Rouge {
  const mean = (key: keyof Rouge) => (100 * scores.reduce((sum, s) => sum + s[key], 0)) / scores.length
  return { r1: mean('r1'), r2: mean('r2'), rl: mean('rl') }
}
