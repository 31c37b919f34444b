// `ringwatch batch`: list import, ingest and scan unattended, a JSON run report, and the exit code:
// 0 when all went well (quarantined rows are counted, not failures), 2 when a file cannot be read.
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  appendFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { main } from '../src/cli/main.ts'
import { captureIO } from './cli-main.ts'
import { BatchReport, listSpec } from '../src/pipeline/batch.ts'

const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url))
let dir: string

const io = () => captureIO({ RINGWATCH_AUDIT_KEY: 'ab'.repeat(32) })

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rw-batch-'))
  mkdirSync(join(dir, 'in'))
  const days = readdirSync(root('samples/days')).sort().slice(0, 2)
  for (const d of days) copyFileSync(join(root('samples/days'), d), join(dir, 'in', d))
  // one bad row: quarantined, not a failure
  appendFileSync(join(dir, 'in', days[0]), 'bad-1,not-a-date,-3,EUR,AAA,,,,BBB,,,,,\n')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('batch', () => {
  it('imports lists, ingests, scans, and writes its report; exit 0 with quarantined rows', async () => {
    const db = join(dir, 'db', 'rw.duckdb')
    const c = io()
    const code = await main(
      [
        'batch',
        join(dir, 'in'),
        '--db',
        db,
        '--lists',
        root('samples/lists/watchlist.csv'),
        '--json',
      ],
      c.io,
    )
    expect(c.err.join('')).not.toMatch(/FAILED/)
    expect(code).toBe(0)
    const report = BatchReport.parse(JSON.parse(c.out.join('')))
    expect(report.status).toBe('ok')
    expect(report.lists).toHaveLength(1)
    expect(report.ingest?.landed).toBe(2)
    expect(report.ingest?.rows_quarantined).toBe(1)
    expect(report.scan?.transfers).toBe(report.ingest?.rows_accepted)
    expect(report.scan?.alerts.new).toBeGreaterThan(0)
    expect(report.audit?.ok).toBe(true)
    // the default report path: <db dir>/reports/<run id>.json, the same content
    expect(report.report_path).toBe(join(dir, 'db', 'reports', `${report.run_id}.json`))
    expect(BatchReport.parse(JSON.parse(readFileSync(report.report_path, 'utf8'))).run_id).toBe(
      report.run_id,
    )
  }, 120_000)

  it('exits 2 when a file cannot be read, still scanning the rest, and says so in the report', async () => {
    writeFileSync(join(dir, 'in', 'broken.parquet'), 'not parquet at all')
    const db = join(dir, 'db2', 'rw.duckdb')
    const reportFile = join(dir, 'report.json')
    const c = io()
    const code = await main(['batch', join(dir, 'in'), '--db', db, '--report', reportFile], c.io)
    expect(code).toBe(2)
    expect(existsSync(reportFile)).toBe(true)
    const report = BatchReport.parse(JSON.parse(readFileSync(reportFile, 'utf8')))
    expect(report.status).toBe('failed')
    expect(report.failures.map((f) => [f.stage, f.exit_code])).toEqual([['ingest', 2]])
    expect(report.failures[0].file).toMatch(/broken\.parquet$/)
    expect(report.scan?.status).toBe('ok')
    expect(c.out.join('')).toMatch(/FAILED\s+ingest .*broken\.parquet/)
  }, 120_000)

  it('exits 2 when a list file is missing', async () => {
    const c = io()
    const code = await main(
      [
        'batch',
        join(dir, 'empty-dir-that-is-missing'),
        '--db',
        join(dir, 'db3', 'x.duckdb'),
        '--lists',
        join(dir, 'nope.csv'),
      ],
      c.io,
    )
    expect(code).toBe(2)
  })

  it('tells list kinds from prefixes and names', () => {
    expect(listSpec('goods:/x/list.csv')).toEqual({ kind: 'goods', file: '/x/list.csv' })
    expect(listSpec('/x/goods-hs.csv').kind).toBe('goods')
    expect(listSpec('/x/targets.simple.csv').kind).toBe('sanctions')
    expect(listSpec('/x/eurofxref-hist.csv').kind).toBe('fx')
    expect(listSpec('fx:/x/daily.csv')).toEqual({ kind: 'fx', file: '/x/daily.csv' })
  })
})
