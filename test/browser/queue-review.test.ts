// The queue and the review step in a real browser: rows with parties, countries and goods; search
// as you type (one request once typing pauses, the URL following); the review banner with the
// proposal, its reason and cited evidence; the confirmation before closing an alert with a strong
// watch-list hit as a false positive; assignment to a colleague. Screenshots go to test-results/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { HAVE_CHROMIUM, SHOTS, loggedIn, startHarness, type Harness } from './harness.ts'
import { alert, RING, RING_ALERT } from '../server-fixture.ts'

/** Every /api/alerts list request the page makes, with its query. */
function listRequests(page: Page): string[] {
  const seen: string[] = []
  page.on('request', (r) => {
    const u = new URL(r.url())
    if (u.pathname === '/api/alerts') seen.push(u.search)
  })
  return seen
}

describe.skipIf(!HAVE_CHROMIUM)('queue and review in chromium', () => {
  let h: Harness
  const errors: string[] = []
  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(async () => h?.close())

  it('shows parties, countries and goods, and searches as you type', async () => {
    const page = await loggedIn(h, 'analyst', errors)
    await page.waitForSelector('#queue tbody tr[data-id]')
    const ring = `#queue tbody tr[data-id="${RING_ALERT}"]`
    expect(await page.textContent(`${ring} td.parties .names`)).toBe(
      'listed 93%Gulf Precision Trading FZE, Anatolia Makine Ltd, Rheinmetall Handels GmbH +1 more',
    )
    expect(await page.textContent(`${ring} td.countries`)).toBe('AE CN DE TR')
    expect(await page.textContent(`${ring} td.goods`)).toBe('HS 8457')
    const requests = listRequests(page)
    await page.click('#f-q')
    await page.keyboard.type('GULF précision', { delay: 40 })
    // the whole text searched once typing paused (the URL follows it)
    await expect.poll(() => page.url()).toContain('#/queue?q=GULF+pr%C3%A9cision')
    await expect
      .poll(() => requests.filter((q) => q.includes('q=')).pop())
      .toContain('q=GULF+pr%C3%A9cision&')
    await expect.poll(() => page.$$eval('#queue tbody tr[data-id]', (r) => r.length)).toBe(1)
    expect(await page.getAttribute('#queue tbody tr[data-id]', 'data-id')).toBe(RING_ALERT)
    // requests once typing pauses, not one per key (on a loaded machine a key may come late
    // enough to let one through), the last for the whole text
    const searched = requests.filter((q) => q.includes('q='))
    expect(searched.length).toBeGreaterThan(0)
    expect(searched.length).toBeLessThan('GULF précision'.length / 2)
    expect(await page.textContent('.page-head .count')).toBe('1 alert')
    await page.screenshot({ path: `${SHOTS}/queue-search.png`, fullPage: true })
    // an account typed with spaces, in a link someone sent: the URL's filters win
    const iban = RING[2].replace(/(.{4})/g, '$1 ').trim()
    await page.goto(`${h.url}#/queue?q=${encodeURIComponent(iban)}`)
    await expect
      .poll(() => page.$$eval('#queue tbody tr[data-id]', (r) => r.map((x) => x.dataset.id)))
      .toEqual([RING_ALERT])
    expect(await page.inputValue('#f-q')).toBe(iban)
    // clearing the search shows the whole queue again and drops it from the URL
    await page.fill('#f-q', '')
    await expect
      .poll(() => page.$$eval('#queue tbody tr[data-id]', (r) => r.length))
      .toBeGreaterThan(1)
    expect(page.url()).toMatch(/#\/queue$/)
    await page.context().close()
  })

  it('assigns an alert to a colleague from the picker', async () => {
    const id = 'A-0000000a551a'
    await alert(h.store, {
      id,
      typology: 'cycle',
      score: 50,
      status: 'new',
      accounts: [RING[0], RING[1]],
      first: '2026-03-02T09:00:00Z',
      last: '2026-03-02T09:00:00Z',
      amount: '100000.00',
      created: '2026-03-12T00:00:00Z',
      reason: 'assignment test',
    })
    await h.store.run('fixture/insert-alert-transfer', {
      alert_id: id,
      tx_id: 'T-R1',
      run_id: 'run-scan-1',
    })
    const page = await loggedIn(h, 'analyst', errors)
    await page.goto(`${h.url}#/alert/${id}`)
    await page.waitForSelector('#assign-to')
    // the picker fills once /api/assignees answers
    await page.waitForSelector('#assign-to option:nth-child(2)', { state: 'attached' })
    const options = await page.$$eval('#assign-to option', (o) =>
      o.map((x) => (x as HTMLOptionElement).value),
    )
    expect(options).toEqual(['', 'ana', 'sue'])
    await page.selectOption('#assign-to', 'sue')
    await page.click('#act-assign')
    await expect.poll(() => page.textContent('.page-head .assignee')).toContain('sue')
    await page.context().close()
  })

  it('asks for a confirmation and a sentence before a false positive on a strong hit; the approver sees the proposal at the top', async () => {
    const analyst = await loggedIn(h, 'analyst', errors)
    await analyst.goto(`${h.url}#/alert/${RING_ALERT}`)
    await analyst.click('#act-start')
    await analyst.waitForSelector('#act-propose')
    await analyst.selectOption('#propose-outcome', 'closed_false_positive')
    // cite a transfer and the hit as evidence
    await analyst.check('#propose-evidence input[value="T-R1"]')
    await analyst.check(`#propose-evidence input[value="H-${RING[1]}-os-123"]`)
    await analyst.fill('#propose-reason', 'not him')
    await analyst.click('#act-propose')
    // the confirmation names the hit and refuses a reason shorter than a sentence
    await analyst.waitForSelector('#confirm-fp')
    expect(await analyst.textContent('#confirm-fp')).toContain('GULF PRECISION TRADING')
    expect(await analyst.textContent('#confirm-fp')).toContain('93%')
    await analyst.click('#confirm-fp-yes')
    expect(await analyst.textContent('#confirm-fp .error')).toMatch(/at least a sentence/)
    await analyst.fill(
      '#confirm-fp-reason',
      'Different company: the listed one is in Sharjah, ours in Dubai',
    )
    await analyst.screenshot({ path: `${SHOTS}/confirm-false-positive.png` })
    await analyst.click('#confirm-fp-yes')
    await analyst.waitForSelector('#four-eyes')

    const sup = await loggedIn(h, 'supervisor', errors)
    await sup.setViewportSize({ width: 1440, height: 900 })
    await sup.goto(`${h.url}#/alert/${RING_ALERT}`)
    await sup.waitForSelector('#review-banner')
    const banner = await sup.textContent('#review-banner')
    expect(banner).toContain('ana proposes: close as false positive')
    expect(banner).toContain('Different company: the listed one is in Sharjah, ours in Dubai')
    expect(banner).toContain('T-R1')
    expect(banner).toContain('os-123')
    // at the top: visible without scrolling
    const box = await sup.$eval('#review-banner', (e) => e.getBoundingClientRect().top)
    expect(box).toBeLessThan(300)
    await sup.screenshot({ path: `${SHOTS}/review-banner.png` })
    // approving asks again, with the approver's own sentence
    await sup.click('#act-approve')
    await sup.waitForSelector('#confirm-fp')
    await sup.fill('#confirm-fp-reason', 'Agreed: the registry shows a different company')
    await sup.click('#confirm-fp-yes')
    await sup.waitForSelector('.page-head .badge.st-closed_false_positive')
    expect(await sup.textContent('#decision')).toBe(
      "Closed as false positive by sue on ana's proposal",
    )
    const history = await sup.$$eval('.audit li', (l) => l.map((x) => x.textContent ?? ''))
    expect(
      history.some((t) =>
        t.includes('ana proposed to close as false positive — “Different company'),
      ),
    ).toBe(true)
    expect(
      history.some((t) => t.includes("sue approved ana's proposal: closed as false positive")),
    ).toBe(true)
    await sup.screenshot({ path: `${SHOTS}/decided.png`, fullPage: true })
    await analyst.context().close()
    await sup.context().close()
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([])
  })
})
