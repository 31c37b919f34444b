// Benchmark: the whole daily scan as a bank runs it, through the built CLI: `ringwatch generate`
// (days × per-day transfers with planted patterns), `ringwatch ingest` of the day files into a fresh
// database, then `ringwatch scan` of the default window, each scan on a fresh copy of the ingested
// database (the generated watchlist.csv imported as its sanctions list). Prints wall time, peak memory (GNU time's maximum resident set), the scan's own stage
// and detector times (medians over --runs), alerts per 10,000 transfers and, with --eval, recall and
// precision at K from `ringwatch eval`.
// Then one more day lands (the generator writes days + 1, the last held back) and the scan runs
// again incrementally (issue 14); a full scan (`--full`) of the same days on a copy is the reference:
// the bench prints both, the ratio incremental/full, and whether their alerts are identical (the
// summaries' alerts_digest). `--no-incremental` leaves this part out.
// Alerts written per second: the write stage's alert step (alerts, their transfers, versions and
// audit rows) of each scan, and of one more scan with the alert budget lifted (every candidate at
// or above the threshold written; `--no-bulk` leaves it out).
// Usage: npm run bench:scan -- [--days 14] [--per-day 60000] [--runs 3] [--data DIR] [--eval]
//   [--no-incremental] [--no-bulk]
//   --data DIR  reuse (or keep) generated day files in DIR instead of a temp folder
// The issue's reference: a scan of 845,190 transfers (14 days) took 57 s on this kind of machine,
// and the 10 M scan died; `--days 10 --per-day 1000000` is the 10 M run.
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { ROOT, median, table } from './eval-common.ts'
import { timeAlertWrites } from './alerts-write.ts'

const args = process.argv.slice(2)
if (args.includes('--help')) {
  console.log(
    'npm run bench:scan -- [--days 14] [--per-day 60000] [--runs 3] [--data DIR] [--eval] [--no-incremental] [--no-bulk]',
  )
  process.exit(0)
}
const flag = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] ? args[i + 1] : def
}
const days = Number(flag('days', '14'))
const perDay = Number(flag('per-day', '60000'))
const runs = Number(flag('runs', '3'))
const withEval = args.includes('--eval')
const withIncremental = !args.includes('--no-incremental')
const withBulk = !args.includes('--no-bulk')
const tmp = mkdtempSync(join(tmpdir(), 'rw-bench-scan-'))
const data = flag('data', join(tmp, 'days'))
const CLI = join(ROOT, 'bin', 'ringwatch')
const env = {
  ...process.env,
  RINGWATCH_AUDIT_KEY: process.env.RINGWATCH_AUDIT_KEY ?? randomBytes(32).toString('hex'),
}

/**
 * Runs the built CLI under GNU time: stdout, wall seconds, peak RSS in MiB and CPU seconds (user +
 * system; on a machine shared with other work the clock also counts waiting for a core).
 */
function timed(cliArgs: string[]): { out: string; wall: number; rssMiB: number; cpu: number } {
  const t0 = performance.now()
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, CLI, ...cliArgs], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  })
  const wall = (performance.now() - t0) / 1000
  if (r.status !== 0)
    throw new Error(`ringwatch ${cliArgs[0]} failed (exit ${r.status}):\n${r.stderr.slice(-4000)}`)
  const lines = r.stderr.trim().split('\n')
  const [kb, user, sys] = lines[lines.length - 1].split(' ').map(Number)
  return { out: r.stdout, wall, rssMiB: Math.round(kb / 1024), cpu: user + sys }
}

const fmt = (s: number) => `${s.toFixed(1)} s`
console.log(`bench:scan: ${days} days × ${perDay.toLocaleString('en')} transfers a day`)

if (!existsSync(join(data, 'truth.json'))) {
  const genDays = withIncremental ? days + 1 : days
  const g = timed([
    'generate',
    '--out',
    data,
    '--days',
    String(genDays),
    '--per-day',
    String(perDay),
  ])
  console.log(`generate   ${fmt(g.wall)}, peak ${g.rssMiB} MiB`)
} else console.log(`generate   reused ${data}`)

