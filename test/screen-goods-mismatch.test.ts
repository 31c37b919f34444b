// Goods mismatch by category, tested from its definition over the shipped lists: the description's
// own goods categories (lexicon) against the HS code's chapter and heading (goods-categories.csv).
// Every ordinary category (consumer, industrial, generic) on every controlled code it does not cover
// is a mismatch; a controlled description on an ordinary code is one too; a description whose
// category covers its code is not; HS 2017 codes that HS 2022 split are read as their successors.
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { openStore, type Store } from '../src/store/index.ts'
import {
  classifyWindow,
  importList,
  readScreening,
  screenWindow,
  ScreenConfig,
} from '../src/screen/index.ts'
import { insertFixturePayments } from './fixtures/payments.ts'
import {
  parseGoodsCategories,
  parseGoodsHs,
  parseGoodsLexicon,
  parseHsSuccessors,
} from '../src/screen/lists/goods.ts'
import { CONTROLLED_GOODS, ORDINARY_GOODS, VAGUE_DESCRIPTIONS } from '../src/generate/goods.ts'

const read = (f: string) =>
  readFileSync(fileURLToPath(new URL(`../samples/lists/${f}`, import.meta.url)), 'utf8')
const CATEGORIES = parseGoodsCategories(read('goods-categories.csv')).categories
const LEXICON = parseGoodsLexicon(read('goods-lexicon.csv')).terms
const CODES = parseGoodsHs(read('goods-hs.csv')).codes
const byName = new Map(CATEGORIES.map((c) => [c.category, c]))

/** Does any of these categories cover the code (a prefix of it), by the categories file? */
const covers = (categories: string[], code: string) =>
  categories.some((c) => (byName.get(c)?.prefixes ?? []).some((p) => code.startsWith(p)))
/** A controlled code as a payment may carry it (4 to 10 digits). */
const asCode = (prefix: string) => (prefix.length >= 4 ? prefix : prefix.padEnd(4, '0'))
/** One lexicon term per category and language (the first listed). */
function termsOf(kinds: string[]) {
  const out: Array<{ term: string; category: string }> = []
  const seen = new Set<string>()
  for (const t of LEXICON) {
    const kind = byName.get(t.category)?.kind
    if (!kind || !kinds.includes(kind) || seen.has(`${t.category}/${t.lang}`)) continue
    seen.add(`${t.category}/${t.lang}`)
    out.push({ term: t.term, category: t.category })
  }
  return out
}

let store: Store
let n = 0
const WINDOW = { from: '2026-05-01', to: '2026-05-31' }

/** Classifies payments (purpose, hs) and returns their goods flags (undefined: not flagged). */
async function classify(cases: Array<{ purpose: string; hs: string | null }>) {
  const base = n
  n += cases.length
  await insertFixturePayments(
    store,
    cases.map((c, i) => ({
      tx_id: `m${base + i}`,
      ts: '2026-05-05T12:00:00Z',
      debtor_account: `D${base + i}`,
      creditor_account: `C${base + i}`,
      purpose: c.purpose,
      hs_code: c.hs,
    })),
  )
  await classifyWindow(store, WINDOW, ScreenConfig.parse({}))
  const { goodsByTx } = await readScreening(store, WINDOW)
  return cases.map((_, i) => goodsByTx.get(`m${base + i}`))
}

beforeAll(async () => {
  store = await openStore({ path: ':memory:' })
  // The scan's own way in: the default goods lists, each imported when its format is missing.
  await screenWindow(store, WINDOW, ScreenConfig.parse({}))
})
afterAll(() => store?.close())

describe('the shipped category lists', () => {
  it('give every lexicon category a kind and HS codes, controlled exactly where the lexicon says', () => {
    for (const t of LEXICON) {
      const c = byName.get(t.category)
      expect(c, `lexicon category ${t.category} (${t.term})`).toBeDefined()
      expect(c!.kind === 'controlled', `${t.term}: generic=${t.generic}, kind ${c!.kind}`).toBe(
        !t.generic,
      )
    }
    for (const kind of ['consumer', 'industrial', 'generic'])
      expect(CATEGORIES.some((c) => c.kind === kind)).toBe(true)
    for (const c of [
      'household-electronics',
      'kitchen-appliances',
      'furniture',
      'clothing-textiles',
      'toys',
      'food',
      'cosmetics',
    ])
      for (const lang of ['en', 'de', 'fr', 'ru', 'es', 'it', 'tr', 'zh'])
        expect(
          LEXICON.some((t) => t.category === c && t.lang === lang),
          `${c} in ${lang}`,
        ).toBe(true)
  })
})

