// Cross-border trade in several currencies: European firms importing from suppliers in China, Hong
// Kong, Singapore and Turkey (a deposit when ordering and the balance before shipment, the usual
// terms of Asian suppliers), selling to distributors in the Gulf, Turkey, Hong Kong, Singapore, the
// US, Japan, Switzerland and the UK, invoiced in dollars, euros or the partner's currency, with HS
// codes on the remittance. A few exporters ship dual-use goods under licence, described as what they
// are. The hubs named here are legitimate trading centres (UN Comtrade re-export statistics); money
// passing through them is not by itself a sign of anything.
import { due, type DayInfo, type Schedule } from './calendar.ts'
import { COUNTRY } from './countries.ts'
import { batchStart, BenignLog, tx, type Program } from './flows.ts'
import { controlledGood, formatHs, ordinaryGood } from './goods.ts'
import { fromEur } from './money.ts'
import type { Party } from './parties.ts'
import { isOpen, type Pool } from './population.ts'
import { tradePurpose } from './purposes.ts'
import type { Rng } from './rng.ts'
import type { PlannedBenign, PlannedTx } from './types.ts'

const CURRENCIES: Record<string, ReadonlyArray<readonly [string, number]>> = {
  CN: [
    ['USD', 60],
    ['CNY', 25],
    ['EUR', 15],
  ],
  HK: [
    ['USD', 70],
    ['EUR', 30],
  ],
  SG: [
    ['USD', 70],
    ['EUR', 30],
  ],
  AE: [
    ['USD', 50],
    ['AED', 20],
    ['EUR', 30],
  ],
  TR: [
    ['EUR', 50],
    ['USD', 35],
    ['TRY', 15],
  ],
  US: [['USD', 100]],
  JP: [
    ['JPY', 50],
    ['USD', 30],
    ['EUR', 20],
  ],
  CH: [
    ['CHF', 60],
    ['EUR', 40],
  ],
  GB: [
    ['GBP', 60],
    ['EUR', 40],
  ],
}
const HUBS = new Set(['AE', 'HK', 'TR', 'SG', 'CN'])

interface Leg {
  payer: Party
  payee: Party
  currency: string
  eur: number
  share: number
  schedule: Schedule
  goods: { hs: string; description: string }
  log: PlannedBenign | null
  keep: boolean
}

export class CrossBorderTrade implements Program {
  readonly name = 'cross-border'
  private legs: Leg[] = []
  readonly log = new BenignLog('BX')

  constructor(rng: Rng, pool: Pool, share: number) {
    const n = Math.max(10, Math.round(pool.companies.length * 0.03 * share))
    for (let i = 0; i < n; i++) {
      const eu = rng.pick(pool.companies)
      const trader = rng.pick(pool.traders)
      if (!CURRENCIES[trader.country] || COUNTRY[eu.country].risk !== 'low') continue
      const currency = rng.weighted(CURRENCIES[trader.country])
      const dualUse = rng.chance(0.06)
      const goods = dualUse ? controlledGood(rng) : ordinaryGood(rng)
      const imports = ['CN', 'HK', 'SG', 'TR'].includes(trader.country)
        ? rng.chance(0.7)
        : rng.chance(0.3)
      const [payer, payee] = imports ? [eu, trader] : [trader, eu]
      const order = rng.logNormal(dualUse ? 60_000 : 25_000, 0.9)
      const kind = dualUse ? 'dual_use_trade' : HUBS.has(trader.country) ? 'hub_trade' : null
      const log = kind
        ? this.log.get(
            `${payer.account}>${payee.account}`,
            kind,
            () => [payer.account, payee.account],
            () => ({
              currency,
              hs: goods.hs,
              partner: trader.country,
            }),
          )
        : null
      const d = rng.int(1, 28)
      const add = (part: number, dom: number) =>
        this.legs.push({
          payer,
          payee,
          currency,
          eur: order * part,
          share: part,
          schedule: { kind: 'monthly', dom, rule: 'following' },
          goods,
          log,
          keep: dualUse,
        })
      if (imports && trader.country !== 'TR' && rng.chance(0.6)) {
        add(0.3, d)
        add(0.7, ((d + 14) % 28) + 1)
      } else if (rng.chance(0.5)) {
        add(0.5, d)
        add(0.5, ((d + 13) % 28) + 1)
      } else add(1, d)
    }
  }

  reset(): void {
    this.log.clear()
  }

  day(info: DayInfo, rng: Rng, out: PlannedTx[]): void {
    for (const l of this.legs) {
      if (!due(l.schedule, info) || !isOpen(l.payer, info.ms) || !isOpen(l.payee, info.ms)) continue
      const words = l.share === 0.3 ? 'Deposit 30% PO' : l.share === 0.7 ? 'Balance 70% PO' : ''
      const t = tx(
        batchStart(rng, info.ms, 7, 16),
        fromEur(l.eur * rng.logNormal(1, 0.25), l.currency),
        l.currency,
        l.payer,
        l.payee,
        `${words ? words + ' ' : ''}${tradePurpose(rng, l.payer.country, l.goods.description)}`,
        rng.chance(0.8) ? formatHs(rng, l.goods.hs) : '',
      )
      out.push(t)
      if (l.log) this.log.note(l.log, t, l.keep)
    }
  }
}
