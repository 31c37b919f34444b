// The scan and alerts commands over a file database: `scan --json` prints the run summary,
// `alerts list` the queue, `alerts export` each format (to stdout or --out), with clear refusals.
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { main } from '../src/cli/main.ts'
import { openStore } from '../src/store/index.ts'
import { parseConfig } from '../src/config/index.ts'
import { ingestPaths } from '../src/ingest/index.ts'
import { importList } from '../src/screen/index.ts'
import { ScanSummary } from '../src/pipeline/index.ts'
import { AlertRecord } from '../src/schema/alert.ts'
import { captureIO } from './cli-main.ts'

const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url))
let dir: string
let db: string

const io = () => captureIO({ RINGWATCH_ACTOR: 'cli-test', RINGWATCH_AUDIT_KEY: 'ab'.repeat(32) })

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rw-scan-'))
  db = join(dir, 'rw.duckdb')
  const store = await openStore({ path: db })
  const day = readdirSync(root('samples/days')).sort()[0]
  await ingestPaths(store, [join(root('samples/days'), day)], {
    config: parseConfig({}).config.ingest,
  })
  await importList(store, root('samples/lists/watchlist.csv'), { kind: 'sanctions' })
  await store.close()
}, 60_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('scan and alerts commands', () => {
  it('scan --json prints the run summary', async () => {
    const c = io()
    expect(await main(['scan', '--db', db, '--json'], c.io)).toBe(0)
    const s = ScanSummary.parse(JSON.parse(c.out.join('')))
    expect(s.status).toBe('ok')
    expect(s.transfers).toBeGreaterThan(0)
    expect(s.alerts.new).toBeGreaterThan(0)
    const again = io()
    expect(await main(['scan', '--db', db], again.io)).toBe(0)
    expect(again.out.join('')).toMatch(/alerts\s+new 0, updated 0, reopened 0, unchanged \d+/)
    expect(again.out.join('')).toMatch(
      /stages\s+screen .* s, graph .* s, detect .* s, score .* s, write/,
    )
  }, 60_000)

  it('alerts export writes jsonl to stdout and csv to --out; each is audited', async () => {
    const c = io()
    expect(await main(['alerts', 'export', '--db', db], c.io)).toBe(0)
    const lines = c.out.join('').trim().split('\n')
    for (const l of lines) AlertRecord.parse(JSON.parse(l))
    const file = join(dir, 'alerts.csv')
    const d = io()
    expect(
      await main(['alerts', 'export', '--db', db, '--format', 'csv', '--out', file], d.io),
    ).toBe(0)
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(lines.length + 1)
    const l = io()
    expect(await main(['alerts', 'list', '--db', db, '--limit', '3'], l.io)).toBe(0)
    expect(l.out.join('').trim().split('\n')).toHaveLength(Math.min(3, lines.length))
    // --id picks alerts by id; a value that is no alert id is refused by name
    const first = AlertRecord.parse(JSON.parse(lines[0])).id
    const one = io()
    expect(await main(['alerts', 'list', '--db', db, '--id', first], one.io)).toBe(0)
    expect(
      one.out
        .join('')
        .trim()
        .split('\n')
        .map((r) => r.split(' ')[0]),
    ).toEqual([first])
    const bad = io()
    expect(await main(['alerts', 'list', '--db', db, '--id', 'a-1; drop'], bad.io)).toBe(2)
    expect(bad.err.join('')).toMatch(/--id a-1; drop: not an alert id/)
    const v = io()
    expect(await main(['audit', 'verify', '--db', db, '--json'], v.io)).toBe(0)
    expect(JSON.parse(v.out.join('')).ok).toBe(true)
  }, 60_000)

  it('refuses bad options and a goAML export with no reported alert (exit 2)', async () => {
    expect(await main(['alerts', 'export', '--db', db, '--format', 'xml'], io().io)).toBe(2)
    expect(await main(['alerts', 'export', '--db', db, '--status', 'done'], io().io)).toBe(2)
    // with the sample goAML settings: refused because no alert is reported
    const noReported = io()
    const goaml = ['alerts', 'export', '--db', db, '--format', 'goaml']
    expect(await main([...goaml, '--config', root('samples/config.json')], noReported.io)).toBe(2)
    expect(noReported.err.join('')).toMatch(/reported/)
    expect(await main(['scan', '--db', db, '--from', 'yesterday'], io().io)).toBe(2)
    expect(await main(['alerts', 'frobnicate', '--db', db], io().io)).toBe(2)
  })

  it('refuses a goAML export while the settings are placeholders, naming them, before --out', async () => {
    const d = io()
    const file = join(dir, 'str.xml')
    const argv = ['alerts', 'export', '--db', db, '--format', 'goaml', '--out', file]
    expect(await main(argv, d.io)).toBe(2)
    expect(d.err.join('')).toContain('cases.goaml.rentity_id')
    expect(existsSync(file)).toBe(false)
  })
})
