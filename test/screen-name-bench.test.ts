// Matcher quality on OpenSanctions' labelled name pairs (../shared/data/name-bench/cases.csv):
// prints precision, recall and F1 and fails below what this matcher reached at the default threshold
// (F1 0.9011, precision 0.9626; OpenSanctions' own matcher: F1 about 0.79).
import { describe, it, expect } from 'vitest'
import { sharedFiles } from './required.ts'
import { ScreenConfig } from '../src/screen/index.ts'
import { nameBench } from '../bench/screen-sets.ts'

const [file] = sharedFiles('screen-name-bench', ['name-bench/cases.csv'])

const F1_FLOOR = 0.9
const PRECISION_FLOOR = 0.96

describe.skipIf(!file)('name matcher on the name-bench pairs', () => {
  it(`reaches F1 ≥ ${F1_FLOOR} and precision ≥ ${PRECISION_FLOOR} at the default threshold`, () => {
    const threshold = ScreenConfig.parse({}).match_threshold
    const m = nameBench(file!, threshold)
    console.log(
      `name-bench (${m.pairs} pairs, threshold ${threshold}): precision ${m.precision.toFixed(4)} ` +
        `recall ${m.recall.toFixed(4)} F1 ${m.f1.toFixed(4)} (TP ${m.tp} FP ${m.fp} FN ${m.fn} TN ${m.tn})`,
    )
    expect(m.pairs).toBe(826)
    expect(m.f1).toBeGreaterThanOrEqual(F1_FLOOR)
    expect(m.precision).toBeGreaterThanOrEqual(PRECISION_FLOOR)
  })
})
