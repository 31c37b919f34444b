// Reads generated day files back and checks a planted pattern against the detection rules of
// ARCHITECTURE.md ("Detection semantics"). Used by the tests and handy when changing a builder:
// an empty list of problems means the pattern meets its rule.
import { readFileSync } from 'node:fs'
import type { TruthPattern } from '../schema/truth.ts'
import { HUB_COUNTRIES, SANCTIONED_COUNTRIES } from './countries.ts'
import { CONTROLLED_HS, VAGUE_DESCRIPTIONS } from './goods.ts'
import { maxOf, minOf } from '../util/array.ts'

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
const REFUND = /refund|rückerstattung|remboursement|reembolso/i

function span(rows: Row[]): number {
  const ts = rows.map((r) => r.ts)
  return maxOf(ts) - minOf(ts)
}

/** Checks one chain of hops: path, order, forwarding share and dwell. */
function chain(rows: Row[], minShare: number, maxDwell: number, p: string[]): void {
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1], rows[i]]
    if (a.creditor !== b.debtor) p.push(`hop ${i} does not continue the path`)
    if (!(b.ts > a.ts)) p.push(`hop ${i} is not later than hop ${i - 1}`)
    if (b.amount < a.amount * minShare)
      p.push(`hop ${i} forwards ${(b.amount / a.amount).toFixed(3)} < ${minShare}`)
    if (b.ts - a.ts > maxDwell)
      p.push(`hop ${i} dwell ${((b.ts - a.ts) / H).toFixed(1)} h too long`)
  }
}

function flows(rows: Row[]) {
  const inOf = new Map<string, Row[]>()
  const outOf = new Map<string, Row[]>()
  for (const r of rows) {
    inOf.set(r.creditor, [...(inOf.get(r.creditor) ?? []), r])
    outOf.set(r.debtor, [...(outOf.get(r.debtor) ?? []), r])
  }
  return { inOf, outOf }
}

const sum = (rows: Row[]) => rows.reduce((s, r) => s + r.amount, 0)

/** Pass-through accounts (both receive and send): forward ≥ share of their inflow, after receiving. */
function passThrough(rows: Row[], share: number, p: string[]): string[] {
  const { inOf, outOf } = flows(rows)
  const mids = [...inOf.keys()].filter((a) => outOf.has(a))
  for (const m of mids) {
    const ins = inOf.get(m)!
    const outs = outOf.get(m)!
    if (sum(outs) < share * sum(ins))
      p.push(`${m} passes on only ${(sum(outs) / sum(ins)).toFixed(3)}`)
    const firstIn = minOf(ins, (r) => r.ts)
    if (outs.some((o) => o.ts <= firstIn)) p.push(`${m} sends before it receives`)
  }
  return mids
}

