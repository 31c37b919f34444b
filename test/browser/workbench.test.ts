// The analyst's workbench on the demo's data (the committed sample week, scanned as `ringwatch
// demo` scans it) in Chromium at 1440×900: the top alert of the queue shows, without scrolling,
// its reasons with the transfers each names, the ring, its case panel and its parties; an alert of
// a case shows the case's other alerts and its parties' watch-list entries, and the case page shows
// them together with one graph. Screenshots go to test-results/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AddressInfo } from 'node:net'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { chromium, type Browser, type Page } from 'playwright-core'
import { openStore, type Store } from '../../src/store/index.ts'
import { buildDashboards } from '../../src/server/index.ts'
import { loadConfig } from '../../src/config/index.ts'
import { loadDemo } from '../../src/pipeline/index.ts'
import { ensureDemoUsers } from '../../src/server/auth/demo-users.ts'
import { CHROMIUM, HAVE_CHROMIUM, SHOTS } from './harness.ts'
import { testApp } from '../server-fixture.ts'
import { importList } from '../../src/screen/index.ts'
import { parseCsv } from '../../src/screen/lists/index.ts'

/**
 * The sample watch list (targets.simple shape) with an address in each entry's `addresses` cell
 * (the generated list leaves it empty): entry id → address, and the file's text.
 */
