// Benchmark: Louvain communities on the whole pair graph (drop_weight_share 0, the method before
// issue 14) against Louvain on the backbone (the configured drop_weight_share, and any others asked
// for), in the same run: time (median of --runs, old and new runs interleaved) and the modularity of
// each partition on the same full pair graph.
// Usage: npm run bench:communities -- [--db P] [--days 14] [--runs 5] [--shares 0.005,0.01,0.02]
//        [--size 1000000] [--seed 1]
// --db is opened read-only (make one with `ringwatch generate` + `ringwatch ingest`); without it,
// a window of --size transfers is generated as bench:detect does. Run it under
// `flock /tmp/ringwatch-bench.lock`.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore } from '../src/store/index.ts'
import { loadWindow, modularity, undirectedPairs, backbone } from '../src/graph/index.ts'
import { DetectConfig } from '../src/detect/index.ts'
import { communityLabels } from '../src/detect/communities.ts'

const args = process.argv.slice(2)
const flag = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] ? args[i + 1] : def
}
const config = DetectConfig.parse({}).communities
const runs = Number(flag('runs', '5'))
const seed = Number(flag('seed', '1'))
const shares = [
  ...new Set([
    config.drop_weight_share,
    ...flag('shares', '').split(',').filter(Boolean).map(Number),
  ]),
].sort((a, b) => a - b)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]

let path = flag('db', '')
let generated = false
if (!path) {
  const size = Number(flag('size', '1000000'))
  path = join(tmpdir(), `ringwatch-bench-communities-${size}.duckdb`)
  for (const p of [path, path + '.wal']) if (existsSync(p)) rmSync(p)
  const child = spawn(
    process.execPath,
    ['bin/run-ts', 'bench/detect.ts', '--generate', String(size), path],
    { stdio: 'inherit' },
  )
  const [code] = await once(child, 'exit')
  if (code !== 0) throw new Error(`generating ${size} transfers failed (exit ${code})`)
  generated = true
}
const store = await openStore({ path, readOnly: true })
const days = Number(flag('days', '14'))
const g = await loadWindow(store, { days })
await store.close()
if (generated) for (const p of [path, path + '.wal']) if (existsSync(p)) rmSync(p)

const pairs = undirectedPairs(g)
console.log(
  `bench:communities ${g.edgeCount.toLocaleString('en')} transfers, ${g.nodeCount.toLocaleString('en')} accounts, ` +
    `${pairs.weight.length.toLocaleString('en')} undirected pairs (${days}-day window); seed ${seed}, ` +
    `resolution ${config.resolution}; ${runs} runs each, interleaved; medians`,
)
const methods = [0, ...shares.filter((s) => s > 0)]
const ms = new Map<number, number[]>(methods.map((s) => [s, []]))
const labels = new Map<number, Int32Array>()
for (let r = 0; r < runs; r++)
  for (const s of methods) {
    const t0 = performance.now()
    const label = communityLabels(g, { seed, resolution: config.resolution, dropWeightShare: s })
    ms.get(s)!.push(performance.now() - t0)
    const before = labels.get(s)
    if (before && before.some((c, v) => c !== label[v]))
      throw new Error(`share ${s}: run ${r} gave another partition for the same seed`)
    labels.set(s, label)
  }
const q0 = modularity(pairs, labels.get(0)!, config.resolution)
const t0 = median(ms.get(0)!)
for (const s of methods) {
  const label = labels.get(s)!
  const q = modularity(pairs, label, config.resolution)
  const kept = backbone(pairs, g.nodeCount, s).reduce((n, k) => n + k, 0)
  const count = new Set(label).size - (label.includes(-1) ? 1 : 0)
  const name =
    s === 0
      ? 'all pairs (old)'
      : `backbone ${s}${s === config.drop_weight_share ? ' (default)' : ''}`
  console.log(
    `  ${name.padEnd(24)} ${(median(ms.get(s)!) / 1000).toFixed(2).padStart(6)} s` +
      `${s === 0 ? '        ' : ` (${(t0 / median(ms.get(s)!)).toFixed(1).padStart(4)}×)`}` +
      `  pairs kept ${kept.toLocaleString('en').padStart(9)}  communities ${String(count).padStart(6)}` +
      `  modularity on all pairs ${q.toFixed(4)}${s === 0 ? '' : ` (${(((q - q0) / q0) * 100).toFixed(2)}%)`}`,
  )
}
