// The committed sample week: what the generator gives for SAMPLE_OPTIONS, byte for byte, with every
// typology at least twice, every truth transfer in the day files, and dates before 2026-11-25.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { PLANTED_TYPOLOGIES } from '../src/generate/index.ts'
import { makeSamples } from '../src/generate/make-samples.ts'
import { checkPattern, readDayCsv } from '../src/generate/verify.ts'
import { Truth } from '../src/schema/truth.ts'

const tmp = mkdtempSync(join(tmpdir(), 'rw-samples-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('samples/', () => {
  const days = readdirSync('samples/days')
    .filter((f) => f.endsWith('.csv'))
    .sort()
  const truth = Truth.parse(JSON.parse(readFileSync('samples/truth.json', 'utf8')))

  it('is a week ending before 2026-11-25 with every typology planted at least twice', () => {
    expect(days.length).toBe(7)
    expect(days[6] < '2026-11-25').toBe(true)
    for (const t of PLANTED_TYPOLOGIES)
      expect(truth.patterns.filter((p) => p.typology === t).length, t).toBeGreaterThanOrEqual(2)
  })

  it('holds every truth transfer exactly once, each pattern inside its rule', () => {
    const rows = days.flatMap((f) => readDayCsv(join('samples/days', f)))
    const byId = new Map(rows.map((r) => [r.tx_id, r]))
    expect(byId.size).toBe(rows.length)
    for (const p of truth.patterns)
      expect(checkPattern(p, p.tx_ids.map((t) => byId.get(t)!).filter(Boolean)), p.id).toEqual([])
  })

  it('is exactly what make-samples regenerates', async () => {
    await makeSamples(tmp)
    for (const f of days)
      expect(
        readFileSync(join(tmp, 'days', f)).equals(readFileSync(join('samples/days', f))),
        f,
      ).toBe(true)
    expect(readFileSync(join(tmp, 'truth.json'), 'utf8')).toBe(
      readFileSync('samples/truth.json', 'utf8'),
    )
    expect(readFileSync(join(tmp, 'lists', 'watchlist.csv'), 'utf8')).toBe(
      readFileSync('samples/lists/watchlist.csv', 'utf8'),
    )
  })
})
