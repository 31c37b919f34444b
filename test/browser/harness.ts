// Browser-test harness: Debian's chromium driven by playwright-core against a real server on a
// free port, seeded with the server fixture. Skips with a message when chromium is absent.
import { existsSync, mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { chromium, type Browser, type Page } from 'playwright-core'
import { openStore, type Store } from '../../src/store/index.ts'
import type { Role } from '../../src/schema/alert.ts'
import { buildDashboards } from '../../src/server/index.ts'
import { seed, testApp } from '../server-fixture.ts'

export const CHROMIUM = '/usr/bin/chromium'
export const HAVE_CHROMIUM = existsSync(CHROMIUM)
export const SKIP_MESSAGE = 'install Debian chromium: apt-get install chromium'
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
  const app = testApp(store, { dashboards: undefined, recheckMs: 0 })
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
