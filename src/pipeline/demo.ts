// The demo's data: loads the committed samples (or generates a set when there are none), imports the
// lists, scans and evaluates against the truth file; `ringwatch demo` then creates the demo users
// (server/auth/demo-users.ts) and serves. A second run reuses the database: the ingest manifest
// skips landed files, unchanged lists are no-ops, the scan runs only when something new arrived.
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Store } from '../store/index.ts'
import type { Config } from '../config/index.ts'
import { ingestPaths } from '../ingest/index.ts'
import { importList, type ListKind } from '../screen/index.ts'
import { runScan } from './scan.ts'
import type { ScanSummary } from './scan-summary.ts'
import {
  evaluate,
  formatEvalTable,
  loadAlertsFromStore,
  loadScanWindow,
  loadTruth,
} from '../eval/index.ts'
import type { EvalReport } from '../eval/index.ts'
import { generate } from '../generate/index.ts'
import { quietProgress, type Progress } from '../util/progress.ts'

export interface DemoSources {
  days: string
  lists: Array<{ file: string; kind: ListKind }>
  truth: string | null
  generated: boolean
}

export interface DemoResult {
  sources: DemoSources
  ingest: { landed: number; skipped: number; failed: number; accepted: number; quarantined: number }
  lists: Array<{ file: string; status: string; entries: number }>
  scan: ScanSummary | null
  eval: { report: EvalReport; table: string } | null
  totals: { transfers: number; alerts: number }
}

const listKind = (name: string): ListKind =>
  /fx|rates|eurofxref/i.test(name) ? 'fx' : /goods|hs|lexicon/i.test(name) ? 'goods' : 'sanctions'

/** The committed samples, or a generated set beside the database when the repo has none. */
export async function demoSources(
  samplesDir: string,
  dbPath: string,
  progress: Progress,
): Promise<DemoSources> {
  const lists = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => /\.(csv|json|jsonl)$/.test(f))
          .sort()
          .map((f) => ({ file: join(dir, f), kind: listKind(f) }))
      : []
  const days = join(samplesDir, 'days')
  if (existsSync(days)) {
    const truth = join(samplesDir, 'truth.json')
    return {
      days,
      lists: lists(join(samplesDir, 'lists')),
      truth: existsSync(truth) ? truth : null,
      generated: false,
    }
  }
  const out = join(dbPath === ':memory:' ? resolve('data') : dirname(dbPath), 'demo-samples')
  if (!existsSync(join(out, 'truth.json')))
    await generate({ out, seed: 7, days: 30, perDay: 1500 }, progress)
  const goods = lists(join(samplesDir, 'lists')).filter((l) => l.kind === 'goods')
  return {
    days: out,
    lists: [...goods, { file: join(out, 'watchlist.csv'), kind: 'sanctions' }],
    truth: join(out, 'truth.json'),
    generated: true,
  }
}

export async function loadDemo(deps: {
  store: Store
  config: Config
  configHash: string
  samplesDir?: string
  progress?: Progress
}): Promise<DemoResult> {
  const { store, config } = deps
  const progress = deps.progress ?? quietProgress
  const sources = await demoSources(deps.samplesDir ?? 'samples', store.path, progress)
  const lists = []
  for (const l of sources.lists) {
    // plain-rates files among the samples are quoted like the default rates (samples: EUR)
    const base = config.fx.default_rates?.base_currency ?? config.fx.base_currency
    const s = await importList(store, l.file, { kind: l.kind, base })
    lists.push({ file: l.file, status: s.status, entries: s.entries })
  }
  const dayFiles = readdirSync(sources.days)
    .filter((f) => /\.(csv|parquet|arrow|jsonl|xml)$/.test(f) && !/watchlist/.test(f))
    .map((f) => join(sources.days, f))
  const ing = await ingestPaths(store, dayFiles, { config: config.ingest, progress })
  const t = ing.totals
  const scanned = await store.one<{ n: number }>('pipeline/demo-scans')
  const changed = t.landed > 0 || lists.some((l) => l.status === 'imported')
  const scan =
    changed || !scanned?.n
      ? await runScan({ store, config, configHash: deps.configHash, progress })
      : null
  let evalOut: DemoResult['eval'] = null
  if (sources.truth) {
    // as `ringwatch eval` does: alerts per 10,000 of the latest scan window's transfers
    const w = await loadScanWindow(store)
    const report = evaluate(loadTruth(sources.truth), await loadAlertsFromStore(store), {
      transfers: w?.transfers ?? null,
      transfers_source: w ? `payments in the latest scan window ${w.from} … ${w.to}` : null,
    })
    evalOut = { report, table: formatEvalTable(report) }
  }
  const totals = (await store.one<{ transfers: number; alerts: number }>('pipeline/demo-totals'))!
  return {
    sources,
    ingest: {
      landed: t.landed,
      skipped: t.skipped_duplicate,
      failed: t.failed,
      accepted: t.rows_accepted,
      quarantined: t.rows_quarantined,
    },
    lists,
    scan,
    eval: evalOut,
    totals,
  }
}
