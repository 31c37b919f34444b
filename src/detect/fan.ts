// Typologies: fan-in and fan-out bursts (FATF Red Flag Indicators 2021: "many transfers from/to
// unrelated parties in a short period"; AMLSim fan_in / fan_out).
//
// A burst is ≥ min_counterparties distinct counterparties paying (fan-in) or paid by (fan-out) one
// account within window_hours, and at least min_burst_factor times the account's usual transfer rate
// (its transfers in the whole window scaled to window_hours), so steady hubs are not bursts.
// Windows are taken earliest first and do not overlap.
// Hard negatives: payroll and merchants. Each finding carries the measures that tell them apart:
//   payroll_share  share of the burst's transfers with salary/payroll wording in the purpose;
//   repeat_share   share of its counterparties the centre also paid/was paid by 20–40 days apart
//                  (a monthly rhythm) within the window;
//   pass_through   fan-out: money the centre received in the window_hours before the burst, over
//                  the burst's outflow; fan-in: money the centre paid on in the window_hours after,
//                  over the inflow (a mule moves the money on, a payer or merchant does not);
//   median_amount, amount_cv (coefficient of variation), batch_hours (the burst's own span),
//   burst_ratio (burst transfers over the usual rate).
// The finding's transfers are the burst plus, when they are no more than its width, the legs on the
// other side counted in pass_through (the funding of a fan-out, the onward payments of a fan-in).
// payroll_like = fan-out with pass_through < 0.5 and (payroll_share ≥ 0.5 or repeat_share ≥ 0.5);
// merchant_like = fan-in with pass_through < 0.5 and median_amount ≤ small_amount. With
// drop_payroll_like / drop_merchant_like (default on) such bursts are not reported at all.
import type { PaymentGraph } from '../graph/index.ts'
import { FLAG_PAYROLL, MICROS_PER_DAY, MICROS_PER_HOUR, microsOfIso } from '../graph/index.ts'
import type { FanFinding } from '../schema/finding.ts'
import type { DetectConfig } from './config.ts'
import { baseOf, duration, round2, round3, short } from './common.ts'
import { fmt } from './scatter-gather.ts'

export function fanBursts(g: PaymentGraph, o: DetectConfig['fan']): FanFinding[] {
  const out: FanFinding[] = []
  const count = new Int32Array(g.nodeCount)
  const win = o.window_hours * MICROS_PER_HOUR
  const windowLength = Math.max(win, microsOfIso(g.window.to) - microsOfIso(g.window.from))
  for (const dir of ['out', 'in'] as const) {
    const start = dir === 'out' ? g.outStart : g.inStart
    const at = dir === 'out' ? (i: number) => i : (i: number) => g.inEdges[i]
    const other = dir === 'out' ? g.dst : g.src
    for (let v = 0; v < g.nodeCount; v++) {
      const a = start[v]
      const b = start[v + 1]
      if (b - a < o.min_counterparties) continue
      // The account's usual number of transfers per window_hours, over the whole window.
      const usual = ((b - a) * win) / windowLength
      let distinct = 0
      let j = a
      let i = a
      while (i < b) {
        const t0 = g.ts[at(i)]
        while (j < b && g.ts[at(j)] - t0 <= win) {
          if (count[other[at(j)]]++ === 0) distinct++
          j++
        }
        if (distinct >= o.min_counterparties && j - i >= o.min_burst_factor * usual) {
          const edges: number[] = []
          for (let k = i; k < j; k++) edges.push(at(k))
          const f = fanFinding(g, dir, v, edges, o, (j - i) / usual)
          if (f) out.push(f)
          for (let k = i; k < j; k++) count[other[at(k)]] = 0
          distinct = 0
          i = j
          continue
        }
        if (--count[other[at(i)]] === 0) distinct--
        i++
      }
      for (let k = i; k < j; k++) count[other[at(k)]] = 0
    }
  }
  return out
}

