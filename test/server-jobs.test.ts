// Batch work in the server: the batch role uploads files and posts jobs (ingest, scan, lists,
// batch) that run one at a time, with progress; the inbox takes settled files, lands and scans
// them and moves them to done/ or failed/; the schedule runs a batch; the owner file names the
// server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore, type Store } from '../src/store/index.ts'
import { announceUrl, ownerFile, readOwner } from '../src/store/lock.ts'
import type { Role } from '../src/schema/alert.ts'
import { addUser } from '../src/server/index.ts'
import { loadConfig, parseConfig } from '../src/config/index.ts'
import { JobRunner, type JobView } from '../src/server/jobs/runner.ts'
import { Uploads } from '../src/server/jobs/uploads.ts'
import { Inbox } from '../src/server/jobs/inbox.ts'
import { runScan } from '../src/pipeline/index.ts'
import { auditKey } from '../src/util/audit-key.ts'
import { seed, testApp } from './server-fixture.ts'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const DAYS = readdirSync('samples/days')
  .filter((f) => f.endsWith('.csv'))
  .sort()
  .map((f) => join('samples/days', f))

let dir: string
let store: Store
let keys: Record<Role, string>
let runner: JobRunner
let uploads: Uploads
let app: ReturnType<typeof testApp>
const { config, hash } = loadConfig('samples/config.json')

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rw-jobs-'))
  store = await openStore({ path: ':memory:' })
  keys = await seed(store)
  // the scan runs here in the tests (worker-scan.test.ts runs it on its thread)
  runner = new JobRunner({ store, config, configHash: hash, scan: (d, o) => runScan(d, o) })
  await runner.start()
  uploads = new Uploads(join(dir, 'uploads'), 50 * 1024 * 1024)
  app = testApp(store, { jobs: { runner, uploads } })
})
afterAll(async () => {
  await runner.stop()
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

const upload = (file: string, key: string, name = file.split('/').pop()!) =>
  app.request('/api/uploads', {
    method: 'POST',
    headers: { 'X-API-Key': key, 'X-File-Name': name, 'Content-Type': 'text/csv' },
    body: readFileSync(file),
  })
const post = (path: string, body: unknown, key: string) =>
  app.request(path, {
    method: 'POST',
    headers: { 'X-API-Key': key, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
async function finished(id: string, key: string): Promise<Json> {
  await runner.drain()
  return (
    (await (await app.request(`/api/jobs/${id}`, { headers: { 'X-API-Key': key } })).json()) as Json
  ).job
}

describe('jobs through the API', () => {
  it('the batch role uploads a file and lands it with an ingest job; others may only watch', async () => {
    const up = await upload(DAYS[0], keys.batch)
    expect(up.status).toBe(201)
    const { upload: id } = (await up.json()) as Json
    for (const role of ['analyst', 'supervisor', 'admin', 'fiu_viewer'] as const)
      expect((await post('/api/jobs', { kind: 'scan' }, keys[role])).status, role).toBe(403)
    const res = await post('/api/jobs', { kind: 'ingest', uploads: [id] }, keys.batch)
    expect(res.status).toBe(202)
    const { job } = (await res.json()) as Json
    expect(job.status).toMatch(/queued|running/)
    const done = await finished(job.id, keys.analyst)
    expect(done.status).toBe('ok')
    expect(done.result.totals.landed).toBe(1)
    expect(done.progress.log.length).toBeGreaterThan(0)
    expect(JSON.stringify(done)).not.toContain(dir) // no absolute paths for an analyst
    expect(existsSync(join(dir, 'uploads', id))).toBe(false) // removed after the job
    const list = (await (
      await app.request('/api/jobs', { headers: { 'X-API-Key': keys.supervisor } })
    ).json()) as Json
    expect(list.jobs.map((j: Json) => j.id)).toContain(job.id)
  })

  it('a batch job with require_lists and no active sanctions list fails (exit 2) before it ingests', async () => {
    const day = ((await (await upload(DAYS[1], keys.batch)).json()) as Json).upload
    const res = await post(
      '/api/jobs',
      { kind: 'batch', uploads: [day], require_lists: true },
      keys.batch,
    )
    expect(res.status).toBe(202)
    const b = await finished(((await res.json()) as Json).job.id, keys.batch)
    expect(b.status).toBe('failed')
    expect(b.result.exit_code).toBe(2)
    expect(b.result.failures.map((f: Json) => f.stage)).toEqual(['lists'])
    expect(b.result.failures[0].message).toContain('--require-lists: no active sanctions list')
    expect(b.result.ingest).toBeNull()
    expect(b.result.scan).toBeNull()
  })

  it('a scan job and a batch job with a list run after each other and write their runs', async () => {
    const scan = ((await (await post('/api/jobs', { kind: 'scan' }, keys.batch)).json()) as Json)
      .job
    const day = ((await (await upload(DAYS[1], keys.batch)).json()) as Json).upload
    const list = ((await (await upload('samples/lists/watchlist.csv', keys.batch)).json()) as Json)
      .upload
    const batch = (
      (await (
        await post(
          '/api/jobs',
          { kind: 'batch', uploads: [day], lists: [{ upload: list, kind: 'sanctions' }] },
          keys.batch,
        )
      ).json()) as Json
    ).job
    const a = await finished(scan.id, keys.batch)
    const b = await finished(batch.id, keys.batch)
    expect(a.status).toBe('ok')
    expect(b.status).toBe('ok')
    expect(b.result.ingest.landed).toBe(1)
    expect(b.result.lists).toHaveLength(1)
    expect(b.result.audit.ok).toBe(true)
    expect(Date.parse(b.started_at)).toBeGreaterThanOrEqual(Date.parse(a.finished_at))
  })

  it('refuses an upload used by another user, a bad file name and an unknown job', async () => {
    const other = (await addUser(store, 'bob2', 'batch')).key
    const { upload: id } = (await (await upload(DAYS[2], keys.batch)).json()) as Json
    expect((await post('/api/jobs', { kind: 'ingest', uploads: [id] }, other)).status).toBe(403)
    expect((await upload(DAYS[2], keys.batch, '../etc/passwd')).status).toBe(400)
    expect(
      (await app.request('/api/jobs/J-20260101-00000000', { headers: { 'X-API-Key': keys.batch } }))
        .status,
    ).toBe(404)
    expect((await post('/api/jobs', { kind: 'scan', from: '2026-99-99' }, keys.batch)).status).toBe(
      400,
    )
  })
})

describe('the DuckDB threads of a job', () => {
  it('a job runs with batch.threads of DuckDB threads and gives the others back after it, also when it fails', async () => {
    const s = await openStore({ path: ':memory:' })
    try {
      await s.run('server/duckdb-threads-set', { threads: 4 })
      const threads = async () => (await s.one<{ threads: number }>('server/duckdb-threads-get'))!
      const seen: number[] = []
      const cfg = parseConfig({ batch: { threads: 2 } }).config
      let fail = false
      const r = new JobRunner({
        store: s,
        config: cfg,
        configHash: hash,
        scan: async () => {
          seen.push((await threads()).threads)
          if (fail) throw new Error('the scan broke')
          return runScan({ store: s, config: cfg, configHash: hash })
        },
      })
      await r.start()
      const job = { id: 'job', role: 'batch' } as const
      await r.submit({ kind: 'scan' }, job, 'api')
      await r.drain()
      fail = true
      const failed = await r.submit({ kind: 'scan' }, job, 'api')
      await r.drain()
      expect((await r.get(failed.id)).status).toBe('failed')
      expect(seen).toEqual([2, 2])
      expect((await threads()).threads).toBe(4)
      await r.stop()
    } finally {
      await s.close()
    }
  }, 60_000)
})

describe('the inbox and the schedule', () => {
  it('takes a settled file, lands and scans it, and moves it to done/; a broken one to failed/', async () => {
    const inboxDir = join(dir, 'inbox')
    let now = Date.parse('2026-03-12T10:00:00Z')
    const batch = parseConfig({ batch: { inbox: inboxDir, settle_seconds: 5 } }).config.batch
    const inbox = new Inbox(runner, batch, { clock: () => now })
    copyFileSync(DAYS[3], join(inboxDir, 'day.csv'))
    writeFileSync(join(inboxDir, 'broken.parquet'), 'not parquet')
    writeFileSync(join(inboxDir, 'copying.csv.part'), 'tx_id')
    expect(await inbox.poll()).toBeNull() // first sight: not settled yet
    now += 6000
    const job = (await inbox.poll()) as JobView
    expect(job).not.toBeNull()
    expect(job.source).toBe('inbox')
    const done = await runner.get(job.id)
    await runner.drain()
    const end = await runner.get(done.id)
    expect(end.status).toBe('failed') // one file could not be read
    const day = '2026-03-12'
    expect(readdirSync(join(inboxDir, 'done', day))).toEqual(['day.csv'])
    expect(readdirSync(join(inboxDir, 'failed', day)).sort()).toEqual([
      'broken.parquet',
      'broken.parquet.error.txt',
    ])
    expect(readdirSync(inboxDir).sort()).toEqual(['.work', 'copying.csv.part', 'done', 'failed'])
    expect(readdirSync(join(inboxDir, '.work'))).toEqual([])
    const report = end.result as Json
    expect(report.ingest.landed).toBe(1)
    expect(report.scan.status).toBe('ok')
  })

  it('runs the scheduled batch even with nothing in the inbox', async () => {
    const batch = parseConfig({ batch: { inbox: join(dir, 'inbox2'), schedule: '0 2 * * *' } })
      .config.batch
    const inbox = new Inbox(runner, batch)
    const job = await inbox.scheduled()
    await runner.drain()
    const end = await runner.get(job.id)
    expect(end).toMatchObject({ source: 'schedule', status: 'ok' })
  })
})

describe('the owner file', () => {
  it('names the process that has the file open for writing, and the server URL; gone on close', async () => {
    const db = join(dir, 'own.duckdb')
    const s = await openStore({
      path: db,
      owner: 'ringwatch serve',
      auditKey: auditKey(Buffer.alloc(32, 1), null, 't'),
    })
    expect(readOwner(db)).toMatchObject({ pid: process.pid, command: 'ringwatch serve', url: null })
    announceUrl(db, 'http://127.0.0.1:9999/')
    expect(readOwner(db)?.url).toBe('http://127.0.0.1:9999/')
    await s.close()
    expect(existsSync(ownerFile(db))).toBe(false)
    // a file left by a process that is gone is no owner
    writeFileSync(
      ownerFile(db),
      JSON.stringify({
        ...{ pid: 2 ** 22 + 7, host: (await import('node:os')).hostname() },
        process: 'x',
        command: 'c',
        url: 'http://x/',
        started_at: '',
      }),
    )
    expect(readOwner(db)).toBeNull()
  })
})
