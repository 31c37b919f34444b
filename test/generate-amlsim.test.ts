// AMLSim runs as ringwatch day files and truth: a small hand-made run (every transaction one
// transfer, tx ids and times deterministic, labelled accounts, patterns reconstructed only where one
// value is passed on), bad input named by file, line and field, and the real sample runs in
// ../shared/data/amlsim (row counts reconcile), which skip when ../shared is absent (fail under CI).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { amlsimTruth, convertAmlsim, readAmlsim } from '../src/generate/amlsim.ts'
import { hasDirectedCycle } from '../src/generate/amlsim-patterns.ts'
import { parseCsv } from '../src/generate/verify.ts'
import { Truth } from '../src/schema/truth.ts'
import { BadInputError, UnreadableFileError } from '../src/util/errors.ts'
import { available, sharedFiles } from './required.ts'

const tmp = mkdtempSync(join(tmpdir(), 'rw-amlsim-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

// Accounts 1–4 labelled: 1→2→3→1 passes 50.00 (steps out of ring order, one hop twice), 4 receives
// its own random amounts from 1, 2 and 3 (a fan-in: not reconstructed), and 1 pays 80.00 to 2 and
// 3 (one value, no pass-on: not reconstructed). 5–9 are ordinary; 6 forwards 120.00 to 7 (ordinary
// accounts: not a pattern). Step 2 has no transfers; 9 pays itself.
const NODES = `nodeid,isFraud,init_balance,fraudStep
1,1,100.0,3
2,1,100.0,1
3,1,100.0,2
4,1,100.0,-1
5,0,100.0,-1
6,0,100.0,-1
7,0,100.0,-1
8,0,100.0,-1
9,0,100.0,-1
`
const TXS = `time,value,targetNodeId,sourceNodeId
3,50.00,2,1
1,50.00,3,2
4,50,1,3
4,50.0,1,3
1,3.10,4,1
3,4.70,4,2
5,3.95,4,3
1,80.00,2,1
5,80,3,1
1,120.00,6,5
3,120.00,7,6
4,310.5,8,7
5,12.25,9,9
`

function run(name: string, nodes = NODES, txs = TXS): string {
  const dir = join(tmp, name)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'nodes.csv'), nodes)
  writeFileSync(join(dir, 'transactions.csv'), txs)
  return dir
}

