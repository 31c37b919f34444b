// Every kind of bad row lands in quarantine with its reason code and line, the same on DuckDB's
// CSV reader and the JavaScript reader, and per file rows read = accepted + quarantined.
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore, withStore, type Store } from '../src/store/index.ts'
import { ingestPaths, IngestConfig, REASON_CODES, type CsvEngine } from '../src/ingest/index.ts'
import { runMain } from './cli-main.ts'
import { ingestFiles, landedPayments, quarantineRows, tableCounts } from './fixtures/reads.ts'

const FIXTURES = new URL('./fixtures/ingest/', import.meta.url).pathname
const config = IngestConfig.parse({})
const now = () => new Date('2024-06-01T00:00:00Z')

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rw-quarantine-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const quarantineCli = (args: string[]) => runMain(['quarantine', ...args])

/** Checks the reconciliation of every landed file against the tables, and returns the quarantine. */
async function reconcile(store: Store) {
  const files = await ingestFiles(store)
  for (const f of files) {
    const n = await store.one<{ payments: number; quarantined: number }>('fixture/file-counts', {
      file_id: f.file_id,
    })
    expect(f.rows_read).toBe(f.rows_accepted + f.rows_quarantined)
    expect(n?.payments).toBe(f.rows_accepted)
    expect(n?.quarantined).toBe(f.rows_quarantined)
  }
}

async function quarantineOf(store: Store, path: string) {
  return (await quarantineRows(store))
    .filter((r) => r.path === path)
    .map(({ source_row, column_name, raw_value, reason_code, reason, raw_row }) => ({
      line: source_row,
      column_name,
      raw_value,
      reason_code,
      reason,
      raw_row,
    }))
}

/** Writes `text` as a CSV file in the test folder, ingests it into a fresh store and hands both on. */
async function landText(
  name: string,
  text: string,
  check: (store: Store, s: Awaited<ReturnType<typeof ingestPaths>>, file: string) => Promise<void>,
) {
  const file = join(dir, name)
  writeFileSync(file, text)
  await withStore(async (store) =>
    check(store, await ingestPaths(store, [file], { config, now }), file),
  )
}

// line → reason code, for test/fixtures/ingest/bad-rows.csv (header = line 1)
const BAD_ROWS: Record<number, string> = {
  3: 'missing_field',
  4: 'bad_timestamp',
  5: 'future_timestamp',
  6: 'bad_amount',
  7: 'nonpositive_amount',
  8: 'nonpositive_amount',
  9: 'amount_scale',
  10: 'unknown_currency',
  11: 'bad_iban',
  12: 'bad_iban',
  13: 'same_account',
  14: 'bad_bic',
  15: 'bad_bic',
  16: 'unknown_country',
  17: 'bad_hs_code',
  18: 'duplicate_tx_id',
  19: 'wrong_column_count',
  20: 'wrong_column_count',
  21: 'unterminated_quote',
  22: 'tx_id_exists',
  24: 'missing_field',
  25: 'bad_amount',
  26: 'amount_scale',
}

