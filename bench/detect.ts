// Benchmark: graph build and every detector on generated windows of 1 M and 10 M transfers (power-law
// payers and payees with hubs, planted patterns), written straight into a fresh DuckDB file by SQL;
// then temporal cycles against networkx simple_cycles(length_bound=8) filtered to the same rules.
// Usage: npm run bench:detect -- [--sizes 1000000,10000000] [--runs 3]
//        [--nx-sizes 1000000,300000,100000] [--nx-timeout 600] [--no-nx].
// Run it under `flock /tmp/ringwatch-bench.lock`.
import './bench-queries.ts'
import { spawn } from 'node:child_process'
import { createWriteStream, existsSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { openStore, type Store } from '../src/store/index.ts'
import { loadWindow, type PaymentGraph } from '../src/graph/index.ts'
import { DetectConfig, runDetectors, temporalCycles } from '../src/detect/index.ts'
import type { Progress } from '../src/util/progress.ts'

const args = process.argv.slice(2)
const flag = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] ? args[i + 1] : def
}
const sizes = flag('sizes', '1000000,10000000').split(',').map(Number)
const runs = Number(flag('runs', '3'))
// networkx is tried on these windows, largest first, until one finishes within --nx-timeout seconds.
const nxSizes = flag('nx-sizes', '1000000,300000,100000')
  .split(',')
  .map(Number)
  .sort((a, b) => b - a)
const nxTimeout = Number(flag('nx-timeout', '600'))
const noNx = args.includes('--no-nx')
const START = '2026-01-01 00:00:00'
const config = DetectConfig.parse({})

const stageTimer = (into: Record<string, number[]>): Progress => {
  let label = ''
  let t0 = 0
  return {
    start(l) {
      label = l
      t0 = performance.now()
    },
    update() {},
    done() {
      ;(into[label] ??= []).push(performance.now() - t0)
    },
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]
const memory = () => {
  const s = readFileSync('/proc/self/status', 'utf8')
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? 0)
  return { hwmMB: Math.round(kb('VmHWM') / 1024), rssMB: Math.round(kb('VmRSS') / 1024) }
}

// Generation runs in a child process, so that DuckDB's memory for writing 10 M rows does not count
// in the peak memory measured for loading and detection.
async function generate(size: number): Promise<{ store: Store; path: string; ms: number }> {
  const path = join(tmpdir(), `ringwatch-bench-detect-${size}.duckdb`)
  for (const p of [path, path + '.wal']) if (existsSync(p)) rmSync(p)
  const t0 = performance.now()
  const child = spawn(
    process.execPath,
    ['bin/run-ts', 'bench/detect.ts', '--generate', String(size), path],
    {
      stdio: 'inherit',
    },
  )
  const [code] = await once(child, 'exit')
  if (code !== 0) throw new Error(`generating ${size} transfers failed (exit ${code})`)
  const ms = performance.now() - t0
  const store = await openStore({ path, memoryLimit: flag('duckdb-memory', '3GB') })
  return { store, path, ms }
}

async function generateInto(size: number, path: string) {
  const store = await openStore({ path })
  await store.run('bench/background', {
    n: size,
    pairs: Math.round(size / 3),
    accounts: Math.round(size / 6),
    start: START,
  })
  await store.run('bench/plant', { count: planted(size), start: START })
  await store.checkpoint()
  await store.close()
}

const planted = (size: number) => Math.max(20, Math.round(size / 10_000))

function recall(findings: { typology: string; tx_ids: string[] }[], planted: number) {
  const whole = (typ: string, prefix: string, size: (j: number) => number) => {
    let hit = 0
    for (let j = 0; j < planted; j++) {
      const want = size(j)
      const p = `${prefix}${j}-`
      if (
        findings.some(
          (f) => f.typology === typ && f.tx_ids.filter((t) => t.startsWith(p)).length === want,
        )
      )
        hit++
    }
    return `${hit}/${planted}`
  }
  return {
    cycle: whole('cycle', 'PR', (j) => 2 + (j % 7)),
    layering: whole('layering', 'PL', () => 5),
    fan_out: whole('fan_out', 'PF', () => 12),
    structuring: whole('structuring', 'PS', () => 4),
    scatter_gather: whole('scatter_gather', 'PG', () => 10),
    bipartite: whole('bipartite', 'PB', () => 16),
    stack: whole('stack', 'PK', () => 18),
  }
}

async function exportEdges(g: PaymentGraph, file: string) {
  const out = createWriteStream(file)
  let buf = ''
  for (let e = 0; e < g.edgeCount; e++) {
    buf += `${g.src[e]},${g.dst[e]},${g.ts[e]},${g.amount[e]},${g.currency[e]},${g.flags[e]}\n`
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain')
      buf = ''
    }
  }
  out.end(buf)
  await once(out, 'finish')
}

