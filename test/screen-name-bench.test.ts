// Matcher quality on OpenSanctions' labelled name pairs (../shared/data/name-bench/cases.csv):
// prints precision, recall and F1 and fails below what this matcher reached at the default threshold
// (F1 0.9011, precision 0.9626; OpenSanctions' own matcher: F1 about 0.79).
import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import { sharedData } from '../src/screen/shared-data.ts'
import { compareNames, normalizeName, kindOfSchema, ScreenConfig } from '../src/screen/index.ts'
import { parseCsv } from '../src/screen/lists/index.ts'

const file = sharedData('name-bench/cases.csv')
if (!file)
  console.warn('screen-name-bench: ../shared/data/name-bench/cases.csv is absent; skipping')

const F1_FLOOR = 0.9
const PRECISION_FLOOR = 0.96

describe.skipIf(!file)('name matcher on the name-bench pairs', () => {
  it(`reaches F1 ≥ ${F1_FLOOR} and precision ≥ ${PRECISION_FLOOR} at the default threshold`, () => {
    const { records } = parseCsv(readFileSync(file!, 'utf8'))
    const [head, ...rows] = records
    const col = (k: string) => head.fields.indexOf(k)
    const threshold = ScreenConfig.parse({}).match_threshold
    let tp = 0
    let fp = 0
    let fn = 0
    let tn = 0
    for (const r of rows) {
      const f = r.fields
      const kind = kindOfSchema(f[col('schema')])
      const s = compareNames(
        normalizeName(f[col('name1')]),
        normalizeName(f[col('name2')]),
        kind,
      ).score
      const predicted = s >= threshold
      const actual = f[col('is_match')] === 'true'
      if (predicted && actual) tp++
      else if (predicted) fp++
      else if (actual) fn++
      else tn++
    }
    const precision = tp / (tp + fp)
    const recall = tp / (tp + fn)
    const f1 = (2 * precision * recall) / (precision + recall)
    console.log(
      `name-bench (${rows.length} pairs, threshold ${threshold}): precision ${precision.toFixed(4)} ` +
        `recall ${recall.toFixed(4)} F1 ${f1.toFixed(4)} (TP ${tp} FP ${fp} FN ${fn} TN ${tn})`,
    )
    expect(rows.length).toBe(826)
    expect(f1).toBeGreaterThanOrEqual(F1_FLOOR)
    expect(precision).toBeGreaterThanOrEqual(PRECISION_FLOOR)
  })
})
