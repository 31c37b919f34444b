// `ringwatch lists import|list|diff` through the CLI dispatcher on a file database.
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runMain } from './cli-main.ts'

const run = (...argv: string[]) => runMain(argv)

describe('ringwatch lists', () => {
  let dir: string
  let db: string
  let list: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rw-lists-cli-'))
    db = join(dir, 'rw.duckdb')
    list = join(dir, 'watch.csv')
    writeFileSync(list, 'name,aliases,country,list\nOrion Avia LLC,Orion Aviation,RU,EU\n,,,\n')
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('imports, reports malformed rows by line, and is a no-op the second time', async () => {
    const a = await run('lists', 'import', list, '--kind', 'sanctions', '--db', db)
    expect(a.code).toBe(0)
    expect(a.stdout).toMatch(
      /imported plain-csv sanctions list as snapshot L-[0-9a-f]{16}: 1 entries/,
    )
    expect(a.stderr).toContain(`${list}:3: field name is empty`)
    const b = await run('lists', 'import', list, '--kind', 'sanctions', '--db', db, '--json')
    expect(b.code).toBe(0)
    expect(JSON.parse(b.stdout)).toMatchObject({ status: 'unchanged', entries: 1 })
  })

  it('lists snapshots as a table and as JSON', async () => {
    await run('lists', 'import', 'samples/lists/goods-hs.csv', '--kind', 'goods', '--db', db)
    const t = await run('lists', 'list', '--db', db)
    expect(t.code).toBe(0)
    expect(t.stdout.split('\n')[0]).toMatch(
      /^snapshot\s+kind\s+format\s+source\s+file hash\s+imported\s+entries\s+active$/,
    )
    const j = await run('lists', 'list', '--db', db, '--json')
    const snaps = JSON.parse(j.stdout)
    // The default goods lists of the other formats come in with the first goods import (each is
    // imported when no list of its format is active).
    expect(snaps.map((s: { format: string; active: boolean }) => [s.format, s.active])).toEqual([
      ['plain-csv', true],
      ['goods-hs', true],
      ['goods-lexicon', true],
      ['goods-categories', true],
      ['hs-successors', true],
    ])
  })

  it('imports reference rates: the base from --base, else config fx.base_currency; bad cells by line and field', async () => {
    const rates = join(dir, 'rates.csv')
    writeFileSync(
      rates,
      '# sample\ndate,currency,rate_to_base\n2025-01-02,USD,0.95\n2025-01-03,USD,-1\n',
    )
    const a = await run('lists', 'import', rates, '--kind', 'fx', '--db', db)
    expect(a.code).toBe(0)
    expect(a.stdout).toMatch(
      /imported plain-rates fx list as snapshot L-[0-9a-f]{16}: 1 rates per 1 EUR/,
    )
    expect(a.stderr).toContain(`${rates}:4 (rate_to_base): field rate_to_base '-1'`)
    const config = join(dir, 'config.json')
    writeFileSync(config, JSON.stringify({ fx: { base_currency: 'CHF' } }))
    const b = await run(
      'lists',
      'import',
      rates,
      '--kind',
      'fx',
      '--db',
      db,
      '--config',
      config,
      '--json',
    )
    expect(b.stderr).toBe('')
    expect(JSON.parse(b.stdout)).toMatchObject({ status: 'imported', reference_currency: 'CHF' })
    const c = await run(
      'lists',
      'import',
      rates,
      '--kind',
      'fx',
      '--base',
      'gbp',
      '--db',
      db,
      '--json',
    )
    expect(JSON.parse(c.stdout)).toMatchObject({ status: 'imported', reference_currency: 'GBP' })
    const d = await run('lists', 'import', rates, '--kind', 'fx', '--base', 'EURO', '--db', db)
    expect(d.code).toBe(2)
    expect(d.stderr).toContain('--base EURO: not an ISO 4217 currency code')
  })

  it('diffs two versions of a watch list: entries added, removed, names changed', async () => {
    const v2dir = join(dir, 'v2')
    mkdirSync(v2dir)
    const v2 = join(v2dir, 'watch.csv')
    writeFileSync(
      v2,
      'name,aliases,country,list\nOrion Avia LLC,Orion Aviation|Orion Avia Holding,RU,EU\nKorvet GmbH,,DE,EU\n',
    )
    const imp = await run('lists', 'import', v2, '--kind', 'sanctions', '--db', db, '--json')
    expect(JSON.parse(imp.stdout)).toMatchObject({ status: 'imported', replaced: 1 })
    const snaps = JSON.parse((await run('lists', 'list', '--db', db, '--json')).stdout).filter(
      (x: { format: string }) => x.format === 'plain-csv',
    )
    const [a, b] = snaps.map((x: { snapshot_id: string }) => x.snapshot_id)
    const t = await run('lists', 'diff', a, b, '--db', db)
    expect(t.code).toBe(0)
    expect(t.stdout).toMatch(/1 added, 0 removed, 1 changed/)
    expect(t.stdout).toContain('+ row-3  LegalEntity  Korvet GmbH')
    expect(t.stdout).toContain('    + alias Orion Avia Holding')
    const j = JSON.parse((await run('lists', 'diff', a, b, '--db', db, '--json')).stdout)
    expect(j.changed[0].names_added).toEqual([{ kind: 'alias', name: 'Orion Avia Holding' }])
    const bad = await run('lists', 'diff', a, 'L-0000', '--db', db)
    expect(bad.code).not.toBe(0)
    expect(bad.stderr).toContain('no list snapshot L-0000')
  })

  it('bad usage exits 2 with a clear message', async () => {
    const a = await run('lists', 'import', list, '--db', db)
    expect(a.code).toBe(2)
    expect(a.stderr).toContain('--kind sanctions|goods|fx is required')
    const b = await run(
      'lists',
      'import',
      join(dir, 'missing.csv'),
      '--kind',
      'sanctions',
      '--db',
      db,
    )
    expect(b.code).toBe(2)
    expect(b.stderr).toContain('no such file')
    const c = await run('lists', 'import', list, '--kind', 'goods', '--db', db)
    expect(c.code).toBe(2)
    const d = await run(
      'lists',
      'import',
      list,
      '--kind',
      'sanctions',
      '--format',
      'xml',
      '--db',
      db,
    )
    expect(d.code).toBe(2)
    expect(d.stderr).toContain("unknown list format 'xml'")
  })
})
