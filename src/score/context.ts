// What scoring reads besides the findings, typed from the consumer's side: the fields of the
// screening context (src/screen readScreening) and of the detect result (communities, exposure)
// that scoring uses. The real ScreeningContext and DetectResult satisfy these shapes.

export interface PartyHitLike {
  name?: string | null
  entry_id?: string | null
  caption?: string | null
  score?: number | null
  snapshot_id?: string | null
  explanation?: unknown
}

export interface GoodsFlagLike {
  /** Controlled-goods category, null or absent when the transfer is flagged only for a mismatch. */
  category?: string | null
  tier?: string | number | null
  mismatch?: boolean | null
  /** Why the description and the HS code disagree (src/screen: description category vs heading). */
  mismatch_reason?: string | null
}

export interface RouteFlagsLike {
  sanctioned?: boolean | null
  hub?: boolean | null
  countries?: readonly string[] | null
  sanctioned_countries?: readonly string[] | null
  hub_countries?: readonly string[] | null
}

export interface RiskContext {
  hitsByAccount: ReadonlyMap<string, readonly PartyHitLike[]>
  goodsByTx: ReadonlyMap<string, GoodsFlagLike>
  routesByTx: ReadonlyMap<string, RouteFlagsLike>
  newAccounts: ReadonlySet<string>
  listVersions?: Record<string, string>
  /** The currency base amounts are in (config fx.base_currency); default 'EUR'. */
  baseCurrency?: string
}

export interface DetectContext {
  communities: ReadonlyMap<string, number>
  exposure: ReadonlyMap<string, number>
}

export const EMPTY_RISK: RiskContext = {
  hitsByAccount: new Map(),
  goodsByTx: new Map(),
  routesByTx: new Map(),
  newAccounts: new Set(),
  listVersions: {},
}

export const EMPTY_DETECT: DetectContext = { communities: new Map(), exposure: new Map() }

export interface CommunityRisk {
  size: number
  hits: number
}

/** Size and number of screened-hit accounts of every community. */
export function communityRisk(ctx: RiskContext, detect: DetectContext): Map<number, CommunityRisk> {
  const out = new Map<number, CommunityRisk>()
  for (const [account, c] of detect.communities) {
    let r = out.get(c)
    if (!r) out.set(c, (r = { size: 0, hits: 0 }))
    r.size++
    if (ctx.hitsByAccount.has(account)) r.hits++
  }
  return out
}

/** The community most of the accounts belong to (ties: the lowest id), or null. */
export function patternCommunity(
  accounts: readonly string[],
  detect: DetectContext,
): number | null {
  const counts = new Map<number, number>()
  for (const a of accounts) {
    const c = detect.communities.get(a)
    if (c !== undefined) counts.set(c, (counts.get(c) ?? 0) + 1)
  }
  let best: number | null = null
  let bestN = 0
  for (const [c, n] of counts)
    if (n > bestN || (n === bestN && best !== null && c < best)) {
      best = c
      bestN = n
    }
  return best
}

/** The strongest hit; ties broken by entry, caption and name so the choice never depends on order. */
export function bestHit(hits: readonly PartyHitLike[]): PartyHitLike | undefined {
  const key = (h: PartyHitLike) =>
    `${h.entry_id ?? ''}\u0000${h.caption ?? ''}\u0000${h.name ?? ''}`
  return [...hits].sort(
    (a, b) => (b.score ?? 0) - (a.score ?? 0) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0),
  )[0]
}

export function hitLabel(account: string, h: PartyHitLike): string {
  const who = h.name ?? account
  const entry = h.caption ?? h.entry_id
  const score = typeof h.score === 'number' ? ` (match ${h.score.toFixed(2)})` : ''
  return entry && entry !== who ? `${who} ~ ${entry}${score}` : `${who}${score}`
}
