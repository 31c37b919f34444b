// The demo on a copy of two sample days: the first run lands, scans, evaluates and creates the demo
// users; the second reuses the database (nothing landed, no scan) and issues the users new keys.
// Also: startServer serves the dashboards and the API on a real port.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../src/cli/main.ts'
import { openStore } from '../src/store/index.ts'
import { loadConfig } from '../src/config/index.ts'
import { loadDemo } from '../src/pipeline/index.ts'
import { ensureDemoUsers } from '../src/server/auth/demo-users.ts'
import type { Store } from '../src/store/index.ts'
import type { Config } from '../src/config/index.ts'

/** What `ringwatch demo` does before it serves: the demo's data, then its users. */
async function runDemo(deps: {
  store: Store
  config: Config
  configHash: string
  samplesDir: string
}) {
  const r = await loadDemo(deps)
  return { ...r, users: await ensureDemoUsers(deps.store) }
}
import { startServer } from '../src/server/serve.ts'
import { quietLogger } from '../src/util/progress.ts'
import { ConflictError } from '../src/util/errors.ts'
import { auditKey } from '../src/util/audit-key.ts'

const KEY = auditKey(Buffer.alloc(32, 7), null, 'test')

let dir: string
let samples: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rw-demo-'))
  samples = join(dir, 'samples')
  mkdirSync(join(samples, 'days'), { recursive: true })
  const days = readdirSync('samples/days')
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .slice(0, 2)
  for (const d of days) cpSync(join('samples/days', d), join(samples, 'days', d))
  cpSync('samples/lists', join(samples, 'lists'), { recursive: true })
  cpSync('samples/truth.json', join(samples, 'truth.json'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function capture() {
  let text = ''
  const stream = { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream
  return { io: { stdout: stream, stderr: stream, env: {} }, text: () => text }
}

describe('demo', () => {
  it('loads, scans, evaluates and creates users; a second run reuses the database', async () => {
    const db = join(dir, 'demo.duckdb')
    const { config, hash } = loadConfig()
    let store = await openStore({ path: db, auditKey: KEY })
    const first = await runDemo({ store, config, configHash: hash, samplesDir: samples })
    await store.close()
    expect(first.ingest.landed).toBe(2)
    expect(first.scan?.status).toBe('ok')
    expect(first.totals.alerts).toBeGreaterThan(0)
    expect(first.eval?.report.found).toBeGreaterThan(0)
    // the alert load of the scanned window, as `ringwatch eval` prints it
    expect(first.eval?.report.transfers).toBeGreaterThan(0)
    expect(first.eval?.report.alerts_per_10k).toBeCloseTo(
      (first.eval!.report.alerts / first.eval!.report.transfers!) * 10_000,
      1,
    )
    expect(first.users.map((u) => u.role)).toEqual(['analyst', 'supervisor', 'fiu_viewer', 'batch'])

    store = await openStore({ path: db, auditKey: KEY })
    const second = await runDemo({ store, config, configHash: hash, samplesDir: samples })
    expect(second.ingest).toMatchObject({ landed: 0, skipped: 2 })
    expect(second.scan).toBeNull()
    expect(second.totals).toEqual(first.totals)
    expect(second.lists.every((l) => l.status === 'unchanged')).toBe(true)
    const users = await store.all<{ id: string }>('server/user-list')
    expect(users.map((u) => u.id)).toEqual([
      'demo-analyst',
      'demo-batch',
      'demo-fiu',
      'demo-supervisor',
    ])
    expect(second.users[0].key).not.toBe(first.users[0].key)

    // The server on a real port: health, the dashboards with their CSP, the API with the new key.
    const running = await startServer({
      store,
      config,
      host: '127.0.0.1',
      port: 0,
      logger: quietLogger,
    })
    try {
      expect((await fetch(`${running.url}health`)).status).toBe(200)
      const page = await fetch(running.url)
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
      expect(await page.text()).toContain('<script type="module" src="/app.js">')
      expect((await fetch(`${running.url}app.js`)).headers.get('content-type')).toContain(
        'javascript',
      )
      const old = await fetch(`${running.url}api/alerts`, {
        headers: { 'X-API-Key': first.users[0].key },
      })
      expect(old.status).toBe(401)
      const port = Number(new URL(running.url).port)
      await expect(
        startServer({ store, config, host: '127.0.0.1', port, logger: quietLogger }),
      ).rejects.toBeInstanceOf(ConflictError)
      const res = await fetch(`${running.url}api/alerts`, {
        headers: { 'X-API-Key': second.users[0].key },
      })
      expect(((await res.json()) as { total: number }).total).toBe(first.totals.alerts)
    } finally {
      await running.close()
      await store.close()
    }
  })

  it('prints usage errors with exit code 2', async () => {
    const c = capture()
    expect(await main(['demo', '--port', 'eighty'], c.io)).toBe(2)
    expect(c.text()).toContain('--port eighty')
    expect(await main(['users', 'add', 'x'], c.io)).toBe(2)
  })
})
