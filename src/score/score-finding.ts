// Scores one finding: the typology's base weight, the band of each measure, then the risk context
// (controlled goods, listed parties on or near the pattern, risky routes, goods/HS mismatches, new
// accounts, a community dense in hits). Score = sum of weights (at least 0, not capped: two alerts
// at the top stay told apart). Each reason names the transfers it is about (Reason.tx_ids).
import type { Reason } from '../schema/alert.ts'
import type { ScoreConfig, Band } from './config.ts'
import type { AnyFinding } from './screening-finding.ts'
import type { ScoredAlert } from './scored-alert.ts'
import {
  bestHit,
  hitLabel,
  patternCommunity,
  type CommunityRisk,
  type DetectContext,
  type RiskContext,
} from './context.ts'
import { fill, type TemplateVars } from './template.ts'
import { accountsKey, alertId } from './alert-id.ts'

export function findingVars(f: AnyFinding): TemplateVars {
  const vars: TemplateVars = {
    span_days: Math.round((f.span_hours / 24) * 10) / 10,
    span_hours: Math.round(f.span_hours * 10) / 10,
    tx_count: f.tx_ids.length,
    accounts: f.accounts.length,
    amount_in: f.amount_in,
    amount_out: f.amount_out,
    currency: f.currency,
  }
  for (const [k, v] of Object.entries(f.measures))
    if (typeof v === 'number' || typeof v === 'string') vars[k] = v
    else if (typeof v === 'boolean') vars[k] = v ? 1 : 0
  const signals = 'signals' in f ? (f.signals as Record<string, number> | undefined) : undefined
  for (const [k, v] of Object.entries(signals ?? {})) if (!(k in vars)) vars[k] = v
  for (const k of [
    'retention',
    'pass_through',
    'fresh',
    'passing',
    'amount_unusual',
    'new_links',
    'dedicated',
    'amount_cv',
  ])
    if (typeof vars[k] === 'number') vars[`${k}_pct`] = Math.round((vars[k] as number) * 100)
  if ('detail' in f) vars.detail = f.detail
  return vars
}

function inBand(b: Band, v: number): boolean {
  return (b.min === undefined || v >= b.min) && (b.max === undefined || v < b.max)
}

function push(
  reasons: Reason[],
  code: string,
  text: string,
  weight: number,
  vars: TemplateVars,
  evidence: string[] | undefined,
  /** The transfers the reason is about; none for reasons about parties or the community. */
  txIds?: readonly string[],
) {
  if (weight === 0) return
  const r: Reason = { code, text: fill(text, vars), weight }
  if (txIds) r.tx_ids = [...new Set(txIds)].sort()
  reasons.push(r)
  if (evidence && weight > 0) evidence.push(code)
}

/** Sorted by weight (highest first), then code, so the order never depends on input order. */
export function sortReasons(reasons: Reason[]): Reason[] {
  return reasons.sort(
    (a, b) => b.weight - a.weight || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  )
}