describe('generate --from-amlsim', () => {
  it('writes one file per step present, every transaction once, deterministic ids and times', async () => {
    const dir = run('small')
    const out = join(tmp, 'small-out')
    const s = await convertAmlsim({ dir, out, start: '2026-03-02' })
    expect(s.rows).toBe(13)
    expect(s.self_transfers).toBe(1)
    expect(readdirSync(out).sort()).toEqual([
      '2026-03-02.csv',
      '2026-03-04.csv',
      '2026-03-05.csv',
      '2026-03-06.csv',
      'truth.json',
    ])
    const rows = readdirSync(out)
      .filter((f) => f.endsWith('.csv'))
      .flatMap((f) => {
        const [head, ...body] = parseCsv(readFileSync(join(out, f), 'utf8'))
        expect(head[0]).toBe('tx_id')
        return body.map((r) => ({ file: f, r }))
      })
    expect(rows).toHaveLength(13)
    const ids = rows.map(({ r }) => r[0])
    expect(new Set(ids).size).toBe(13)
    // Row 1 of transactions.csv: step 3 → 2026-03-04, 1 → 2, 50.00 EUR, no names or countries.
    const first = rows.find(({ r }) => r[0] === 'AMLSIM-small-T0000001')!
    expect(first.file).toBe('2026-03-04.csv')
    expect(first.r.slice(2, 6)).toEqual(['50.00', 'EUR', 'AMLSIM-000001', ''])
    expect(first.r[8]).toBe('AMLSIM-000002')
    expect(first.r[1]).toMatch(/^2026-03-04T\d\d:\d\d:\d\dZ$/)
    expect(rows.find(({ r }) => r[0] === 'AMLSIM-small-T0000012')!.r[2]).toBe('310.50')
    // Each day file is in time order.
    for (const f of ['2026-03-02.csv', '2026-03-05.csv']) {
      const ts = rows.filter((x) => x.file === f).map(({ r }) => r[1])
      expect(ts).toEqual([...ts].sort())
    }
    // The same run again: byte-identical files.
    const again = join(tmp, 'small-again')
    await convertAmlsim({ dir, out: again, start: '2026-03-02' })
    for (const f of readdirSync(out))
      expect(readFileSync(join(again, f)).equals(readFileSync(join(out, f))), f).toBe(true)
  })

  it('labels accounts and reconstructs only the value passed round among labelled accounts', () => {
    const truth = Truth.parse(amlsimTruth(readAmlsim(run('small')), '2026-03-02'))
    expect(truth.labelled_accounts).toEqual([
      'AMLSIM-000001',
      'AMLSIM-000002',
      'AMLSIM-000003',
      'AMLSIM-000004',
    ])
    expect(truth.patterns).toHaveLength(1)
    const [p] = truth.patterns
    expect(p.typology).toBe('cycle')
    expect(p.tx_ids).toEqual([1, 2, 3, 4].map((i) => `AMLSIM-small-T000000${i}`))
    expect(p.accounts.sort()).toEqual(['AMLSIM-000001', 'AMLSIM-000002', 'AMLSIM-000003'])
    expect(p.params).toMatchObject({ reconstructed: true, value: '50.00', steps: [1, 4] })
    expect(p.first_ts! < p.last_ts!).toBe(true)
    expect(truth.params).toMatchObject({
      source: 'amlsim',
      rows: 13,
      labelled_accounts: 4,
      labelled_without_fraud_step: 1,
      self_transfers: 1,
      reconstructed_patterns: 1,
      labelled_accounts_in_reconstructed: 3,
    })
  })

  it('calls a value passed on without closing a loop a chain', () => {
    const nodes = 'nodeid,isFraud,init_balance,fraudStep\n1,1,0,1\n2,1,0,1\n3,1,0,1\n4,1,0,1\n'
    const txs = 'sourceNodeId,targetNodeId,value,time\n1,2,9.99,1\n2,3,9.99,2\n3,4,9.99,3\n'
    const truth = amlsimTruth(readAmlsim(run('chain', nodes, txs)), '2026-01-01')
    expect(truth.patterns.map((p) => [p.typology, p.tx_ids.length])).toEqual([['layering', 3]])
  })

  it('finds directed loops, not undirected ones', () => {
    expect(
      hasDirectedCycle([
        [1, 2],
        [2, 3],
        [3, 1],
      ]),
    ).toBe(true)
    expect(
      hasDirectedCycle([
        [1, 2],
        [1, 3],
        [2, 3],
      ]),
    ).toBe(false)
    expect(
      hasDirectedCycle([
        [1, 2],
        [2, 1],
      ]),
    ).toBe(true)
  })

  it('starts on step 0 when the run does, and maps the steps to consecutive days', () => {
    const txs = 'sourceNodeId,targetNodeId,value,time\n5,6,1.00,0\n6,7,2.00,2\n'
    const truth = amlsimTruth(readAmlsim(run('zero', NODES, txs)), '2026-01-01')
    expect(truth.params.step_on_start_day).toBe(0)
  })

  it('names the file, line and field of bad input', () => {
    const bad = (name: string, nodes: string, txs: string) => () =>
      readAmlsim(run(name, nodes, txs))
    const hdr = 'sourceNodeId,targetNodeId,value,time\n'
    expect(bad('b1', NODES, hdr + '1,2,12.5,1\n1,2,abc,2\n')).toThrow(
      /transactions\.csv: line 3: field value/,
    )
    expect(bad('b2', NODES, hdr + '1,2,1.5,1\n1,2,0.001,2\n')).toThrow(BadInputError)
    expect(bad('b3', NODES, hdr + '1,2,1.5,x\n')).toThrow(/line 2: field time/)
    expect(bad('b4', NODES, 'source,target,value,time\n')).toThrow(UnreadableFileError)
    expect(bad('b5', NODES, 'source,target,value,time\n')).toThrow(/no column sourceNodeId/)
    expect(bad('b6', NODES.replace('4,1,100.0', '4,yes,100.0'), hdr)).toThrow(
      /nodes\.csv: line 5: field isFraud/,
    )
    expect(() => readAmlsim(join(tmp, 'missing'))).toThrow(UnreadableFileError)
  })
})

const [SHARED] = sharedFiles('the AMLSim sample runs', ['amlsim'])
const RUNS = SHARED ? readdirSync(SHARED).filter((d) => !d.startsWith('.')) : []
if (SHARED)
  available('the AMLSim sample runs', RUNS.length ? [] : [`a run in ${SHARED}`], 'reference data')

describe.skipIf(RUNS.length === 0)('the AMLSim sample runs in ../shared/data/amlsim', () => {
  it.each(RUNS)('%s converts with every transaction a transfer', async (name) => {
    const dir = join(SHARED!, name)
    const out = join(tmp, `real-${name}`)
    const s = await convertAmlsim({ dir, out })
    const source = readFileSync(join(dir, 'transactions.csv'), 'utf8').trim().split('\n').length - 1
    let written = 0
    const ids = new Set<string>()
    for (const f of s.files) {
      const lines = readFileSync(f, 'utf8').trim().split('\n')
      written += lines.length - 1
      for (let i = 1; i < lines.length; i++) ids.add(lines[i].slice(0, lines[i].indexOf(',')))
    }
    expect(s.rows).toBe(source)
    expect(written).toBe(source)
    expect(ids.size).toBe(source)
    const labelled = readFileSync(join(dir, 'nodes.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .filter((l) => l.split(',')[1] === '1').length
    const truth = Truth.parse(JSON.parse(readFileSync(s.truth, 'utf8')))
    expect(truth.labelled_accounts).toHaveLength(labelled)
    // Every reconstructed transfer is in the day files and joins two labelled accounts.
    const lab = new Set(truth.labelled_accounts)
    for (const p of truth.patterns) {
      for (const t of p.tx_ids) expect(ids.has(t)).toBe(true)
      for (const a of p.accounts) expect(lab.has(a)).toBe(true)
    }
  })
})
