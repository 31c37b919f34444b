// Money in one unit for the detectors: each transfer's value in the base currency at its date
// (graph.amountBase, from the reference-rate table), or, for a currency without any rate, its own
// amount in its own currency. Two transfers are comparable only in the same unit: a currency with no
// rate is compared only within itself, never silently dropped and never mixed with the others.
import type { PaymentGraph } from '../graph/index.ts'

export interface Money {
  /** Value per edge: base-currency amount, or own-currency amount where no rate exists. */
  val: Float64Array
  /** Unit per edge: 0 = base currency, c + 1 = currency c without a rate; without rates: c. */
  unit: Int32Array
  /** Label per unit for explanations: unit 0 is the base currency's code. */
  unitName(u: number): string
}

const cache = new WeakMap<PaymentGraph, Money>()

export function moneyOf(g: PaymentGraph): Money {
  let m = cache.get(g)
  if (m) return m
  const base = g.amountBase
  const val = new Float64Array(g.edgeCount)
  const unit = new Int32Array(g.edgeCount)
  if (!base) {
    // No reference rates loaded: each currency is its own unit.
    val.set(g.amount)
    for (let e = 0; e < g.edgeCount; e++) unit[e] = g.currency[e]
    m = { val, unit, unitName: (u) => g.currencies[u] }
  } else {
    for (let e = 0; e < g.edgeCount; e++) {
      const b = base[e]
      if (Number.isFinite(b) && b > 0) val[e] = b
      else {
        val[e] = g.amount[e]
        unit[e] = g.currency[e] + 1
      }
    }
    const baseName = g.baseCurrency ?? 'EUR'
    m = { val, unit, unitName: (u) => (u === 0 ? baseName : g.currencies[u - 1]) }
  }
  cache.set(g, m)
  return m
}
