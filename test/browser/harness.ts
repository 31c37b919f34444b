// Browser-test harness: Debian's chromium driven by playwright-core against a real server on a
// free port, seeded with the server fixture. Skips with a message when chromium is absent; fails
// instead under CI.
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { chromium, type Browser, type Page } from 'playwright-core'
import { openStore, type Store } from '../../src/store/index.ts'
import type { Role } from '../../src/schema/alert.ts'
import { buildDashboards } from '../../src/server/index.ts'
import { seed, testApp } from '../server-fixture.ts'
import { loadConfig } from '../../src/config/index.ts'
import { runScan } from '../../src/pipeline/index.ts'
import { JobRunner } from '../../src/server/jobs/runner.ts'
import { available } from '../required.ts'
import { Uploads } from '../../src/server/jobs/uploads.ts'

/** Debian's chromium; RINGWATCH_CHROMIUM points elsewhere. */
export const CHROMIUM = process.env.RINGWATCH_CHROMIUM ?? '/usr/bin/chromium'
/** Absent: skipped with a message, or under CI a failure of the test file (test/required.ts). */
export const HAVE_CHROMIUM = available(
  'browser tests',
  existsSync(CHROMIUM) ? [] : [CHROMIUM],
  'install Debian chromium: apt-get install chromium',
)
export const SHOTS = 'test-results'

export interface Harness {
  store: Store
  keys: Record<Role, string>
  url: string
  browser: Browser
  close(): Promise<void>
}

export async function startHarness(): Promise<Harness> {
  mkdirSync(SHOTS, { recursive: true })
  await buildDashboards()
  const store = await openStore({ path: ':memory:' })
  const keys = await seed(store)
  // the server's job runner, with one job done that changed no data (the runs page lists jobs)
  const { config, hash } = loadConfig()
  const runner = new JobRunner({ store, config, configHash: hash, scan: (d, o) => runScan(d, o) })
  await runner.start()
  await runner.submit(
    { kind: 'ingest', files: ['/nonexistent/day.csv'] },
    { id: 'bob', role: 'batch' },
    'api',
  )
  await runner.drain()
  const uploads = new Uploads(mkdtempSync(join(tmpdir(), 'rw-browser-up-')), 1 << 20)
  const app = testApp(store, { dashboards: undefined, recheckMs: 0, jobs: { runner, uploads } })
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s))
  })
  const port = (server.address() as AddressInfo).port
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  return {
    store,
    keys,
    url: `http://127.0.0.1:${port}/`,
    browser,
    async close() {
      await browser.close()
      await new Promise((r) => server.close(r))
      await store.close()
    },
  }
}

/** A fresh page (its own sessionStorage) logged in with the role's key; console errors collected. */
export async function loggedIn(h: Harness, role: Role, errors: string[] = []): Promise<Page> {
  const ctx = await h.browser.newContext({ viewport: { width: 1400, height: 1000 } })
  const page = await ctx.newPage()
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.goto(h.url)
  await page.fill('#api-key', h.keys[role])
  await page.click('form.login button[type=submit]')
  await page.waitForSelector('#queue, #chart-transfers')
  return page
}
