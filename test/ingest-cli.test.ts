// `ringwatch ingest` through the CLI's main(): the summary table, --json, and the exit codes.
import { describe, it, expect } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { main } from '../src/cli/main.ts'
import { IngestSummary } from '../src/ingest/index.ts'

const FIXTURES = new URL('./fixtures/ingest/', import.meta.url).pathname

async function cli(args: string[]) {
  const out = new PassThrough()
  const err = new PassThrough()
  let stdout = ''
  let stderr = ''
  out.on('data', (d) => (stdout += d))
  err.on('data', (d) => (stderr += d))
  const code = await main(args, { stdout: out, stderr: err, env: {} })
  return { code, stdout, stderr }
}

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
})
