// Findings that come from screening alone, not from a graph pattern: payments to or from a listed
// party ('sanctions') and declared goods that don't match the HS code on a risky route
// ('goods_mismatch'). Built from the payments of the window and the screening context.
import { z } from 'zod'
import { FINDING_BASE, type Finding } from '../schema/finding.ts'
import { HitRecord } from '../schema/hit.ts'
import type { PartyHitLike, RiskContext } from './context.ts'
import { bestHit, hitLabel } from './context.ts'

export const ScreeningFinding = z.object({
  typology: z.enum(['sanctions', 'goods_mismatch']),
  ...FINDING_BASE,
  /** Plain-language detail of the hit or mismatch, used in the reason text. */
  detail: z.string(),
  measures: z.object({
    hits: z.number(),
    max_match: z.number(),
    mismatches: z.number(),
    /** 1 when the party is raised because a new list version listed it. */
    list_change: z.number().default(0),
    /**
     * Distinct accounts of the window whose best hit is the same listed person (0 for companies and
     * other entities): a common name shared by many account holders is most likely theirs, not the
     * listed person's.
     */
    namesakes: z.number().default(0),
  }),
  /** The screening hits behind a 'sanctions' finding, each a full record. */
  hits: z.array(HitRecord).optional(),
})
export type ScreeningFinding = z.infer<typeof ScreeningFinding>

/** Anything scoring takes: a detector finding or a screening finding. */
export type AnyFinding = Finding | ScreeningFinding

/** A payment of the window as the pipeline reads it for screening findings. */
export interface PaymentLite {
  tx_id: string
  ts: string
  amount: number
  /** The amount in the base currency at the payment's date; null: no rate for its currency. */
  amount_base?: number | null
  currency: string
  debtor_account: string
  creditor_account: string
  purpose?: string | null
  hs_code?: string | null
}

function build(
  typology: ScreeningFinding['typology'],
  key: string,
  rows: PaymentLite[],
  detail: string,
  explanation: string,
  measures: ScreeningFinding['measures'],
): ScreeningFinding {
  const sorted = [...rows].sort((a, b) =>
    a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : a.tx_id < b.tx_id ? -1 : 1,
  )
  const accounts = new Set<string>()
  let total = 0
  let totalBase: number | null = 0
  for (const r of sorted) {
    accounts.add(r.debtor_account)
    accounts.add(r.creditor_account)
    total += r.amount
    totalBase =
      totalBase !== null && typeof r.amount_base === 'number' && Number.isFinite(r.amount_base)
        ? totalBase + r.amount_base
        : null
  }
  const first = sorted[0].ts
  const last = sorted[sorted.length - 1].ts
  total = Math.round(total * 100) / 100
  return {
    typology,
    key,
    tx_ids: sorted.map((r) => r.tx_id),
    accounts: [...accounts].sort(),
    first_ts: first,
    last_ts: last,
    amount_in: total,
    amount_out: total,
    currency: sorted[0].currency,
    amount_base: totalBase === null ? null : Math.round(totalBase * 100) / 100,
    span_hours: (Date.parse(last) - Date.parse(first)) / 3_600_000,
    explanation,
    truncated: false,
    detail,
    measures,
  }
}

/** What sanctions findings read besides the risk context: payments of newly listed parties. */
export interface SanctionsContext extends RiskContext {
  /** Accounts newly listed by a list change that did not pay in the window: their latest payments. */
  listChangePayments?: ReadonlyMap<string, readonly PaymentLite[]>
}

/** The hit records of an account's hits, where the screening gave them in full. */
export function hitRecords(hits: readonly PartyHitLike[]): HitRecord[] {
  const out: HitRecord[] = []
  for (const h of hits) {
    const x = h as PartyHitLike & Record<string, unknown>
    const r = HitRecord.safeParse({
      hit_id: x.hit_id,
      account: x.account,
      party_name: x.name,
      list: x.list_source,
      list_version: x.snapshot_id,
      entity_id: x.entry_id,
      entity_schema: x.schema,
      entity_caption: x.caption,
      matched_name: x.matched_name,
      name_kind: x.name_kind,
      score: x.score,
      parts: x.parts ?? null,
      rule: x.rule,
      signals: x.signals ?? [],
      reason: x.reason,
      opened_at: x.opened_at,
    })
    if (r.success) out.push(r.data)
  }
  return out.sort((a, b) => b.score - a.score || (a.hit_id < b.hit_id ? -1 : 1))
}