function addressedWatchlist(text: string): { addresses: Map<string, string>; text: string } {
  const [head, ...rows] = parseCsv(text).records.map((r) => r.fields)
  const col = head.indexOf('addresses')
  const addresses = new Map<string, string>()
  rows.forEach((f, i) => {
    f[col] = `${i + 1} Harbour Road, Free Zone ${String.fromCharCode(65 + (i % 26))}`
    addresses.set(f[0], f[col])
  })
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`
  return { addresses, text: [head, ...rows].map((f) => f.map(quote).join(',')).join('\n') + '\n' }
}

const VIEW = { width: 1440, height: 900 }

describe.skipIf(!HAVE_CHROMIUM)('workbench on the demo data in chromium', () => {
  let store: Store
  let browser: Browser
  let server: ReturnType<typeof serve>
  let url: string
  let key: string
  const errors: string[] = []
  let listDir: string
  let addresses: Map<string, string>

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    await buildDashboards()
    store = await openStore({ path: ':memory:' })
    const { config, hash } = loadConfig()
    await loadDemo({ store, config, configHash: hash, samplesDir: 'samples' })
    // a new version of the sample watch list whose entries have addresses: the parties found
    // under it are screened again and their hits now name the new version
    const addressed = addressedWatchlist(readFileSync('samples/lists/watchlist.csv', 'utf8'))
    addresses = addressed.addresses
    listDir = mkdtempSync(join(tmpdir(), 'rw-workbench-'))
    writeFileSync(join(listDir, 'watchlist.csv'), addressed.text)
    const imported = await importList(store, join(listDir, 'watchlist.csv'), {
      kind: 'sanctions',
      screen: config.screen,
    })
    expect(imported).toMatchObject({ status: 'imported', replaced: 1 })
    key = (await ensureDemoUsers(store)).find((u) => u.role === 'analyst')!.key
    const app = testApp(store, { dashboards: undefined, config })
    server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s))
    })
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    })
  }, 240_000)
  afterAll(async () => {
    await browser?.close()
    await new Promise((r) => server?.close(r))
    await store?.close()
    if (listDir) rmSync(listDir, { recursive: true, force: true })
  })

  async function analyst(): Promise<Page> {
    const ctx = await browser.newContext({ viewport: VIEW })
    const page = await ctx.newPage()
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(url)
    await page.fill('#api-key', key)
    await page.click('form.login button[type=submit]')
    await page.waitForSelector('#queue tbody tr[data-id]')
    return page
  }

  /** Whether the element is drawn inside the window without scrolling (top and bottom). */
  const inView = (page: Page, selector: string) =>
    page.$eval(
      selector,
      (el, h) => {
        const r = el.getBoundingClientRect()
        return r.height > 0 && r.top >= 0 && r.bottom <= h
      },
      VIEW.height,
    )

  it('the top alert shows its reasons with their transfers, the ring, its case and parties without scrolling', async () => {
    const page = await analyst()
    const top = await page.$eval('#queue tbody tr[data-id]', (r) => r.getAttribute('data-id')!)
    await page.click(`#queue tbody tr[data-id="${top}"] a`)
    await page.waitForSelector('#alert-network svg .edge.ring')
    await page.waitForSelector('#reasons .reason-tx')
    expect(await page.evaluate(() => window.scrollY)).toBe(0)
    for (const s of ['#summary-line', '#reasons', '#alert-network svg', '#case-alerts', '#parties'])
      expect([s, await inView(page, s)]).toEqual([s, true])
    // every reason about transfers names them by their hop number in the table
    const chips = await page.$$eval('#reasons .reason-tx', (c) => c.map((x) => x.textContent))
    expect(chips.length).toBeGreaterThan(2)
    for (const c of chips) expect(c).toMatch(/^(all \d+ transfers|transfers? #\d+)/)
    const hops = await page.$$eval('table.transfers tbody tr', (r) => r.length)
    expect(hops).toBeGreaterThan(0)
    // the other alerts of its case and its parties' list entries, as the API has them: each shown
    // in the window, or the panel saying there are none
    const detail = await page.evaluate(
      async ([id, k]) => (await fetch(`/api/alerts/${id}`, { headers: { 'X-API-Key': k } })).json(),
      [top, key],
    )
    const others = ((detail.case?.alerts ?? []) as Array<{ id: string }>).filter(
      (a) => a.id !== top,
    )
    const openHits = (detail.hits as Array<{ status: string }>).filter((x) => x.status === 'open')
    console.log(
      `demo top alert ${top}: ${others.length} other alert(s) in its case, ${openHits.length} open list entr(ies)`,
    )
    if (others.length) {
      expect(await page.$$eval('#case-alerts li', (l) => l.length)).toBe(others.length)
      for (const a of others)
        expect([a.id, await inView(page, `#case-alerts li a[href="#/alert/${a.id}"]`)]).toEqual([
          a.id,
          true,
        ])
    } else
      expect(await page.textContent('#case-alerts')).toMatch(
        /^(No other alert shares its payments or accounts|The case holds only this alert)/,
      )
    if (openHits.length) {
      const n = await page.$$eval('#listed-parties .list-entry', (l) => l.length)
      expect(n).toBeGreaterThanOrEqual(openHits.length)
      for (let i = 1; i <= n; i++)
        expect(await inView(page, `#listed-parties .list-entry >> nth=${i - 1}`)).toBe(true)
    } else
      expect(await page.textContent('#parties details.more-parties summary')).toMatch(
        /parties? without a watch-list hit$/,
      )
    await page.screenshot({ path: `${SHOTS}/workbench-top-alert.png` })
    await page.context().close()
  })

  it('an alert of a case lists the case’s other alerts and its parties’ list entries without scrolling; the case page shows them with one graph', async () => {
    const inCase = await store.one<{ alert_id: string; case_id: string }>(
      'fixture/first-case-alert',
    )
    expect(inCase).toBeDefined()
    const page = await analyst()
    await page.goto(`${url}#/alert/${inCase!.alert_id}`)
    await page.waitForSelector('#alert-network svg .edge.ring')
    await page.waitForSelector('#case-alerts li')
    for (const s of [
      '#reasons',
      '#alert-network svg',
      '#case-alerts li',
      '#listed-parties .list-entry',
    ])
      expect([s, await inView(page, s)]).toEqual([s, true])
    const other = await page.$eval('#case-alerts li', (e) => e.textContent ?? '')
    expect(other).toMatch(/A-[0-9a-f]+/)
    expect(other).toMatch(/shares (payment|account)/)
    const entry = await page.$eval('#listed-parties .list-entry', (e) => e.textContent ?? '')
    for (const field of ['list', 'programme', 'entity', 'names', 'address', 'matched'])
      expect(entry).toContain(field)
    // the entry's address as its list version has it
    const entryId = await page.getAttribute('#listed-parties .list-entry', 'data-entry')
    expect(addresses.get(entryId!)).toBeDefined()
    expect(entry).toContain(addresses.get(entryId!))
    await page.screenshot({ path: `${SHOTS}/workbench-case-alert.png` })
    // the same entry, with its address, in the explorer's account panel
    const accountLink = await page.getAttribute('#listed-parties > li > a', 'href')
    await page.goto(`${url}${accountLink}`)
    await page.waitForSelector('#x-profile .list-entry')
    const panel = await page.$$eval('#x-profile .list-entry', (es) =>
      es.map((e) => [e.getAttribute('data-entry'), e.textContent ?? '']),
    )
    expect(panel.length).toBeGreaterThan(0)
    for (const [id, text] of panel) expect(text).toContain(addresses.get(id!))
    await page.goto(`${url}#/alert/${inCase!.alert_id}`)
    await page.waitForSelector('#case-link')
    await page.click('#case-link')
    await page.waitForSelector('#case-alerts tbody tr')
    await page.waitForSelector('#alert-network svg .edge.ring')
    expect(await page.$$eval('#case-alerts tbody tr', (r) => r.length)).toBeGreaterThanOrEqual(2)
    await page.screenshot({ path: `${SHOTS}/workbench-case.png`, fullPage: true })
    await page.context().close()
    expect(errors).toEqual([])
  })

  it('an analyst takes an alert out of its case from the alert page and from the case page, saying why', async () => {
    const inCase = (await store.one<{ alert_id: string; case_id: string }>(
      'fixture/first-case-alert',
    ))!
    const page = await analyst()
    await page.goto(`${url}#/alert/${inCase.alert_id}`)
    await page.waitForSelector('#case-alerts li')
    const other = (await page.$eval('#case-alerts li a', (a) => a.textContent))!
    // from the alert page: a reason is asked for, then the alert has a case of its own
    await page.click('#case-alerts ~ details.unlink summary')
    await page.fill('details.unlink .unlink-reason', 'its payments are a separate trade')
    await page.click('details.unlink button[type=submit]')
    await expect
      .poll(() => page.textContent('#case-alerts'))
      .toBe('The case holds only this alert.')
    const own = (await page.getAttribute('#case-link', 'href'))!
    expect(own).not.toBe(`#/case/${inCase.case_id}`)
    expect(await page.$('details.unlink')).toBeNull() // nothing left to take it out of
    await page.screenshot({ path: `${SHOTS}/workbench-unlinked-alert.png` })
    // linked back by hand, then taken out again from the case page
    await page.click('details.link-alert summary')
    await page.fill('#link-alert', other)
    await page.fill('#link-reason', 'same ring after all')
    await page.click('details.link-alert button[type=submit]')
    await page.waitForSelector('#case-alerts li')
    await page.click('#case-link')
    await page.waitForSelector('#case-alerts tbody tr')
    expect(await page.$$eval('#case-alerts tbody tr', (r) => r.length)).toBe(2)
    const row = `#case-alerts details.unlink[data-alert="${other}"]`
    await page.click(`${row} summary`)
    await page.fill(`${row} .unlink-reason`, 'a different counterparty')
    await page.click(`${row} button[type=submit]`)
    await expect.poll(() => page.$$eval('#case-alerts tbody tr', (r) => r.length)).toBe(1)
    expect(await page.$$('#case-alerts details.unlink')).toHaveLength(0)
    const history = (await page.textContent('ol.audit')) ?? ''
    expect(history).toContain(`demo-analyst took ${other} out of the case`)
    expect(history).toContain('“a different counterparty”')
    await page.screenshot({ path: `${SHOTS}/workbench-unlinked-case.png`, fullPage: true })
    await page.context().close()
    expect(errors).toEqual([])
  })
})
