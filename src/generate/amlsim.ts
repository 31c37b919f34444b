// An IBM AMLSim run (github.com/IBM/AMLSim, Apache-2.0) as ringwatch day files and a truth.json.
// Input: DIR/transactions.csv (sourceNodeId,targetNodeId,value,time; time = day step) and
// DIR/nodes.csv (nodeid,isFraud,init_balance,fraudStep); header names case-insensitive, any order.
// Output: one canonical CSV file per step present (step 1 — or 0 when the run starts at 0 — is
// --start), every transaction one transfer (self-transfers too: ingest quarantines them as
// same_account), amounts in EUR, accounts `AMLSIM-000123`, no names, countries or banks; a time of
// day drawn deterministically per transfer from the background's business-hours profile (AMLSim
// steps carry no time, so transfers within one step have no real order); tx ids
// `AMLSIM-<run>-T0000001` (row number of transactions.csv). truth.json lists the labelled accounts
// (isFraud = 1) and the patterns reconstructed as amlsim-patterns.ts describes.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Truth } from '../schema/truth.ts'
import { BadInputError } from '../util/errors.ts'
import { reconstructPatterns } from './amlsim-patterns.ts'
import { readAmlsim, type AmlsimRun } from './amlsim-read.ts'
import { timeOfDay } from './background.ts'
import { party } from './parties.ts'
import { hashString } from './rng.ts'
import { DAY_MS } from './types.ts'
import { openDaySink } from './write.ts'

export const AMLSIM_CONVERTER_VERSION = 'ringwatch-amlsim/1'
export const AMLSIM_DEFAULT_START = '2025-01-01'

export { readAmlsim, type AmlsimRun }

/** `AMLSIM-000123` for numeric node ids, `AMLSIM-<id>` otherwise. */
export function amlsimAccount(id: string): string {
  return /^\d+$/.test(id) ? `AMLSIM-${id.padStart(6, '0')}` : `AMLSIM-${id}`
}

/** Run names go into tx ids: letters, digits, '_' and '-' only. */
function runTag(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, '_') || 'run'
}

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0
  return (x ^ (x >>> 16)) >>> 0
}

export interface AmlsimLayout {
  start: number
  /** The step that falls on the start day. */
  base: number
  txId: (i: number) => string
  /** Epoch ms of transfer i (whole seconds). */
  ts: (i: number) => number
}

export function amlsimLayout(run: AmlsimRun, start: string): AmlsimLayout {
  const t0 = Date.parse(`${start}T00:00:00Z`)
  let minStep = Infinity
  for (let i = 0; i < run.step.length; i++) if (run.step[i] < minStep) minStep = run.step[i]
  const base = minStep === 0 ? 0 : 1
  const tag = runTag(run.name)
  const salt = hashString(tag)
  return {
    start: t0,
    base,
    txId: (i) => `AMLSIM-${tag}-T${String(i + 1).padStart(7, '0')}`,
    ts: (i) => {
      const q = mix32((i + 1) ^ salt) / 4294967296
      return t0 + (run.step[i] - base) * DAY_MS + Math.floor(timeOfDay(q) / 1000) * 1000
    },
  }
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19) + 'Z'

