// Salaries: each employer pays its staff from its (payroll) account in one batch on its pay day —
// monthly at the end of the month in most of Europe (moved to the preceding business day), on the
// 25th in the Netherlands and Japan, weekly or four-weekly for part of the UK's workforce (ONS:
// about a quarter is paid weekly), every other Friday or twice a month in the US (BLS, "Length of
// pay periods"). Net pay differs little from month to month; about one payslip in seven carries
// overtime or a deduction. Staff mostly live where the employer is.
import { describe, due, perMonth, type DayInfo, type Schedule } from './calendar.ts'
import { batchStart, BenignLog, inBatch, tx, type Program } from './flows.ts'
import { fromEur, localCurrency, roundAmount } from './money.ts'
import type { Party, Registry } from './parties.ts'
import { isOpen, SIZE_LARGE, SIZE_MEDIUM, type Pool } from './population.ts'
import { salaryPurpose } from './purposes.ts'
import type { Rng } from './rng.ts'
import type { PlannedTx } from './types.ts'

/** Median monthly net pay in EUR (Eurostat earnings statistics, rounded). */
const NET_PAY: Record<string, number> = {
  DE: 2500,
  FR: 2100,
  NL: 2700,
  IT: 1700,
  ES: 1600,
  AT: 2400,
  BE: 2500,
  GB: 2400,
  CH: 5500,
  PL: 1100,
  CZ: 1200,
  US: 3800,
  JP: 2300,
  IE: 2600,
  LU: 3600,
  SE: 2500,
  DK: 3000,
  FI: 2400,
}
const MONTHS =
  'January February March April May June July August September October November December'.split(' ')
const SIZE_WEIGHT = [2, 15, 100, 800]

interface Employer {
  payer: Party
  country: string
  schedule: Schedule
  staff: Party[]
  pay: number[]
}

function scheduleFor(rng: Rng, country: string): Schedule {
  if (country === 'GB')
    return rng.chance(0.25)
      ? { kind: 'weekly', dow: 5 }
      : { kind: 'monthly', dom: rng.pick([25, 28, 31]), rule: 'preceding' }
  if (country === 'US')
    return rng.chance(0.6)
      ? { kind: 'fortnightly', dow: 5, parity: rng.int(0, 1) }
      : { kind: 'semimonthly', rule: 'preceding' }
  if (country === 'NL' || country === 'JP') return { kind: 'monthly', dom: 25, rule: 'preceding' }
  if (country === 'DE' || country === 'AT' || country === 'CH')
    return { kind: 'monthly', dom: rng.chance(0.8) ? 31 : 28, rule: 'preceding' }
  return { kind: 'monthly', dom: rng.pick([27, 28, 30, 31]), rule: 'preceding' }
}

export class Payroll implements Program {
  readonly name = 'payroll'
  private employers: Employer[] = []
  readonly log = new BenignLog('BP')

  constructor(rng: Rng, reg: Registry, pool: Pool, share: number) {
    // Employers by country, weighted by size; large ones often pay from a payroll account.
    const byCountry = new Map<string, { list: Employer[]; cum: number[] }>()
    const add = (c: Party, weight: number, own: boolean) => {
      const e: Employer = {
        payer: own ? reg.secondAccount(c) : c,
        country: c.country,
        schedule: scheduleFor(rng, c.country),
        staff: [],
        pay: [],
      }
      let g = byCountry.get(c.country)
      if (!g) byCountry.set(c.country, (g = { list: [], cum: [] }))
      g.list.push(e)
      g.cum.push((g.cum.at(-1) ?? 0) + weight)
    }
    pool.companies.forEach((c, i) => {
      const size = pool.sizes[i]
      add(c, SIZE_WEIGHT[size], size >= SIZE_MEDIUM && rng.chance(size === SIZE_LARGE ? 0.7 : 0.4))
    })
    for (const m of pool.merchants) add(m, 10, false)
    for (const h of pool.hubs) add(h, 150, rng.chance(0.5))
    for (const u of pool.utilities) add(u, 600, true)
    for (const p of pool.persons) {
      if (!rng.chance(0.6 * share)) continue
      const g = byCountry.get(p.country)
      if (!g) continue
      const r = rng.next() * g.cum[g.cum.length - 1]
      let lo = 0
      let hi = g.cum.length - 1
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (g.cum[mid] > r) hi = mid
        else lo = mid + 1
      }
      const e = g.list[lo]
      e.staff.push(p)
      e.pay.push(fromEur(rng.logNormal(NET_PAY[p.country] ?? 1800, 0.35), 'EUR'))
    }
    for (const g of byCountry.values())
      for (const e of g.list) if (e.staff.length) this.employers.push(e)
  }

  reset(): void {
    this.log.clear()
  }

  day(info: DayInfo, rng: Rng, out: PlannedTx[]): void {
    const month = MONTHS[new Date(info.ms).getUTCMonth()]
    for (const e of this.employers) {
      if (!due(e.schedule, info) || !isOpen(e.payer, info.ms)) continue
      const cur = localCurrency(e.country)
      const per = 1 / perMonth(e.schedule)
      const t0 = batchStart(rng, info.ms, 5, 9)
      const b =
        e.staff.length >= 8
          ? this.log.get(
              e.payer.account,
              'payroll',
              () => [e.payer.account],
              () => ({
                staff: e.staff.length,
                schedule: describe(e.schedule),
                currency: cur,
              }),
            )
          : null
      let k = 0
      for (let i = 0; i < e.staff.length; i++) {
        const p = e.staff[i]
        if (!isOpen(p, info.ms)) continue
        let eur = e.pay[i] * per
        if (rng.chance(0.15)) eur *= rng.range(0.93, 1.1)
        const t = tx(
          inBatch(t0, k++, info.ms),
          roundAmount(fromEur(eur, cur), cur),
          cur,
          e.payer,
          p,
          salaryPurpose(rng, e.country, month),
        )
        out.push(t)
        if (b) this.log.note(b, t, false)
      }
    }
  }
}
