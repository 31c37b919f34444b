// Company groups: several entities in different countries under one name. Their treasuries move
// money in ways that look like rings and fans but are ordinary group finance (Association for
// Financial Professionals and EACT treasury guides; OECD Transfer Pricing Guidelines ch. VII on
// intra-group services):
//   - zero-balancing cash pools: each business evening every euro account sweeps its balance to or
//     from the group's header account;
//   - intercompany recharges passed round a chain of entities (IT, shared services, licences) with
//     similar amounts each month, and two entities invoicing each other similar sums back and forth;
//   - a management fee from every entity to the holding, by an allocation key;
//   - a payment factory paying the group's suppliers "on behalf of" its entities every week.
import { due, type DayInfo, type Schedule } from './calendar.ts'
import { batchStart, BenignLog, inBatch, tx, type Program } from './flows.ts'
import { fromEur, localCurrency } from './money.ts'
import { party, type Party, type Registry } from './parties.ts'
import { isOpen, type Pool } from './population.ts'
import type { Rng } from './rng.ts'
import type { PlannedBenign, PlannedTx } from './types.ts'

const STEMS = [
  'Vanterra',
  'Korvex',
  'Almeda',
  'Brightwater',
  'Sorensen',
  'Helix',
  'Norvik',
  'Castellan',
  'Aurelis',
  'Meridian',
  'Tessaro',
  'Baltrum',
  'Quintel',
  'Rovana',
  'Seltec',
]
const SUFFIX: Record<string, string> = {
  DE: 'Deutschland GmbH',
  FR: 'France SAS',
  IT: 'Italia S.r.l.',
  ES: 'España S.L.',
  AT: 'Austria GmbH',
  BE: 'Belgium NV',
  PL: 'Polska Sp. z o.o.',
  CZ: 'Czech s.r.o.',
  GB: 'UK Ltd',
  CH: 'Schweiz AG',
  US: 'Inc.',
  NL: 'Nederland B.V.',
  SE: 'Sverige AB',
}
const RECHARGE = [
  'IC recharge IT services',
  'Konzernumlage Shared Services',
  'Licence fee intra-group',
  'Refacturation frais de siège',
]

interface Leg {
  from: Party
  to: Party
  eur: number
  schedule: Schedule
  purpose: string
  log: PlannedBenign
}

interface Group {
  entities: Party[]
  header?: Party
  members: Party[]
  factory?: Party
  suppliers: Party[]
  legs: Leg[]
  pool?: PlannedBenign
  factoryLog?: PlannedBenign
}

export class GroupTreasury implements Program {
  readonly name = 'groups'
  private groups: Group[] = []
  readonly log = new BenignLog('BG')