const landed = join(tmp, 'landed.duckdb')
const dayFiles = readdirSync(data)
  .filter((f) => /^\d{4}-\d{2}-\d{2}\.(csv|parquet|arrow)$/.test(f))
  .sort()
  .map((f) => join(data, f))
// The day after the first `days` lands later, for the incremental scan.
const files = dayFiles.slice(0, days)
const extraDay = withIncremental ? dayFiles[days] : undefined
if (withIncremental && !extraDay)
  console.log(`no day file after the first ${days} in ${data}: the incremental scan is left out`)
const ing = timed(['ingest', ...files, '--db', landed, '--json'])
console.log(`ingest     ${fmt(ing.wall)}, peak ${ing.rssMiB} MiB (${files.length} files)`)
// The generator's listed parties, as a bank's sanctions list would be in force.
if (existsSync(join(data, 'watchlist.csv'))) {
  timed(['lists', 'import', join(data, 'watchlist.csv'), '--kind', 'sanctions', '--db', landed])
  console.log('lists      watchlist.csv imported as the sanctions list')
}

interface Summary {
  mode?: string
  mode_reason?: string | null
  alerts_digest?: string | null
  new_transfers?: number | null
  incremental?: { kept: number; dropped: number; seeds: number } | null
  transfers: number
  stages_ms: Record<string, number>
  detectors_ms: Record<string, number>
  write_ms?: Record<string, number>
  alerts: { new: number; updated: number; reopened: number }
  alerts_kept: number
  alerts_per_10k: number
  findings: Record<string, number>
}
const walls: number[] = []
const cpus: number[] = []
const rss: number[] = []
/** Alerts written per second of the write stage's alert step (alerts, transfers, versions, audit). */
const alertRates: number[] = []
const written = (x: Summary) => x.alerts.new + x.alerts.updated + x.alerts.reopened
const alertRate = (x: Summary) =>
  x.write_ms?.alerts ? (written(x) / x.write_ms.alerts) * 1000 : NaN