describe('goods mismatch by category', () => {
  it('flags every ordinary category on every controlled code it does not cover, saying why', async () => {
    const terms = termsOf(['consumer', 'industrial', 'generic'])
    const cases = terms.flatMap((t) =>
      CODES.map((c) => ({ ...t, code: asCode(c.prefix), goods: c })),
    )
    const flags = await classify(cases.map((c) => ({ purpose: c.term, hs: c.code })))
    let mismatches = 0
    cases.forEach((c, i) => {
      const f = flags[i]
      expect(f, `${c.term} on ${c.code}`).toBeDefined() // a controlled code is always flagged
      expect(f!.declared_categories, c.term).toContain(c.category)
      const expected = !covers(f!.declared_categories, c.code)
      expect(f!.mismatch, `'${c.term}' (${c.category}) on HS ${c.code}`).toBe(expected)
      if (expected) {
        mismatches++
        expect(f!.mismatch_reason).toContain(byName.get(c.category)!.label)
        expect(f!.mismatch_reason).toContain(`HS ${c.code}`)
        expect(f!.mismatch_reason).toContain(`tier ${c.goods.tier}`)
      } else expect(f!.mismatch_reason).toBeNull()
    })
    // not vacuous: nearly every pair is a mismatch (ordinary goods sit on no controlled heading)
    expect(mismatches).toBeGreaterThan(cases.length * 0.95)
  })

  it("flags the issue's cases: household electronics and kitchen appliances on navigation and semiconductor codes", async () => {
    const cases = [
      { purpose: 'Household electronics', hs: '9014.20' },
      { purpose: 'Kitchen appliances', hs: '901480' },
      { purpose: 'household electronics, assorted', hs: '8541.49' },
      { purpose: 'Kitchen appliances (blenders)', hs: '85423190' },
      { purpose: 'Küchengeräte', hs: '9014' },
      { purpose: 'бытовая электроника', hs: '854231' },
    ]
    const flags = await classify(cases)
    for (const [i, f] of flags.entries()) expect(f?.mismatch, cases[i].purpose).toBe(true)
    expect(flags[0]!.mismatch_reason).toMatch(
      /^described as household electronics \('household electronics'\), but HS 9014\.20 is .*navigation-instruments, tier 3\.B/,
    )
    expect(flags[3]).toMatchObject({ code_heading: '8542', category: 'integrated-circuits' })
  })

  it('does not flag a description whose own category covers its code', async () => {
    const cases = termsOf(['controlled']).flatMap((t) =>
      byName.get(t.category)!.prefixes.map((p) => ({ ...t, code: asCode(p) })),
    )
    const flags = await classify(cases.map((c) => ({ purpose: c.term, hs: c.code })))
    cases.forEach((c, i) => {
      expect(flags[i], `${c.term} on ${c.code}`).toBeDefined() // controlled words: always flagged
      expect(flags[i]!.mismatch, `'${c.term}' on HS ${c.code}`).toBe(false)
    })
    // every genuine controlled invoice of the generator, and its ordinary trade
    const genuine = await classify(
      CONTROLLED_GOODS.flatMap(([hs, , descs]) => descs.map((d) => ({ purpose: d, hs }))),
    )
    for (const f of genuine) expect(f?.mismatch, f?.tx_id).toBe(false)
    const ordinary = await classify(
      ORDINARY_GOODS.flatMap(([hs, descs]) => descs.map((d) => ({ purpose: d, hs }))),
    )
    for (const f of ordinary) expect(f).toBeUndefined()
  })

  it('flags controlled descriptions on ordinary codes, and every vague description on a controlled code', async () => {
    // one ordinary code per ordinary category, none of them on any controlled category's heading
    const ordinaryCodes = CATEGORIES.filter((c) => c.kind !== 'controlled' && c.prefixes.length)
      .map((c) => asCode(c.prefixes[0]))
      .filter(
        (code) => !CATEGORIES.some((c) => c.kind === 'controlled' && covers([c.category], code)),
      )
      .filter((code) => !CODES.some((c) => code.startsWith(c.prefix)))
    expect(ordinaryCodes.length).toBeGreaterThan(8)
    const cases = termsOf(['controlled']).flatMap((t) =>
      ordinaryCodes.map((code) => ({ ...t, code })),
    )
    const flags = await classify(cases.map((c) => ({ purpose: c.term, hs: c.code })))
    cases.forEach((c, i) => {
      const f = flags[i]!
      const expected = !covers(f.declared_categories, c.code)
      expect(f.mismatch, `'${c.term}' (${c.category}) on HS ${c.code}`).toBe(expected)
      if (expected) expect(f.mismatch_reason).toContain(`is heading ${c.code.slice(0, 4)}`)
    })
    expect(flags.filter((f) => f!.mismatch).length).toBeGreaterThan(cases.length * 0.95)
    const furniture = (await classify([{ purpose: 'FPGA boards', hs: '940360' }]))[0]!
    expect(furniture.mismatch_reason).toBe(
      "described as integrated circuits and semiconductors ('fpga'), but HS 940360 is heading 9403 (furniture), not where such goods are classified (HS 847330, 8541, 8542)",
    )
    const vague = await classify(
      VAGUE_DESCRIPTIONS.flatMap((d) => CONTROLLED_GOODS.map(([hs]) => ({ purpose: d, hs }))),
    )
    for (const f of vague) expect(f?.mismatch, f?.tx_id).toBe(true)
  })

  it('reads ordinary goods in the words other writers use: other languages, Chinese without spaces', async () => {
    // How payment purposes describe ordinary goods in data not written by ringwatch, each declared
    // on an integrated-circuit code (HS 854231): every one is a mismatch.
    const words = [
      'Consumer electronics',
      'Television sets',
      'Coffee machines',
      'Ladies garments',
      'Footwear',
      'Pharmaceuticals',
      'Medical supplies',
      'LED lamps',
      'Wall paint',
      'Electrodomésticos',
      'Giocattoli per bambini',
      'Mobilya siparişi',
      'Odzież damska',
      'Speelgoed',
      '采购家具',
      '家用电器一批',
    ]
    const flags = await classify(words.map((purpose) => ({ purpose, hs: '854231' })))
    words.forEach((w, i) => expect(flags[i]!.mismatch, w).toBe(true))
    // … and the same words on their own codes are no mismatch (ordinary goods on an ordinary
    // code: no goods flag at all).
    const own = await classify([
      { purpose: 'Television sets', hs: '852872' },
      { purpose: '采购家具', hs: '940360' },
      { purpose: 'Pharmaceuticals', hs: '300490' },
    ])
    expect(own).toHaveLength(3)
    for (const f of own) expect(f?.mismatch ?? false).toBe(false)
  })

  it('reads HS 2017 codes that HS 2022 split as their successors', async () => {
    const flags = await classify([
      { purpose: '', hs: '854140' },
      { purpose: 'Kitchen appliances', hs: '8541.40.90' },
      { purpose: 'thermal imaging cameras', hs: '852580' },
      { purpose: 'Toys', hs: '8525.80' },
      { purpose: 'drone parts', hs: '880330' },
      { purpose: '', hs: '854890' },
      { purpose: '', hs: '854149' },
    ])
    expect(flags[0]).toMatchObject({
      category: 'discrete-semiconductors',
      tier: '3.A',
      hs_prefix: '854149',
      hs2022: ['854141', '854142', '854143', '854149'],
      code_heading: '8541',
      mismatch: false,
    })
    expect(flags[1]!.mismatch).toBe(true)
    expect(flags[1]!.mismatch_reason).toContain(
      'once HS 2017 854140 is read as HS 2022 854141, 854142, 854143, 854149',
    )
    expect(flags[2]).toMatchObject({ mismatch: false, hs_prefix: '852589', tier: '3.A' })
    expect(flags[3]).toMatchObject({ mismatch: true, code_heading: '8525' })
    expect(flags[4]).toMatchObject({ mismatch: false, hs_prefix: '880730', code_heading: '8807' })
    expect(flags[5]).toMatchObject({ hs_prefix: '854800', tier: '2', hs2022: ['854800'] })
    expect(flags[6]).toMatchObject({ hs_prefix: '854149', hs2022: [] })
    // every successor row of the shipped table is a real HS 2017 → 2022 change: the old code is
    // never one of its own successors
    for (const s of parseHsSuccessors(read('hs-successors.csv')).successors)
      expect(s.hs2022.startsWith(s.hs2017)).toBe(false)
  })
})

