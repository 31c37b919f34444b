// Goods classification of purpose texts and HS codes through the SQL in classify-goods.sql, with the
// default goods lists: whole-word short terms, word-start medium terms, substring long terms
// (German compounds), Russian and French terms, HS prefixes, and mismatches.
import { describe, it, expect } from 'vitest'
import { withStore } from '../src/store/index.ts'
import { classifyWindow, importList, readScreening, ScreenConfig } from '../src/screen/index.ts'
import { insertFixturePayments } from './fixtures/payments.ts'

const CASES: Array<[string, string | null, string | null]> = [
  // purpose, hs_code, expected category (null: not flagged)
  ['FPGAs for evaluation boards', null, 'integrated-circuits'],
  ['guava juice', null, null], // 'uav' inside a word is not a UAV
  ['spare drones and flight controllers', null, 'uav'],
  ['Lieferung Rillenkugellager 6204', null, 'bearings'],
  ['Frequenzumrichter 7,5 kW', null, 'power-converters'],
  ['поставка подшипников', null, 'bearings'],
  ['centre d’usinage vertical', null, 'machine-tools'], // typographic apostrophe folded
  ['oscilloscope numérique', null, 'test-measurement'],
  ['office chairs', '9401', null],
  ['office chairs', '8542.31.00', 'integrated-circuits'],
  ['Processors', '847150', 'computers'],
  ['agricultural machinery spare parts', '8542.31', 'integrated-circuits'],
  ['machining centre, used', '845710', 'machine-tools'],
]

describe('goods classification', () => {
  it('finds categories from words and HS codes, and flags generic descriptions on controlled codes', async () => {
    await withStore(async (store) => {
      await importList(store, 'samples/lists/goods-hs.csv', { kind: 'goods' })
      await importList(store, 'samples/lists/goods-lexicon.csv', { kind: 'goods' })
      await insertFixturePayments(
        store,
        CASES.map(([purpose, hs], i) => ({
          tx_id: `g${i}`,
          ts: '2026-05-05T12:00:00Z',
          debtor_account: `D${i}`,
          creditor_account: `C${i}`,
          purpose,
          hs_code: hs,
        })),
      )
      const window = { from: '2026-05-01', to: '2026-05-31' }
      await classifyWindow(store, window, ScreenConfig.parse({}))
      const { goodsByTx } = await readScreening(store, window)
      const got = CASES.map((_, i) => goodsByTx.get(`g${i}`)?.category ?? null)
      expect(got).toEqual(CASES.map((c) => c[2]))
      expect(goodsByTx.get('g11')).toMatchObject({ mismatch: true, source: 'hs', tier: '1' })
      // furniture declared on an integrated-circuit code: the description's own category says so
      expect(goodsByTx.get('g9')).toMatchObject({
        mismatch: true,
        declared_categories: ['furniture'],
      })
      expect(goodsByTx.get('g12')).toMatchObject({ source: 'both', mismatch: false })
      expect(goodsByTx.get('g3')!.terms).toEqual(['kugellager'])
    })
  })
})