/**
 * One 'sanctions' finding per listed account, with every payment of the window it sent or received;
 * an account newly listed by a list change that did not pay in the window is raised with its latest
 * payments and the list change as the reason.
 */
export function sanctionsFindings(
  payments: readonly PaymentLite[],
  ctx: SanctionsContext,
): ScreeningFinding[] {
  const byAccount = new Map<string, PaymentLite[]>()
  for (const p of payments)
    for (const a of [p.debtor_account, p.creditor_account])
      if (ctx.hitsByAccount.has(a)) {
        let list = byAccount.get(a)
        if (!list) byAccount.set(a, (list = []))
        list.push(p)
      }
  for (const [account, rows] of ctx.listChangePayments ?? [])
    if (!byAccount.has(account) && rows.length && ctx.hitsByAccount.has(account))
      byAccount.set(account, [...rows])
  // Accounts per listed person, over every account of the window with a hit (by best hit).
  const holders = new Map<string, number>()
  for (const hits of ctx.hitsByAccount.values()) {
    const b = bestHit(hits) as (PartyHitLike & { schema?: string }) | undefined
    if (b?.entry_id && b.schema === 'Person')
      holders.set(b.entry_id, (holders.get(b.entry_id) ?? 0) + 1)
  }
  const out: ScreeningFinding[] = []
  for (const [account, rows] of [...byAccount].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const hits = ctx.hitsByAccount.get(account) ?? []
    const best = bestHit(hits)
    const records = hitRecords(hits)
    const change = records.find((r) => r.reason === 'list_change')
    const listed = change
      ? `; newly listed on ${change.list} (list version ${change.list_version}, ${change.opened_at.slice(0, 10)})`
      : ''
    const detail =
      (best ? `account ${account}: ${hitLabel(account, best)}` : `account ${account}`) + listed
    out.push({
      ...build(
        'sanctions',
        `sanctions:${account}`,
        rows,
        detail,
        `${rows.length} payment(s) with listed party ${detail}`,
        {
          hits: hits.length,
          max_match: Math.round((best?.score ?? 0) * 100) / 100,
          mismatches: 0,
          list_change: change ? 1 : 0,
          namesakes: (best?.entry_id && holders.get(best.entry_id)) || 0,
        },
      ),
      ...(records.length ? { hits: records } : {}),
    })
  }
  return out
}

/** One 'goods_mismatch' finding per payer → payee pair with mismatched payments (on any route). */
export function goodsMismatchFindings(
  payments: readonly PaymentLite[],
  ctx: RiskContext,
): ScreeningFinding[] {
  const byPair = new Map<string, PaymentLite[]>()
  for (const p of payments) {
    // Consumer goods declared on a controlled code is a red flag on any route (BIS "Know your
    // customer" guidance: the description does not fit the item); a hub or sanctioned route adds
    // its own context weight when scored.
    if (!ctx.goodsByTx.get(p.tx_id)?.mismatch) continue
    const key = `${p.debtor_account}>${p.creditor_account}`
    let list = byPair.get(key)
    if (!list) byPair.set(key, (list = []))
    list.push(p)
  }
  const out: ScreeningFinding[] = []
  for (const [pair, rows] of [...byPair].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    // each distinct reason once: the description's category against the code's heading
    const examples = [
      ...new Set(
        rows.map(
          (r) =>
            ctx.goodsByTx.get(r.tx_id)?.mismatch_reason ??
            `'${r.purpose ?? ''}' declared under HS ${r.hs_code ?? '?'}`,
        ),
      ),
    ]
      .slice(0, 3)
      .join('; ')
    out.push(
      build(
        'goods_mismatch',
        `goods_mismatch:${pair}`,
        rows,
        examples,
        `goods/HS mismatch on ${rows.length} payment(s) ${pair.replace('>', ' → ')}`,
        {
          hits: 0,
          max_match: 0,
          mismatches: rows.length,
          list_change: 0,
          namesakes: 0,
        },
      ),
    )
  }
  return out
}
