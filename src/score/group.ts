// One ring, one alert: scored findings that describe the same money are grouped into one alert.
// Findings are taken in score order; each joins the group of the highest-scored finding (the
// group's seed) it overlaps at least half of, by transfers (shared transfers / the smaller
// finding's transfers) or by accounts (at least two shared accounts that are not hubs / the smaller
// finding's such accounts), or starts a group of its own. Overlap is with the seed only, never
// through a chain of members: a busy account's fan that touches one ring payment stays its own
// alert instead of gluing the ring to the account's whole month; and a group stops growing at
// max_group_transfers. Then groups that overlap each other by the same rule, measured on the
// groups' own transfers and accounts, become one: a layered pattern (a stack, a bipartite set)
// shows as several fans and single goods mismatches, each seeding a group of its own, and an
// analyst must see them as one. A group that merely touches another (one transfer or account of a
// large group) stays apart. The alert takes the seed as its own (typology, id, reasons) and lists the
// others' typologies and findings as further reasons; its transfers and accounts are the union. An
// account shared by more than max_findings_per_shared_account findings is a hub many patterns touch
// (an exchange, a payment processor): context, not a link.
import type { Reason } from '../schema/alert.ts'
import type { Typology } from '../schema/finding.ts'
import type { AlertsConfig } from './config.ts'
import { accountsKey } from './alert-id.ts'
import { sortReasons } from './score-finding.ts'
import type { ScoredAlert } from './scored-alert.ts'

export function groupAlerts(input: readonly ScoredAlert[], o: AlertsConfig): ScoredAlert[] {
  const alerts = [...input].sort(byScore)
  const findingsOf = new Map<string, number>()
  for (const a of alerts)
    for (const acc of new Set(a.accounts)) findingsOf.set(acc, (findingsOf.get(acc) ?? 0) + 1)
  const linking = (a: ScoredAlert) =>
    [...new Set(a.accounts)].filter((x) => findingsOf.get(x)! <= o.max_findings_per_shared_account)
  const groups: { seed: ScoredAlert; seedAccounts: number; members: ScoredAlert[]; tx: number }[] =
    []
  const seedsByTx = new Map<string, number[]>()
  const seedsByAccount = new Map<string, number[]>()
  for (const a of alerts) {
    const accounts = linking(a)
    const sharedTx = new Map<number, number>()
    const sharedAcc = new Map<number, number>()
    for (const t of new Set(a.tx_ids))
      for (const gi of seedsByTx.get(t) ?? []) sharedTx.set(gi, (sharedTx.get(gi) ?? 0) + 1)
    for (const acc of accounts)
      for (const gi of seedsByAccount.get(acc) ?? [])
        sharedAcc.set(gi, (sharedAcc.get(gi) ?? 0) + 1)
    let best = -1
    let bestShare = 0
    for (const gi of new Set([...sharedTx.keys(), ...sharedAcc.keys()])) {
      const g = groups[gi]
      const tx = sharedTx.get(gi) ?? 0
      const acc = sharedAcc.get(gi) ?? 0
      const share = Math.max(
        tx / Math.min(a.tx_ids.length, g.seed.tx_ids.length),
        acc >= 2 ? acc / Math.min(accounts.length, g.seedAccounts) : 0,
      )
      if (share < o.min_group_overlap || g.tx + a.tx_ids.length > o.max_group_transfers) continue
      if (share > bestShare || (share === bestShare && gi < best)) {
        best = gi
        bestShare = share
      }
    }
    if (best >= 0) {
      groups[best].members.push(a)
      groups[best].tx += a.tx_ids.length
      continue
    }
    const gi = groups.length
    groups.push({ seed: a, seedAccounts: accounts.length, members: [a], tx: a.tx_ids.length })
    for (const t of new Set(a.tx_ids)) push(seedsByTx, t, gi)
    for (const acc of accounts) push(seedsByAccount, acc, gi)
  }
  return mergeGroups(
    groups.map((g) => ({
      members: g.members,
      tx: new Set(g.members.flatMap((m) => m.tx_ids)),
      accounts: new Set(g.members.flatMap(linking)),
    })),
    o,
  )
    .map((g) => merge(g.members, o))
    .sort(byScore)
}

interface Group {
  members: ScoredAlert[]
  tx: Set<string>
  accounts: Set<string>
}

/**
 * Groups (in their seeds' score order) that overlap by the seed rule, measured on the groups' own
 * transfers and linking accounts, become one, the higher-seeded absorbing the other, until none
 * overlaps another or the union would pass max_group_transfers.
 */
function mergeGroups(groups: Group[], o: AlertsConfig): Group[] {
  const alive = groups.map(() => true)
  const byTx = new Map<string, number[]>()
  const byAccount = new Map<string, number[]>()
  groups.forEach((g, gi) => {
    for (const t of g.tx) push(byTx, t, gi)
    for (const a of g.accounts) push(byAccount, a, gi)
  })
  const count = (keys: Set<string>, index: Map<string, number[]>, gi: number) => {
    const shared = new Map<number, number>()
    for (const k of keys)
      for (const gj of index.get(k) ?? [])
        if (gj !== gi && alive[gj]) shared.set(gj, (shared.get(gj) ?? 0) + 1)
    return shared
  }
  for (let changed = true; changed;) {
    changed = false
    for (let gi = 0; gi < groups.length; gi++) {
      if (!alive[gi]) continue
      const g = groups[gi]
      const sharedTx = count(g.tx, byTx, gi)
      const sharedAcc = count(g.accounts, byAccount, gi)
      const others = [...new Set([...sharedTx.keys(), ...sharedAcc.keys()])].sort((a, b) => a - b)
      for (const gj of others) {
        const h = groups[gj]
        const tx = sharedTx.get(gj) ?? 0
        const acc = sharedAcc.get(gj) ?? 0
        const share = Math.max(
          tx / Math.min(g.tx.size, h.tx.size),
          acc >= 2 ? acc / Math.min(g.accounts.size, h.accounts.size) : 0,
        )
        if (share < o.min_group_overlap || g.tx.size + h.tx.size - tx > o.max_group_transfers)
          continue
        alive[gj] = false
        changed = true
        for (const m of h.members) g.members.push(m)
        for (const t of h.tx)
          if (!g.tx.has(t)) {
            g.tx.add(t)
            push(byTx, t, gi)
          }
        for (const a of h.accounts)
          if (!g.accounts.has(a)) {
            g.accounts.add(a)
            push(byAccount, a, gi)
          }
      }
    }
  }
  return groups.filter((_, gi) => alive[gi])
}

function push(m: Map<string, number[]>, k: string, v: number) {
  const l = m.get(k)
  if (l) l.push(v)
  else m.set(k, [v])
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
    tx_ids: [...m.tx_ids].sort(),
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
    score: Math.round((top.score + extra) * 10) / 10,
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
