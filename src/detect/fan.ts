// Typologies: fan-in and fan-out (FATF Red Flag Indicators 2021: "many transfers from/to unrelated
// parties in a short period"; AMLSim fan_in / fan_out; AMLworld FAN-IN / FAN-OUT up to 16 degrees).
//
// A fan is judged against the centre's own behaviour (detect/accounts.ts), not by its width alone:
// a business that pays its forty usual suppliers every month is not a fan-out.
// Burst: within window_hours the centre pays (fan-out) or is paid by (fan-in) at least
// min_counterparties counterparties it had never dealt with before (when at least
// evidence.min_history_days of data precede the burst; before that every counterparty counts and the
// finding says so), and at least min_burst_factor times as many as it usually adds in that time
// (its rate of new counterparties in the history before the burst): a merchant that gains customers
// every day is not bursting. Windows are taken earliest first and do not overlap.
// Fans of one unusual value moved over weeks (AMLSim's) are value flows (detect/value-flows.ts).
// Each finding carries the measures that tell payroll and merchants from mules:
//   payroll_share  share of the burst's transfers with salary/payroll wording in the purpose;
//   repeat_share   share of its counterparties the centre also dealt with 20–40 days apart
//                  (a monthly rhythm) within the window;
//   pass_through   fan-out: money the centre received in its largest pass_max_legs (3) transfers
//                  in within pass_horizon_days (7) before the burst, over the burst's outflow;
//                  fan-in: its largest pass_max_legs payments on within pass_horizon_days after,
//                  over the inflow (a mule is fed and pays on in a few transfers, days later at
//                  most); pass_scattered = 1 when those few carry less than 80% of that side's
//                  money over the horizon (a busy account's: then PASS_THROUGH does not count);
//   median_amount, amount_cv, batch_hours, burst_ratio (new counterparties over the usual),
//   new_counterparties (how many were new), history (1 when novelty could be judged),
//   even_split (1 when the amounts are near-equal, amount_cv < even_split_cv, and the centre
//   passed the money on: one sum split evenly through a mule, FATF's "similar amounts").
// The finding's transfers are the fan plus, when the centre passed its money on (pass_through
// 0.8–1.5, not scattered), the legs on the other side counted in pass_through (the funding of a
// fan-out, the onward payments of a fan-in).
// payroll_like = fan-out with less than half its money received within window_hours before, and
// payroll_share ≥ 0.5 or repeat_share ≥ 0.5; merchant_like = fan-in with less than half of it paid
// on within window_hours after, and median_amount ≤ small_amount (a business's takings of the last
// days, not a funding days earlier). With drop_payroll_like / drop_merchant_like (default on) such
// fans are not reported at all.
import type { PaymentGraph } from '../graph/index.ts'
import { FLAG_PAYROLL, MICROS_PER_DAY, MICROS_PER_HOUR, microsOfIso } from '../graph/index.ts'
import type { FanFinding } from '../schema/finding.ts'
import type { DetectConfig } from './config.ts'
import { accountView, type AccountView } from './accounts.ts'
import { baseOf, duration, round2, round3, short } from './common.ts'
import { EVIDENCE_DEFAULTS, type EvidenceConfig } from './evidence.ts'
import { fmt } from './scatter-gather.ts'

type Options = DetectConfig['fan']
type Dir = 'in' | 'out'