  constructor(rng: Rng, reg: Registry, pool: Pool, share: number) {
    const n = Math.max(2, Math.min(150, Math.round((pool.companies.length / 1500) * share)))
    for (let g = 0; g < n; g++) {
      const stem = `${rng.pick(STEMS)}${g >= STEMS.length ? ` ${g}` : ''}`
      const holdingCountry = rng.pick(['NL', 'DE', 'LU'])
      const holding = reg.company(
        holdingCountry,
        `${stem} Holding ${holdingCountry === 'DE' ? 'GmbH' : holdingCountry === 'NL' ? 'B.V.' : 'S.A.'}`,
      )
      const countries = rng.sample(Object.keys(SUFFIX), rng.int(2, 9))
      const entities = [holding, ...countries.map((c) => reg.company(c, `${stem} ${SUFFIX[c]}`))]
      const key = `group-${g}`
      const group: Group = { entities, members: [], suppliers: [], legs: [] }
      const euro = entities.filter((e) => localCurrency(e.country) === 'EUR')
      if (euro.length >= 3 && rng.chance(0.7)) {
        const acc = reg.account(holding.country)
        group.header = party(
          acc.account,
          `${stem} Treasury Cash Pool`,
          holding.country,
          acc.bank,
          'company',
        )
        group.members = euro
        group.pool = this.log.get(
          `${key}-pool`,
          'cash_pool',
          () => [group.header!.account, ...euro.map((e) => e.account)],
          () => ({ group: stem, members: euro.length }),
        )
      }
      const leg = (
        from: Party,
        to: Party,
        eur: number,
        schedule: Schedule,
        purpose: string,
        log: PlannedBenign,
      ) => group.legs.push({ from, to, eur, schedule, purpose, log })
      // Management fee by allocation key: similar sums from every entity to the holding.
      const fee = rng.logNormal(40_000, 0.6)
      const feeLog = this.log.get(
        `${key}-fee`,
        'intercompany_fees',
        () => entities.map((e) => e.account),
        () => ({ group: stem }),
      )
      for (const e of entities.slice(1))
        leg(
          e,
          holding,
          fee * rng.range(0.8, 1.2),
          { kind: 'monthly', dom: 28, rule: 'following' },
          `Management fee ${stem} group`,
          feeLog,
        )
      if (entities.length >= 3 && rng.chance(0.6)) {
        const loop = rng.sample(entities, Math.min(entities.length, rng.int(3, 4)))
        const x = rng.logNormal(120_000, 0.7)
        const dom = rng.int(3, 20)
        const log = this.log.get(
          `${key}-loop`,
          'intercompany_recharge_loop',
          () => loop.map((e) => e.account),
          () => ({ group: stem, entities: loop.length }),
        )
        loop.forEach((e, i) =>
          leg(
            e,
            loop[(i + 1) % loop.length],
            x * rng.range(0.95, 1.05),
            { kind: 'monthly', dom: dom + i * rng.int(0, 2), rule: 'following' },
            `${rng.pick(RECHARGE)}`,
            log,
          ),
        )
      }
      for (let k = rng.int(1, 3); k > 0; k--) {
        const [a, b] = rng.sample(entities, 2)
        const x = rng.logNormal(60_000, 0.8)
        const s: Schedule = { kind: 'fortnightly', dow: rng.int(1, 5), parity: rng.int(0, 1) }
        const log = this.log.get(
          `${key}-net-${a.account}-${b.account}`,
          'intercompany_netting',
          () => [a.account, b.account],
          () => ({ group: stem }),
        )
        leg(a, b, x, s, `Intercompany invoice ${stem}`, log)
        leg(b, a, x * rng.range(0.85, 1.15), s, `Intercompany invoice ${stem}`, log)
      }
      if (entities.length >= 5 && rng.chance(0.5)) {
        const acc = reg.account(holding.country)
        group.factory = party(
          acc.account,
          `${stem} Payment Factory`,
          holding.country,
          acc.bank,
          'company',
        )
        group.suppliers = Array.from({ length: rng.int(20, 80) }, () =>
          rng.chance(0.3) ? rng.pick(pool.hubs) : rng.pick(pool.companies),
        )
        group.factoryLog = this.log.get(
          `${key}-factory`,
          'payment_factory',
          () => [group.factory!.account],
          () => ({ group: stem, suppliers: group.suppliers.length }),
        )
        const settle = this.log.get(
          `${key}-settle`,
          'intercompany_fees',
          () => [group.factory!.account, ...entities.map((e) => e.account)],
          () => ({ group: stem }),
        )
        for (const e of entities)
          leg(
            e,
            group.factory,
            rng.logNormal(150_000, 0.6),
            { kind: 'monthly', dom: 5, rule: 'following' },
            `Settlement payment factory ${stem}`,
            settle,
          )
      }
      this.groups.push(group)
    }
  }

  reset(): void {
    this.log.clear()
  }

  day(info: DayInfo, rng: Rng, out: PlannedTx[]): void {
    for (const g of this.groups) {
      for (const l of g.legs) {
        if (!due(l.schedule, info) || !isOpen(l.from, info.ms)) continue
        const cur = 'EUR'
        const t = tx(
          batchStart(rng, info.ms, 8, 17),
          fromEur(l.eur * rng.range(0.97, 1.03), cur),
          cur,
          l.from,
          l.to,
          `${l.purpose} ${new Date(info.ms).toISOString().slice(0, 7)}`,
        )
        out.push(t)
        this.log.note(l.log, t, true)
      }
      if (info.business && g.header && g.pool) {
        const t0 = batchStart(rng, info.ms, 17, 19)
        g.members.forEach((m, i) => {
          if (!rng.chance(0.8)) return
          const amount = fromEur(rng.logNormal(30_000, 1), 'EUR')
          const up = rng.chance(0.55)
          const t = tx(
            inBatch(t0, i, info.ms),
            amount,
            'EUR',
            up ? m : g.header!,
            up ? g.header! : m,
            `Cash pool sweep ZBA ${new Date(info.ms).toISOString().slice(0, 10)}`,
          )
          out.push(t)
          this.log.note(g.pool!, t, true)
        })
      }
      if (g.factory && g.factoryLog && info.business && info.dow === 4) {
        const t0 = batchStart(rng, info.ms, 9, 12)
        let k = 0
        for (const s of g.suppliers) {
          if (!rng.chance(0.5) || !isOpen(s, info.ms)) continue
          const t = tx(
            inBatch(t0, k++, info.ms),
            fromEur(rng.logNormal(9_000, 1), 'EUR'),
            'EUR',
            g.factory,
            s,
            `On behalf of ${rng.pick(g.entities).name} INV ${rng.digits(8)}`,
          )
          out.push(t)
          this.log.note(g.factoryLog, t, false)
        }
      }
    }
  }
}
