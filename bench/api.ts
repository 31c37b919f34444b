// API benchmark (npm run bench:api; run it under `flock /tmp/ringwatch-bench.lock`): builds a
// database of 1 M transfers (SQL, skewed counterparties so that hubs exist) with 20,000 alerts,
// serves it with `ringwatch serve` in a child process, and drives it with autocannon:
//   - alert queue pages at 500 requests/s (target p99 < 50 ms);
//   - 2-hop ego networks of accounts across the degree range (target p99 < 200 ms).
// Each measurement runs RW_BENCH_RUNS times (default 3) for RW_BENCH_SECONDS (10); medians are printed.
// RW_BENCH_TRANSFERS changes the size; RW_BENCH_DIR the folder (default /tmp/ringwatch-bench-api);
// RW_BENCH_EGO=0 measures the alert list only.
import './bench-queries.ts'
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import { cpus, loadavg } from 'node:os'
import { openStore } from '../src/store/index.ts'
import { addUser, reissueKey } from '../src/server/index.ts'
import { listMigrations } from '../src/store/index.ts'
import { sha256 } from '../src/util/hash.ts'
import { auditKey } from '../src/util/audit-key.ts'

interface Histogram {
  p50: number
  p90: number
  p99: number
  max: number
  average: number
}
interface CannonResult {
  latency: Histogram
  requests: { average: number; total: number }
  non2xx: number
  errors: number
  timeouts: number
}
type Cannon = (opts: Record<string, unknown>) => Promise<CannonResult>
const autocannon = createRequire(import.meta.url)('autocannon') as Cannon

const N = Number(process.env.RW_BENCH_TRANSFERS ?? 1_000_000)
const ALERTS = 20_000
const DIR = process.env.RW_BENCH_DIR ?? '/tmp/ringwatch-bench-api'
// One file per size and schema version: a changed migration means a fresh database.
const SCHEMA = sha256(
  listMigrations()
    .map((m) => m.checksum)
    .join(),
).slice(0, 10)
const DB = join(DIR, `api-${N}-${SCHEMA}.duckdb`)
const PORT = 18000 + Math.floor(Math.random() * 1000)
// The audit key of the bench database (users are added with audit rows; serve needs the same key).
const KEY = 'b2'.repeat(32)
const AUDIT_KEY = () => auditKey(Buffer.from(KEY, 'hex'), `${DB}.audit-checkpoints`, 'bench')
/** Runs of each measurement (medians are reported) and their length in seconds. */
const RUNS = Number(process.env.RW_BENCH_RUNS ?? 3)
const SECONDS = Number(process.env.RW_BENCH_SECONDS ?? 10)

