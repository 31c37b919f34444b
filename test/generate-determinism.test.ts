// The same seed gives byte-identical output; another seed gives different data. Also the Arrow and
// Parquet writers carry the same rows as the CSV of the same seed.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { tableFromIPC } from 'apache-arrow'
import { afterAll, describe, expect, it } from 'vitest'
import { generate } from '../src/generate/index.ts'
import { readDayCsv } from '../src/generate/verify.ts'
import { withStore } from '../src/store/index.ts'
import { BadInputError } from '../src/util/errors.ts'
import { TRANSFER_COLUMNS } from '../src/schema/transfer.ts'

const dirs: string[] = []
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'rw-det-'))
  dirs.push(d)
  return d
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

function files(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f))]),
  )
}

describe('generate determinism', () => {
  it('gives byte-identical files for the same seed and different ones for another', async () => {
    const opts = { days: 2, perDay: 400, start: '2026-10-05' }
    const [a, b, c] = [tmp(), tmp(), tmp()]
    await generate({ out: a, seed: 5, ...opts })
    await generate({ out: b, seed: 5, ...opts })
    await generate({ out: c, seed: 6, ...opts })
    const fa = files(a)
    const fb = files(b)
    const fc = files(c)
    expect([...fa.keys()]).toEqual([
      '2026-10-05.csv',
      '2026-10-06.csv',
      'truth.json',
      'watchlist.csv',
    ])
    expect([...fb.keys()]).toEqual([...fa.keys()])
    for (const [name, bytes] of fa) expect(bytes.equals(fb.get(name)!), name).toBe(true)
    for (const name of ['2026-10-05.csv', '2026-10-06.csv', 'truth.json'])
      expect(fa.get(name)!.equals(fc.get(name)!), name).toBe(false)
  })

  it('writes Arrow IPC with the same rows as the CSV', async () => {
    const [csv, arrow] = [tmp(), tmp()]
    const opts = { seed: 9, days: 1, perDay: 300, start: '2026-10-05' }
    await generate({ out: csv, ...opts })
    await generate({ out: arrow, ...opts, format: 'arrow' })
    const rows = readDayCsv(join(csv, '2026-10-05.csv'))
    const table = tableFromIPC(readFileSync(join(arrow, '2026-10-05.arrow')))
    expect(table.numRows).toBe(rows.length)
    // the canonical transfer columns, in their order
    expect(table.schema.fields.map((f) => f.name)).toEqual([...TRANSFER_COLUMNS])
    expect(table.getChild('tx_id')!.toArray()).toEqual(rows.map((r) => r.tx_id))
    expect(table.getChild('creditor_name')!.get(17)).toBe(rows[17].creditor_name)
    expect(readFileSync(join(arrow, 'truth.json'), 'utf8')).toBe(
      readFileSync(join(csv, 'truth.json'), 'utf8').replace('"format": "csv"', '"format": "arrow"'),
    )
  })

  it('writes Parquet with the same rows as the CSV', async () => {
    const [csv, pq] = [tmp(), tmp()]
    const opts = { seed: 9, days: 1, perDay: 300, start: '2026-10-05' }
    await generate({ out: csv, ...opts })
    await generate({ out: pq, ...opts, format: 'parquet' })
    expect(readdirSync(pq).sort()).toEqual(['2026-10-05.parquet', 'truth.json', 'watchlist.csv'])
    const rows = readDayCsv(join(csv, '2026-10-05.csv'))
    await withStore(async (store) => {
      const got = await store.all<{ tx_id: string; amount: string; purpose: string | null }>(
        'fixture/parquet-transfers',
        { path: join(pq, '2026-10-05.parquet') },
      )
      expect(got.length).toBe(rows.length)
      expect(got.map((r) => r.tx_id)).toEqual(rows.map((r) => r.tx_id))
      expect(got[5].purpose).toBe(rows[5].purpose)
    })
  })

  it('rejects bad options as bad input', async () => {
    await expect(generate({ out: tmp(), start: '2026-13-45' })).rejects.toBeInstanceOf(
      BadInputError,
    )
    await expect(generate({ out: tmp(), days: 0 })).rejects.toBeInstanceOf(BadInputError)
  })
})