describe('category and successor lists', () => {
  it('report malformed rows with their line and field', () => {
    const c = parseGoodsCategories(
      'category,kind,label,hs\nfood,consumer,food,01;02\nbad,weird,x,01\nfurniture,consumer,furniture,94x\nfood,consumer,food,03\nthing,consumer,thing,\n',
    )
    expect(c.categories.map((x) => x.category)).toEqual(['food'])
    expect(c.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'kind'],
      [4, 'hs'],
      [5, 'category'],
      [6, 'hs'],
    ])
    const s = parseHsSuccessors('hs2017,hs2022\n854140,854141\n85414,854149\n854140,85414\n')
    expect(s.successors).toHaveLength(1)
    expect(s.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'hs2017'],
      [4, 'hs2022'],
    ])
  })

  it('a goods list of one kind imports with the others, each versioned by itself', async () => {
    const again = await importList(
      store,
      fileURLToPath(new URL('../samples/lists/goods-categories.csv', import.meta.url)),
      { kind: 'goods' },
    )
    expect(again).toMatchObject({ status: 'unchanged', format: 'goods-categories' })
    const formats = (
      await store.all<{ format: string }>('screen/active-goods-count', {
        kind: 'goods',
      })
    ).map((r) => r.format)
    expect(formats.sort()).toEqual([
      'goods-categories',
      'goods-hs',
      'goods-lexicon',
      'hs-successors',
    ])
  })
})