async function networkx(g: PaymentGraph, size: number, ourCycles: number[][], ourMs: number) {
  const edges = join(tmpdir(), `ringwatch-bench-edges-${size}.csv`)
  const result = join(tmpdir(), `ringwatch-bench-nx-${size}.txt`)
  await exportEdges(g, edges)
  const c = config.cycle
  const py = spawn(
    'python3',
    [
      'bench/networkx_cycles.py',
      edges,
      result,
      String(c.max_hops),
      String(c.max_span_days),
      String(c.min_hop_ratio),
      String(c.max_hop_ratio),
      String(c.two_cycle_tolerance),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  let stdout = ''
  py.stdout.on('data', (d) => (stdout += d))
  const timer = setTimeout(() => py.kill('SIGKILL'), nxTimeout * 1000)
  const [code] = await once(py, 'exit')
  clearTimeout(timer)
  if (code !== 0) {
    console.log(
      `networkx on ${size.toLocaleString('en')} transfers: did not finish within ${nxTimeout} s`,
    )
    return false
  }
  const nx = JSON.parse(stdout)
  const theirs = new Set(readFileSync(result, 'utf8').split('\n').filter(Boolean))
  const ours = new Set(ourCycles.map((cyc) => cyc.join(' ')))
  const onlyOurs = [...ours].filter((k) => !theirs.has(k))
  const onlyTheirs = [...theirs].filter((k) => !ours.has(k))
  console.log(
    `networkx ${nx.networkx} simple_cycles(length_bound=${c.max_hops}) on ${size.toLocaleString('en')} transfers ` +
      `(${nx.pairs.toLocaleString('en')} account pairs): ${nx.structural_cycles.toLocaleString('en')} account cycles, ` +
      `${nx.valid_cycles} with a valid temporal instance; enumerate+filter ${nx.cycles_s.toFixed(2)} s ` +
      `(+ ${nx.load_s.toFixed(1)} s to load)`,
  )
  console.log(
    `ringwatch temporal cycles: ${ours.size} account cycles in ${(ourMs / 1000).toFixed(3)} s (median) → ` +
      `${(nx.cycles_s / (ourMs / 1000)).toFixed(1)}× faster; sets identical: ${onlyOurs.length === 0 && onlyTheirs.length === 0 ? 'yes' : 'NO'}`,
  )
  for (const k of onlyOurs.slice(0, 10)) console.log(`  only ringwatch: ${k}`)
  for (const k of onlyTheirs.slice(0, 10)) console.log(`  only networkx: ${k}`)
  rmSync(edges)
  return true
}

if (args[0] === '--generate') {
  await generateInto(Number(args[1]), args[2])
  process.exit(0)
}

console.log(`bench:detect sizes ${sizes.join(', ')}; ${runs} run(s) each; medians`)
for (const size of sizes) {
  const { store, path, ms } = await generate(size)
  console.log(
    `\n== ${size.toLocaleString('en')} transfers (generated in ${(ms / 1000).toFixed(1)} s)`,
  )
  const build: number[] = []
  const stages: Record<string, number[]> = {}
  const per: Record<string, number[]> = {}
  const totals: number[] = []
  let last: ReturnType<typeof runDetectors> | undefined
  let graph: PaymentGraph | undefined
  for (let r = 0; r < runs; r++) {
    graph = undefined
    last = undefined
    const t0 = performance.now()
    graph = await loadWindow(store, { progress: stageTimer(stages) })
    build.push(performance.now() - t0)
    const flagged = [graph.accounts[0], graph.accounts[graph.nodeCount >> 1]]
    const t1 = performance.now()
    last = runDetectors(graph, config, { flagged, seed: 7 })
    totals.push(performance.now() - t1)
    for (const [k, v] of Object.entries(last.stats)) (per[k] ??= []).push(v.ms)
  }
  const g = graph!
  console.log(
    `graph: ${g.edgeCount.toLocaleString('en')} edges, ${g.nodeCount.toLocaleString('en')} accounts, ` +
      `${g.pairDst.length.toLocaleString('en')} pairs; loadWindow ${(median(build) / 1000).toFixed(2)} s ` +
      `(${Object.entries(stages)
        .map(([k, v]) => `${k} ${(median(v) / 1000).toFixed(2)} s`)
        .join(', ')})`,
  )
  for (const [k, v] of Object.entries(per)) {
    const s = last!.stats[k]
    console.log(
      `  ${k.padEnd(15)} ${(median(v) / 1000).toFixed(3).padStart(8)} s  ${String(s.count).padStart(8)} found${s.truncated ? '  (truncated)' : ''}`,
    )
  }
  console.log(`  ${'all detectors'.padEnd(15)} ${(median(totals) / 1000).toFixed(3).padStart(8)} s`)
  console.log(
    `planted patterns found whole: ${JSON.stringify(recall(last!.findings, planted(size)))}`,
  )
  const mem = memory()
  console.log(`memory: peak (VmHWM) ${mem.hwmMB} MB, RSS now ${mem.rssMB} MB`)
  last = undefined
  graph = undefined
  await store.close()
  for (const p of [path, path + '.wal']) if (existsSync(p)) rmSync(p)
}

if (!noNx) {
  for (const size of nxSizes) {
    const { store, path } = await generate(size)
    const g = await loadWindow(store)
    const cycleMs: number[] = []
    let cycles: number[][] = []
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now()
      cycles = temporalCycles(g, config.cycle).accountCycles
      cycleMs.push(performance.now() - t0)
    }
    console.log(`\n== cycles against networkx on ${size.toLocaleString('en')} transfers`)
    const done = await networkx(g, size, cycles, median(cycleMs))
    await store.close()
    for (const p of [path, path + '.wal']) if (existsSync(p)) rmSync(p)
    if (done) break
  }
}
