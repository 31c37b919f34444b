// One ring, one alert: scored findings that share a transfer, or at least two accounts that are not
// hubs, are grouped into one alert (one shared account alone is common between unrelated patterns).
// Findings are linked in score order and a group stops growing at max_group_transfers: a chain of
// overlaps must not glue a ring to a busy account's whole month. The alert takes the highest-scored finding as its own (typology, id,
// reasons) and lists the others' typologies and findings as further reasons; its transfers and
// accounts are the union. An account shared by more than max_findings_per_shared_account findings is
// a hub many patterns touch (an exchange, a payment processor): context, not a link.
import type { Reason } from '../schema/alert.ts'
import type { Typology } from '../schema/finding.ts'
import type { AlertsConfig } from './config.ts'
import { accountsKey } from './alert-id.ts'
import { sortReasons } from './score-finding.ts'
import type { ScoredAlert } from './scored-alert.ts'

export function groupAlerts(input: readonly ScoredAlert[], o: AlertsConfig): ScoredAlert[] {
  const alerts = [...input].sort(byScore)
  const n = alerts.length
  const parent = Int32Array.from({ length: n }, (_, i) => i)
  // Transfers per group: a chain of overlaps must not glue a ring to a hub's whole month.
  const size = Int32Array.from(alerts, (a) => a.tx_ids.length)
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]]
    return x
  }
  const union = (a: number, b: number) => {
    const ra = find(a)
    const rb = find(b)
    if (ra === rb || size[ra] + size[rb] > o.max_group_transfers) return
    parent[Math.max(ra, rb)] = Math.min(ra, rb)
    size[Math.min(ra, rb)] = size[ra] + size[rb]
  }
  const byTx = new Map<string, number>()
  const byAccount = new Map<string, number[]>()
  alerts.forEach((a, i) => {
    for (const t of a.tx_ids) {
      const j = byTx.get(t)
      if (j === undefined) byTx.set(t, i)
      else union(i, j)
    }
    for (const acc of a.accounts) {
      const l = byAccount.get(acc)
      if (l) l.push(i)
      else byAccount.set(acc, [i])
    }
  })
  // Pairs of findings sharing an account that is not a hub; linked when they share two.
  const shared = new Map<number, number>()
  for (const list of byAccount.values())
    if (list.length > 1 && list.length <= o.max_findings_per_shared_account)
      for (let x = 0; x < list.length; x++)
        for (let y = x + 1; y < list.length; y++) {
          const k = list[x] * n + list[y]
          const c = (shared.get(k) ?? 0) + 1
          shared.set(k, c)
          if (c === 2) union(list[x], list[y])
        }
  const groups = new Map<number, ScoredAlert[]>()
  alerts.forEach((a, i) => {
    const r = find(i)
    const l = groups.get(r)
    if (l) l.push(a)
    else groups.set(r, [a])
  })
  return [...groups.values()].map((g) => merge(g, o)).sort(byScore)
}

export function byScore(a: ScoredAlert, b: ScoredAlert): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

function merge(members: ScoredAlert[], o: AlertsConfig): ScoredAlert {
  members.sort(byScore)
  const top = members[0]
  if (members.length === 1) return { ...top, typologies: [top.typology] }
  const typologies: Typology[] = [top.typology]
  for (const m of members) if (!typologies.includes(m.typology)) typologies.push(m.typology)
  const tx = new Set<string>()
  const accounts = new Set<string>()
  const evidence = new Set<string>()
  let first = top.first_ts
  let last = top.last_ts
  for (const m of members) {
    for (const t of m.tx_ids) tx.add(t)
    for (const a of m.accounts) accounts.add(a)
    for (const e of m.evidence) evidence.add(e)
    if (m.first_ts < first) first = m.first_ts
    if (m.last_ts > last) last = m.last_ts
  }
  // The other findings of the ring, each named by its typology and what it found.
  const also: Reason[] = members.slice(1, 1 + o.max_grouped_reasons).map((m) => ({
    code: `ALSO_${m.typology.toUpperCase()}`,
    text: `also ${m.typology.replace('_', '-')} (score ${m.score}): ${explanationOf(m)}`,
    weight: 0,
  }))
  if (members.length - 1 > o.max_grouped_reasons)
    also.push({
      code: 'ALSO_MORE',
      text: `and ${members.length - 1 - o.max_grouped_reasons} more findings over the same accounts`,
      weight: 0,
    })
  // Several typologies over the same money make one ring more telling than any one of them.
  const extra = Math.min(o.max_typology_bonus, o.typology_bonus * (typologies.length - 1))
  const reasons = [...top.reasons]
  if (extra > 0)
    reasons.push({
      code: 'SEVERAL_TYPOLOGIES',
      text: `the same accounts show ${typologies.length} typologies: ${typologies.join(', ')}`,
      weight: extra,
    })
  const sortedAccounts = [...accounts].sort()
  return {
    ...top,
    score: Math.min(100, Math.round((top.score + extra) * 10) / 10),
    reasons: [...sortReasons(reasons), ...also],
    accounts: sortedAccounts,
    accounts_key: accountsKey(sortedAccounts),
    tx_ids: [...tx].sort(),
    first_ts: first,
    last_ts: last,
    evidence: [...evidence].sort(),
    typologies,
    finding: {
      ...top.finding,
      grouped: members.slice(1).map((m) => ({ typology: m.typology, key: m.key, score: m.score })),
    },
  }
}

function explanationOf(a: ScoredAlert): string {
  const e = a.finding.explanation
  return typeof e === 'string' ? e : (a.reasons[0]?.text ?? a.typology)
}