export function scoreFinding(
  f: AnyFinding,
  ctx: RiskContext,
  detect: DetectContext,
  config: ScoreConfig,
  communities: ReadonlyMap<number, CommunityRisk> = new Map(),
): ScoredAlert {
  const reasons: Reason[] = []
  const evidence: string[] = []
  let explained = false
  const vars = findingVars(f)
  const t = config.typologies[f.typology]
  if (t) {
    push(
      reasons,
      t.base.code,
      t.base.text,
      t.base.weight,
      vars,
      t.base.evidence ? evidence : undefined,
      f.tx_ids,
    )
    for (const m of t.measures) {
      const v = vars[m.measure]
      if (typeof v !== 'number') continue
      const b = m.bands.find((x) => inBand(x, v))
      const waived = b?.unless && Number(vars[b.unless.measure]) >= b.unless.min
      if (b && !waived) {
        push(reasons, b.code, b.text, b.weight, vars, b.evidence ? evidence : undefined, f.tx_ids)
        if (b.explains) explained = true
      }
    }
  }
  contextReasons(f, ctx, detect, config, communities, reasons, evidence)
  // An innocent explanation of the behaviour (a payment returned in full): only screening context
  // still counts as evidence.
  if (explained) {
    const screening = screeningCodes(config)
    for (let i = evidence.length - 1; i >= 0; i--)
      if (!screening.has(evidence[i])) evidence.splice(i, 1)
  }
  const signals = 'signals' in f ? (f.signals as Record<string, number> | undefined) : undefined
  // Too little data before the pattern to judge its relations: say so rather than guess.
  if (signals && 'history_days' in signals && !('new_links' in signals))
    reasons.push({
      code: 'NO_HISTORY',
      text: fill(
        'only {history_days} days of data before this pattern: whether its counterparties are new to these accounts cannot be judged yet',
        vars,
      ),
      weight: 0,
    })
  const total = reasons.reduce((s, r) => s + r.weight, 0)
  let score = Math.max(0, Math.round(total * 10) / 10)
  // A shape with no risk signal of its own stays below the alert threshold, and says so.
  if (!evidence.length) {
    if (score >= config.alert_threshold)
      score = Math.max(0, Math.round((config.alert_threshold - 0.1) * 10) / 10)
    reasons.push({
      code: 'SHAPE_ONLY',
      text: 'the shape alone, with no risk signal of its own (new relations, pass-through, fresh accounts, unusual amounts, listed parties, risky routes or goods): kept below the alert threshold',
      weight: 0,
    })
  }
  const accounts = [...new Set(f.accounts)].sort()
  return {
    id: alertId(f.typology, f.key),
    typology: f.typology,
    key: f.key,
    accounts_key: accountsKey(accounts),
    score,
    reasons: sortReasons(reasons),
    accounts,
    tx_ids: [...new Set(f.tx_ids)].sort(),
    first_ts: f.first_ts,
    last_ts: f.last_ts,
    total_amount: Math.round(f.amount_in * 100) / 100,
    currency: f.currency,
    total_amount_base: Number.isFinite(f.amount_base)
      ? Math.round(f.amount_base! * 100) / 100
      : null,
    base_currency: ctx.baseCurrency ?? 'EUR',
    evidence: [...new Set(evidence)].sort(),
    typologies: [f.typology],
    community: patternCommunity(accounts, detect),
    finding: f as unknown as Record<string, unknown>,
  }
}

/**
 * The reason codes of screening context (listed parties, routes, goods, mismatches, …) and of the
 * screening typologies: the evidence no explanation of a pattern's behaviour takes away.
 */
export function screeningCodes(config: ScoreConfig): Set<string> {
  const out = new Set<string>()
  for (const v of Object.values(config.context))
    if (v && typeof v === 'object' && 'code' in v) out.add((v as { code: string }).code)
  for (const t of ['sanctions', 'goods_mismatch']) {
    const base = config.typologies[t]?.base
    if (base) out.add(base.code)
  }
  return out
}

