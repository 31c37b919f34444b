// The built command line (bin/ringwatch → dist/, rebuilt by test/global-setup.ts when the sources
// changed): help loads no command module, and the commands find what they read beside the package
// (queries/, the default goods lists in samples/, dashboards/) when run from another directory.
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { COMMANDS, HELP } from '../src/cli/help.ts'
import { ScanSummary } from '../src/pipeline/index.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BIN = join(ROOT, 'bin', 'ringwatch')
const RECORDER = join(ROOT, 'test', 'fixtures', 'cli', 'record-imports.mjs')
let dir: string
let logs = 0

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rw-cli-built-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Runs the built CLI from the temporary directory (not the repository). */
function ringwatch(args: string[], env: Record<string, string> = {}, pre: string[] = []) {
  const r = spawnSync(process.execPath, [...pre, BIN, ...args], {
    cwd: dir,
    // commands that write audit rows need the audit key (README, "Audit log")
    env: { ...process.env, RINGWATCH_AUDIT_KEY: 'ab'.repeat(32), ...env },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return r as SpawnSyncReturns<string>
}

/** The modules a run of the CLI resolved (file: URLs only, node: builtins left out). */
function importsOf(args: string[]): string[] {
  const log = join(dir, `imports-${++logs}.log`)
  const r = ringwatch(args, { RINGWATCH_IMPORT_LOG: log }, ['--import', RECORDER])
  expect(r.status, r.stderr).toBe(0)
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((u) => u.startsWith('file:'))
    .map((u) => fileURLToPath(u).slice(ROOT.length))
}

describe('the built command line', () => {
  it('is built from the current sources', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'build'), '--check'], {
      encoding: 'utf8',
    })
    expect(r.status, r.stderr).toBe(0)
  })

  it('prints help without loading any command, DuckDB, the graph or the server', () => {
    const light = ['bin/ringwatch', 'dist/cli/main.js', 'dist/cli/help.js', 'dist/util/errors.js']
    const top = ringwatch(['--help'])
    expect(top.status).toBe(0)
    for (const name of COMMANDS) expect(top.stdout).toContain(`  ${name.padEnd(10)} `)
    expect(importsOf(['--help'])).toEqual(light)
    for (const name of COMMANDS) {
      expect(importsOf([name, '--help']), name).toEqual(light)
      expect(ringwatch([name, '--help']).stdout).toBe(HELP[name].usage.trimEnd() + '\n')
    }
  })

  it('loads a command when it runs, and only then', () => {
    const db = join(dir, 'audit.duckdb')
    expect(ringwatch(['scan', '--db', db]).status).toBe(0) // a read-only command needs the file
    const loaded = importsOf(['audit', 'verify', '--db', db])
    expect(loaded).toContain('dist/cli/commands/audit.js')
    expect(loaded).not.toContain('dist/cli/commands/scan.js')
    expect(loaded.some((f) => f.includes('node_modules/@duckdb/'))).toBe(true)
  })

  it('generates, ingests and scans from another directory: queries and goods lists found', () => {
    const days = join(dir, 'days')
    const db = join(dir, 'scan.duckdb')
    let r = ringwatch(['generate', '--out', days, '--days', '2', '--per-day', '400'])
    expect(r.status, r.stderr).toBe(0)
    const files = ['2026-10-01.csv', '2026-10-02.csv'].map((f) => join(days, f))
    r = ringwatch(['ingest', ...files, '--db', db, '--json'])
    expect(r.status, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).totals.landed).toBe(2)
    r = ringwatch([
      'lists',
      'import',
      join(days, 'watchlist.csv'),
      '--kind',
      'sanctions',
      '--db',
      db,
    ])
    expect(r.status, r.stderr).toBe(0)
    r = ringwatch(['scan', '--db', db, '--json'])
    expect(r.status, r.stderr).toBe(0)
    const s = ScanSummary.parse(JSON.parse(r.stdout))
    expect(s.status).toBe('ok')
    expect(s.alerts.new).toBeGreaterThan(0)
    // the default goods lists come from samples/ beside the package, not from the working directory
    r = ringwatch(['lists', 'list', '--db', db, '--json'])
    const kinds = (JSON.parse(r.stdout) as { kind: string }[]).map((l) => l.kind)
    expect(kinds).toContain('goods')
  }, 180_000)

  it('serves the dashboards, bundled from dashboards/src at start', async () => {
    const db = join(dir, 'serve.duckdb')
    const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0'], {
      cwd: dir,
      env: { ...process.env, RINGWATCH_AUDIT_KEY: 'ab'.repeat(32) },
    })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = ''
        let err = ''
        child.stdout.on('data', (d) => {
          out += String(d)
          const m = /serving (http:\/\/\S+)/.exec(out)
          if (m) resolve(m[1])
        })
        child.stderr.on('data', (d) => (err += String(d)))
        child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)))
      })
      const page = await fetch(url)
      expect(page.status).toBe(200)
      const html = await page.text()
      const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1]
      expect(script).toBeTruthy()
      const js = await fetch(new URL(script!, url))
      expect(js.status).toBe(200)
      expect((await js.text()).length).toBeGreaterThan(10_000)
    } finally {
      child.kill('SIGTERM')
    }
  }, 120_000)

  it('points stack traces of the built code into src/ (source maps)', () => {
    const queries = pathToFileURL(join(ROOT, 'dist/store/queries.js')).href
    const r = spawnSync(
      process.execPath,
      [
        '--enable-source-maps',
        '--input-type=module',
        '-e',
        `import { queryText } from ${JSON.stringify(queries)}
         try { queryText('no such query') } catch (e) { console.log(e.stack) }`,
      ],
      { encoding: 'utf8' },
    )
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toMatch(
      /^NotFoundError: bad query name no such query\n\s+at queryText \(\S*src\/store\/queries\.ts:\d+/,
    )
  })
})
