/**
 * B-cubed precision, recall and F1 (Bagga & Baldwin 1998) of a clustering
 * against gold clusters: per item, the share of its predicted cluster that is
 * in its gold cluster (precision) and the share of its gold cluster that is in
 * its predicted cluster (recall), averaged over items.
 */
export type BCubed = { precision: number; recall: number; f1: number }

export function bcubed(items: readonly { predicted: string; gold: string }[]): BCubed {
  const predictedSize = new Map<string, number>()
  const goldSize = new Map<string, number>()
  const bothSize = new Map<string, number>()
  for (const { predicted, gold } of items) {
    predictedSize.set(predicted, (predictedSize.get(predicted) ?? 0) + 1)
    goldSize.set(gold, (goldSize.get(gold) ?? 0) + 1)
    const pair = `${predicted}\u0000${gold}`
    bothSize.set(pair, (bothSize.get(pair) ?? 0) + 1)
  }
  let precision = 0
  let recall = 0
  for (const { predicted, gold } of items) {
    const both = bothSize.get(`${predicted}\u0000${gold}`) ?? 0
    precision += both / (predictedSize.get(predicted) ?? 1)
    recall += both / (goldSize.get(gold) ?? 1)
  }
  precision /= items.length
  recall /= items.length
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) }
}
