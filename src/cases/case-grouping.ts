// Which alerts are one case: alerts linked by a shared transfer (the same payment seen by two
// patterns) or by a shared account, joined transitively (connected components: a ring's cycle
// alert, the goods-mismatch alert on one of its payments and the sanctions alert on one of its
// accounts are one case). An account that more than `maxAlertsPerAccount` alerts touch is a hub
// (an exchange, a payment processor, a big customer): many unrelated patterns pass through it, so it
// links nothing — the same rule and the same setting by which scoring keeps such an account from
// gluing findings into one alert (score.alerts.max_findings_per_shared_account). An alert an
// analyst took out of a case shares nothing with that case's alerts: what they share links neither
// (a scan never puts it back, nor pulls a new alert linked to it alone into that case). Pure.

export interface GroupableAlert {
  id: string
  accounts: readonly string[]
  tx_ids: readonly string[]
  /** The alert's case, if any. */
  case_id?: string | null
  /** Cases the alert was taken out of by hand: it links to none of their alerts. */
  unlinked_from?: readonly string[]
}

/** Whether two alerts are kept apart: one was taken out of the other's case. */
function apart(a: GroupableAlert, b: GroupableAlert): boolean {
  return (
    (!!b.case_id && !!a.unlinked_from?.includes(b.case_id)) ||
    (!!a.case_id && !!b.unlinked_from?.includes(a.case_id))
  )
}

/** One link that put an alert in its component: the alert it shares with and what they share. */
export interface AlertLink {
  with: string
  transfers: string[]
  accounts: string[]
}

export interface AlertGroup {
  /** Sorted alert ids, two or more. */
  alerts: string[]
  /** For each alert, the links to other alerts of the group (sorted by the other alert's id). */
  links: Map<string, AlertLink[]>
}

export interface GroupingOptions {
  maxAlertsPerAccount: number
}

/** Groups of two or more linked alerts, ordered by their first alert id. */
export function groupLinkedAlerts(
  alerts: readonly GroupableAlert[],
  o: GroupingOptions,
): AlertGroup[] {
  const byTx = new Map<string, number[]>()
  const byAccount = new Map<string, number[]>()
  alerts.forEach((a, i) => {
    for (const t of new Set(a.tx_ids)) add(byTx, t, i)
    for (const acc of new Set(a.accounts)) add(byAccount, acc, i)
  })
  const parent = alerts.map((_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]]
    return i
  }
  // pair key "i j" (i < j) → what the two share
  const shared = new Map<string, { transfers: string[]; accounts: string[] }>()
  const note = (members: number[], what: string, kind: 'transfers' | 'accounts') => {
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) {
        const [i, j] = members[x] < members[y] ? [members[x], members[y]] : [members[y], members[x]]
        if (apart(alerts[i], alerts[j])) continue
        const k = `${i} ${j}`
        let s = shared.get(k)
        if (!s) shared.set(k, (s = { transfers: [], accounts: [] }))
        s[kind].push(what)
        const a = find(i)
        const b = find(j)
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b)
      }
  }
  for (const [t, members] of byTx) if (members.length > 1) note(members, t, 'transfers')
  for (const [acc, members] of byAccount)
    if (members.length > 1 && members.length <= o.maxAlertsPerAccount)
      note(members, acc, 'accounts')
  const comps = new Map<number, number[]>()
  alerts.forEach((_, i) => add(comps, find(i), i))
  const groups: AlertGroup[] = []
  for (const members of comps.values()) {
    if (members.length < 2) continue
    const ids = members.map((i) => alerts[i].id).sort()
    const links = new Map<string, AlertLink[]>()
    for (const id of ids) links.set(id, [])
    for (const [k, s] of shared) {
      const [i, j] = k.split(' ').map(Number)
      if (find(i) !== find(members[0])) continue
      const a = alerts[i].id
      const b = alerts[j].id
      const t = [...s.transfers].sort()
      const acc = [...s.accounts].sort()
      links.get(a)!.push({ with: b, transfers: t, accounts: acc })
      links.get(b)!.push({ with: a, transfers: t, accounts: acc })
    }
    for (const l of links.values()) l.sort((x, y) => (x.with < y.with ? -1 : 1))
    groups.push({ alerts: ids, links })
  }
  return groups.sort((x, y) => (x.alerts[0] < y.alerts[0] ? -1 : 1))
}

function add<K>(m: Map<K, number[]>, k: K, v: number) {
  const l = m.get(k)
  if (l) l.push(v)
  else m.set(k, [v])
}

/** What links an alert to the others of its case, in words ("shares payment T1 with A-…"). */
export function linkText(links: readonly AlertLink[], max = 3): string {
  const parts = links.slice(0, max).map((l) => {
    const what: string[] = []
    if (l.transfers.length)
      what.push(
        `${l.transfers.length === 1 ? 'payment' : `${l.transfers.length} payments`} ${short(l.transfers)}`,
      )
    if (l.accounts.length)
      what.push(
        `${l.accounts.length === 1 ? 'account' : `${l.accounts.length} accounts`} ${short(l.accounts)}`,
      )
    return `shares ${what.join(' and ')} with ${l.with}`
  })
  if (links.length > max) parts.push(`and ${links.length - max} more alerts`)
  return parts.join('; ')
}

const short = (xs: readonly string[]) =>
  xs.length > 3 ? `${xs.slice(0, 3).join(', ')}, …` : xs.join(', ')
