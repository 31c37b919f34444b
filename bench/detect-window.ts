// Benchmark and check: every detector over a stored scan window (a database a scan has run on),
// as the scan runs them with the default config, printing each detector's CPU time and a digest
// of its findings per typology, of the communities and of the exposure. Two versions of the code
// run on the same database print the same digests exactly when their output is the same.
// Usage: npm run bench:detect-window -- --db P [--json F]
import { writeFileSync } from 'node:fs'
import { openStore } from '../src/store/index.ts'
import { realEngines } from '../src/pipeline/scan.ts'
import { resolveWindow } from '../src/graph/index.ts'
import { Config } from '../src/config/index.ts'
import { runDetectors } from '../src/detect/index.ts'
import type { PaymentGraph } from '../src/graph/index.ts'
import { canonicalJson, sha256 } from '../src/util/hash.ts'

const args = process.argv.slice(2)
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : undefined
}
const path = flag('db')
if (!path) throw new Error('--db P: a database a scan has run on')
const config = Config.parse({})
const store = await openStore({ path, readOnly: true })
const window = await resolveWindow(store, {})
if (!window) throw new Error(`${path}: no payments`)
const ctx = await realEngines.readScreening(store, window)
const t0 = performance.now()
const g = (await realEngines.loadWindow(store, {
  ...window,
  lookbackDays: config.detect.baseline.lookback_days,
})) as PaymentGraph
const loadMs = performance.now() - t0
await store.close()
// CPU time (user + system), not the clock: the machine is shared.
const cpuMs = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
const t1 = cpuMs()
const r = runDetectors(g, config.detect, {
  flagged: ctx.hitsByAccount.keys(),
  seed: 1,
  clock: cpuMs,
})
const detectMs = cpuMs() - t1
const byTypology: Record<string, unknown[]> = {}
for (const f of r.findings) (byTypology[f.typology] ??= []).push(f)
const digests: Record<string, string> = {}
for (const [k, fs] of Object.entries(byTypology))
  digests[k] = `${fs.length} ${sha256(canonicalJson(fs)).slice(0, 16)}`
digests.communities = `${r.communities.size} ${sha256(canonicalJson([...r.communities])).slice(0, 16)}`
digests.exposure = `${r.exposure.size} ${sha256(canonicalJson([...r.exposure])).slice(0, 16)}`
const out = {
  transfers: g.edgeCount,
  load_ms: Math.round(loadMs),
  detect_cpu_ms: Math.round(detectMs),
  detectors_cpu_ms: Object.fromEntries(Object.entries(r.stats).map(([k, s]) => [k, s.ms])),
  digests,
}
console.log(JSON.stringify(out, null, 1))
const json = flag('json')
if (json) writeFileSync(json, JSON.stringify(out, null, 1))
