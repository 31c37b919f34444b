// The name index's candidate generation (rare-token blocking, expansions, the score ceilings) drops
// no match that an exhaustive comparison of every query with every list name finds: on a sample of
// the real OFAC SDN entries (../shared/data/sdn) with their variants as payments carry them, the
// negative set of ordinary names and the bench's synthetic names, the index returns exactly the
// entries whose best name scores at the threshold by compareNames.
import { describe, it, expect } from 'vitest'
import {
  NameIndex,
  ScreenConfig,
  compareNames,
  kindOfSchema,
  normalizeName,
  type IndexEntry,
} from '../src/screen/index.ts'
import { sharedFiles } from './required.ts'
import { rng, syntheticCompany, syntheticPerson, variantOf } from './fixtures/synthetic-names.ts'
import { negativeNames, sdnEntries, sdnVariants } from '../bench/screen-sets.ts'

const [file] = sharedFiles('screen-blocking', ['sdn/sdn.csv'])

describe.skipIf(!file)('name index against an exhaustive comparison', () => {
  it('finds every entry a comparison with every list name finds, on SDN names and variants', () => {
    const threshold = ScreenConfig.parse({}).match_threshold
    // every 20th SDN entry (about 750, with their aliases) and 300 synthetic ones
    const r = rng(3)
    const sample: IndexEntry[] = sdnEntries(file!).filter((_, i) => i % 20 === 0)
    for (let i = 0; i < 300; i++) {
      const person = r() < 0.4
      const name = person ? syntheticPerson(r) : syntheticCompany(r)
      sample.push({
        id: `syn-${i}`,
        snapshotId: 'syn',
        schema: person ? 'Person' : 'Company',
        caption: name,
        names: [{ name, kind: 'name' }],
      })
    }
    const index = new NameIndex(sample)
    // queries: variants of the sampled names of every kind, ordinary names, synthetic names and
    // variants of them (as the speed bench draws them)
    const queries = [
      ...sdnVariants(sample, 60).map((v) => v.query),
      ...negativeNames(600).map((n) => n.name),
    ]
    for (let i = 0; i < 400; i++)
      queries.push(
        i % 2
          ? variantOf(r, sample[Math.floor(r() * sample.length)].names[0].name)
          : r() < 0.5
            ? syntheticPerson(r)
            : syntheticCompany(r),
      )
    // the exhaustive path: every query against every name of every entry
    const listed = sample.map((e) => ({
      id: e.id,
      kind: kindOfSchema(e.schema),
      names: e.names.map((n) => normalizeName(n.name)).filter((n) => n.tokens.length > 0),
    }))
    const opts = { isWord: index.isWord, isCommon: index.isCommon }
    let found = 0
    const dropped: string[] = []
    const extra: string[] = []
    for (const query of queries) {
      const q = normalizeName(query)
      const qKind = q.legal.length > 0 ? 'company' : 'unknown'
      const want = new Set<string>()
      if (q.tokens.length > 0)
        for (const e of listed) {
          const kind = e.kind !== 'unknown' ? e.kind : qKind
          if (e.names.some((n) => compareNames(q, n, kind, opts).score >= threshold)) want.add(e.id)
        }
      const got = new Set(index.match(query, { threshold }).map((h) => h.entry.id))
      found += want.size
      for (const id of want) if (!got.has(id)) dropped.push(`'${query}' → ${id}`)
      for (const id of got) if (!want.has(id)) extra.push(`'${query}' → ${id}`)
    }
    console.log(
      `blocking vs exhaustive: ${queries.length} queries, ${found} matches found exhaustively, ${dropped.length} dropped`,
    )
    expect(queries.length).toBeGreaterThan(1500)
    expect(found).toBeGreaterThan(500)
    expect(dropped).toEqual([])
    expect(extra).toEqual([])
  })
})
