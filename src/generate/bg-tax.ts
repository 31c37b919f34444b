// Businesses paying VAT: each registered business pays its country's tax office once a month on the
// national due date (DE the 10th, AT the 15th, FR around the 19th, IT the 16th, ES and BE the 20th,
// PL the 25th, GB the 7th, NL the last day of the month; moved to the following business day), so a
// tax office receives thousands of payments on one or two days. Smaller firms are often exempt or file
// quarterly (EU VAT Directive 2006/112/EC art. 206 and 252; national due dates as published by the
// tax administrations).
import type { DayInfo } from './calendar.ts'
import { batchStart, BenignLog, tx, type Program } from './flows.ts'
import { fromEur, localCurrency } from './money.ts'
import type { Party } from './parties.ts'
import { isOpen, type Pool } from './population.ts'
import type { Rng } from './rng.ts'
import type { PlannedTx } from './types.ts'

const DUE_DAY: Record<string, number> = {
  DE: 10,
  AT: 15,
  FR: 19,
  NL: 31,
  IT: 16,
  ES: 20,
  BE: 20,
  GB: 7,
  PL: 25,
  CH: 30,
  IE: 23,
  PT: 20,
}
const VAT_EUR = [400, 2_500, 15_000, 80_000]
const REGISTERED = [0.4, 0.8, 1, 1]

function vatPurpose(rng: Rng, country: string, period: string): string {
  if (country === 'DE' || country === 'AT')
    return `USt-VA ${period} StNr ${rng.digits(3)}/${rng.digits(3)}/${rng.digits(5)}`
  if (country === 'FR' || country === 'BE') return `TVA ${period} SIREN ${rng.digits(9)}`
  if (country === 'GB') return `VAT ${period} VRN ${rng.digits(9)}`
  if (country === 'IT') return `F24 IVA ${period} P.IVA ${rng.digits(11)}`
  return `VAT ${period} ${rng.digits(10)}`
}

interface Payer {
  party: Party
  office: Party
  eur: number
  ref: string
}

export class VatPayments implements Program {
  readonly name = 'vat'
  private byDom: Payer[][] = Array.from({ length: 32 }, () => [])
  readonly log = new BenignLog('BT')

  constructor(rng: Rng, pool: Pool, share: number) {
    pool.companies.forEach((c, i) => {
      const office = pool.taxOffices.get(c.country)
      const size = pool.sizes[i]
      if (!office || !rng.chance(REGISTERED[size] * share)) return
      this.byDom[DUE_DAY[c.country]].push({
        party: c,
        office,
        eur: rng.logNormal(VAT_EUR[size], 0.8),
        ref: vatPurpose(rng, c.country, '{period}'),
      })
    })
  }

  reset(): void {
    this.log.clear()
  }

  day(info: DayInfo, rng: Rng, out: PlannedTx[]): void {
    const prev = new Date(info.ms)
    prev.setUTCDate(0)
    const period = `${String(prev.getUTCMonth() + 1).padStart(2, '0')}/${prev.getUTCFullYear()}`
    for (let dom = 1; dom <= 31; dom++) {
      if (!info.following[dom]) continue
      for (const p of this.byDom[dom]) {
        if (!isOpen(p.party, info.ms)) continue
        const cur = localCurrency(p.party.country)
        const t = tx(
          batchStart(rng, info.ms, 6, 17),
          fromEur(p.eur * rng.logNormal(1, 0.3), cur),
          cur,
          p.party,
          p.office,
          p.ref.replace('{period}', period),
        )
        out.push(t)
        const b = this.log.get(
          p.office.account,
          'tax_collections',
          () => [p.office.account],
          () => ({
            payers: this.byDom[dom].filter((x) => x.office === p.office).length,
          }),
        )
        this.log.note(b, t, false)
      }
    }
  }
}
