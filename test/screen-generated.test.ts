// Cross-module: the generator's watch list (targets.simple.csv shape) imports, and after ingesting
// the generated day files every planted pattern flagged listed_party has a screened party hit and
// every one flagged controlled_goods has a goods flag.
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { withStore } from '../src/store/index.ts'
import { generate } from '../src/generate/index.ts'
import { ingestPaths, IngestConfig } from '../src/ingest/index.ts'
import { importList, readScreening, screenWindow, ScreenConfig } from '../src/screen/index.ts'

interface TruthPattern {
  id: string
  tx_ids: string[]
  accounts: string[]
  flags: { controlled_goods: boolean; listed_party: boolean }
}

describe('screening generated data', () => {
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rw-screen-gen-'))
    await generate({ out: dir, seed: 7, days: 6, perDay: 1500, start: '2026-06-01' })
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('finds the planted listed parties and controlled goods', async () => {
    await withStore(async (store) => {
      const list = await importList(store, join(dir, 'watchlist.csv'), { kind: 'sanctions' })
      expect(list).toMatchObject({ format: 'targets-simple', bad_rows: 0 })
      await ingestPaths(store, [dir], { config: IngestConfig.parse({}) })
      const window = { from: '2026-06-01', to: '2026-06-06' }
      await screenWindow(store, window, ScreenConfig.parse({}))
      const ctx = await readScreening(store, window)
      const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as {
        patterns: TruthPattern[]
      }
      const listed = truth.patterns.filter((p) => p.flags.listed_party)
      const goods = truth.patterns.filter((p) => p.flags.controlled_goods)
      expect(listed.length).toBeGreaterThan(0)
      expect(goods.length).toBeGreaterThan(0)
      const missedListed = listed.filter((p) => !p.accounts.some((a) => ctx.hitsByAccount.has(a)))
      const missedGoods = goods.filter((p) => !p.tx_ids.some((t) => ctx.goodsByTx.has(t)))
      expect(missedListed.map((p) => p.id)).toEqual([])
      expect(missedGoods.map((p) => p.id)).toEqual([])
    })
  })
})