function contextReasons(
  f: AnyFinding,
  ctx: RiskContext,
  detect: DetectContext,
  config: ScoreConfig,
  communities: ReadonlyMap<number, CommunityRisk>,
  reasons: Reason[],
  evidence: string[],
) {
  const c = config.context
  const add = (
    code: string,
    text: string,
    weight: number,
    vars: TemplateVars,
    txIds?: readonly string[],
  ) => push(reasons, code, text, weight, vars, evidence, txIds)
  const total = f.tx_ids.length
  // Goods and routes, per transfer of the pattern.
  const categories = new Set<string>()
  const goodsTx: string[] = []
  const mismatchTx: string[] = []
  const sanctionedTx: string[] = []
  const hubTx: string[] = []
  const sanctionedCountries = new Set<string>()
  const hubCountries = new Set<string>()
  for (const tx of f.tx_ids) {
    const g = ctx.goodsByTx.get(tx)
    if (g?.category) {
      goodsTx.push(tx)
      categories.add(
        g.tier !== undefined && g.tier !== null ? `${g.category} (tier ${g.tier})` : g.category,
      )
    }
    if (g?.mismatch) mismatchTx.push(tx)
    const r = ctx.routesByTx.get(tx)
    // Each country under the flag it carries, and only there: a transfer from RS to RU is a
    // sanctioned route for RU and a hub route for RS, never either for both.
    if (r?.sanctioned) {
      sanctionedTx.push(tx)
      for (const k of r.sanctioned_countries ?? []) sanctionedCountries.add(k)
    }
    if (r?.hub) {
      hubTx.push(tx)
      for (const k of r.hub_countries ?? []) hubCountries.add(k)
    }
  }
  const list = (s: Set<string>) => [...s].sort().join(', ')
  // In a wide pattern a few flagged transfers are noise: require a share of them.
  const need =
    total > c.context_share_from ? Math.max(1, Math.ceil(total * c.context_min_share)) : 1
  const needRoute =
    total > c.route_share_from ? Math.max(1, Math.ceil(total * c.route_min_share)) : 1
  if (goodsTx.length >= need)
    add(
      c.controlled_goods.code,
      c.controlled_goods.text,
      c.controlled_goods.weight,
      { n: goodsTx.length, total, detail: list(categories) },
      goodsTx,
    )
  if (sanctionedTx.length >= needRoute)
    add(
      c.sanctioned_route.code,
      c.sanctioned_route.text,
      c.sanctioned_route.weight,
      {
        n: sanctionedTx.length,
        total,
        detail: list(sanctionedCountries) || 'sanctioned country',
      },
      sanctionedTx,
    )
  if (hubTx.length >= needRoute)
    add(
      c.diversion_hub.code,
      c.diversion_hub.text,
      c.diversion_hub.weight,
      { n: hubTx.length, total, detail: list(hubCountries) || 'hub country' },
      hubTx,
    )
  if (mismatchTx.length >= need && f.typology !== 'goods_mismatch')
    add(
      c.goods_mismatch.code,
      c.goods_mismatch.text,
      c.goods_mismatch.weight,
      { n: mismatchTx.length, total },
      mismatchTx,
    )

  // Parties: listed on the pattern, else within a few hops of a listed party.
  const listed: string[] = []
  const listedAccounts: string[] = []
  let nearest: { account: string; hops: number } | undefined
  for (const a of [...f.accounts].sort()) {
    const hits = ctx.hitsByAccount.get(a)
    const best = hits?.length ? bestHit(hits) : undefined
    if (best) {
      listed.push(hitLabel(a, best))
      listedAccounts.push(a)
    }
    const hops = detect.exposure.get(a)
    if (
      hops !== undefined &&
      hops > 0 &&
      hops <= c.near_listed_max_hops &&
      (!nearest || hops < nearest.hops)
    )
      nearest = { account: a, hops }
  }
  if (listed.length && f.typology !== 'sanctions') {
    add(c.listed_party.code, c.listed_party.text, c.listed_party.weight, {
      n: listed.length,
      detail: listed.slice(0, 3).join('; '),
    })
    aboutAccounts(reasons, c.listed_party.code, listedAccounts)
  } else if (!listed.length && nearest) {
    // A direct counterparty of a listed party is evidence; two hops away is context only (in a
    // dense payment network most accounts are within two hops of somebody's listed party).
    push(
      reasons,
      c.near_listed_party.code,
      c.near_listed_party.text,
      Math.round(
        c.near_listed_party.weight * (c.near_listed_hop_factors[nearest.hops - 1] ?? 0) * 10,
      ) / 10,
      {
        hops: nearest.hops,
        detail: `account ${nearest.account}`,
      },
      nearest.hops === 1 ? evidence : undefined,
    )
    aboutAccounts(reasons, c.near_listed_party.code, [nearest.account])
  }

  // A community dense in screened hits.
  const community = patternCommunity(f.accounts, detect)
  const risk = community === null ? undefined : communities.get(community)
  if (
    risk &&
    risk.hits >= c.risky_community_min_hits &&
    risk.hits / risk.size >= c.risky_community_min_share
  )
    add(c.risky_community.code, c.risky_community.text, c.risky_community.weight, {
      community,
      n: risk.hits,
      total: risk.size,
    })
}

/** The reason just added (if it was: a zero weight adds none) is about these accounts. */
function aboutAccounts(reasons: Reason[], code: string, accounts: string[]) {
  const r = reasons[reasons.length - 1]
  if (r?.code === code) r.accounts = accounts
}
