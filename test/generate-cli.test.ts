// The generate and eval commands through the CLI dispatcher: exit codes, output, bad usage.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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
    // The alert file names no accounts; the truth's rows give the alert load.
    expect(report.accounts.alerts_without_accounts).toBe(truth.patterns.length)
    expect(report.transfers).toBe(600)
    expect(report.alerts_per_10k).toBeCloseTo((truth.patterns.length * 10_000) / 600, 9)
    expect(report.alerts_per_pattern.max).toBeGreaterThanOrEqual(1)

    const c = io()
    expect(
      await main(
        ['eval', '--truth', join(dir, 'truth.json'), '--alerts', join(dir, 'alerts.jsonl')],
        c,
      ),
    ).toBe(0)
    expect(c.out()).toMatch(/precision at K=\d+: 100\.0%/)
  })

  it('converts an AMLSim run and scores alerts on it per account', async () => {
    const run = join(dir, 'amlsim')
    mkdirSync(run)
    writeFileSync(
      join(run, 'nodes.csv'),
      'nodeid,isFraud,init_balance,fraudStep\n1,1,0,1\n2,1,0,1\n3,1,0,1\n4,0,0,-1\n5,0,0,-1\n',
    )
    writeFileSync(
      join(run, 'transactions.csv'),
      'sourceNodeId,targetNodeId,value,time\n1,2,7.50,1\n2,3,7.50,2\n3,1,7.50,3\n4,5,200.00,3\n',
    )
    const out = join(dir, 'amlsim-out')
    const a = io()
    expect(
      await main(['generate', '--from-amlsim', run, '--out', out, '--start', '2026-02-01'], a),
    ).toBe(0)
    expect(a.out()).toContain('converted 4 AMLSim transactions into 3 csv files')
    expect(readFileSync(join(out, '2026-02-03.csv'), 'utf8')).toContain('AMLSIM-amlsim-T0000003')
    // One alert on the ring (accounts 1, 2, 3 and the ordinary 4), one on ordinary accounts only.
    writeFileSync(
      join(dir, 'amlsim-alerts.jsonl'),
      [
        {
          id: 'A-1',
          typology: 'cycle',
          score: 9,
          tx_ids: ['AMLSIM-amlsim-T0000001', 'AMLSIM-amlsim-T0000002'],
          accounts: ['AMLSIM-000001', 'AMLSIM-000002', 'AMLSIM-000003', 'AMLSIM-000004'],
        },
        {
          id: 'A-2',
          typology: 'fan_in',
          score: 5,
          tx_ids: ['AMLSIM-amlsim-T0000004'],
          accounts: ['AMLSIM-000005'],
        },
      ]
        .map((x) => JSON.stringify(x))
        .join('\n'),
    )
    for (const source of [
      ['--truth', join(out, 'truth.json')],
      ['--amlsim', run, '--start', '2026-02-01'],
    ]) {
      const b = io()
      expect(
        await main(['eval', ...source, '--alerts', join(dir, 'amlsim-alerts.jsonl'), '--json'], b),
      ).toBe(0)
      const r = JSON.parse(b.out())
      expect(r.accounts).toMatchObject({
        source: 'labelled_accounts',
        labelled: 3,
        alerted: 5,
        true_alerted: 3,
        recall: 1,
        precision: 0.6,
      })
      expect(r.patterns).toBe(1)
      expect(r.found).toBe(1)
      expect(r.alerts_per_10k).toBe(5000)
    }
    // Both truth sources at once, --start without --amlsim, run options with --from-amlsim: bad usage.
    expect(await main(['eval', '--amlsim', run, '--truth', join(out, 'truth.json')], io())).toBe(2)
    expect(
      await main(['eval', '--truth', join(out, 'truth.json'), '--start', '2026-01-01'], io()),
    ).toBe(2)
    expect(await main(['generate', '--from-amlsim', run, '--out', out, '--days', '3'], io())).toBe(
      2,
    )
    const e = io()
    expect(await main(['generate', '--from-amlsim', join(dir, 'nowhere'), '--out', out], e)).toBe(2)
    expect(e.err()).toContain('nowhere')
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
