// Intra-group flows. The companies of one corporate group pay each other in loops and pass money on
// as rings and mules do — cash pooling sweeps, netting, recharges, a payment factory paying for its
// sister companies — for a reason the bank knows from its customer files (FATF's guidance on legal
// persons; the Wolfsberg Group on intra-group payments). A pattern whose accounts all belong to one
// group is explained by that: it says so and ranks lower (config score.context.intra_group).
//
// Group: two companies belong to one group when their names are the same once legal forms, the
// member's country or region ('Almeda Nederland B.V.', 'Almeda España S.L.') and its function in the
// group ('Almeda Treasury Cash Pool', 'Almeda Holding GmbH', 'Almeda Payment Factory') are left out.
// A name counts only as a company's: with a legal form, or with a group-function word. People's
// names never form a group (two Sergei Volkovs are not a family business).
import { normalizeName, looksLikeCompany } from '../screen/names/index.ts'
import { GENERIC_WORDS } from '../screen/names/words.ts'
import type { ScoreConfig } from './config.ts'
import type { ScoredAlert } from './scored-alert.ts'
import { screeningCodes, sortReasons } from './score-finding.ts'
import { fill } from './template.ts'

/** What a group member is called for inside its group: its function. */
// prettier-ignore
const FUNCTION_WORDS = new Set([
  'treasury', 'cash', 'pool', 'pooling', 'holding', 'holdings', 'group', 'payment', 'payments',
  'factory', 'finance', 'financing', 'funding', 'shared', 'services', 'service', 'center', 'centre',
  'management', 'operations', 'head', 'office', 'branch', 'international', 'global', 'procurement',
  'investments', 'capital', 'netting', 'inhouse',
])
/** Countries and regions, in English and in the members' own languages (folded, lower case). */
// prettier-ignore
const PLACE_WORDS = new Set([
  'deutschland', 'germany', 'osterreich', 'austria', 'schweiz', 'suisse', 'svizzera', 'switzerland',
  'nederland', 'netherlands', 'holland', 'belgie', 'belgique', 'belgium', 'france', 'italia',
  'italy', 'espana', 'spain', 'iberia', 'portugal', 'polska', 'poland', 'czech', 'cesko', 'ceska',
  'republic', 'slovakia', 'slovensko', 'hungary', 'magyarorszag', 'romania', 'bulgaria', 'hellas',
  'greece', 'sverige', 'sweden', 'norge', 'norway', 'danmark', 'denmark', 'suomi', 'finland',
  'ireland', 'united', 'kingdom', 'britain', 'great', 'states', 'america', 'americas', 'canada',
  'mexico', 'brasil', 'brazil', 'china', 'hong', 'kong', 'japan', 'korea', 'india', 'singapore',
  'australia', 'arab', 'emirates', 'turkey', 'turkiye', 'luxembourg', 'lietuva', 'lithuania',
  'latvija', 'latvia', 'eesti', 'estonia', 'hrvatska', 'croatia', 'slovenija', 'slovenia', 'serbia',
  'srbija', 'ukraine', 'cyprus', 'malta', 'europe', 'european', 'nordic', 'nordics', 'benelux',
  'dach', 'emea', 'apac', 'asia', 'pacific', 'africa', 'middle', 'east', 'latam', 'north', 'south',
  'west', 'central', 'baltic', 'baltics', 'scandinavia', 'cee',
])

/** The group a company's name places it in, or undefined for a person's name or a bare one. */
export function groupKey(name: string | null | undefined): string | undefined {
  if (!name) return undefined
  const n = normalizeName(name)
  const company = looksLikeCompany(n) || n.tokens.some((t) => FUNCTION_WORDS.has(t))
  if (!company) return undefined
  const core = n.tokens.filter((t) => !FUNCTION_WORDS.has(t) && !PLACE_WORDS.has(t))
  // A group is named by a distinctive word: 'Global Trading Ltd' and 'Nordic Trading AB' share only
  // a generic one and are two companies.
  if (!core.some((t) => t.length >= 3 && !GENERIC_WORDS.has(t))) return undefined
  return core.join(' ')
}

/**
 * The group that all of a pattern's accounts belong to (at least `minShare` of them, and at least
 * two), or undefined.
 */
export function commonGroup(
  accounts: readonly string[],
  groupOf: ReadonlyMap<string, string>,
  minShare: number,
): string | undefined {
  if (accounts.length < 2) return undefined
  const count = new Map<string, number>()
  for (const a of accounts) {
    const g = groupOf.get(a)
    if (g !== undefined) count.set(g, (count.get(g) ?? 0) + 1)
  }
  let best: string | undefined
  let n = 0
  for (const [g, c] of count)
    if (c > n || (c === n && best !== undefined && g < best)) [best, n] = [g, c]
  return best !== undefined && n >= 2 && n >= minShare * accounts.length ? best : undefined
}

/**
 * Marks the alerts whose accounts all belong to one corporate group with the intra_group reason
 * (config score.context.intra_group) and rescores them; returns the alerts still at or above the
 * alert threshold. `names`: each account's name as its payments carry it.
 *
 * The group explains the pattern's behaviour (treasury accounts do little but pass money among
 * their sisters), so its behavioural signals no longer count as evidence: only screening context
 * (listed parties, sanctioned routes, controlled goods, goods/HS mismatches, …) keeps such a
 * pattern an alert, as for any shape without evidence of its own.
 */
export function markIntraGroup(
  alerts: readonly ScoredAlert[],
  names: ReadonlyMap<string, string>,
  config: ScoreConfig,
): ScoredAlert[] {
  const c = config.context
  if (!c.intra_group.weight) return [...alerts]
  const screening = screeningCodes(config)
  const groupOf = new Map<string, string>()
  const shown = new Map<string, string>()
  for (const [account, name] of names) {
    const g = groupKey(name)
    if (g === undefined) continue
    groupOf.set(account, g)
    // the group as written: its shortest member name
    const s = shown.get(g)
    if (s === undefined || name.length < s.length || (name.length === s.length && name < s))
      shown.set(g, name)
  }
  const out: ScoredAlert[] = []
  for (const input of alerts) {
    const g = commonGroup(input.accounts, groupOf, c.intra_group_min_share)
    let a = input
    if (g !== undefined) {
      const reasons = sortReasons([
        ...input.reasons,
        {
          code: c.intra_group.code,
          text: fill(c.intra_group.text, { detail: shown.get(g) ?? g }),
          weight: c.intra_group.weight,
        },
      ])
      const evidence = input.evidence.filter((e) => screening.has(e))
      const total = reasons.reduce((s, r) => s + r.weight, 0)
      let score = Math.max(0, Math.round(total * 10) / 10)
      if (!evidence.length) score = Math.min(score, config.alert_threshold - 0.1)
      a = { ...input, reasons, evidence, score }
    }
    if (a.score >= config.alert_threshold && a.evidence.length) out.push(a)
  }
  return out
}
