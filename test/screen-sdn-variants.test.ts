// Recall on variants of the real OFAC SDN names (../shared/data/sdn) as payments carry them: cut at
// 35 and at 20–34 characters, a long word cut short, the legal form in eleven languages' spellings, a
// typo inside the legal form, a given name shortened (bench/screen-sets.ts builds them by stated
// rules). 300 of each kind, drawn with a fixed seed; `npm run bench:screen` runs them all.
import { describe, it, expect } from 'vitest'
import { NameIndex, ScreenConfig } from '../src/screen/index.ts'
import { sharedFiles } from './required.ts'
import { sdnEntries, sdnVariants } from '../bench/screen-sets.ts'

const [file] = sharedFiles('screen-sdn-variants', ['sdn/sdn.csv'])

describe.skipIf(!file)('SDN names under payment variants', () => {
  it('finds at least 98 % of each kind of variant', () => {
    const entries = sdnEntries(file!)
    const index = new NameIndex(entries)
    const threshold = ScreenConfig.parse({}).match_threshold
    const byKind = new Map<string, { n: number; found: number }>()
    for (const v of sdnVariants(entries, 300)) {
      const k = byKind.get(v.kind) ?? { n: 0, found: 0 }
      k.n++
      if (index.match(v.query, { threshold }).some((h) => h.entry.id === v.id)) k.found++
      byKind.set(v.kind, k)
    }
    const recall = Object.fromEntries([...byKind].map(([k, v]) => [k, v.found / v.n]))
    console.log('SDN variant recall by kind:', recall)
    expect(Object.keys(recall).sort()).toEqual([
      'cut-20-34',
      'cut-35',
      'given-short',
      'legal-de',
      'legal-en',
      'legal-es',
      'legal-fa-ar',
      'legal-fr',
      'legal-it',
      'legal-nl',
      'legal-ru-uk',
      'legal-tr',
      'legal-typo',
      'legal-zh',
      'word-cut',
    ])
    for (const [kind, r] of Object.entries(recall)) expect(r, kind).toBeGreaterThanOrEqual(0.98)
  })
})
