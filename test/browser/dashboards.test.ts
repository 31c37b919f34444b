// The dashboards in a real browser: log in, the queue (keyboard), an alert's network with the ring
// highlighted and the time slider, four-eyes closure across two users, the explorer, the runs charts.
// Screenshots go to test-results/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HAVE_CHROMIUM, SHOTS, loggedIn, startHarness, type Harness } from './harness.ts'
import { HUB, RING, RING_ALERT } from '../server-fixture.ts'

describe.skipIf(!HAVE_CHROMIUM)('dashboards in chromium', () => {
  let h: Harness
  const errors: string[] = []
  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(async () => h?.close())

  it('refuses a wrong key on the login page', async () => {
    const page = await (await h.browser.newContext()).newPage()
    await page.goto(h.url)
    await page.fill('#api-key', 'rw_000000000000_' + 'x'.repeat(32))
    await page.click('form.login button[type=submit]')
    await expect.poll(() => page.textContent('form.login .error')).toContain('invalid API key')
    await page.context().close()
  })

  it('logs in, shows the queue sorted by score and moves with j/k/Enter', async () => {
    const page = await loggedIn(h, 'analyst', errors)
    await page.waitForSelector('#queue tbody tr[data-id]')
    const ids = await page.$$eval('#queue tbody tr[data-id]', (rows) =>
      rows.map((r) => r.getAttribute('data-id')),
    )
    expect(ids[0]).toBe(RING_ALERT)
    expect(ids.length).toBe(13)
    expect(await page.$$eval('#queue .score-bar .fill', (f) => f.length)).toBe(13)
    expect(await page.textContent('#queue tbody tr:first-child .badge')).toBe('cycle')
    await page.screenshot({ path: `${SHOTS}/queue.png`, fullPage: true })
    await page.keyboard.press('j')
    expect(await page.getAttribute('#queue tbody tr.selected', 'data-id')).toBe(ids[1])
    await page.keyboard.press('k')
    await page.keyboard.press('Enter')
    await page.waitForSelector('#alert-network svg .edge.ring')
    expect(page.url()).toContain(`#/alert/${RING_ALERT}`)
    // Sorting by amount through the header, and exporting what is shown as CSV.
    await page.goto(`${h.url}#/queue`)
    await page.waitForSelector('#queue tbody tr[data-id]')
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')])
    expect(csv.suggestedFilename()).toBe('ringwatch-alerts.csv')
    await page.click('#queue th.total_amount')
    await page.waitForFunction(
      () =>
        document.querySelector('#queue th.total_amount')?.getAttribute('aria-sort') ===
        'descending',
    )
    await expect
      .poll(() => page.getAttribute('#queue tbody tr:first-child', 'data-id'))
      .toBe(RING_ALERT)
    await page.context().close()
  })

  it('draws the alert network with the ring highlighted, labelled, and replays it with the slider', async () => {
    const page = await loggedIn(h, 'analyst', errors)
    await page.goto(`${h.url}#/alert/${RING_ALERT}`)
    await page.waitForSelector('#alert-network svg .edge.ring')
    expect(await page.$$eval('#alert-network .edge.ring', (e) => e.length)).toBe(4)
    const labels = await page.$$eval('#alert-network .edge-label.ring', (t) =>
      t.map((x) => x.textContent),
    )
    expect(labels.sort()).toEqual([
      '#1 · 100k EUR ⚙',
      '#2 · 96k EUR',
      '#3 · 93k EUR',
      '#4 · 90k EUR',
    ])
    expect(
      await page.$$eval('#alert-network .node.hit', (n) => n.map((x) => x.getAttribute('data-id'))),
    ).toEqual([RING[1]])
    expect(
      await page.$$eval('#alert-network .node.focus .country', (n) =>
        n.map((x) => x.textContent).sort(),
      ),
    ).toEqual(['AE', 'CN', 'DE', 'TR'])
    // each watch-list hit of the alert's parties as its record: list, version, entity, score parts
    const hit = await page.$eval('table.hits tbody tr', (r) => r.textContent ?? '')
    expect(hit).toContain('GULF PRECISION TRADING')
    expect(hit).toMatch(/test-list · L-test/)
    expect(hit).toMatch(/os-123 · Company/)
    await page.screenshot({ path: `${SHOTS}/alert.png`, fullPage: true })
    // Slider at the start: only the first hop is drawn in full, the rest fade.
    await page.$eval('#time-slider', (el) => {
      const s = el as HTMLInputElement
      s.value = '0'
      s.dispatchEvent(new Event('input'))
    })
    expect(await page.$$eval('#alert-network .edge.ring.future', (e) => e.length)).toBe(3)
    expect(
      await page.$$eval('#alert-network .edge.ring.current', (e) =>
        e.map((x) => x.getAttribute('data-order')),
      ),
    ).toEqual(['1'])
    await page.$eval('#time-slider', (el) => {
      const s = el as HTMLInputElement
      s.value = '600'
      s.dispatchEvent(new Event('input'))
    })
    expect(await page.$$eval('#alert-network .edge.ring.future', (e) => e.length)).toBe(1)
    await page.screenshot({ path: `${SHOTS}/alert-slider.png` })
    await page.context().close()
  })

  it('analyst proposes a closure, the supervisor approves it', async () => {
    const analyst = await loggedIn(h, 'analyst', errors)
    await analyst.goto(`${h.url}#/alert/${RING_ALERT}`)
    await analyst.click('#act-start')
    await analyst.waitForSelector('#act-propose')
    await analyst.selectOption('#propose-outcome', 'closed_false_positive')
    await analyst.fill('#propose-reason', 'Known machine-tool supplier chain, contracts on file')
    await analyst.click('#act-propose')
    // the ring's AE party is a strong watch-list hit: a false positive is confirmed
    await analyst.click('#confirm-fp-yes')
    await analyst.waitForSelector('#four-eyes')
    expect(await analyst.$('#act-approve')).toBeNull()
    await analyst.screenshot({ path: `${SHOTS}/proposed.png`, fullPage: true })
    const sup = await loggedIn(h, 'supervisor', errors)
    await sup.goto(`${h.url}#/alert/${RING_ALERT}`)
    await sup.waitForSelector('#act-approve')
    await sup.fill('#review-reason', 'Agreed: contracts and end-user statement on file')
    await sup.click('#act-approve')
    await sup.click('#confirm-fp-yes')
    await sup.waitForSelector('.page-head .badge.st-closed_false_positive')
    const audit = await sup.$$eval('.audit li', (l) => l.map((x) => x.textContent ?? ''))
    expect(audit.some((t) => t.includes('case.approve'))).toBe(true)
    await sup.screenshot({ path: `${SHOTS}/approved.png`, fullPage: true })
    await analyst.context().close()
    await sup.context().close()
  })

  it('explores a network: search, draw by community, expand a node, export', async () => {
    const page = await loggedIn(h, 'fiu_viewer', errors)
    await page.goto(`${h.url}#/explorer`)
    await page.fill('#x-search', 'Gulf Precision')
    await page.click('#x-search-form button[type=submit]')
    await page.click('#x-results button')
    await page.waitForSelector('#explorer-network svg .node')
    const before = await page.$$eval('#explorer-network .node', (n) => n.length)
    expect(before).toBe(3) // RING[1] and its two ring neighbours
    // Expand RING[0]: brings in RING[2] (context transfer) and the hub.
    await page.click(`#explorer-network .node[data-id="${RING[0]}"] circle`)
    await page.waitForSelector(`#explorer-network .node[data-id="${HUB}"]`)
    // Expand the hub: capped at 15 with "+N more".
    await page.click(`#explorer-network .node[data-id="${HUB}"] circle`)
    await expect
      .poll(() => page.textContent(`#explorer-network .node[data-id="${HUB}"] .more`))
      .toBe('+16 more')
    const after = await page.$$eval('#explorer-network .node', (n) => n.length)
    expect(after).toBeGreaterThan(15)
    const fills = await page.$$eval(
      `#explorer-network .node[data-id^="DE89"] circle, #explorer-network .node[data-id^="AE07"] circle`,
      (c) => c.map((x) => x.getAttribute('fill')),
    )
    expect(new Set(fills).size).toBe(1) // same Louvain community, same colour
    await page.screenshot({ path: `${SHOTS}/explorer.png`, fullPage: true })
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#x-ftm')])
    expect(download.suggestedFilename()).toMatch(/\.ftm\.json$/)
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#x-svg')])
    expect(svg.suggestedFilename()).toMatch(/\.svg$/)
    await page.context().close()
  })

  it('draws a network of about 2,000 accounts and stays usable', async () => {
    await h.store.run('fixture/insert-star', { center: 'STAR-CENTER', width: 44 })
    const page = await loggedIn(h, 'fiu_viewer', errors)
    const t0 = Date.now()
    await page.goto(`${h.url}#/explorer?account=STAR-CENTER&hops=2&limit=50`)
    await page.waitForFunction(
      () => document.querySelectorAll('#explorer-network .node').length > 1900,
      undefined,
      { timeout: 30_000 },
    )
    console.log(`1,981-node network drawn in ${Date.now() - t0} ms`)
    expect(await page.$$eval('#explorer-network .node', (n) => n.length)).toBe(1 + 44 + 44 * 44)
    // Still responsive: a click on a leaf answers with its profile.
    await page.click('#explorer-network .node[data-id="STARL2-3-4"] circle', { force: true })
    await expect.poll(() => page.textContent('#x-profile')).toContain('STARL2-3-4')
    await page.screenshot({ path: `${SHOTS}/explorer-2000.png` })
    await page.context().close()
  })

  it('renders the runs charts', async () => {
    const page = await loggedIn(h, 'supervisor', errors)
    await page.goto(`${h.url}#/runs`)
    await page.waitForSelector('#chart-transfers svg rect')
    const runs = await (
      await fetch(`${h.url}api/runs`, { headers: { 'X-API-Key': h.keys.supervisor } })
    ).json()
    expect(await page.$$eval('#chart-transfers .bars rect', (r) => r.length)).toBe(
      (runs as { transfers_per_day: unknown[] }).transfers_per_day.length,
    )
    expect(await page.$$eval('#chart-alerts .bars rect', (r) => r.length)).toBeGreaterThan(5)
    expect(await page.$$eval('#chart-quarantine .bars rect', (r) => r.length)).toBe(2)
    expect(await page.$$eval('#runs-table tbody tr', (r) => r.length)).toBe(3) // with the job's run
    expect(
      await page.$$eval('#jobs-table tbody tr td', (t) => t.map((x) => x.textContent)),
    ).toEqual(expect.arrayContaining(['ingest', 'api', 'bob', 'failed']))
    await page.screenshot({ path: `${SHOTS}/runs.png`, fullPage: true })
    await page.context().close()
    expect(errors).toEqual([])
  })
})