async function prepare(): Promise<{
  key: string
  accounts: Array<{ account: string; n: number }>
}> {
  mkdirSync(DIR, { recursive: true })
  for (const f of readdirSync(DIR))
    if (f.startsWith('api-') && !f.startsWith(`api-${N}-${SCHEMA}.`)) rmSync(join(DIR, f))
  let store = await openStore({ path: DB, auditKey: AUDIT_KEY() })
  const have = (await store.one<{ transfers: number }>('pipeline/demo-totals'))?.transfers ?? 0
  if (have !== N) {
    await store.close()
    rmSync(DB, { force: true })
    rmSync(`${DB}.wal`, { force: true })
    store = await openStore({ path: DB, auditKey: AUDIT_KEY() })
    const t0 = performance.now()
    await store.run('bench/payments', { n: N, accounts: Math.max(1000, Math.floor(N / 10)) })
    await store.run('bench/alerts', { n: ALERTS, payments: N - 1 })
    await store.run('bench/alert-transfers', { n: ALERTS, payments: N - 1 })
    await store.checkpoint()
    console.log(
      `built ${DB}: ${N.toLocaleString('en')} transfers, ${ALERTS.toLocaleString('en')} alerts in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    )
  } else console.log(`reusing ${DB} (${N.toLocaleString('en')} transfers)`)
  const exists = await store.one('server/user-get', { id: 'bench' })
  const { key } = exists
    ? await reissueKey(store, 'bench', 'analyst')
    : await addUser(store, 'bench', 'analyst')
  const accounts = await store.all<{ account: string; n: number }>('bench/sample-accounts', {
    every: 7,
    limit: 5000,
  })
  await store.close()
  return { key, accounts }
}

function startServe(): Promise<{ stop: () => void }> {
  // bin/ringwatch runs the built dist/: rebuilt first when the sources changed
  execFileSync(process.execPath, ['bin/build', '--if-stale'], { stdio: 'inherit' })
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['bin/ringwatch', 'serve', '--db', DB, '--port', String(PORT)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, RINGWATCH_AUDIT_KEY: KEY },
      },
    )
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)))
    child.stdout.on('data', (d: Buffer) => {
      if (String(d).includes('serving')) resolve({ stop: () => child.kill('SIGTERM') })
    })
  })
}

const ms = (v: number) => `${v.toFixed(1)} ms`
function report(name: string, r: CannonResult): void {
  console.log(
    `${name.padEnd(44)} p50 ${ms(r.latency.p50).padStart(9)}  p90 ${ms(r.latency.p90).padStart(9)}  p99 ${ms(r.latency.p99).padStart(9)}  max ${ms(r.latency.max).padStart(9)}  ${r.requests.average.toFixed(0).padStart(5)} req/s  (${r.requests.total} requests, ${r.non2xx} non-2xx, ${r.errors} errors)`,
  )
  if (r.non2xx || r.errors) throw new Error(`${name}: failed requests`)
}

function reportMedian(name: string, runs: CannonResult[]): void {
  const med = (f: (r: CannonResult) => number) => {
    const v = runs.map(f).sort((a, b) => a - b)
    return v[Math.floor(v.length / 2)]
  }
  console.log(
    `${('MEDIAN ' + name).padEnd(44)} p50 ${ms(med((r) => r.latency.p50)).padStart(9)}  p90 ${ms(med((r) => r.latency.p90)).padStart(9)}  p99 ${ms(med((r) => r.latency.p99)).padStart(9)}  max ${ms(med((r) => r.latency.max)).padStart(9)}  ${med(
      (r) => r.requests.average,
    )
      .toFixed(0)
      .padStart(5)} req/s  (median of ${runs.length} runs of ${SECONDS} s)`,
  )
}

async function main(): Promise<void> {
  if (!existsSync('bin/ringwatch')) throw new Error('run from the repository root')
  const { key, accounts } = await prepare()
  const server = await startServe()
  const base = `http://127.0.0.1:${PORT}`
  const headers = { 'X-API-Key': key }
  try {
    // Warm up: prepared statements, key cache, DuckDB buffers.
    await autocannon({ url: `${base}/api/alerts`, headers, connections: 4, amount: 200 })
    const lists: Array<[string, string]> = [
      [
        'alert queue (open, by score, 50 rows)',
        '/api/alerts?status=new,in_review,escalated&limit=50',
      ],
      [
        'alert queue (typology + score range)',
        '/api/alerts?typology=cycle,layering&score_min=50&limit=50',
      ],
      ['alert queue (sorted by amount, page 3)', ''],
      // search as an analyst types it: a party name (folded: accents, case, spaces) and a text
      // that matches nothing, so every alert is read
      ['alert queue (search: a party name)', '/api/alerts?q=COMPANY%20%201234&limit=50'],
      ['alert queue (search: no alert matches)', '/api/alerts?q=no%20such%20party&limit=50'],
    ]
    const page1 = (await (
      await fetch(`${base}/api/alerts?sort=total_amount&limit=50`, { headers })
    ).json()) as { next_cursor: string }
    const page2 = (await (
      await fetch(`${base}/api/alerts?sort=total_amount&limit=50&cursor=${page1.next_cursor}`, {
        headers,
      })
    ).json()) as { next_cursor: string }
    lists[2][1] = `/api/alerts?sort=total_amount&limit=50&cursor=${page2.next_cursor}`
    console.log(
      `\nload average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${cpus().length} cores`,
    )
    console.log(`alert list at 500 requests/s (target p99 < 50 ms), ${RUNS} runs of ${SECONDS} s:`)
    for (const [name, path] of lists) {
      const runs: CannonResult[] = []
      for (let r = 1; r <= RUNS; r++) {
        const res = await autocannon({
          url: base + path,
          headers,
          connections: 20,
          overallRate: 500,
          duration: SECONDS,
        })
        report(`${name} #${r}`, res)
        runs.push(res)
      }
      reportMedian(name, runs)
    }

    if (process.env.RW_BENCH_EGO === '0') return // the alert list only
    // Ego networks: accounts spread over the degree range, from the biggest hubs down.
    const pick = accounts.filter(
      (_a, i) => i % Math.max(1, Math.floor(accounts.length / 200)) === 0,
    )
    const top = accounts[0]
    // Warm up: the first ego request loads the payment graph into memory.
    const tw = performance.now()
    await (
      await fetch(`${base}/api/network?account=${top.account}&hops=1`, { headers })
    ).arrayBuffer()
    console.log(
      `\nfirst ego request (loads the payment graph into the server): ${ms(performance.now() - tw)}`,
    )
    console.log(
      `\n2-hop ego networks (target p99 < 200 ms): ${pick.length} accounts, degree ${pick[pick.length - 1].n}–${top.n} transfers`,
    )
    const seq: number[] = []
    for (const a of pick) {
      const t0 = performance.now()
      const res = await fetch(`${base}/api/network?account=${a.account}&hops=2&limit=25`, {
        headers,
      })
      await res.arrayBuffer()
      if (!res.ok) throw new Error(`ego ${a.account}: ${res.status}`)
      seq.push(performance.now() - t0)
    }
    seq.sort((a, b) => a - b)
    const q = (p: number) => seq[Math.min(seq.length - 1, Math.floor(p * seq.length))]
    console.log(
      `${'one at a time'.padEnd(44)} p50 ${ms(q(0.5)).padStart(9)}  p90 ${ms(q(0.9)).padStart(9)}  p99 ${ms(q(0.99)).padStart(9)}  max ${ms(seq[seq.length - 1]).padStart(9)}`,
    )
    let i = 0
    const next = () => `/api/network?account=${pick[i++ % pick.length].account}&hops=2&limit=25`
    for (const connections of [1, 4]) {
      const runs: CannonResult[] = []
      for (let r = 1; r <= RUNS; r++) {
        const res = await autocannon({
          url: base,
          headers,
          connections,
          duration: SECONDS,
          requests: [
            {
              method: 'GET',
              setupRequest: (req: Record<string, unknown>) => ({ ...req, path: next() }),
            },
          ],
        })
        report(`2-hop ego, ${connections} client(s) #${r}`, res)
        runs.push(res)
      }
      reportMedian(`2-hop ego, ${connections} client(s)`, runs)
    }
    const t0 = performance.now()
    const arrow = await fetch(`${base}/api/network?account=${top.account}&hops=2&limit=25`, {
      headers: { ...headers, Accept: 'application/vnd.apache.arrow.stream' },
    })
    const bytes = (await arrow.arrayBuffer()).byteLength
    console.log(
      `top hub ${top.account} (${top.n} transfers) 2 hops as Arrow IPC: ${bytes.toLocaleString('en')} bytes in ${ms(performance.now() - t0)}`,
    )
  } finally {
    server.stop()
  }
}

await main()
