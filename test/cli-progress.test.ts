// Progress and warnings of the built command line run without a terminal (stderr a pipe): one plain
// line per stage on stderr, stdout holding only the summary (the JSON with --json), nothing with
// --quiet; `batch` warns without an active sanctions list, fails with --require-lists, and counts
// the lists it imported by kind.
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BatchReport, ScanSummary } from '../src/pipeline/index.ts'
import { IngestSummary } from '../src/ingest/summary.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BIN = join(ROOT, 'bin', 'ringwatch')
const WATCHLIST = join(ROOT, 'samples', 'lists', 'watchlist.csv')
let dir: string
let inbox: string
let day: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rw-cli-progress-'))
  inbox = join(dir, 'in')
  mkdirSync(inbox)
  const name = readdirSync(join(ROOT, 'samples', 'days'))
    .filter((f) => f.endsWith('.csv'))
    .sort()[0]
  day = join(inbox, name)
  copyFileSync(join(ROOT, 'samples', 'days', name), day)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function ringwatch(args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    env: { ...process.env, RINGWATCH_AUDIT_KEY: 'ab'.repeat(32) },
    encoding: 'utf8',
    timeout: 120_000,
  })
}

const lines = (s: string) => s.split('\n').filter((l) => l !== '')
// eslint-disable-next-line no-control-regex
const CONTROL = /[\r\x1b]/

describe('progress without a terminal', () => {
  const db = () => join(dir, 'single.duckdb')

  it('ingest --json: one line per file on stderr, only the JSON summary on stdout', () => {
    const r = ringwatch(['ingest', day, '--db', db(), '--json'])
    expect(r.status, r.stderr).toBe(0)
    const summary = IngestSummary.parse(JSON.parse(r.stdout))
    expect(summary.totals.landed).toBe(1)
    expect(r.stderr).not.toMatch(CONTROL)
    const err = lines(r.stderr)
    expect(err).toHaveLength(1)
    expect(err[0]).toMatch(
      /^\[1\/1\] .*\.csv [\d,]+ rows read, [\d,]+ accepted, 0 quarantined \([\d,]+ rows\/s\), [\d.]+ s$/,
    )
  })

  it('scan --json: one line per stage on stderr, only the JSON summary on stdout', () => {
    const r = ringwatch(['scan', '--db', db(), '--json'])
    expect(r.status, r.stderr).toBe(0)
    const summary = ScanSummary.parse(JSON.parse(r.stdout))
    expect(summary.status).toBe('ok')
    expect(r.stderr).not.toMatch(CONTROL)
    const stages = lines(r.stderr).filter((l) => !l.startsWith('warning: '))
    expect(stages.map((l) => l.split(' ')[0])).toEqual([
      'screen',
      'graph',
      'detect',
      'score',
      'write',
    ])
    for (const l of stages) expect(l).toMatch(/ [\d.]+ s$/)
  })

  it('--quiet: nothing on stderr', () => {
    const r = ringwatch(['scan', '--db', db(), '--json', '--quiet'])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).toBe('')
    ScanSummary.parse(JSON.parse(r.stdout))
  })
})

describe('batch and the watch lists', () => {
  it('warns without an active sanctions list, and counts the default lists it imported by kind', () => {
    const r = ringwatch(['batch', inbox, '--db', join(dir, 'nolists.duckdb')])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).toContain('warning: no active sanctions list')
    expect(r.stderr).toContain("'ringwatch lists import <file> --kind sanctions'")
    expect(r.stderr).toContain("'ringwatch batch --lists sanctions:<file>'")
    // the goods lists and the reference rates the scan imports when none is active
    expect(r.stdout).toContain('lists     5 imported: sanctions 0, goods 4, fx 1\n')
    expect(r.stdout).toMatch(/^WARNING {3}no active sanctions list/m)
    expect(r.stdout).toMatch(/^scan {6}[\d]+ transfers/m)
  })

  it('--require-lists: exit 2 before it ingests or scans, naming what to do', () => {
    const r = ringwatch([
      'batch',
      inbox,
      '--db',
      join(dir, 'refused.duckdb'),
      '--require-lists',
      '--json',
    ])
    expect(r.status, r.stderr).toBe(2)
    expect(r.stderr).toContain('--require-lists: no active sanctions list')
    expect(r.stderr).toContain("'ringwatch lists import <file> --kind sanctions'")
    const report = BatchReport.parse(JSON.parse(r.stdout))
    expect(report.status).toBe('failed')
    expect(report.exit_code).toBe(2)
    expect(report.failures.map((f) => f.stage)).toEqual(['lists'])
    expect(report.ingest).toBeNull()
    expect(report.scan).toBeNull()
    expect(report.lists_imported).toEqual({ sanctions: 0, goods: 0, fx: 0 })
  })

  it('with a sanctions list: no warning, and every list it imported counted by kind', () => {
    const db = join(dir, 'lists.duckdb')
    const args = ['batch', inbox, '--db', db, '--lists', WATCHLIST, '--require-lists', '--json']
    const r = ringwatch(args)
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).not.toContain('warning')
    expect(lines(r.stderr)[0]).toBe('lists sanctions watchlist.csv imported, 40 entries')
    const report = BatchReport.parse(JSON.parse(r.stdout))
    expect(report.warnings).toEqual([])
    expect(report.lists_imported).toEqual({ sanctions: 1, goods: 4, fx: 1 })
    // the same lists again are no new import; the sanctions list stays active
    const again = ringwatch(args)
    expect(again.status, again.stderr).toBe(0)
    expect(BatchReport.parse(JSON.parse(again.stdout)).lists_imported).toEqual({
      sanctions: 0,
      goods: 0,
      fx: 0,
    })
  })
})