const stages: Record<string, number[]> = {}
const detectors: Record<string, number[]> = {}
const writeSteps: Record<string, number[]> = {}
let last: Summary | undefined
const inc = {
  walls: [] as number[],
  fullWalls: [] as number[],
  cpu: [] as number[],
  fullCpu: [] as number[],
  rss: [] as number[],
  stages: {} as Record<string, number[]>,
  fullStages: {} as Record<string, number[]>,
  detectors: {} as Record<string, number[]>,
  identical: [] as boolean[],
  last: undefined as Summary | undefined,
  lastFull: undefined as Summary | undefined,
}
let evalOut = ''
for (let r = 0; r < runs; r++) {
  const db = join(tmp, `scan-${r}.duckdb`)
  copyFileSync(landed, db)
  const s = timed(['scan', '--db', db, '--json'])
  last = JSON.parse(s.out) as Summary
  walls.push(s.wall)
  cpus.push(s.cpu)
  rss.push(s.rssMiB)
  alertRates.push(alertRate(last))
  for (const [k, v] of Object.entries(last.stages_ms)) (stages[k] ??= []).push(v / 1000)
  for (const [k, v] of Object.entries(last.detectors_ms ?? {})) (detectors[k] ??= []).push(v / 1000)
  for (const [k, v] of Object.entries(last.write_ms ?? {})) (writeSteps[k] ??= []).push(v / 1000)
  console.log(
    `scan ${r + 1}/${runs} ${fmt(s.wall)} (CPU ${fmt(s.cpu)}), peak ${s.rssMiB} MiB; ${written(last)} alerts written at ${Math.round(alertRate(last)).toLocaleString('en')}/s`,
  )
  if (withEval && r === 0)
    evalOut = execFileSync(
      process.execPath,
      [CLI, 'eval', '--truth', join(data, 'truth.json'), '--db', db],
      { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 1 << 30 },
    )
  if (extraDay) incrementalRun(db, r)
  rmSync(db, { force: true })
}
const s = last!
console.log(
  `\ntransfers ${s.transfers.toLocaleString('en')}; alerts ${s.alerts_kept} (${s.alerts_per_10k} per 10,000)`,
)
console.log(
  table(
    ['step', `median of ${runs} (s)`],
    [
      ['scan (wall, process start included)', median(walls).toFixed(1)],
      ['scan CPU, user + system', median(cpus).toFixed(1)],
      ['scan peak memory (MiB)', String(median(rss))],
      ...Object.entries(stages).map(([k, v]) => [`  stage ${k}`, median(v).toFixed(2)]),
      ...Object.entries(writeSteps).map(([k, v]) => [`    write ${k}`, median(v).toFixed(2)]),
      ...Object.entries(detectors)
        .filter(([, v]) => median(v) >= 0.1)
        .sort((a, b) => median(b[1]) - median(a[1]))
        .map(([k, v]) => [`    detector ${k}`, median(v).toFixed(2)]),
    ],
  ),
)
console.log(
  `alerts written: ${Math.round(median(alertRates)).toLocaleString('en')} a second (median of ${alertRates.length} scans of ${written(s)} alerts; target ≥ 20,000: ${median(alertRates) >= 20_000 ? 'met' : 'not met'})`,
)
if (withBulk) {
  // 20,000 synthetic alerts merged in one transaction (bench/alerts-write.ts), three times.
  const n = 20_000
  const wr: { wallMs: number; cpuMs: number }[] = []
  for (let r = 0; r < 3; r++)
    wr.push(await timeAlertWrites(landed, join(tmp, 'alerts-write.duckdb'), n))
  const wall = median(wr.map((w) => w.wallMs))
  const cpu = median(wr.map((w) => w.cpuMs))
  console.log(
    `alerts written, ${n.toLocaleString('en')} in one merge (median of 3): ${(wall / 1000).toFixed(2)} s, ${Math.round((n / wall) * 1000).toLocaleString('en')} a second (CPU ${(cpu / 1000).toFixed(2)} s, ${Math.round((n / cpu) * 1000).toLocaleString('en')} per CPU second); target ≥ 20,000 a second: ${(n / wall) * 1000 >= 20_000 ? 'met' : 'not met'}`,
  )
  // The budget lifted: every candidate at or above the threshold is written (more alerts to time).
  const db = join(tmp, 'scan-bulk.duckdb')
  copyFileSync(landed, db)
  const cfg = join(tmp, 'no-budget.json')
  writeFileSync(cfg, JSON.stringify({ alerts: { max_per_10k_transfers: null } }))
  const b = timed(['scan', '--db', db, '--json', '--full', '--config', cfg])
  const sb = JSON.parse(b.out) as Summary
  rmSync(db, { force: true })
  console.log(
    `alerts written without the budget: ${written(sb)} alerts in ${((sb.write_ms?.alerts ?? NaN) / 1000).toFixed(2)} s, ${Math.round(alertRate(sb)).toLocaleString('en')} a second (write stage ${(sb.stages_ms.write / 1000).toFixed(2)} s: ${Object.entries(
      sb.write_ms ?? {},
    )
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`)
      .join(', ')})`,
  )
}
const per = (median(walls) / s.transfers) * 845_190
console.log(
  `\nreference: the issue's scan of 845,190 transfers took 57 s; this run's median, scaled linearly to 845,190 transfers, is ${per.toFixed(1)} s (${(per / 57).toFixed(2)}× the reference)`,
)
if (inc.walls.length) printIncremental()
if (evalOut) console.log(`\n${evalOut}`)
if (!args.includes('--data')) rmSync(tmp, { recursive: true, force: true })
else rmSync(landed, { force: true })

/** One more day lands on the scanned copy: an incremental scan there, a full one on a copy. */
function incrementalRun(db: string, r: number) {
  const ing = timed(['ingest', extraDay!, '--db', db, '--json'])
  const ref = join(tmp, `scan-${r}-full.duckdb`)
  copyFileSync(db, ref)
  const i = timed(['scan', '--db', db, '--json'])
  const f = timed(['scan', '--db', ref, '--full', '--json'])
  rmSync(ref, { force: true })
  const si = JSON.parse(i.out) as Summary
  const sf = JSON.parse(f.out) as Summary
  inc.walls.push(i.wall)
  inc.fullWalls.push(f.wall)
  inc.cpu.push(i.cpu)
  inc.fullCpu.push(f.cpu)
  inc.rss.push(i.rssMiB)
  for (const [k, v] of Object.entries(si.stages_ms)) (inc.stages[k] ??= []).push(v / 1000)
  for (const [k, v] of Object.entries(sf.stages_ms)) (inc.fullStages[k] ??= []).push(v / 1000)
  for (const [k, v] of Object.entries(si.detectors_ms ?? {}))
    (inc.detectors[k] ??= []).push(v / 1000)
  const same = !!si.alerts_digest && si.alerts_digest === sf.alerts_digest
  inc.identical.push(same)
  inc.last = si
  inc.lastFull = sf
  console.log(
    `  + 1 day (${fmt(ing.wall)} to land): ${si.mode} scan ${fmt(i.wall)} (CPU ${fmt(i.cpu)})${si.mode_reason ? ` (${si.mode_reason})` : ''}, full scan of the same days ${fmt(f.wall)} (CPU ${fmt(f.cpu)}); alerts ${same ? 'identical' : 'DIFFERENT'} (${si.alerts_kept} and ${sf.alerts_kept})`,
  )
}

function printIncremental() {
  const si = inc.last!
  const ratio = median(inc.walls) / median(inc.fullWalls)
  const detectRatio = median(inc.stages.detect ?? [0]) / median(inc.fullStages.detect ?? [1])
  console.log(
    `\nincremental scan after one more day: ${si.new_transfers?.toLocaleString('en') ?? '?'} new transfers of ${inc.lastFull!.transfers.toLocaleString('en')}; ${si.incremental ? `${si.incremental.seeds.toLocaleString('en')} accounts searched again, ${si.incremental.kept} earlier findings kept, ${si.incremental.dropped} searched again` : `mode ${si.mode}: ${si.mode_reason}`}`,
  )
  console.log(
    table(
      ['step', `incremental, median of ${inc.walls.length} (s)`, 'full, same days (s)'],
      [
        [
          'scan (wall, process start included)',
          median(inc.walls).toFixed(1),
          median(inc.fullWalls).toFixed(1),
        ],
        ['scan CPU, user + system', median(inc.cpu).toFixed(1), median(inc.fullCpu).toFixed(1)],
        ['scan peak memory (MiB)', String(median(inc.rss)), ''],
        ...Object.entries(inc.stages).map(([k, v]) => [
          `  stage ${k}`,
          median(v).toFixed(2),
          median(inc.fullStages[k] ?? [NaN]).toFixed(2),
        ]),
        ...Object.entries(inc.detectors)
          .filter(([, v]) => median(v) >= 0.1)
          .sort((a, b) => median(b[1]) - median(a[1]))
          .map(([k, v]) => [`    detector ${k}`, median(v).toFixed(2), '']),
      ],
    ),
  )
  console.log(
    `incremental/full: ${(ratio * 100).toFixed(0)}% of the full scan's wall time (target ≤ 20%: ${ratio <= 0.2 ? 'met' : 'not met'}), ${((median(inc.cpu) / median(inc.fullCpu)) * 100).toFixed(0)}% of its CPU time; detect stage ${(detectRatio * 100).toFixed(0)}%; alerts identical in ${inc.identical.filter(Boolean).length} of ${inc.identical.length} runs`,
  )
}