export function checkPattern(pattern: TruthPattern, rows: Row[]): string[] {
  const p: string[] = []
  if (rows.length !== pattern.tx_ids.length)
    return [`${pattern.tx_ids.length - rows.length} transfers missing`]
  const senders = new Set(rows.map((r) => r.debtor))
  const receivers = new Set(rows.map((r) => r.creditor))
  switch (pattern.typology) {
    case 'cycle': {
      const k = rows.length
      if (k < 2 || k > 8) p.push(`${k} hops`)
      if (senders.size !== k) p.push('accounts repeat')
      if (rows[k - 1].creditor !== rows[0].debtor) p.push('does not close')
      chain(rows, 0.7, Infinity, p)
      for (let i = 1; i < k; i++) {
        const r = rows[i].amount / rows[i - 1].amount
        if (r > 1.1) p.push(`hop ${i} ratio ${r.toFixed(3)} > 1.1`)
        if (k === 2 && Math.abs(1 - r) > 0.02) p.push('2-cycle amounts differ by more than 2%')
      }
      if (k === 2 && rows.some((r) => REFUND.test(r.purpose)))
        p.push('2-cycle carries refund wording')
      if (span(rows) > 30 * DAY) p.push('span over 30 days')
      break
    }
    case 'layering':
      if (rows.length < 3) p.push('fewer than 3 hops')
      if (new Set([...senders, ...receivers]).size !== rows.length + 1) p.push('accounts repeat')
      chain(rows, 0.8, 72 * H, p)
      break
    case 'random': {
      // The opening simple path (≥ 3 hops, ≥ half the walk) must be a layering chain.
      const n = Math.max(3, Math.ceil(rows.length / 2))
      const head = rows.slice(0, n)
      if (new Set([...head.map((r) => r.debtor), head[n - 1].creditor]).size !== n + 1)
        p.push(`first ${n} hops repeat accounts`)
      chain(head, 0.8, 72 * H, p)
      chain(rows, 0, Infinity, p)
      break
    }
    case 'scatter_gather':
    case 'gather_scatter':
    case 'bipartite':
    case 'stack': {
      if (span(rows) > 7 * DAY) p.push('span over 7 days')
      const mids = passThrough(rows, 0.8, p)
      const sources = [...senders].filter((a) => !receivers.has(a))
      const sinks = [...receivers].filter((a) => !senders.has(a))
      const t = pattern.typology
      if (t === 'scatter_gather' && (sources.length !== 1 || sinks.length !== 1 || mids.length < 3))
        p.push('not one source, ≥ 3 intermediaries, one sink')
      if (t === 'gather_scatter' && (mids.length !== 1 || sources.length < 3 || sinks.length < 3))
        p.push('not ≥ 3 sources, one hub, ≥ 3 destinations')
      if (t === 'bipartite' && (mids.length !== 0 || sources.length < 3 || sinks.length < 3))
        p.push('not two sets of ≥ 3')
      if (t === 'stack' && (mids.length < 3 || sources.length < 3 || sinks.length < 3))
        p.push('not layers of ≥ 3')
      break
    }
    case 'fan_in':
    case 'fan_out': {
      // The centre is in every transfer; besides the fan it may cash out (fan-in) or be fed (fan-out).
      const inward = pattern.typology === 'fan_in'
      const all = [...senders, ...receivers]
      const centre = all.find((a) => rows.every((r) => r.debtor === a || r.creditor === a))
      if (!centre) {
        p.push('no account in every transfer')
        break
      }
      const fanRows = rows.filter((r) => (inward ? r.creditor : r.debtor) === centre)
      const others = new Set(fanRows.map((r) => (inward ? r.debtor : r.creditor)))
      if (others.size < 8 || others.size !== fanRows.length)
        p.push(`${others.size} distinct counterparties`)
      if (span(fanRows) > 72 * H) p.push('fan spans over 72 h')
      if (fanRows.length < rows.length - 2) p.push('more than two pass-through legs')
      break
    }
    case 'structuring':
      if (rows.length < 3) p.push('fewer than 3 transfers')
      if (senders.size !== 1 && receivers.size !== 1) p.push('no common account')
      if (rows.some((r) => r.amount < 9000 || r.amount >= 10_000))
        p.push('amount outside [9,000, 10,000)')
      if (span(rows) > 7 * DAY) p.push('span over 7 days')
      break
    case 'sanctions':
      if (!pattern.listed.length) p.push('no listed party')
      else if (rows.some((r) => r.creditor !== pattern.listed[0].account))
        p.push('payee is not the listed party')
      break
    case 'goods_mismatch': {
      const risky = new Set<string>([...HUB_COUNTRIES, ...SANCTIONED_COUNTRIES])
      for (const r of rows) {
        if (!CONTROLLED_HS.has(r.hs.replace(/\./g, '').slice(0, 6)))
          p.push(`HS ${r.hs} not controlled`)
        if (!VAGUE_DESCRIPTIONS.some((v) => r.purpose.includes(v)))
          p.push(`purpose '${r.purpose}' not vague`)
        if (!risky.has(r.debtor_country) && !risky.has(r.creditor_country))
          p.push('route not risky')
      }
      break
    }
  }
  return p
}
