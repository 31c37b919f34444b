// AMLSim end to end (npm run bench:eval; run under `flock /tmp/ringwatch-bench.lock`): for each IBM
// AMLSim run in ../shared/data/amlsim, `ringwatch generate --from-amlsim` → `ringwatch ingest` into a
// fresh database → `ringwatch scan` over every day of the run with the alert budget widened for
// AMLSim's density (labelled accounts are about 5% of all) → `ringwatch eval --json`; prints one
// table: account recall and precision, alerts per 10,000 transfers, pattern recall on the patterns
// reconstructed from the labels, and the scan's wall time (RUNS scans per run, median; each scan on
// a fresh copy of the ingested database, so that no scan merges with an earlier one's alerts).
// Everything goes through the CLI as a user would run it: nothing here knows how detection works.
//   env RUNS (default 1), BUDGET (alerts.max_per_10k_transfers, default 500), CONFIG (a config file
//   used instead of the generated one), KEEP=1 keeps the temp folder.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { EvalReport } from '../src/eval/index.ts'
import { cli, median, pct, ROOT, table } from './eval-common.ts'

const SHARED = resolve(ROOT, '..', 'shared', 'data', 'amlsim')
const RUNS = Number(process.env.RUNS ?? 1)
const BUDGET = Number(process.env.BUDGET ?? 500)

if (!existsSync(SHARED)) {
  console.log(`no AMLSim runs: ${SHARED} is absent (the bench reads them in place)`)
  process.exit(0)
}
const runs = readdirSync(SHARED).filter((d) => existsSync(join(SHARED, d, 'transactions.csv')))
const tmp = mkdtempSync(join(tmpdir(), 'rw-bench-eval-'))
const config = process.env.CONFIG ?? join(tmp, 'config.json')
if (!process.env.CONFIG)
  writeFileSync(config, JSON.stringify({ alerts: { max_per_10k_transfers: BUDGET } }, null, 2))
console.log(
  `config: ${config}${process.env.CONFIG ? '' : ` (alerts.max_per_10k_transfers ${BUDGET})`}`,
)

interface Row {
  run: string
  transfers: number | null
  labelled: number
  alerted: number
  trueAlerted: number
  recall: number | null
  precision: number | null
  alerts: number
  per10k: number | null
  patterns: number
  found: number
  scanS: number[]
}
const rows: Row[] = []
try {
  for (const run of runs) {
    const out = join(tmp, run)
    const conv = JSON.parse(
      cli(['generate', '--from-amlsim', join(SHARED, run), '--out', out, '--json']),
    )
    const days = conv.files.map((f: string) => f.slice(-14, -4)).sort()
    const base = join(tmp, `${run}.duckdb`)
    const ingest = JSON.parse(cli(['ingest', out, '--db', base, '--json']))
    const scanS: number[] = []
    let report: EvalReport | undefined
    for (let i = 0; i < RUNS; i++) {
      const db = join(tmp, `${run}-${i}.duckdb`)
      copyFileSync(base, db)
      const t0 = performance.now()
      cli([
        'scan',
        '--db',
        db,
        '--from',
        days[0],
        '--to',
        days[days.length - 1],
        '--config',
        config,
        '--json',
      ])
      scanS.push((performance.now() - t0) / 1000)
      report = JSON.parse(cli(['eval', '--truth', join(out, 'truth.json'), '--db', db, '--json']))
      console.log(
        `${run}: scan ${i + 1}/${RUNS} ${scanS[i].toFixed(1)} s (ingest: ${JSON.stringify(ingest.totals ?? ingest).slice(0, 160)})`,
      )
      rmSync(db, { force: true })
    }
    if (!report) throw new Error('RUNS must be at least 1')
    rows.push({
      run,
      transfers: report.transfers,
      labelled: report.accounts.labelled,
      alerted: report.accounts.alerted,
      trueAlerted: report.accounts.true_alerted,
      recall: report.accounts.recall,
      precision: report.accounts.precision,
      alerts: report.alerts,
      per10k: report.alerts_per_10k,
      patterns: report.patterns,
      found: report.found,
      scanS,
    })
  }
} finally {
  if (process.env.KEEP) console.log(`kept ${tmp}`)
  else rmSync(tmp, { recursive: true, force: true })
}

const head = [
  'run',
  'transfers',
  'labelled',
  'alerted',
  'labelled∩alerted',
  'acct recall',
  'acct precision',
  'alerts',
  'per 10k',
  'patterns found',
  'scan s (median)',
]
const body = rows.map((r) => [
  r.run,
  r.transfers?.toLocaleString('en') ?? '–',
  String(r.labelled),
  String(r.alerted),
  String(r.trueAlerted),
  pct(r.recall),
  pct(r.precision),
  String(r.alerts),
  r.per10k === null ? '–' : r.per10k.toFixed(1),
  `${r.found}/${r.patterns}`,
  `${median(r.scanS).toFixed(1)} (${r.scanS.map((s) => s.toFixed(1)).join(', ')})`,
])
console.log('\n' + table(head, body))
console.log(
  '\naccount recall = labelled accounts named in an alert / labelled accounts; precision = labelled among alerted accounts.' +
    '\npatterns: reconstructed from the labels (one value passed on among labelled accounts), see src/generate/amlsim-patterns.ts.' +
    '\nscan s: wall time of `ringwatch scan` (process start included).',
)