describe('quarantine', () => {
  it('quarantines every bad-row kind with its reason, identically on both CSV paths', async () => {
    const results: Record<string, unknown[]> = {}
    for (const engine of ['native', 'js'] as CsvEngine[]) {
      await withStore(async (store) => {
        await ingestPaths(store, [join(FIXTURES, 'good.csv')], { config, now, csvEngine: engine })
        const s = await ingestPaths(store, [join(FIXTURES, 'bad-rows.csv')], {
          config,
          now,
          csvEngine: engine,
        })
        const f = s.files[0]
        expect(f.engine).toBe(engine === 'native' ? 'native' : 'arrow')
        expect([f.rows_read, f.rows_accepted, f.rows_quarantined]).toEqual([26, 3, 23])
        const q = await quarantineOf(store, join(FIXTURES, 'bad-rows.csv'))
        expect(Object.fromEntries(q.map((r) => [r.line, r.reason_code]))).toEqual(BAD_ROWS)
        const byLine = Object.fromEntries(q.map((r) => [r.line, r]))
        expect(byLine[11]).toMatchObject({
          column_name: 'debtor_account',
          raw_value: 'DE89370400440532013001',
        })
        expect(byLine[12].reason).toContain('DE IBANs have 22')
        expect(byLine[18].reason).toContain('row 2')
        expect(byLine[19].raw_row).toBe('B19,2024-05-01T10:00:00Z,10.00,EUR,ACC-1,Alpha,DE,,ACC-2')
        expect(JSON.parse(byLine[6].raw_row!)).toMatchObject({ tx_id: 'B05', amount: '12,50' })
        const landed = (await landedPayments(store))
          .filter((p) => p.path?.endsWith('bad-rows.csv'))
          .sort((a, b) => a.source_row - b.source_row)
          .map((p) => ({ tx_id: p.tx_id, source_row: p.source_row }))
        expect(landed).toEqual([
          { tx_id: 'B01', source_row: 2 },
          { tx_id: 'B23', source_row: 23 },
          { tx_id: 'B27', source_row: 27 },
        ])
        await reconcile(store)
        results[engine] = q
      })
    }
    expect(results.native).toEqual(results.js)
  })

  it('explains every reason in plain words, an amount of an unknown currency included', async () => {
    // a reason may never be empty: for an unknown currency the amount rule comes first, and its
    // text once lacked the currency's decimals (null), which failed the whole file
    const head = 'tx_id,ts,amount,currency,debtor_account,creditor_account,debtor_country\n'
    await landText(
      'reasons.csv',
      head +
        'R1,2024-05-01T10:00:00Z,1.005,XYZ,A1,A2,DE\n' +
        'R2,2024-05-01T10:00:00Z,1.5,JPY,A1,A2,DE\n' +
        'R3,2024-05-01T10:00:00Z,1.0005,BHD,A1,A2,DE\n' +
        'R4,2024-05-01T10:00:00Z,100,JPY,A1,A2,de\n',
      async (store, s, file) => {
        expect(s.files[0].status).toBe('landed')
        expect([s.files[0].rows_accepted, s.files[0].rows_quarantined]).toEqual([1, 3])
        const q = await quarantineOf(store, file)
        expect(q.map((r) => [r.line, r.reason_code])).toEqual([
          [2, 'amount_scale'],
          [3, 'amount_scale'],
          [4, 'amount_scale'],
        ])
        expect(q[0].reason).toContain('XYZ is no ISO 4217 code')
        expect(q[1].reason).toContain('JPY allows 0')
        expect(q[2].reason).toContain('BHD allows 3 but ringwatch stores 2')
        const landed = (await landedPayments(store)).find((p) => p.tx_id === 'R4')
        expect(landed?.debtor_country).toBe('DE')
      },
    )
  })

  it('a file DuckDB can read but that is not one record per line lands with its real lines', async () => {
    // DuckDB's reader stages a new CSV file while the pre-scan runs; quoted newlines and a blank
    // line read fine there but would shift every line number after them: the file is landed
    // again the JavaScript way once the pre-scan has found them
    const head = 'tx_id,ts,amount,currency,debtor_account,creditor_account,purpose\n'
    await landText(
      'multiline.csv',
      head +
        'Q1,2024-05-01T10:00:00Z,5.00,EUR,A1,A2,"two\nlines"\n' +
        'Q2,2024-05-01T10:00:00Z,x,EUR,A1,A2,bad amount\n' +
        '\n' +
        'Q3,2024-05-01T10:00:00Z,5.00,XYZ,A1,A2,bad currency\n',
      async (store, s, file) => {
        expect(s.files[0]).toMatchObject({ status: 'landed', engine: 'arrow', rows_accepted: 1 })
        const q = await quarantineOf(store, file)
        expect(q.map((r) => [r.line, r.reason_code])).toEqual([
          [4, 'bad_amount'],
          [6, 'unknown_currency'],
        ])
        await reconcile(store)
      },
    )
  })

  it('rejects rows that cannot be split into fields: invalid UTF-8, unterminated quote', async () => {
    const file = join(dir, 'structure.csv')
    const head = 'tx_id,ts,amount,currency,debtor_account,creditor_account,purpose\n'
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(head + 'S1,2024-05-01T10:00:00Z,5.00,EUR,A1,A2,"two\nlines, quoted"\n'),
        Buffer.from('S2,2024-05-01T10:00:00Z,5.00,EUR,A1,A2,caf'),
        Buffer.from([0xc3, 0x28]),
        Buffer.from('\n\nS3,2024-05-01T10:00:00Z,5.00,EUR,A1,A2,ok\n'),
        Buffer.from('S4,2024-05-01T10:00:00Z,5.00,EUR,A1,A2,"never closed\nS5,x,y\n'),
      ]),
    )
    await withStore(async (store) => {
      const s = await ingestPaths(store, [file], { config, now })
      // the same bytes under another name are skipped, although DuckDB's reader, tried first
      // while the new name is hashed, fails on them and the JavaScript reader takes them again
      const copy = join(dir, 'structure-copy.csv')
      writeFileSync(copy, readFileSync(file))
      const again = await ingestPaths(store, [copy], { config, now })
      expect(again.files[0]).toMatchObject({ status: 'skipped_duplicate', duplicate_of: file })
      expect(s.files[0].engine).toBe('arrow') // not one record per line: the JavaScript reader
      expect([s.files[0].rows_read, s.files[0].rows_accepted, s.files[0].rows_quarantined]).toEqual(
        [4, 2, 2],
      )
      const q = await quarantineOf(store, file)
      expect(q.map((r) => [r.line, r.reason_code])).toEqual([
        [4, 'invalid_utf8'],
        [7, 'unterminated_quote'],
      ])
      expect(await landedPayments(store)).toMatchObject([
        { tx_id: 'S1', purpose: 'two\nlines, quoted', source_row: 2 },
        { tx_id: 'S3', purpose: 'ok', source_row: 6 },
      ])
      await reconcile(store)
    })
  })

  it('JSON lines: bad JSON and non-objects are rejected, rules apply as for CSV', async () => {
    const file = join(dir, 'rows.jsonl')
    writeFileSync(
      file,
      [
        '{"tx_id":"J1","ts":"2024-05-01T10:00:00Z","amount":12.5,"currency":"EUR","debtor_account":"A1","creditor_account":"A2","Ref":7}',
        '{"tx_id":"J2","ts":"2024-05-01T10:00:00Z","amount":"-1","currency":"EUR","debtor_account":"A1","creditor_account":"A2"}',
        '{"tx_id":"J3", oops}',
        '[1,2]',
        '',
        '{"TX_ID":"J4","TS":"2024-05-01T10:00:00Z","AMOUNT":12345678901234.57,"CURRENCY":"usd","DEBTOR_ACCOUNT":"A1","CREDITOR_ACCOUNT":"A2"}',
      ].join('\n') + '\n',
    )
    await withStore(async (store) => {
      const s = await ingestPaths(store, [file], { config, now })
      expect([s.files[0].rows_read, s.files[0].rows_accepted, s.files[0].rows_quarantined]).toEqual(
        [5, 2, 3],
      )
      const q = await quarantineOf(store, file)
      expect(q.map((r) => [r.line, r.reason_code])).toEqual([
        [2, 'nonpositive_amount'],
        [3, 'bad_json'],
        [4, 'bad_json'],
      ])
      expect(await landedPayments(store)).toMatchObject([
        { tx_id: 'J1', amount: '12.50', currency: 'EUR', extra: '{"Ref":"7"}' },
        { tx_id: 'J4', amount: '12345678901234.57', currency: 'USD', extra: null },
      ])
      await reconcile(store)
    })
  })

  it('keeps real line numbers around rejected lines in a large file on both paths', async () => {
    const file = join(dir, 'lines.csv')
    const bad = new Set([1000, 25_000, 39_999, 40_000])
    const lines = ['tx_id,ts,amount,currency,debtor_account,creditor_account']
    for (let line = 2; line <= 50_000; line++)
      lines.push(
        `L${line},2024-05-01T10:00:00Z,1.00,EUR,A${line % 97},B${line % 89}${bad.has(line) ? ',x' : ''}`,
      )
    writeFileSync(file, lines.join('\n') + '\n')
    for (const engine of ['native', 'js'] as CsvEngine[])
      await withStore(async (store) => {
        const s = await ingestPaths(store, [file], { config, now, csvEngine: engine })
        expect(s.files[0]).toMatchObject({ rows_read: 49_999, rows_quarantined: bad.size })
        const q = await quarantineOf(store, file)
        expect(q.map((r) => [r.line, r.reason_code, r.raw_row?.slice(0, 6)])).toEqual(
          [...bad].map((l) => [l, 'wrong_column_count', `L${l},`.slice(0, 6)]),
        )
        const ok = await store.one('fixture/payments-tally', { prefix: 'L', offset: 0 })
        expect(ok).toMatchObject({ n: 49_999 - bad.size, numbered: 49_999 - bad.size })
      })
  })

  it('the future tolerance comes from config', async () => {
    const file = join(dir, 'future.csv')
    writeFileSync(
      file,
      'tx_id,ts,amount,currency,debtor_account,creditor_account\n' +
        'F1,2024-06-01T23:00:00Z,1,EUR,A1,A2\nF2,2024-06-02T01:00:00Z,1,EUR,A1,A2\n',
    )
    for (const [hours, accepted] of [
      [24, 1],
      [48, 2],
    ] as const) {
      await withStore(async (store) => {
        const s = await ingestPaths(store, [file], {
          config: IngestConfig.parse({ future_tolerance_hours: hours }),
          now,
        })
        expect(s.files[0].rows_accepted).toBe(accepted)
      })
    }
  })

  it('a file without a required column fails by name; the other files still land', async () => {
    const bad = join(dir, 'no-amount.csv')
    writeFileSync(bad, 'tx_id,ts,currency,debtor_account,creditor_account\nX,2024-05-01,EUR,A,B\n')
    await withStore(async (store) => {
      const s = await ingestPaths(store, [bad, join(FIXTURES, 'good.csv')], { config, now })
      expect(s.files[0]).toMatchObject({ status: 'failed', exit_code: 2 })
      expect(s.files[0].error).toContain('no-amount.csv')
      expect(s.files[0].error).toContain('amount')
      expect(s.files[1]).toMatchObject({ status: 'landed', rows_accepted: 2 })
      expect((await tableCounts(store)).ingest_files).toBe(1)
    })
  })

  it('every reason a row is quarantined for is one `ringwatch quarantine --reason` takes, with its file, line and field', async () => {
    // What the readers and the rules give, found by landing rows of every kind (not by reading
    // their source): the set of reasons given is the set the quarantine command knows.
    const db = join(dir, 'reasons.duckdb')
    const head = 'tx_id,ts,amount,currency,debtor_account,creditor_account,purpose\n'
    const structure = join(dir, 'reasons-structure.csv')
    writeFileSync(
      structure,
      Buffer.concat([
        Buffer.from(head + 'S1,2024-05-01T10:00:00Z,5.00,EUR,A1,A2,caf'),
        Buffer.from([0xc3, 0x28]),
        Buffer.from('\nS2,2024-05-01T10:00:00Z,5.00,EUR,A1,A2,"never closed\n'),
      ]),
    )
    const large = join(dir, 'reasons-large.csv')
    writeFileSync(large, head + 'T1,2024-05-01T10:00:00Z,12345678901234567.00,EUR,A1,A2,x\n')
    const jsonl = join(dir, 'reasons.jsonl')
    writeFileSync(jsonl, '{"tx_id":"J1", oops}\n')
    const files = [
      join(FIXTURES, 'good.csv'),
      join(FIXTURES, 'bad-rows.csv'),
      structure,
      large,
      jsonl,
    ]
    const store = await openStore({ path: db })
    try {
      const s = await ingestPaths(store, files, { config, now })
      expect(s.files.map((f) => f.status)).toEqual(files.map(() => 'landed'))
    } finally {
      await store.close()
    }
    const given = new Set<string>()
    let listed = 0
    for (const code of REASON_CODES) {
      const r = await quarantineCli([
        'list',
        '--reason',
        code,
        '--limit',
        '0',
        '--json',
        '--db',
        db,
      ])
      expect(r.code, `${code}: ${r.stderr}`).toBe(0)
      const rows = JSON.parse(r.stdout) as Record<string, unknown>[]
      listed += rows.length
      for (const row of rows) {
        given.add(String(row.reason_code))
        expect(row.reason_code).toBe(code)
        expect(files).toContain(row.path)
        // a file line: after the header in a CSV file, from 1 in JSON lines
        expect(Number(row.source_row)).toBeGreaterThanOrEqual(row.path === jsonl ? 1 : 2)
        expect(String(row.reason).length).toBeGreaterThan(0)
        if (
          !['wrong_column_count', 'unterminated_quote', 'invalid_utf8', 'bad_json'].includes(code)
        )
          expect(row.column_name, code).toBeTruthy()
      }
    }
    // every code the command knows was given by some row …
    expect([...given].sort()).toEqual([...REASON_CODES].sort())
    // … and the rows listed under them are all the quarantined rows: none has a code outside them
    const summary = await quarantineCli(['summary', '--json', '--db', db])
    const counts = JSON.parse(summary.stdout) as { reason_code: string; n: number }[]
    expect(counts.reduce((n, c) => n + c.n, 0)).toBe(listed)
  })
})
