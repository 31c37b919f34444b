// `ringwatch ingest` through the CLI's main(): the summary table, --json, and the exit codes.
import { describe, it, expect } from 'vitest'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { runMain } from './cli-main.ts'
import { IngestSummary, eachQuarantined } from '../src/ingest/index.ts'
import { openStore } from '../src/store/index.ts'

const FIXTURES = new URL('./fixtures/ingest/', import.meta.url).pathname

const cli = (args: string[]) => runMain(args)

describe('ringwatch ingest', () => {
  it('prints a table, then --json; quarantine is not a failure; duplicates are reported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-cli-'))
    const db = join(dir, 'db.duckdb')
    try {
      const a = await cli(['ingest', FIXTURES, '--db', db])
      expect(a.code).toBe(0)
      expect(a.stdout).toMatch(/bad-rows\.csv\s+landed\s+26\s+4\s+22/)
      expect(a.stdout).toMatch(/total \(2 files\)\s+2 landed\s+28\s+5\s+23/)
      expect(a.stdout).toContain('23 row(s) quarantined')
      const b = await cli(['ingest', join(FIXTURES, 'good.csv'), '--db', db, '--json'])
      expect(b.code).toBe(0)
      const s = IngestSummary.parse(JSON.parse(b.stdout))
      expect(s.files[0].status).toBe('skipped_duplicate')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('exit 2 names an unreadable file while the other files land; 2 on bad usage', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-cli-'))
    const db = join(dir, 'db.duckdb')
    try {
      const broken = join(dir, 'broken.xml')
      writeFileSync(broken, '<Document><Unclosed></Document>')
      const r = await cli(['ingest', broken, join(FIXTURES, 'good.csv'), '--db', db, '--json'])
      expect(r.code).toBe(2)
      const s = IngestSummary.parse(JSON.parse(r.stdout))
      expect(s.files.map((f) => f.status)).toEqual(['failed', 'landed'])
      expect(s.files[0].error).toContain('broken.xml')
      expect((await cli(['ingest', '--db', db])).code).toBe(2)
      expect((await cli(['ingest', 'x.csv', '--format', 'xls', '--db', db])).code).toBe(2)
      expect((await cli(['ingest', 'x.csv', '--bogus'])).code).toBe(2)
      const help = await cli(['ingest', '--help'])
      expect(help.code).toBe(0)
      expect(help.stdout).toContain('--format')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('quarantine: counts by file and reason, lists rows with their lines, exports them whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-cli-'))
    const db = join(dir, 'db.duckdb')
    const bad = join(FIXTURES, 'bad-rows.csv')
    try {
      expect((await cli(['ingest', FIXTURES, '--db', db])).code).toBe(0)
      const summary = await cli(['quarantine', '--db', db])
      expect(summary.code).toBe(0)
      expect(summary.stdout).toMatch(/bad-rows\.csv\s+bad_iban\s+2\s+11/)
      expect(summary.stdout).toContain('23 row(s)')
      const counts = JSON.parse((await cli(['quarantine', 'summary', '--db', db, '--json'])).stdout)
      expect(counts.reduce((a: number, c: { n: number }) => a + c.n, 0)).toBe(23)

      const list = await cli(['quarantine', 'list', '--db', db, '--reason', 'bad_iban', '--json'])
      const rows = JSON.parse(list.stdout) as { source_row: number; column_name: string }[]
      expect(rows.map((r) => [r.source_row, r.column_name])).toEqual([
        [11, 'debtor_account'],
        [12, 'creditor_account'],
      ])
      const text = await cli(['quarantine', 'list', '--db', db, '--file', bad, '--limit', '2'])
      expect(text.stdout.split('\n')[0]).toMatch(/bad-rows\.csv:3 {2}missing_field/)
      expect(text.stdout).toContain('(first 2; --limit 0 lists them all)')

      const out = join(dir, 'repair.csv')
      const ex = await cli(['quarantine', 'export', '--db', db, '--file', bad, '--out', out])
      expect(ex.code).toBe(0)
      const lines = readFileSync(out, 'utf8').trimEnd().split('\n')
      expect(lines[0]).toBe('file,line,column,raw_value,reason_code,reason,raw_row')
      expect(lines).toHaveLength(1 + 22)
      expect(lines.find((l) => l.includes(',19,'))).toContain(
        'B19,2024-05-01T10:00:00Z,10.00,EUR,ACC-1,Alpha,DE,,ACC-2',
      )

      // the file named relative to another directory, and a paged export (2 rows a page)
      const rel = relative(process.cwd(), bad)
      const byRel = JSON.parse(
        (await cli(['quarantine', 'list', '--db', db, '--file', rel, '--json'])).stdout,
      )
      expect(byRel).toHaveLength(22)
      const store = await openStore({ path: db, readOnly: true })
      try {
        const paged = []
        for await (const r of eachQuarantined(store, { file: bad }, 2)) paged.push(r.source_row)
        expect(paged).toHaveLength(22)
        expect(new Set(paged).size).toBe(22)
      } finally {
        await store.close()
      }

      expect((await cli(['quarantine', 'list', '--db', db, '--limit', 'x'])).code).toBe(2)
      expect((await cli(['quarantine', 'summary', '--db', db, '--limit', '5'])).code).toBe(2)
      const typo = await cli(['quarantine', 'list', '--db', db, '--reason', 'same_acount'])
      expect(typo.code).toBe(2)
      expect(typo.stderr).toContain('same_account')
      expect((await cli(['quarantine', 'purge', '--db', db])).code).toBe(2)
      const none = await cli(['quarantine', '--db', db, '--reason', 'bad_json'])
      expect(none.stdout).toBe('no quarantined rows\n')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
