// Hand-built window graphs for tests: transfers given as small records, turned into a PaymentGraph
// through the same buildGraph as production (flags from the same purpose patterns).
import {
  buildGraph,
  PAYROLL_PATTERN,
  REFUND_PATTERN,
  FLAG_PAYROLL,
  FLAG_REFUND,
} from '../graph/index.ts'
import type { PaymentGraph } from '../graph/index.ts'
import { MICROS_PER_HOUR, microsOfIso, isoOfMicros } from '../graph/index.ts'

export interface T {
  id: string
  from: string
  to: string
  /** Hours after `base`. */
  h: number
  amount: number
  currency?: string
  purpose?: string
}

export const BASE = '2026-03-01T00:00:00Z'

export function graphOf(ts: T[], base = BASE): PaymentGraph {
  const b = microsOfIso(base)
  const accounts = [...new Set(ts.flatMap((t) => [t.from, t.to]))]
  const id = new Map(accounts.map((a, i) => [a, i]))
  const currencies = [...new Set(ts.map((t) => t.currency ?? 'EUR'))]
  const refund = new RegExp(REFUND_PATTERN)
  const payroll = new RegExp(PAYROLL_PATTERN)
  const times = ts.map((t) => b + t.h * MICROS_PER_HOUR)
  return buildGraph({
    window: {
      from: isoOfMicros(times.reduce((m, t) => Math.min(m, t), b)),
      to: isoOfMicros(times.reduce((m, t) => Math.max(m, t), b)),
    },
    accounts,
    currencies,
    src: Int32Array.from(ts, (t) => id.get(t.from)!),
    dst: Int32Array.from(ts, (t) => id.get(t.to)!),
    ts: Float64Array.from(times),
    amount: Float64Array.from(ts, (t) => t.amount),
    currency: Uint16Array.from(ts, (t) => currencies.indexOf(t.currency ?? 'EUR')),
    flags: Uint8Array.from(ts, (t) => {
      const p = (t.purpose ?? '').toLowerCase()
      return (refund.test(p) ? FLAG_REFUND : 0) | (payroll.test(p) ? FLAG_PAYROLL : 0)
    }),
    txIds: ts.map((t) => t.id),
  })
}