/** truth.json of a run: labelled accounts and reconstructed patterns (no files written). */
export function amlsimTruth(run: AmlsimRun, start: string): Truth {
  const lay = amlsimLayout(run, start)
  const acc = (i: number) => amlsimAccount(run.nodeIds[i])
  const labelled: string[] = []
  let noStep = 0
  for (let i = 0; i < run.nodeIds.length; i++)
    if (run.labelled[i]) {
      labelled.push(acc(i))
      if (run.fraudStep[i] < 0) noStep++
    }
  let self = 0
  let minStep = Infinity
  let maxStep = -Infinity
  for (let i = 0; i < run.src.length; i++) {
    if (run.src[i] === run.dst[i]) self++
    minStep = Math.min(minStep, run.step[i])
    maxStep = Math.max(maxStep, run.step[i])
  }
  const rec = reconstructPatterns(run)
  const covered = new Set<number>()
  const patterns = rec.map((r, k) => {
    for (const a of r.accounts) covered.add(a)
    let first = Infinity
    let last = -Infinity
    let s0 = Infinity
    let s1 = -Infinity
    for (const i of r.tx) {
      const t = lay.ts(i)
      first = Math.min(first, t)
      last = Math.max(last, t)
      s0 = Math.min(s0, run.step[i])
      s1 = Math.max(s1, run.step[i])
    }
    return {
      id: `AMLSIM-R${String(k + 1).padStart(4, '0')}-${r.typology}`,
      typology: r.typology,
      tx_ids: r.tx.map(lay.txId),
      accounts: r.accounts.map(acc),
      flags: { controlled_goods: false, listed_party: false, route: [] },
      first_ts: iso(first),
      last_ts: iso(last),
      params: {
        reconstructed: true,
        method: 'one_value_passed_on',
        value: (r.cents / 100).toFixed(2),
        transfers: r.tx.length,
        steps: [s0, s1],
      },
    }
  })
  return Truth.parse({
    seed: 0,
    params: {
      source: 'amlsim',
      run: run.name,
      dir: run.dir,
      converter: AMLSIM_CONVERTER_VERSION,
      start,
      currency: 'EUR',
      rows: run.src.length,
      steps: [minStep, maxStep],
      step_on_start_day: lay.base,
      accounts: run.nodeIds.length,
      accounts_not_in_nodes: run.unknownNodes,
      labelled_accounts: labelled.length,
      labelled_without_fraud_step: noStep,
      self_transfers: self,
      reconstructed_patterns: patterns.length,
      labelled_accounts_in_reconstructed: covered.size,
      metadata: run.metadata,
      reconstruction:
        'transfers between two labelled accounts carrying one exact value, connected through shared accounts, ' +
        'with at least one account that receives and sends that value; cycle when they close a loop, else layering',
    },
    patterns,
    benign: [],
    labelled_accounts: labelled,
  })
}

export interface AmlsimSummary {
  source: string
  out: string
  rows: number
  files: string[]
  accounts: number
  labelled_accounts: number
  self_transfers: number
  patterns: number
  truth: string
}

/** Writes the day files and truth.json of an AMLSim run into out. */
export async function convertAmlsim(opts: {
  dir: string
  out: string
  start?: string
}): Promise<AmlsimSummary> {
  const start = opts.start ?? AMLSIM_DEFAULT_START
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || Number.isNaN(Date.parse(`${start}T00:00:00Z`)))
    throw new BadInputError(`--start ${start}: not a date (YYYY-MM-DD)`, { field: 'start' })
  const run = readAmlsim(opts.dir)
  const lay = amlsimLayout(run, start)
  const truth = amlsimTruth(run, start)
  mkdirSync(opts.out, { recursive: true })
  // Bucket rows by step (the file need not be sorted), each day in time order.
  const bySteps = new Map<number, number[]>()
  for (let i = 0; i < run.step.length; i++) {
    const list = bySteps.get(run.step[i])
    if (list) list.push(i)
    else bySteps.set(run.step[i], [i])
  }
  const parties = run.nodeIds.map((id) => party(amlsimAccount(id), '', '', '', 'person'))
  const files: string[] = []
  const steps = [...bySteps.keys()].sort((a, b) => a - b)
  for (const s of steps) {
    const rows = bySteps.get(s)!
    const ts = new Map<number, number>()
    for (const i of rows) ts.set(i, lay.ts(i))
    rows.sort((a, b) => ts.get(a)! - ts.get(b)! || a - b)
    const day = new Date(lay.start + (s - lay.base) * DAY_MS).toISOString().slice(0, 10)
    const file = join(opts.out, `${day}.csv`)
    const sink = openDaySink('csv', file)
    for (const i of rows)
      sink.add(
        lay.txId(i),
        iso(ts.get(i)!),
        (run.cents[i] / 100).toFixed(2),
        'EUR',
        parties[run.src[i]],
        parties[run.dst[i]],
        '',
        '',
      )
    await sink.close()
    files.push(file)
  }
  const truthPath = join(opts.out, 'truth.json')
  writeFileSync(truthPath, JSON.stringify(truth, null, 1) + '\n')
  return {
    source: run.dir,
    out: opts.out,
    rows: run.src.length,
    files,
    accounts: run.nodeIds.length,
    labelled_accounts: truth.labelled_accounts?.length ?? 0,
    self_transfers: Number(truth.params.self_transfers),
    patterns: truth.patterns.length,
    truth: truthPath,
  }
}
