// Reads generated day files back and checks a planted pattern against its typology's public
// definition (AMLSim / AMLworld / FATF, as the builders cite them) — not against any detector's
// thresholds: a cycle returns money to where it started, a chain passes it on, a fan has 4–16
// counterparties, and so on. Amounts are compared in EUR through the sample rates (fx.ts). Used by
// the tests and handy when changing a builder: an empty list of problems means the pattern holds.
import { readFileSync } from 'node:fs'
import type { TruthPattern } from '../schema/truth.ts'
import { HUB_COUNTRIES, SANCTIONED_COUNTRIES } from './countries.ts'
import { toEur } from './fx.ts'
import { CONSUMER_DESCRIPTIONS, CONTROLLED_HS } from './goods.ts'

export interface Row {
  tx_id: string
  ts: number
  amount: number
  currency: string
  debtor: string
  debtor_name: string
  debtor_country: string
  creditor: string
  creditor_name: string
  creditor_country: string
  purpose: string
  hs: string
}

/** RFC 4180 CSV (quoted fields with doubled quotes) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else if (ch !== '\r') field += ch
  }
  if (field || row.length) rows.push([...row, field])
  return rows
}

export function readDayCsv(file: string): Row[] {
  const [, ...lines] = parseCsv(readFileSync(file, 'utf8'))
  return lines.map((f) => ({
    tx_id: f[0],
    ts: Date.parse(f[1]),
    amount: Number(f[2]),
    currency: f[3],
    debtor: f[4],
    debtor_name: f[5],
    debtor_country: f[6],
    creditor: f[8],
    creditor_name: f[9],
    creditor_country: f[10],
    purpose: f[12],
    hs: f[13],
  }))
}

const H = 3_600_000
const DAY = 24 * H

const eur = (r: Row) => toEur(r.amount, r.currency, r.ts)
const sum = (rows: Row[]) => rows.reduce((s, r) => s + eur(r), 0)

function flows(rows: Row[]) {
  const inOf = new Map<string, Row[]>()
  const outOf = new Map<string, Row[]>()
  for (const r of rows) {
    inOf.set(r.creditor, [...(inOf.get(r.creditor) ?? []), r])
    outOf.set(r.debtor, [...(outOf.get(r.debtor) ?? []), r])
  }
  return { inOf, outOf }
}

/** Accounts that both receive and send must pass most of what they receive on (≥ 50% in EUR). */
function passOn(rows: Row[], p: string[]): string[] {
  const { inOf, outOf } = flows(rows)
  const mids = [...inOf.keys()].filter((a) => outOf.has(a))
  for (const m of mids) {
    const share = sum(outOf.get(m)!) / sum(inOf.get(m)!)
    if (share < 0.5) p.push(`${m} passes on only ${share.toFixed(3)} of what it receives`)
  }
  return mids
}

/** A chain: each hop starts where the last one ended. */
function walk(rows: Row[], p: string[]): void {
  for (let i = 1; i < rows.length; i++)
    if (rows[i - 1].creditor !== rows[i].debtor) p.push(`hop ${i} does not continue the walk`)
}

