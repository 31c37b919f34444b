// The committed sample rates: the file is what sampleRatesCsv writes, covers every currency the
// generator pays in on every business day (within ±2% of PER_EUR) and the other currencies of
// trade every Monday (within ±2% of their approximate mid rate), ECB's reference list included.
import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { PER_EUR, TX_CURRENCIES } from './money.ts'
import { isIsoCurrency } from '../screen/fx-config.ts'
import {
  businessDays,
  sampleRatesCsv,
  samplePerEur,
  SAMPLE_DRIFT,
  SAMPLE_PER_EUR,
  WORLD_PER_EUR,
} from './sample-rates.ts'

const file = fileURLToPath(new URL('../../samples/lists/fx-rates.csv', import.meta.url))

describe('samples/lists/fx-rates.csv', () => {
  const text = readFileSync(file, 'utf8')

  it('is what src/generate/sample-rates.ts writes, and says it is not official', () => {
    expect(text).toBe(sampleRatesCsv())
    expect(text.split('\n')[0]).toMatch(/^# APPROXIMATE SAMPLE RATES, NOT OFFICIAL/)
  })

  it('has every generator currency on every business day and the world currencies every Monday, within ±2% of the mid rate', () => {
    const rows = text
      .split('\n')
      .filter((l) => /^\d{4}-/.test(l))
      .map((l) => l.split(','))
    const days = businessDays('2025-01-01', '2027-12-31')
    const mondays = days.filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1)
    const foreign = TX_CURRENCIES.filter((c) => c !== 'EUR')
    const world = Object.keys(WORLD_PER_EUR)
    expect(rows).toHaveLength(days.length * foreign.length + mondays.length * world.length)
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set([...foreign, ...world]))
    // ECB's reference currencies are all there: ECB's own file can replace this one.
    for (const c of 'USD JPY BGN CZK DKK GBP HUF PLN RON SEK CHF ISK NOK TRY AUD BRL CAD CNY HKD IDR ILS INR KRW MXN MYR NZD PHP SGD THB ZAR'.split(
      ' ',
    ))
      expect(foreign.includes(c as never) || c in WORLD_PER_EUR, c).toBe(true)
    // Every one an ISO 4217 code: the import refuses anything else row by row.
    for (const c of world) expect(isIsoCurrency(c), c).toBe(true)
    let widest = 0
    for (const [day, c, rate] of rows) {
      const perEur = 1 / Number(rate)
      const move = Math.abs(perEur / SAMPLE_PER_EUR[c] - 1)
      widest = Math.max(widest, move)
      expect(move, `${c} on ${day}`).toBeLessThanOrEqual(SAMPLE_DRIFT + 1e-5)
      expect(perEur / samplePerEur(c, day)).toBeCloseTo(1, 5)
      if (c in PER_EUR) expect(SAMPLE_PER_EUR[c]).toBe(PER_EUR[c])
    }
    // the drift is really there (not a constant file)
    expect(widest).toBeGreaterThan(SAMPLE_DRIFT / 2)
    expect(days[0]).toBe('2025-01-01')
    expect(days.some((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 6)).toBe(false)
  })
})
