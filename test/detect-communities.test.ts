// Louvain on the backbone (detect.communities.drop_weight_share) against Louvain on every pair, on
// the committed sample week (generator output): the modularity of both partitions on the same full
// pair graph, and the same communities for the same seed.
import { describe, expect, it } from 'vitest'
import { withStore } from '../src/store/index.ts'
import { backbone, loadWindow, modularity, undirectedPairs } from '../src/graph/index.ts'
import { DetectConfig } from '../src/detect/index.ts'
import { communityLabels } from '../src/detect/communities.ts'

const share = DetectConfig.parse({}).communities.drop_weight_share
const count = (label: Int32Array) => new Set(label).size - (label.includes(-1) ? 1 : 0)

describe('communities on the sample week', () => {
  it('keep at least 99% of the all-pairs modularity on a quarter of the pairs fewer, reproducibly', async () => {
    await withStore(async (store) => {
      // Straight from the CSV files into payments: this test is about detection, not ingest.
      await store.run('fixture/payments-from-csv', { glob: 'samples/days/*.csv' })
      const g = await loadWindow(store)
      const pairs = undirectedPairs(g)
      expect(share).toBeGreaterThan(0)
      const kept = backbone(pairs, g.nodeCount, share).reduce((n, k) => n + k, 0)
      expect(kept).toBeLessThan(0.75 * pairs.weight.length)
      const full = communityLabels(g, { seed: 1, resolution: 1, dropWeightShare: 0, pairs })
      const reduced = communityLabels(g, { seed: 1, resolution: 1, dropWeightShare: share, pairs })
      const qFull = modularity(pairs, full)
      const qReduced = modularity(pairs, reduced)
      console.log(
        `sample week: ${kept} of ${pairs.weight.length} pairs; modularity ${qFull.toFixed(4)} → ` +
          `${qReduced.toFixed(4)}; communities ${count(full)} → ${count(reduced)}`,
      )
      expect(qReduced).toBeGreaterThanOrEqual(0.99 * qFull)
      // Groups tied to the rest only by light pairs are joined again, not left as splinters.
      expect(count(reduced)).toBeLessThanOrEqual(1.25 * count(full))
      for (const seed of [1, 2])
        expect(
          communityLabels(g, { seed, resolution: 1, dropWeightShare: share, randomWalk: true }),
        ).toEqual(
          communityLabels(g, { seed, resolution: 1, dropWeightShare: share, randomWalk: true }),
        )
    })
  })
})
