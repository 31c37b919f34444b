// The generate and eval commands through the CLI dispatcher: exit codes, output, bad usage.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { main } from '../src/cli/main.ts'
import type { CliIO } from '../src/cli/command.ts'

function io(): CliIO & { out: () => string; err: () => string } {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let o = ''
  let e = ''
  stdout.on('data', (d) => (o += d))
  stderr.on('data', (d) => (e += d))
  return { stdout, stderr, env: {}, out: () => o, err: () => e }
}

const dir = mkdtempSync(join(tmpdir(), 'rw-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('ringwatch generate / eval', () => {
  it('generates a data set and evaluates a perfect alert file against it', async () => {
    const a = io()
    const code = await main(
      [
        'generate',
        '--out',
        dir,
        '--seed',
        '3',
        '--days',
        '2',
        '--per-day',
        '300',
        '--start',
        '2026-10-10',
        '--json',
      ],
      a,
    )
    expect(code).toBe(0)
    const summary = JSON.parse(a.out())
    expect(summary.rows).toBe(600)
    expect(summary.files).toHaveLength(2)

    const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'))
    const alerts = truth.patterns.map(
      (p: { id: string; typology: string; tx_ids: string[] }, i: number) =>
        JSON.stringify({
          id: `A-${i}`,
          typology: p.typology === 'random' ? 'layering' : p.typology,
          score: 50,
          tx_ids: p.tx_ids,
        }),
    )
    writeFileSync(join(dir, 'alerts.jsonl'), alerts.join('\n') + '\n')
    const b = io()
    expect(
      await main(
        [
          'eval',
          '--truth',
          join(dir, 'truth.json'),
          '--alerts',
          join(dir, 'alerts.jsonl'),
          '--json',
        ],
        b,
      ),
    ).toBe(0)
    const report = JSON.parse(b.out())
    expect(report.recall).toBe(1)
    expect(report.precision).toBe(1)
    expect(report.precision_at_k).toBe(1)

    const c = io()
    expect(
      await main(
        ['eval', '--truth', join(dir, 'truth.json'), '--alerts', join(dir, 'alerts.jsonl')],
        c,
      ),
    ).toBe(0)
    expect(c.out()).toMatch(/precision at K=\d+: 100\.0%/)
  })

  it('exits 2 on bad usage and bad input', async () => {
    expect(await main(['generate'], io())).toBe(2)
    expect(await main(['generate', '--out', dir, '--days', 'many'], io())).toBe(2)
    expect(await main(['generate', '--out', dir, '--format', 'xlsx'], io())).toBe(2)
    expect(await main(['eval', '--alerts', 'x.jsonl'], io())).toBe(2)
    const e = io()
    expect(
      await main(['eval', '--truth', join(dir, 'missing.json'), '--alerts', 'x.jsonl'], e),
    ).toBe(2)
    expect(e.err()).toContain('missing.json')
  })
})
