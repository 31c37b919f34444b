// The payment calendar: business days (weekends and the TARGET2 closing days that fall on fixed dates:
// 1 January, 1 May, 25 and 26 December; ECB, "TARGET2 closing days"), how scheduled payments move
// off a closed day (standing orders and invoices to the following business day, salaries to the
// preceding one: the usual "following" / "preceding" conventions of ISDA and of payroll practice),
// and the volume of each day: quieter weekends, busier month ends and first days of the month (rent,
// salaries, standing orders). Volumes follow the weekly and monthly patterns the ECB's payment
// statistics and the EPC's SEPA volume reports show; the factors are round orders of magnitude.
import { DAY_MS } from './types.ts'

export interface DayInfo {
  /** Index among all written days (history days first). */
  index: number
  /** Epoch ms of 00:00 UTC. */
  ms: number
  /** 0 = Sunday … 6 = Saturday. */
  dow: number
  /** Day of the month, 1–31, and the month's length. */
  dom: number
  dim: number
  business: boolean
  /** Nominal days of the month (1–31) whose payment, moved to the following business day, is today. */
  following: Uint8Array
  /** The same for the preceding business day (salaries). */
  preceding: Uint8Array
  /** Parity of the ISO-like week number since the epoch: fortnightly schedules use it. */
  weekParity: number
}

const FIXED_CLOSED = new Set(['01-01', '05-01', '12-25', '12-26'])

export function isBusinessDay(ms: number): boolean {
  const d = new Date(ms)
  const dow = d.getUTCDay()
  if (dow === 0 || dow === 6) return false
  return !FIXED_CLOSED.has(d.toISOString().slice(5, 10))
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m + 1, 0)).getUTCDate()
}

/** The execution day (epoch ms) of a nominal date moved off closed days. */
export function adjust(ms: number, rule: 'following' | 'preceding'): number {
  let t = ms
  while (!isBusinessDay(t)) t += rule === 'following' ? DAY_MS : -DAY_MS
  return t
}

/** Nominal day D of the month containing ms (clamped to the month's length), as epoch ms. */
function nominal(y: number, m: number, d: number): number {
  return Date.UTC(y, m, Math.min(d, daysInMonth(y, m)))
}

export function dayInfo(index: number, ms: number): DayInfo {
  const date = new Date(ms)
  const y = date.getUTCFullYear()
  const m = date.getUTCMonth()
  const following = new Uint8Array(32)
  const preceding = new Uint8Array(32)
  // A nominal date of this month or of a neighbouring month may land here once moved.
  for (const [yy, mm] of [
    [y, m - 1],
    [y, m],
    [y, m + 1],
  ]) {
    const yr = yy + Math.floor(mm / 12)
    const mo = ((mm % 12) + 12) % 12
    for (let d = 1; d <= 31; d++) {
      const n = nominal(yr, mo, d)
      if (adjust(n, 'following') === ms) following[d] = 1
      if (adjust(n, 'preceding') === ms) preceding[d] = 1
    }
  }
  return {
    index,
    ms,
    dow: date.getUTCDay(),
    dom: date.getUTCDate(),
    dim: daysInMonth(y, m),
    business: isBusinessDay(ms),
    following,
    preceding,
    weekParity: Math.floor((ms / DAY_MS + 3) / 7) % 2,
  }
}

/** Relative volume of a day: weekday, weekend, month-end and month-start peaks. */
export function dayWeight(info: DayInfo): number {
  // A weekday that is a closing day (1 May, Christmas) is as quiet as a Saturday.
  const base = info.business ? [1, 1.05, 1, 1, 1, 1.1, 1][info.dow] : info.dow === 0 ? 0.3 : 0.45
  const edge = info.dom >= info.dim - 2 || info.dom <= 2 ? 1.25 : 1
  return base * edge
}

/** Row targets per day: perDay × days in all, shared by weight, the remainder on the last day. */
export function dayTargets(infos: DayInfo[], perDay: number): number[] {
  const w = infos.map(dayWeight)
  const sum = w.reduce((a, b) => a + b, 0)
  const total = Math.round(perDay * infos.length)
  const out = w.map((x) => Math.round((total * x) / sum))
  const diff = total - out.reduce((a, b) => a + b, 0)
  out[out.length - 1] = Math.max(0, out[out.length - 1] + diff)
  return out
}

/** When a recurring payment falls due. */
export type Schedule =
  | { kind: 'monthly'; dom: number; rule: 'following' | 'preceding' }
  /** Twice a month: on the 15th and on the last day, moved by rule. */
  | { kind: 'semimonthly'; rule: 'following' | 'preceding' }
  | { kind: 'weekly'; dow: number }
  | { kind: 'fortnightly'; dow: number; parity: number }
  | { kind: 'daily' }

export function due(s: Schedule, d: DayInfo): boolean {
  switch (s.kind) {
    case 'monthly':
      return (s.rule === 'following' ? d.following : d.preceding)[s.dom] === 1
    case 'semimonthly': {
      const hit = s.rule === 'following' ? d.following : d.preceding
      return hit[15] === 1 || hit[31] === 1
    }
    case 'weekly':
      return d.business && d.dow === s.dow
    case 'fortnightly':
      return d.business && d.dow === s.dow && d.weekParity === s.parity
    case 'daily':
      return d.business
  }
}

/** Payments per month of a schedule (for sizing amounts per payment). */
export function perMonth(s: Schedule): number {
  return s.kind === 'monthly'
    ? 1
    : s.kind === 'semimonthly'
      ? 2
      : s.kind === 'fortnightly'
        ? 26 / 12
        : s.kind === 'weekly'
          ? 52 / 12
          : 21
}

export function describe(s: Schedule): string {
  if (s.kind === 'monthly') return `monthly on day ${s.dom}`
  if (s.kind === 'weekly' || s.kind === 'fortnightly')
    return `${s.kind} on ${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][s.dow]}`
  return s.kind
}