export function fanBursts(
  g: PaymentGraph,
  o: Options,
  evidence: EvidenceConfig = EVIDENCE_DEFAULTS,
  /** Search only the centres marked 1 (incremental scans, detect/incremental.ts); default all. */
  seeds?: Uint8Array,
): FanFinding[] {
  const view = accountView(g)
  const out: FanFinding[] = []
  const count = new Int32Array(g.nodeCount)
  const win = o.window_hours * MICROS_PER_HOUR
  const minHistory = evidence.min_history_days * MICROS_PER_DAY
  const windowHours = Math.max(
    o.window_hours,
    (microsOfIso(g.window.to) - microsOfIso(g.window.from)) / MICROS_PER_HOUR,
  )
  for (const dir of ['out', 'in'] as const) {
    const start = dir === 'out' ? g.outStart : g.inStart
    const at = dir === 'out' ? (i: number) => i : (i: number) => g.inEdges[i]
    const other = dir === 'out' ? g.dst : g.src
    for (let v = 0; v < g.nodeCount; v++) {
      if (seeds && !seeds[v]) continue
      const a = start[v]
      const b = start[v + 1]
      if (b - a < o.min_counterparties) continue
      // An edge is "new" when it is the first transfer of its pair ever (no lookback, none earlier).
      const isNew = (e: number) => {
        const p = g.edgePair[e]
        return view.baseline.pairPrior[p] === 0 && g.pairEdges[g.pairEdgeStart[p]] === e
      }
      let newBefore = 0 // new counterparties of v (this direction) before the current window
      const lookbackParties =
        dir === 'out' ? view.baseline.outParties[v] : view.baseline.inParties[v]
      const windowParties =
        dir === 'out'
          ? g.pairStart[v + 1] - g.pairStart[v]
          : g.inPairStart[v + 1] - g.inPairStart[v]
      // An edge counts when it makes a new counterparty, or when too little history precedes it to
      // tell (then every counterparty counts and the finding says so).
      const counted = (e: number) => g.ts[e] - view.historyStart < minHistory || isNew(e)
      // Sliding window [ts(i), ts(i) + win] over the counted edges, distinct counterparties kept
      // incrementally (two pointers: linear in the account's transfers).
      let distinct = 0
      let i = a
      let j = a
      while (i < b) {
        const t0 = g.ts[at(i)]
        while (j < b && g.ts[at(j)] - t0 <= win) {
          const e = at(j)
          if (counted(e) && count[other[e]]++ === 0) distinct++
          j++
        }
        const judged = t0 - view.historyStart >= minHistory
        const historyDays = Math.max(1, (t0 - view.historyStart) / MICROS_PER_DAY)
        // The usual rate of new counterparties: from the history before the burst when there is
        // enough of it, else from the account's counterparties over the whole window (a business
        // that pays forty suppliers twice a month is not bursting on either day).
        const usual = judged
          ? ((newBefore + lookbackParties) / historyDays) * (o.window_hours / 24)
          : (windowParties * o.window_hours) / windowHours
        if (distinct >= o.min_counterparties && distinct >= o.min_burst_factor * usual) {
          const edges: number[] = []
          for (let k = i; k < j; k++) if (counted(at(k))) edges.push(at(k))
          const f = fanFinding(g, view, dir, v, edges, o, evidence, {
            burst: usual > 0 ? distinct / usual : distinct,
            newCount: judged ? distinct : -1,
            mode: 'burst',
          })
          if (f) out.push(f)
          for (let k = i; k < j; k++) {
            const e = at(k)
            if (isNew(e)) newBefore++
            if (counted(e)) count[other[e]] = 0
          }
          distinct = 0
          i = j
          continue
        }
        const e = at(i)
        if (isNew(e)) newBefore++
        if (counted(e) && --count[other[e]] === 0) distinct--
        i++
        if (j < i) j = i
      }
      for (let k = i; k < j; k++) count[other[at(k)]] = 0
    }
  }
  return out
}

