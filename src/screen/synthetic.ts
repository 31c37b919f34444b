// Synthetic list entries and party names for the screening benchmark and tests: seeded, with
// realistic variants (typos, reordered tokens, changed legal forms, dropped middle names).

// prettier-ignore
const SYL = ['ka', 'ro', 'mi', 'tel', 'za', 'vor', 'an', 'dre', 'lin', 'pol', 'sar', 'ne', 'tu', 'ber', 'gos', 'vik', 'ul', 'ma', 'shen', 'dor', 'ix', 'ael', 'qua', 'nor', 'pet', 'ram', 'sol', 'kin', 'bra', 'cel', 'dun', 'fay', 'gri', 'hol', 'jun', 'kel', 'lom', 'mur', 'nix', 'oth', 'pra', 'rek', 'sku', 'tov', 'vel', 'wen', 'yar', 'zem', 'bo', 'cha', 'di', 'fe', 'go', 'hu', 'jo', 'ke', 'lu', 'mo', 'ni', 'ri']
const GENERIC = [
  'Trading',
  'Global',
  'International',
  'Group',
  'Holding',
  'Technology',
  'Engineering',
  'Electronics',
  'Logistics',
  'Industries',
  'Systems',
  'Import Export',
  'Machinery',
  'Supply',
]
const LEGAL = [
  'LLC',
  'GmbH',
  'Ltd',
  'Co Ltd',
  'OOO',
  'FZE',
  'FZCO',
  'JSC',
  'S.A.',
  'BV',
  'Sp. z o.o.',
  'AO',
  'Inc',
]
const FIRST = [
  'Ivan',
  'Sergey',
  'Olga',
  'Mohammad',
  'Ali',
  'Hassan',
  'Li',
  'Wei',
  'Anna',
  'Peter',
  'Maria',
  'Dmitry',
  'Yusuf',
  'Kim',
  'Elena',
  'Omar',
  'Viktor',
  'Farid',
  'Chen',
  'Leila',
]

/** Mulberry32: a small seeded generator. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]

export function pseudoWord(r: () => number, syllables = 2 + Math.floor(r() * 2)): string {
  let w = ''
  for (let i = 0; i < syllables; i++) w += pick(r, SYL)
  return w[0].toUpperCase() + w.slice(1)
}

export function syntheticCompany(r: () => number): string {
  const core = r() < 0.3 ? `${pseudoWord(r)} ${pseudoWord(r)}` : pseudoWord(r)
  return `${core} ${pick(r, GENERIC)} ${pick(r, LEGAL)}`
}

export function syntheticPerson(r: () => number): string {
  return `${pick(r, FIRST)} ${pseudoWord(r)} ${pseudoWord(r, 3)}`
}

/** A realistic variant of a listed name: typo, reorder, legal form swap, case or dropped token. */
export function variantOf(r: () => number, name: string): string {
  const tokens = name.split(/\s+/)
  const k = Math.floor(r() * 5)
  if (k === 0) {
    // one typo in the longest token
    let li = 0
    tokens.forEach((t, i) => (t.length > tokens[li].length ? (li = i) : 0))
    const t = tokens[li]
    const p = 1 + Math.floor(r() * (t.length - 2))
    tokens[li] = t.slice(0, p) + t[p + 1] + t[p] + t.slice(p + 2)
    return tokens.join(' ')
  }
  if (k === 1) {
    // 'LAST, First Middle' → 'First Middle LAST'; a company's legal form moved to the front
    const comma = name.indexOf(',')
    if (comma > 0) return `${name.slice(comma + 1).trim()} ${name.slice(0, comma)}`
    const form = LEGAL.find((f) => name.endsWith(' ' + f))
    if (form) return `${form} ${name.slice(0, -form.length - 1)}`
    return [tokens[tokens.length - 1], ...tokens.slice(0, -1)].join(' ')
  }
  if (k === 2) {
    if (name.includes(',')) return name.replace(/,\s*(\S+)\s+\S+$/, ', $1') // middle name dropped
    const form = LEGAL.find((f) => name.endsWith(' ' + f))
    return `${form ? name.slice(0, -form.length - 1) : name} ${pick(r, LEGAL)}`
  }
  if (k === 3) return name.toLowerCase()
  return name.replace(/[.,]/g, '').toUpperCase()
}
