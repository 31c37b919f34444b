// The command line while a server owns the database: ingest, scan, batch, quarantine, alerts
// export, lists, users and audit verify go through its API (found from <database>.owner.json, key
// from RINGWATCH_API_KEY) and say so in one line; read-only commands never say "write"; without a
// key the command says what to do; a second server is refused; a missing database is exit 2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  copyFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../src/cli/main.ts'
import { openStore, type Store } from '../src/store/index.ts'
import { addUser } from '../src/server/index.ts'
import { loadConfig } from '../src/config/index.ts'
import { startServer, type Running } from '../src/server/serve.ts'
import { auditKey } from '../src/util/audit-key.ts'
import { quietLogger } from '../src/util/progress.ts'

const KEY = 'ef'.repeat(32)
const DAYS = readdirSync('samples/days')
  .filter((f) => f.endsWith('.csv'))
  .sort()
  .map((f) => join('samples/days', f))

let dir: string
let db: string
let store: Store
let running: Running
let batchKey: string
let analystKey: string

function run(args: string[], apiKey?: string) {
  let out = ''
  let err = ''
  const sink = (f: (s: string) => void) =>
    ({ write: (s: string) => (f(s), true) }) as unknown as NodeJS.WritableStream
  const env: NodeJS.ProcessEnv = apiKey ? { RINGWATCH_API_KEY: apiKey } : {}
  return main(args, {
    stdout: sink((s) => (out += s)),
    stderr: sink((s) => (err += s)),
    env,
  }).then((code) => ({ code, out, err }))
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rw-svc-cli-'))
  db = join(dir, 'rw.duckdb')
  const { config, hash } = loadConfig('samples/config.json')
  store = await openStore({
    path: db,
    owner: 'ringwatch serve',
    auditKey: auditKey(Buffer.from(KEY, 'hex'), `${db}.audit-checkpoints`, 'test'),
  })
  batchKey = (await addUser(store, 'job', 'batch')).key
  analystKey = (await addUser(store, 'ana', 'analyst')).key
  running = await startServer({
    store,
    config,
    configHash: hash,
    host: '127.0.0.1',
    port: 0,
    logger: quietLogger,
  })
})
afterAll(async () => {
  await running.close()
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('the command line through the server that owns the database', () => {
  it('ingests and scans through the API, in jobs, saying so in one line', async () => {
    const i = await run(['ingest', '--db', db, DAYS[0]], batchKey)
    expect(i.code, i.err).toBe(0)
    expect(i.err.trim().split('\n')).toEqual([
      `ringwatch ingest: through the server at ${running.url}, which owns ${db}`,
    ])
    expect(i.out).toMatch(/1 landed/)
    const s = await run(['scan', '--db', db, '--json'], batchKey)
    expect(s.code, s.err).toBe(0)
    expect(JSON.parse(s.out).status).toBe('ok')
  })

  it('runs a batch with a list through the API', async () => {
    const days = join(dir, 'days')
    mkdirSync(days)
    copyFileSync(DAYS[1], join(days, 'd.csv'))
    const b = await run(
      [
        'batch',
        days,
        '--db',
        db,
        '--lists',
        'samples/lists/watchlist.csv',
        '--json',
        '--report',
        join(dir, 'r.json'),
      ],
      batchKey,
    )
    expect(b.code, b.err).toBe(0)
    const report = JSON.parse(b.out)
    expect(report.ingest.landed).toBe(1)
    expect(report.lists).toHaveLength(1)
    expect(existsSync(join(dir, 'r.json'))).toBe(true)
  })

  it('reads quarantine and alerts, and verifies the audit log; read-only commands never say write', async () => {
    const q = await run(['quarantine', 'list', '--db', db], analystKey)
    expect(q.code, q.err).toBe(0)
    expect(q.err + q.out).not.toMatch(/writ/i)
    const out = join(dir, 'alerts.csv')
    const e = await run(
      ['alerts', 'export', '--db', db, '--format', 'csv', '--out', out],
      analystKey,
    )
    expect(e.code, e.err).toBe(0)
    expect(readFileSync(out, 'utf8').split('\n')[0]).toMatch(/^id,typology,score/)
    const l = await run(['alerts', 'list', '--db', db], analystKey)
    expect(l.code, l.err).toBe(0)
    expect(l.out.trim().split('\n').length).toBeGreaterThan(0)
    const v = await run(['audit', 'verify', '--db', db], batchKey)
    expect(v.code, v.err).toBe(0)
    expect(v.out).toMatch(/audit log intact/)
    const ls = await run(['lists', 'list', '--db', db, '--json'], analystKey)
    expect(JSON.parse(ls.out).map((x: { kind: string }) => x.kind)).toContain('sanctions')
  })

  it('says what to do without a key, and what a role may not do', async () => {
    const noKey = await run(['quarantine', 'list', '--db', db])
    expect(noKey.code).toBe(2)
    expect(noKey.err).toMatch(/RINGWATCH_API_KEY/)
    expect(noKey.err).not.toMatch(/writ/i)
    const wrongRole = await run(['scan', '--db', db], analystKey)
    expect(wrongRole.code).toBe(2)
    expect(wrongRole.err).toMatch(/may not jobs:run/)
  })

  it('refuses a second server on the same database', async () => {
    const r = await run(['serve', '--db', db, '--port', '0'])
    expect(r.code).toBe(1)
    expect(r.err).toContain(`already owns ${db}`)
  })

  it('a read-only command on a missing database is exit 2 with a clear message', async () => {
    const r = await run(['quarantine', 'list', '--db', join(dir, 'none.duckdb')])
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/no database at .*none\.duckdb/)
    expect(existsSync(join(dir, 'none.duckdb'))).toBe(false)
  })
})