function fanFinding(
  g: PaymentGraph,
  view: AccountView,
  dir: Dir,
  v: number,
  edges: number[],
  o: Options,
  evidence: EvidenceConfig,
  how: { burst: number; newCount: number; mode: 'burst' | 'value' },
): FanFinding | undefined {
  const { val } = view.money
  const other = dir === 'out' ? g.dst : g.src
  const parties = [...new Set(edges.map((e) => other[e]))].sort((a, b) => a - b)
  const amounts = edges.map((e) => val[e]).sort((a, b) => a - b)
  const total = amounts.reduce((s, x) => s + x, 0)
  const mean = total / amounts.length
  const sd = Math.sqrt(amounts.reduce((s, x) => s + (x - mean) ** 2, 0) / amounts.length)
  const median = amounts[amounts.length >> 1]
  let t0 = Infinity
  let t1 = -Infinity
  for (const e of edges) {
    t0 = Math.min(t0, g.ts[e])
    t1 = Math.max(t1, g.ts[e])
  }
  const horizon = Math.max(o.window_hours * MICROS_PER_HOUR, o.pass_horizon_days * MICROS_PER_DAY)
  let payroll = 0
  for (const e of edges) if (g.flags[e] & FLAG_PAYROLL) payroll++
  // Money on the other side of the centre: received before a fan-out, paid on after a fan-in,
  // within the horizon; only its largest few legs count (a mule is fed, and pays on, in a few
  // transfers; a busy account's many other transfers summing to a similar total are not that).
  const legs: number[] = [] // the largest pass_max_legs, kept sorted by value (descending)
  const consider = (e: number) => {
    if (legs.length === o.pass_max_legs && val[e] <= val[legs[legs.length - 1]]) return
    let k = legs.length < o.pass_max_legs ? legs.length : legs.length - 1
    while (k > 0 && val[legs[k - 1]] < val[e]) {
      legs[k] = legs[k - 1]
      k--
    }
    legs[k] = e
  }
  // The legs within window_hours (all of them: payroll and merchants are judged on these, as a
  // business's takings of the last days) and within the horizon (all, and the largest few).
  const win = o.window_hours * MICROS_PER_HOUR
  let shortSide = 0
  let longSide = 0
  const side = (e: number, gap: number) => {
    longSide += val[e]
    consider(e)
    if (gap <= win) shortSide += val[e]
  }
  if (dir === 'out') {
    for (let i = g.inStart[v]; i < g.inStart[v + 1]; i++) {
      const e = g.inEdges[i]
      if (g.ts[e] <= t1 && g.ts[e] >= t0 - horizon) side(e, t0 - g.ts[e])
    }
  } else {
    for (let e = g.outStart[v]; e < g.outStart[v + 1]; e++)
      if (g.ts[e] >= t0 && g.ts[e] <= t1 + horizon) side(e, g.ts[e] - t1)
  }
  let top = 0
  for (const e of legs) top += val[e]
  // The few largest legs are a mule's funding or onward payment when they carry most of that
  // side's money over the horizon; among a busy account's many payments they are not (the measure
  // says so: pass_scattered, and PASS_THROUGH does not count then).
  const concentrated = top > 0 && top >= 0.8 * longSide
  const otherSide = top
  const passThrough = Math.min(otherSide / total, 9.99)
  const passShort = Math.min(shortSide / total, 9.99)
  const repeat = repeatShare(g, dir, v, new Set(parties), t0, t1)
  const payrollShare = payroll / edges.length
  const payrollLike = dir === 'out' && passShort < 0.5 && (payrollShare >= 0.5 || repeat >= 0.5)
  const merchantLike = dir === 'in' && passShort < 0.5 && median <= o.small_amount
  if ((payrollLike && o.drop_payroll_like) || (merchantLike && o.drop_merchant_like)) return
  const hours = (t1 - t0) / MICROS_PER_HOUR
  const cv = mean > 0 ? sd / mean : 0
  const typology = dir === 'out' ? 'fan_out' : 'fan_in'
  const who = short(g.accounts[v])
  const newWord = how.newCount >= 0 ? ' new' : ''
  const what = how.mode === 'value' ? ` the same amount (about ${fmt(median)})` : ` ${fmt(total)}`
  const explanation =
    dir === 'out'
      ? `${who} paid ${parties.length} distinct${newWord} accounts${what} within ${duration(hours)}`
      : `${parties.length} distinct${newWord} accounts paid ${who}${what} within ${duration(hours)}`
  // The few legs that fed a fan-out (or carried a fan-in on) belong to the pattern when they passed
  // its money on (pass_through 0.8–1.5): they show where the money came from or went.
  const passed = passThrough >= 0.8 && passThrough <= 1.5
  const fed = passed && concentrated ? legs : []
  const feeders = [...new Set(fed.map((e) => (dir === 'out' ? g.src[e] : g.dst[e])))]
  const inParties = new Set(parties)
  const accounts = [
    v,
    ...parties,
    ...feeders.filter((a) => !inParties.has(a) && a !== v).sort((a, b) => a - b),
  ]
  return {
    typology,
    ...baseOf(g, {
      typology,
      edges: [...edges, ...fed],
      amounts: dir === 'out' ? { in: otherSide, out: total } : { in: total, out: otherSide },
      explanation,
      accounts,
      evidence,
    }),
    measures: {
      width: parties.length,
      center: g.accounts[v],
      payroll_share: round3(payrollShare),
      repeat_share: round3(repeat),
      pass_through: round3(passThrough),
      median_amount: round2(median),
      amount_cv: round3(cv),
      batch_hours: round2(hours),
      burst_ratio: round2(how.burst),
      payroll_like: payrollLike,
      merchant_like: merchantLike,
      new_counterparties: how.newCount >= 0 ? how.newCount : undefined,
      history: how.newCount >= 0 ? 1 : 0,
      same_value: how.mode === 'value' ? 1 : 0,
      even_split:
        cv < o.even_split_cv && concentrated && passThrough >= 0.8 && passThrough <= 1.25 ? 1 : 0,
      pass_scattered: concentrated ? 0 : 1,
    },
  }
}

/** Share of `parties` the centre also dealt with (same direction) 20–40 days before or after. */
function repeatShare(
  g: PaymentGraph,
  dir: Dir,
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
