/**
 * The confusable set of the grouping benchmark: every pair of dev clusters
 * about the same *kind* of event (two fires, two quakes, two matches, two
 * product launches …), which share vocabulary without being one event.
 *
 * How pairs are chosen, by rule and not by hand: a cluster is of a kind when
 * its annotators' label or any of its headlines contains one of the kind's
 * words below (lowercased, tone placement unified); two clusters of one kind
 * make a pair. A cluster may be of several kinds. The word lists name the
 * kinds of event a news desk files together; they were written once from the
 * kinds, not from the clusters' contents, and are not tuned.
 */
import { toSyllables } from '../src/text/syllables.js'
import type { VnmdsCluster } from './vnmds.js'

/** Kinds of event, each with the words that mark it. */
export const EVENT_KINDS: Readonly<Record<string, readonly string[]>> = {
  'fire, storm, quake, flood, weather': ['cháy', 'hỏa hoạn', 'động đất', 'bão', 'lốc', 'mưa đá', 'lũ', 'ngập', 'triều cường', 'không khí lạnh', 'thảm họa', 'phát nổ'],
  'accident, crash': ['tai nạn', 'rơi máy bay', 'máy bay rơi', 'đâm', 'lật', 'chìm'],
  'attack, strike, fighting': ['không kích', 'đánh bom', 'tấn công', 'giao tranh', 'bắn chết', 'thiệt mạng', 'khủng bố'],
  'trial, arrest, investigation': ['xét xử', 'xử', 'tòa', 'bắt', 'điều tra', 'sa thải', 'truy tố'],
  'match, tournament': ['thắng', 'đánh bại', 'thất bại', 'hòa', 'cưa điểm', 'vô địch', 'đăng quang', 'bị loại', 'giải'],
  'product launch': ['ra mắt', 'giới thiệu', 'smartphone', 'điện thoại', 'máy tính bảng', 'laptop', 'ipad', 'iphone', 'galaxy', 'lumia', 'nexus', 'xperia'],
  'spying, surveillance': ['do thám', 'nghe lén', 'gián điệp', 'nsa'],
  'parliament debate': ['quốc hội', 'dự thảo', 'dự luật', 'hiến pháp', 'đại biểu'],
  'state visit, talks': ['hội đàm', 'chuyến thăm', 'tiếp', 'gặp gỡ', 'ký kết', 'thỏa thuận'],
  'military exercise': ['tập trận', 'diễn tập'],
}

export type ConfusablePair = { kind: string; a: VnmdsCluster; b: VnmdsCluster }

/** Every pair of clusters of one kind (each pair once, under the first kind that pairs them). */
export function confusablePairs(clusters: readonly VnmdsCluster[]): ConfusablePair[] {
  const texts = clusters.map((cluster) => ` ${toSyllables([cluster.name, ...cluster.documents.map((d) => d.title)].join(' . ')).join(' ')} `)
  const seen = new Set<string>()
  const pairs: ConfusablePair[] = []
  for (const [kind, words] of Object.entries(EVENT_KINDS)) {
    const marks = words.map((word) => ` ${toSyllables(word).join(' ')} `)
    const members = clusters.filter((_, i) => marks.some((mark) => texts[i]?.includes(mark)))
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i] as VnmdsCluster
        const b = members[j] as VnmdsCluster
        const key = `${a.cluster}-${b.cluster}`
        if (seen.has(key)) continue
        seen.add(key)
        pairs.push({ kind, a, b })
      }
    }
  }
  return pairs
}