export function checkPattern(pattern: TruthPattern, rows: Row[]): string[] {
  const p: string[] = []
  if (rows.length !== pattern.tx_ids.length)
    return [`${pattern.tx_ids.length - rows.length} transfers missing`]
  const senders = new Set(rows.map((r) => r.debtor))
  const receivers = new Set(rows.map((r) => r.creditor))
  const sources = [...senders].filter((a) => !receivers.has(a))
  const sinks = [...receivers].filter((a) => !senders.has(a))
  switch (pattern.typology) {
    case 'cycle': {
      // Transfers in truth order go round the ring (their times may be in any order).
      const k = rows.length
      if (k < 2 || k > 12) p.push(`${k} hops`)
      if (senders.size !== k || receivers.size !== k) p.push('accounts repeat')
      walk(rows, p)
      if (rows[k - 1].creditor !== rows[0].debtor) p.push('does not close')
      const back = eur(rows[k - 1]) / eur(rows[0])
      if (back < 0.5 || back > 1.02) p.push(`${back.toFixed(3)} of the value comes back`)
      break
    }
    case 'layering':
      if (rows.length < 3) p.push('fewer than 3 hops')
      if (new Set([...senders, ...receivers]).size !== rows.length + 1) p.push('accounts repeat')
      walk(rows, p)
      for (let i = 1; i < rows.length; i++) {
        if (!(rows[i].ts > rows[i - 1].ts)) p.push(`hop ${i} is not after hop ${i - 1}`)
        const r = eur(rows[i]) / eur(rows[i - 1])
        if (r < 0.5 || r > 1.02) p.push(`hop ${i} passes on ${r.toFixed(3)}`)
      }
      break
    case 'random':
      if (rows.length < 4 || rows.length > 10) p.push(`${rows.length} hops`)
      walk(rows, p)
      for (let i = 1; i < rows.length; i++)
        if (!(rows[i].ts > rows[i - 1].ts)) p.push(`hop ${i} is not after hop ${i - 1}`)
      break
    case 'scatter_gather': {
      const mids = passOn(rows, p)
      if (sources.length !== 1 || sinks.length !== 1 || mids.length < 3 || mids.length > 16)
        p.push('not one source, 3–16 intermediaries, one sink')
      break
    }
    case 'gather_scatter': {
      const mids = passOn(rows, p)
      if (mids.length !== 1 || sources.length < 3 || sinks.length < 3)
        p.push('not ≥ 3 sources, one hub, ≥ 3 destinations')
      break
    }
    case 'bipartite':
      if ([...senders].some((a) => receivers.has(a))) p.push('an account both sends and receives')
      if (senders.size < 2 || receivers.size < 2 || senders.size > 6 || receivers.size > 6)
        p.push('not two sets of 2–6')
      break
    case 'stack': {
      const mids = passOn(rows, p)
      if (mids.length < 2 || sources.length < 2 || sinks.length < 1) p.push('not layers of ≥ 2')
      break
    }
    case 'fan_in':
    case 'fan_out': {
      // The centre is in every transfer; besides the fan it may cash out (fan-in) or be fed (fan-out).
      const inward = pattern.typology === 'fan_in'
      const centre = [...senders, ...receivers].find((a) =>
        rows.every((r) => r.debtor === a || r.creditor === a),
      )
      if (!centre) {
        p.push('no account in every transfer')
        break
      }
      const fanRows = rows.filter((r) => (inward ? r.creditor : r.debtor) === centre)
      const others = new Set(fanRows.map((r) => (inward ? r.debtor : r.creditor)))
      if (others.size < 4 || others.size > 16 || others.size !== fanRows.length)
        p.push(`${others.size} distinct counterparties in ${fanRows.length} transfers`)
      const ts = fanRows.map((r) => r.ts)
      if (
        ts.reduce((a, b) => Math.max(a, b), 0) - ts.reduce((a, b) => Math.min(a, b), Infinity) >
        6 * DAY
      )
        p.push('fan spans more than a few days')
      break
    }
    case 'structuring': {
      if (rows.length < 3) p.push('fewer than 3 transfers')
      if (senders.size !== 1 && receivers.size !== 1) p.push('no common account')
      if (rows.some((r) => r.amount < 8_500 || r.amount >= 10_000))
        p.push('amount outside [85%, 100%) of 10,000')
      const ts = rows.map((r) => r.ts)
      if (
        ts.reduce((a, b) => Math.max(a, b), 0) - ts.reduce((a, b) => Math.min(a, b), Infinity) >
        11 * DAY
      )
        p.push('spread over more than 10 days')
      break
    }
    case 'sanctions': {
      const listed = new Set(pattern.listed.map((l) => l.account))
      if (!listed.size) p.push('no listed party')
      else if (!rows.some((r) => listed.has(r.creditor) || listed.has(r.debtor)))
        p.push('no transfer with the listed party')
      break
    }
    case 'goods_mismatch':
      for (const r of rows) {
        if (!CONTROLLED_HS.has(r.hs.replace(/\./g, '').slice(0, 6)))
          p.push(`HS ${r.hs} not controlled`)
        if (!CONSUMER_DESCRIPTIONS.some((v) => r.purpose.includes(v)))
          p.push(`purpose '${r.purpose}' declares no consumer goods`)
      }
      break
  }
  return p
}

/** Countries of diversion concern or under sanctions, for route checks in tests. */
export const RISKY_COUNTRIES = new Set<string>([...HUB_COUNTRIES, ...SANCTIONED_COUNTRIES])