function fanFinding(
  g: PaymentGraph,
  dir: 'in' | 'out',
  v: number,
  edges: number[],
  o: DetectConfig['fan'],
  burst: number,
): FanFinding | undefined {
  const other = dir === 'out' ? g.dst : g.src
  const parties = [...new Set(edges.map((e) => other[e]))].sort((a, b) => a - b)
  const amounts = edges.map((e) => g.amount[e]).sort((a, b) => a - b)
  const total = amounts.reduce((s, x) => s + x, 0)
  const mean = total / amounts.length
  const sd = Math.sqrt(amounts.reduce((s, x) => s + (x - mean) ** 2, 0) / amounts.length)
  const median = amounts[amounts.length >> 1]
  const t0 = edges.reduce((m, e) => Math.min(m, g.ts[e]), Infinity)
  const t1 = edges.reduce((m, e) => Math.max(m, g.ts[e]), -Infinity)
  const win = o.window_hours * MICROS_PER_HOUR
  let payroll = 0
  for (const e of edges) if (g.flags[e] & FLAG_PAYROLL) payroll++
  // Money on the other side of the centre: received before a fan-out, paid on after a fan-in.
  let other_side = 0
  const legs: number[] = []
  if (dir === 'out') {
    for (let i = g.inStart[v]; i < g.inStart[v + 1]; i++) {
      const e = g.inEdges[i]
      if (g.ts[e] <= t1 && g.ts[e] >= t0 - win) {
        other_side += g.amount[e]
        legs.push(e)
      }
    }
  } else {
    for (let e = g.outStart[v]; e < g.outStart[v + 1]; e++)
      if (g.ts[e] >= t0 && g.ts[e] <= t1 + win) {
        other_side += g.amount[e]
        legs.push(e)
      }
  }
  const passThrough = Math.min(other_side / total, 9.99)
  const repeat = repeatShare(g, dir, v, new Set(parties), t0, t1)
  const payrollShare = payroll / edges.length
  const payrollLike = dir === 'out' && passThrough < 0.5 && (payrollShare >= 0.5 || repeat >= 0.5)
  const merchantLike = dir === 'in' && passThrough < 0.5 && median <= o.small_amount
  if ((payrollLike && o.drop_payroll_like) || (merchantLike && o.drop_merchant_like)) return
  const hours = (t1 - t0) / MICROS_PER_HOUR
  const typology = dir === 'out' ? 'fan_out' : 'fan_in'
  const who = short(g.accounts[v])
  const explanation =
    dir === 'out'
      ? `${who} paid ${parties.length} distinct accounts ${fmt(total)} within ${duration(hours)}`
      : `${parties.length} distinct accounts paid ${who} ${fmt(total)} within ${duration(hours)}`
  // The few legs that fed a fan-out (or carried a fan-in on) belong to the pattern: they show where
  // the money came from or went. A busy account's many other transfers do not.
  const fed = legs.length <= parties.length ? legs : []
  const feeders = [...new Set(fed.map((e) => (dir === 'out' ? g.src[e] : g.dst[e])))]
  const accounts = [
    v,
    ...parties,
    ...feeders.filter((a) => !parties.includes(a)).sort((a, b) => a - b),
  ]
  return {
    typology,
    ...baseOf(
      g,
      typology,
      [...edges, ...fed],
      dir === 'out' ? { in: other_side, out: total } : { in: total, out: other_side },
      explanation,
      accounts,
    ),
    measures: {
      width: parties.length,
      center: g.accounts[v],
      payroll_share: round3(payrollShare),
      repeat_share: round3(repeat),
      pass_through: round3(passThrough),
      median_amount: round2(median),
      amount_cv: round3(mean > 0 ? sd / mean : 0),
      batch_hours: round2(hours),
      burst_ratio: round2(burst),
      payroll_like: payrollLike,
      merchant_like: merchantLike,
    },
  }
}

/** Share of `parties` the centre also dealt with (same direction) 20–40 days before or after. */
function repeatShare(
  g: PaymentGraph,
  dir: 'in' | 'out',
  v: number,
  parties: Set<number>,
  t0: number,
  t1: number,
): number {
  const lo = 20 * MICROS_PER_DAY
  const hi = 40 * MICROS_PER_DAY
  const hit = new Set<number>()
  const check = (e: number, w: number) => {
    if (!parties.has(w)) return
    const d = g.ts[e] < t0 ? t0 - g.ts[e] : g.ts[e] - t1
    if (d >= lo && d <= hi) hit.add(w)
  }
  if (dir === 'out') for (let e = g.outStart[v]; e < g.outStart[v + 1]; e++) check(e, g.dst[e])
  else
    for (let i = g.inStart[v]; i < g.inStart[v + 1]; i++) check(g.inEdges[i], g.src[g.inEdges[i]])
  return hit.size / parties.size
}
