// samples/config.json is the default config written out: every section and every knob, so a reader
// sees all of them. It must parse, have every section, and name every scoring and case setting the
// defaults have (values may be tuned). Other sections' knobs are checked by presence of the section
// only, so that a knob added elsewhere does not fail scoring's tests before the file is rewritten.
import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseConfig } from '../src/config/index.ts'

const file = fileURLToPath(new URL('../samples/config.json', import.meta.url))

function paths(v: unknown, prefix = ''): string[] {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return [prefix]
  return Object.entries(v).flatMap(([k, x]) => paths(x, prefix ? `${prefix}.${k}` : k))
}

describe('samples/config.json', () => {
  it('parses and names every setting of the defaults', () => {
    const raw = JSON.parse(readFileSync(file, 'utf8'))
    const loaded = parseConfig(raw, file)
    const defaults = parseConfig({}).config
    const mine = paths(defaults).filter((p) => p.startsWith('score.') || p.startsWith('cases.'))
    expect(mine.length).toBeGreaterThan(20)
    // a setting whose default is null (e.g. cases.goaml.reporting_person) may be an object here
    const named = paths(raw)
    const missing = mine.filter((p) => !named.some((n) => n === p || n.startsWith(p + '.')))
    expect(missing, 'settings missing from samples/config.json').toEqual([])
    expect(loaded.config.score.alert_threshold).toBe(raw.score.alert_threshold)
    expect(Object.keys(raw).sort()).toEqual(Object.keys(defaults).sort())
  })

  it('a weight changed in the file changes the config hash and the model', () => {
    const raw = JSON.parse(readFileSync(file, 'utf8'))
    raw.score.typologies.cycle.base.weight = 31
    const a = parseConfig(JSON.parse(readFileSync(file, 'utf8')))
    const b = parseConfig(raw)
    expect(b.hash).not.toBe(a.hash)
    expect(b.config.score.typologies.cycle.base.weight).toBe(31)
  })
})
