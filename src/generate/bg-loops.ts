// Trade that legitimately closes a loop: a supply chain where A buys from B, B from C and C from A
// (a converter buying coils from a mill that buys scrap and packaging back from the converter's
// group; toll manufacturing), paid every month or fortnight, each leg for its own goods and its own
// amount — money is not passed on. And pairs of firms that buy from each other. Both are common in
// input-output tables (Eurostat FIGARO: most industries are both supplier and customer of each other).
import { due, type DayInfo, type Schedule } from './calendar.ts'
import { batchStart, BenignLog, tx, type Program } from './flows.ts'
import { formatHs, ordinaryGood } from './goods.ts'
import { fromEur, payCurrency } from './money.ts'
import type { Party } from './parties.ts'
import { isOpen, type Pool } from './population.ts'
import { tradePurpose } from './purposes.ts'
import type { Rng } from './rng.ts'
import type { PlannedBenign, PlannedTx } from './types.ts'

interface Leg {
  from: Party
  to: Party
  currency: string
  eur: number
  schedule: Schedule
  goods: { hs: string; description: string }
  log: PlannedBenign
}

export class TradeLoops implements Program {
  readonly name = 'trade-loops'
  private legs: Leg[] = []
  readonly log = new BenignLog('BL')

  constructor(rng: Rng, pool: Pool, share: number) {
    const firm = () =>
      rng.chance(0.15)
        ? rng.pick(pool.hubs)
        : rng.chance(0.1)
          ? rng.pick(pool.traders)
          : rng.pick(pool.companies)
    const schedule = (): Schedule =>
      rng.chance(0.65)
        ? { kind: 'monthly', dom: rng.int(1, 28), rule: 'following' }
        : { kind: 'fortnightly', dow: rng.int(1, 5), parity: rng.int(0, 1) }
    const leg = (from: Party, to: Party, log: PlannedBenign) =>
      this.legs.push({
        from,
        to,
        currency: payCurrency(rng, from.country, to.country),
        eur: rng.logNormal(15_000, 0.8),
        schedule: schedule(),
        goods: ordinaryGood(rng),
        log,
      })
    const loops = Math.max(2, Math.min(400, Math.round((pool.companies.length / 600) * share)))
    for (let i = 0; i < loops; i++) {
      const k = rng.weighted([
        [3, 5],
        [4, 3],
        [5, 2],
      ] as const)
      const members: Party[] = []
      while (members.length < k) {
        const f = firm()
        if (!members.includes(f)) members.push(f)
      }
      const log = this.log.get(
        `loop-${i}`,
        'supply_chain_loop',
        () => members.map((m) => m.account),
        () => ({ firms: k }),
      )
      members.forEach((m, j) => leg(m, members[(j + 1) % k], log))
    }
    const pairs = Math.max(2, Math.min(500, Math.round((pool.companies.length / 400) * share)))
    for (let i = 0; i < pairs; i++) {
      const a = firm()
      const b = firm()
      if (a === b) continue
      const log = this.log.get(`pair-${i}`, 'reciprocal_trade', () => [a.account, b.account])
      leg(a, b, log)
      leg(b, a, log)
    }
  }

  reset(): void {
    this.log.clear()
  }

  day(info: DayInfo, rng: Rng, out: PlannedTx[]): void {
    for (const l of this.legs) {
      if (!due(l.schedule, info) || !isOpen(l.from, info.ms) || !isOpen(l.to, info.ms)) continue
      const t = tx(
        batchStart(rng, info.ms, 8, 17),
        fromEur(l.eur * rng.logNormal(1, 0.3), l.currency),
        l.currency,
        l.from,
        l.to,
        tradePurpose(rng, l.from.country, l.goods.description),
        l.from.country !== l.to.country && rng.chance(0.7) ? formatHs(rng, l.goods.hs) : '',
      )
      out.push(t)
      this.log.note(l.log, t, true)
    }
  }
}
