// The generator's own realistic data end to end (npm run bench:eval-generated; run under
// `flock /tmp/ringwatch-bench.lock`): `ringwatch generate` (DAYS × PER_DAY, HISTORY days of
// background before) → `ringwatch ingest` of the day files into a fresh database and `ringwatch lists
// import` of the generated watch list → `ringwatch scan` over the planted
// days (the history days before them are the lookback) → `ringwatch eval --json`. Prints per-typology
// recall, precision at K, alerts per 10,000 transfers, alerts per found pattern, account recall and
// precision, and the wall times of generate, ingest and scan (RUNS scans on fresh copies, medians).
//   env DAYS (14), PER_DAY (60000), HISTORY (0), SEED (1), START (2026-10-01), RUNS (1),
//   CONFIG (a config file for the scan), KEEP=1 keeps the temp folder.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { EvalReport } from '../src/eval/index.ts'
import { cli, median, pct, table } from './eval-common.ts'

const DAYS = Number(process.env.DAYS ?? 14)
const PER_DAY = Number(process.env.PER_DAY ?? 60_000)
const HISTORY = Number(process.env.HISTORY ?? 0)
const SEED = Number(process.env.SEED ?? 1)
const START = process.env.START ?? '2026-10-01'
const RUNS = Number(process.env.RUNS ?? 1)

const tmp = mkdtempSync(join(tmpdir(), 'rw-bench-gen-'))
const seconds = (t0: number) => (performance.now() - t0) / 1000
try {
  const out = join(tmp, 'data')
  let t0 = performance.now()
  const gen = JSON.parse(
    cli([
      'generate',
      '--out',
      out,
      '--seed',
      String(SEED),
      '--days',
      String(DAYS),
      '--per-day',
      String(PER_DAY),
      '--history-days',
      String(HISTORY),
      '--start',
      START,
      '--json',
    ]),
  )
  const genS = seconds(t0)
  const base = join(tmp, 'base.duckdb')
  // The day files only (the folder also holds truth.json and the watch list, imported as a list).
  t0 = performance.now()
  cli(['ingest', ...gen.files, '--db', base, '--json'])
  const ingestS = seconds(t0)
  cli(['lists', 'import', gen.watchlist, '--kind', 'sanctions', '--db', base, '--json'])
  const last = new Date(Date.parse(`${START}T00:00:00Z`) + (DAYS - 1) * 86_400_000)
    .toISOString()
    .slice(0, 10)
  const scanS: number[] = []
  let report: EvalReport | undefined
  for (let i = 0; i < RUNS; i++) {
    const db = join(tmp, `scan-${i}.duckdb`)
    copyFileSync(base, db)
    t0 = performance.now()
    cli([
      'scan',
      '--db',
      db,
      '--from',
      START,
      '--to',
      last,
      ...(process.env.CONFIG ? ['--config', process.env.CONFIG] : []),
      '--json',
    ])
    scanS.push(seconds(t0))
    report = JSON.parse(cli(['eval', '--truth', join(out, 'truth.json'), '--db', db, '--json']))
    rmSync(db, { force: true })
  }
  if (!report) throw new Error('RUNS must be at least 1')
  const rows = gen.rows + gen.history_rows
  console.log(
    `generated ${rows.toLocaleString('en')} rows (${gen.rows.toLocaleString('en')} in the ${DAYS} planted days) in ${genS.toFixed(1)} s = ${Math.round(rows / genS).toLocaleString('en')} rows/s; ingest ${ingestS.toFixed(1)} s; scan ${median(scanS).toFixed(1)} s (${scanS.map((s) => s.toFixed(1)).join(', ')})\n`,
  )
  console.log(
    table(
      ['typology', 'planted', 'found', 'recall', 'alerts', 'true', 'precision'],
      report.by_typology.map((t) => [
        t.typology,
        String(t.planted),
        String(t.found),
        pct(t.recall),
        String(t.alerts),
        String(t.true_alerts),
        pct(t.precision),
      ]),
    ),
  )
  const a = report.accounts
  console.log(
    `\nall: ${report.found}/${report.patterns} found (recall ${pct(report.recall)}); precision at K=${report.k}: ${pct(report.precision_at_k)}; ` +
      `${report.alerts} alerts = ${report.alerts_per_10k?.toFixed(2) ?? '–'} per 10,000 transfers; ` +
      `alerts per found pattern: max ${report.alerts_per_pattern.max ?? '–'}, mean ${report.alerts_per_pattern.mean?.toFixed(2) ?? '–'}\n` +
      `accounts: recall ${pct(a.recall)} (${a.true_alerted}/${a.labelled}), precision ${pct(a.precision)} (${a.alerted} alerted)\n` +
      `false alerts on benign look-alikes: ${
        Object.entries(report.false_on_benign)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ') || 'none'
      }`,
  )
} finally {
  if (process.env.KEEP) console.log(`kept ${tmp}`)
  else rmSync(tmp, { recursive: true, force: true })
}
