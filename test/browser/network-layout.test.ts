// The network views' layouts and labels in a real browser: a ring drawn as a circle, a 3-layer stack
// and a 16-branch fan-in drawn in layers left to right, a 2,000-account ego network drawn by force;
// in each, no two labels' boxes overlap and no label covers an account; pattern edge labels sit
// beside their line and carry the currency; long names end in an ellipsis with the full name in
// the title; the alert's one-hop context is dimmed and can be hidden; the explorer's time slider and
// its message when a filter leaves no link. Screenshots go to test-results/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { HAVE_CHROMIUM, SHOTS, loggedIn, startHarness, type Harness } from './harness.ts'
import { FILE_ID, RING, RING_ALERT, alert } from '../server-fixture.ts'
import type { Store } from '../../src/store/index.ts'

const STACK_ALERT = 'A-0000000005ac'
const FAN_ALERT = 'A-0000000006a1'
const CHAIN_ALERT = 'A-0000000007c1'
const LONG_NAME = 'Kowloon Precision Instruments International Trading Company Limited'

let row = 10_000
async function pay(
  store: Store,
  tx: string,
  ts: string,
  amount: number,
  from: [string, string],
  to: [string, string],
  currency = 'EUR',
) {
  await store.run('fixture/insert-payment', {
    tx_id: tx,
    ts,
    amount: amount.toFixed(2),
    currency,
    debtor_account: from[0],
    debtor_name: from[1],
    debtor_country: 'HK',
    creditor_account: to[0],
    creditor_name: to[1],
    creditor_country: 'AE',
    purpose: null,
    hs_code: null,
    file_id: FILE_ID,
    source_row: ++row,
  })
}

/** A 3-layer stack (4 → 4 → 4 accounts, every account of a layer paying every one of the next). */
async function seedStack(store: Store) {
  const layer = (k: number) =>
    [0, 1, 2, 3].map((i): [string, string] => [
      `HK${k}${i}STACK00000000${k}${i}`,
      k === 0 && i === 0 ? LONG_NAME : `Layer ${k} Trading ${i} Ltd`,
    ])
  const layers = [layer(0), layer(1), layer(2)]
  const txs: string[] = []
  for (let k = 0; k < 2; k++)
    for (const [i, a] of layers[k].entries())
      for (const [j, b] of layers[k + 1].entries()) {
        const tx = `T-S${k}${i}${j}`
        await pay(
          store,
          tx,
          `2026-04-0${1 + k}T${10 + i}:${10 + j}:00Z`,
          24_000 - 1000 * k - j,
          a,
          b,
        )
        txs.push(tx)
      }
  // context: a payer of the first layer and a payee of the last, outside the pattern
  await pay(
    store,
    'T-SC1',
    '2026-03-30T09:00:00Z',
    400_000,
    ['CHSOURCE0000000001', 'Alpine Funding AG'],
    layers[0][1],
  )
  await pay(
    store,
    'T-SC2',
    '2026-04-05T09:00:00Z',
    90_000,
    layers[2][2],
    ['RUSINK000000000001', 'Volga Components OOO'],
    'USD',
  )
  await insertAlert(
    store,
    STACK_ALERT,
    'stack',
    layers.flat().map((a) => a[0]),
    txs,
    '2026-04-01',
    '2026-04-02',
  )
}

/** A fan-in: 16 accounts each paying one collector within a day. */
async function seedFan(store: Store) {
  const sink: [string, string] = ['AEFANSINK000000001', 'Desert Falcon General Trading LLC']
  const txs: string[] = []
  const accounts = [sink[0]]
  for (let i = 0; i < 16; i++) {
    const src: [string, string] = [
      `GBFANSRC0000000${String(i).padStart(3, '0')}`,
      `Branch ${i} Machinery Imports Ltd`,
    ]
    const tx = `T-F${i}`
    await pay(
      store,
      tx,
      `2026-04-10T${String(8 + (i % 10)).padStart(2, '0')}:${String(i * 3).padStart(2, '0')}:00Z`,
      9_000 + i * 10,
      src,
      sink,
    )
    txs.push(tx)
    accounts.push(src[0])
  }
  await pay(store, 'T-FC1', '2026-04-11T09:00:00Z', 140_000, sink, [
    'IRONWARD0000000001',
    'Onward Holdings',
  ])
  await insertAlert(store, FAN_ALERT, 'fan_in', accounts, txs, '2026-04-10', '2026-04-10')
}

/** A layering chain of 8 hops through 9 accounts. */
async function seedChain(store: Store): Promise<string[]> {
  const acc = (i: number): [string, string] => [
    `PLCHAIN00000000000${i}`,
    `Chain Link ${i} Sp. z o.o.`,
  ]
  const txs: string[] = []
  for (let i = 0; i < 8; i++) {
    await pay(
      store,
      `T-C${i}`,
      `2026-04-2${i < 5 ? 1 : 2}T1${i}:00:00Z`,
      50_000 - 900 * i,
      acc(i),
      acc(i + 1),
    )
    txs.push(`T-C${i}`)
  }
  const accounts = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => acc(i)[0])
  await insertAlert(store, CHAIN_ALERT, 'layering', accounts, txs, '2026-04-21', '2026-04-22')
  return accounts
}

async function insertAlert(
  store: Store,
  id: string,
  typology: string,
  accounts: string[],
  txs: string[],
  first: string,
  last: string,
) {
  await alert(store, {
    id,
    typology,
    score: 50,
    status: 'new',
    accounts,
    first: `${first}T00:00:00Z`,
    last: `${last}T23:00:00Z`,
    amount: '100000.00',
    created: '2026-04-12T00:00:00Z',
    reason: `${typology} test`,
  })
  for (const tx of txs)
    await store.run('fixture/insert-alert-transfer', {
      alert_id: id,
      tx_id: tx,
      run_id: 'run-scan-1',
    })
}

type Rect = { x: number; y: number; w: number; h: number; text: string }

/** The boxes (screen pixels) of every label shown in a network box, and of every account's circle. */
async function drawn(page: Page, box: string): Promise<{ labels: Rect[]; circles: Rect[] }> {
  return page.$eval(box, (el) => {
    const visible = (e: Element) => {
      const s = getComputedStyle(e)
      const r = e.getBoundingClientRect()
      return s.visibility !== 'hidden' && s.display !== 'none' && r.width > 0
    }
    const rect = (e: Element) => {
      const r = e.getBoundingClientRect()
      return { x: r.x, y: r.y, w: r.width, h: r.height, text: e.textContent ?? '' }
    }
    return {
      labels: [...el.querySelectorAll('.node .name, .node .more, .edge-label')]
        .filter(visible)
        .map(rect),
      circles: [...el.querySelectorAll('.node circle')].filter(visible).map(rect),
    }
  })
}

/** Pairs of boxes that overlap by more than `slack` pixels each way. */
function overlapping(a: Rect[], b: Rect[] | null, slack = 0.5): Array<[string, string]> {
  const out: Array<[string, string]> = []
  const hit = (p: Rect, q: Rect) =>
    p.x < q.x + q.w - slack &&
    q.x < p.x + p.w - slack &&
    p.y < q.y + q.h - slack &&
    q.y < p.y + p.h - slack
  for (let i = 0; i < a.length; i++)
    for (let j = b ? 0 : i + 1; j < (b ?? a).length; j++)
      if (hit(a[i], (b ?? a)[j])) out.push([a[i].text, (b ?? a)[j].text])
  return out
}

/** Labels of pattern edges whose box the edge's own line passes through. */
async function labelsOnTheirLine(page: Page, box: string): Promise<string[]> {
  return page.$eval(box, (el) => {
    const out: string[] = []
    const labels = [...el.querySelectorAll('.edge-label.ring:not(.hidden)')]
    const edges = [...el.querySelectorAll<SVGPathElement>('.edge.ring')]
    for (const label of labels) {
      const order = (label.textContent ?? '').match(/^#(\d+)/)?.[1]
      const path = edges.find((p) => p.getAttribute('data-order') === order)!
      const r = label.getBoundingClientRect()
      const m = path.getScreenCTM()!
      const len = path.getTotalLength()
      for (let s = 0; s <= len; s += 1) {
        const p = path.getPointAtLength(s).matrixTransform(m)
        if (p.x > r.x + 0.5 && p.x < r.right - 0.5 && p.y > r.y + 0.5 && p.y < r.bottom - 0.5) {
          out.push(label.textContent ?? '')
          break
        }
      }
    }
    return out
  })
}

/** Centres (screen pixels) of the pattern's accounts. */
async function patternCentres(
  page: Page,
  box: string,
): Promise<Array<{ id: string; x: number; y: number }>> {
  return page.$$eval(`${box} .node.focus circle`, (cs) =>
    cs.map((c) => {
      const r = c.getBoundingClientRect()
      return {
        id: c.parentElement!.getAttribute('data-id')!,
        x: r.x + r.width / 2,
        y: r.y + r.height / 2,
      }
    }),
  )
}

/** Distinct values, rounded to `tol` pixels. */
const columns = (xs: number[], tol = 2) =>
  [...new Set(xs.map((x) => Math.round(x / tol)))].sort((a, b) => a - b).length

describe.skipIf(!HAVE_CHROMIUM)('network layouts and labels in chromium', () => {
  let h: Harness
  let chain: string[]
  const errors: string[] = []
  beforeAll(async () => {
    h = await startHarness()
    await seedStack(h.store)
    await seedFan(h.store)
    chain = await seedChain(h.store)
    await h.store.run('fixture/insert-star', { center: 'STAR-CENTER', width: 44 })
  })
  afterAll(async () => h?.close())

  const openAlert = async (id: string) => {
    const page = await loggedIn(h, 'analyst', errors)
    await page.goto(`${h.url}#/alert/${id}`)
    // attached, not visible: a horizontal line has no height, which playwright calls invisible
    await page.waitForSelector('#alert-network svg .edge.ring', { state: 'attached' })
    return page
  }

  const expectClean = async (page: Page, box: string) => {
    const { labels, circles } = await drawn(page, box)
    expect(labels.length).toBeGreaterThan(0)
    expect(overlapping(labels, null)).toEqual([])
    expect(overlapping(labels, circles)).toEqual([])
    expect(await labelsOnTheirLine(page, box)).toEqual([])
    return labels
  }

  it('draws a ring as a circle in hop order, labels clear of each other and of the lines', async () => {
    const page = await openAlert(RING_ALERT)
    expect(await page.getAttribute('#alert-network svg', 'class')).toContain('layout-circle')
    const c = await patternCentres(page, '#alert-network')
    const cx = c.reduce((s, p) => s + p.x, 0) / c.length
    const cy = c.reduce((s, p) => s + p.y, 0) / c.length
    const radii = c.map((p) => Math.hypot(p.x - cx, p.y - cy))
    expect(Math.max(...radii) - Math.min(...radii)).toBeLessThan(1.5)
    // the ring's first account at the top, then clockwise in hop order
    expect(c.find((p) => p.id === RING[0])!.y).toBeCloseTo(Math.min(...c.map((p) => p.y)), 0)
    const labels = await expectClean(page, '#alert-network')
    const texts = labels.map((l) => l.text)
    expect(texts).toEqual(
      expect.arrayContaining(['#1 · 100k EUR ⚙', '#2 · 96k EUR', '#3 · 93k EUR', '#4 · 90k EUR']),
    )
    expect(texts).toContain('Rheinmetall Handels GmbH')
    await page.screenshot({ path: `${SHOTS}/layout-ring.png` })
    await page.context().close()
  })

  it('draws a 3-layer stack in three columns left to right, with its context dimmed and hideable', async () => {
    const page = await openAlert(STACK_ALERT)
    expect(await page.getAttribute('#alert-network svg', 'class')).toContain('layout-layered')
    const c = await patternCentres(page, '#alert-network')
    expect(c).toHaveLength(12)
    expect(columns(c.map((p) => p.x))).toBe(3)
    // every pattern edge runs left to right
    const x = new Map(c.map((p) => [p.id, p.x]))
    const first = c.filter((p) => p.id.startsWith('HK0')).map((p) => p.x)
    const last = c.filter((p) => p.id.startsWith('HK2')).map((p) => p.x)
    expect(Math.max(...first)).toBeLessThan(Math.min(...last))
    expect(x.size).toBe(12)
    await expectClean(page, '#alert-network')
    // a long name: cut with an ellipsis, whole in the title
    const long = await page.$eval('#alert-network .node[data-id="HK00STACK0000000000"]', (n) => ({
      label: n.querySelector('.name')!.textContent,
      title: n.querySelector('title')!.textContent,
    }))
    expect(long.label).toMatch(/^Kowloon Precision .*…$/)
    expect(long.label!.length).toBeLessThanOrEqual(24)
    expect(long.title).toContain(LONG_NAME)
    // the one-hop context: the first layer's payer and the last layer's payee (in USD), dimmed
    const ctx = await page.$$eval('#alert-network .node.ctx', (n) =>
      n.map((x) => x.getAttribute('data-id')).sort(),
    )
    expect(ctx).toEqual(['CHSOURCE0000000001', 'RUSINK000000000001'])
    expect(
      await page.$$eval('#alert-network .edge-label.ctx', (t) =>
        t.map((x) => x.textContent).sort(),
      ),
    ).toEqual(['400k EUR', '90k USD'])
    expect(
      Number(await page.$eval('#alert-network .node.ctx', (n) => getComputedStyle(n).opacity)),
    ).toBeLessThan(1)
    await page.screenshot({ path: `${SHOTS}/layout-stack.png` })
    // the transfers' times on one line each (a range's client rects: one per line it spans)
    const lines = await page.$$eval('table.transfers td.ts', (tds) =>
      tds.map((td) => {
        const r = document.createRange()
        r.selectNodeContents(td)
        return r.getClientRects().length
      }),
    )
    expect(lines).toHaveLength(32)
    expect(lines.every((n) => n === 1)).toBe(true)
    await page.click('#ctx-toggle')
    expect(
      await page.$$eval(
        '#alert-network .node',
        (n) => n.filter((x) => getComputedStyle(x).display !== 'none').length,
      ),
    ).toBe(12)
    await expectClean(page, '#alert-network')
    await page.screenshot({ path: `${SHOTS}/layout-stack-no-context.png` })
    await page.context().close()
  })

  it('draws a 16-branch fan-in as two layers, every label (all 16 amounts) shown and clear', async () => {
    const page = await openAlert(FAN_ALERT)
    expect(await page.getAttribute('#alert-network svg', 'class')).toContain('layout-layered')
    const c = await patternCentres(page, '#alert-network')
    expect(c).toHaveLength(17)
    const sink = c.find((p) => p.id === 'AEFANSINK000000001')!
    const sources = c.filter((p) => p !== sink)
    expect(columns(sources.map((p) => p.x))).toBe(1)
    expect(sources.every((p) => p.x < sink.x)).toBe(true)
    const labels = await expectClean(page, '#alert-network')
    // every account's name is shown (16 sources, the collector, the onward payee)
    const names = labels.filter((l) => /Branch \d+ Machinery|Desert Falcon/.test(l.text))
    expect(names).toHaveLength(17)
    // every branch's hop number and amount is shown (none left only to its hover title), and
    // expectClean holds them clear of each other, of every account and of their own line
    const amounts = labels.filter((l) => l.text.startsWith('#')).map((l) => l.text)
    expect(amounts.map((t) => Number(t.match(/^#(\d+)/)![1])).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 16 }, (_, i) => i + 1),
    )
    for (const t of amounts) expect(t).toMatch(/^#\d+ · 9\.\dk EUR$/)
    expect(
      await page.$$eval('#alert-network .edge-label.ring.hidden', (t) =>
        t.map((x) => x.textContent),
      ),
    ).toEqual([])
    await page.screenshot({ path: `${SHOTS}/layout-fan-in.png` })
    await page.context().close()
  })

  it('draws an 8-hop layering chain left to right in hop order', async () => {
    const page = await openAlert(CHAIN_ALERT)
    const c = await patternCentres(page, '#alert-network')
    const x = chain.map((id) => c.find((p) => p.id === id)!.x)
    for (let i = 1; i < x.length; i++) expect(x[i]).toBeGreaterThan(x[i - 1] + 20)
    const labels = await expectClean(page, '#alert-network')
    expect(labels.filter((l) => l.text.startsWith('#'))).toHaveLength(8)
    await page.screenshot({ path: `${SHOTS}/layout-chain.png` })
    await page.context().close()
  })

  it('draws a 2,000-account ego network by force with no overlapping labels', async () => {
    const page = await loggedIn(h, 'fiu_viewer', errors)
    await page.goto(`${h.url}#/explorer?account=STAR-CENTER&hops=2&limit=50`)
    await page.waitForFunction(
      () => document.querySelectorAll('#explorer-network .node').length > 1900,
      undefined,
      { timeout: 30_000 },
    )
    expect(await page.getAttribute('#explorer-network svg', 'class')).toContain('layout-force')
    const { labels, circles } = await drawn(page, '#explorer-network')
    console.log(`2,000-account view: ${labels.length} labels shown`)
    expect(labels.length).toBeGreaterThan(50)
    expect(overlapping(labels, null)).toEqual([])
    expect(overlapping(labels, circles)).toEqual([])
    expect(await page.textContent('#x-status')).toBe('1,981 accounts, 1,980 links')
    await page.screenshot({ path: `${SHOTS}/layout-explorer-2000.png` })
    await page.context().close()
  })

  it('explorer: edge labels with currency, the time slider, and a message naming the filter that emptied the graph', async () => {
    const page = await loggedIn(h, 'fiu_viewer', errors)
    await page.goto(`${h.url}#/explorer?account=${RING[1]}&hops=2&limit=15`)
    await page.waitForSelector('#explorer-network svg .edge-label')
    const texts = await page.$$eval('#explorer-network .edge-label', (t) =>
      t.map((x) => x.textContent ?? ''),
    )
    expect(texts.length).toBeGreaterThan(2)
    for (const t of texts) expect(t).toMatch(/ EUR$/)
    // the account panel: amounts with their currency, times on one line
    await page.waitForSelector('#x-profile .ts')
    expect(await page.textContent('#x-profile')).toContain('96,000.00 EUR')
    const seen = await page.$$eval('#x-profile .ts', (s) =>
      s.map((x) => {
        const r = document.createRange()
        r.selectNodeContents(x)
        return r.getClientRects().length
      }),
    )
    expect(seen).toEqual([1, 1])
    await expectClean(page, '#explorer-network')
    // slider at the start: every link first seen later fades
    await page.$eval('#time-slider', (el) => {
      const s = el as HTMLInputElement
      s.value = '0'
      s.dispatchEvent(new Event('input'))
    })
    const edges = await page.$$eval('#explorer-network .edge', (e) => e.length)
    const future = await page.$$eval('#explorer-network .edge.future', (e) => e.length)
    expect(future).toBeGreaterThan(0)
    expect(future).toBeLessThan(edges)
    // a date range with no transfer of the account
    await page.fill('#x-from', '2027-01-01')
    await page.dispatchEvent('#x-from', 'change')
    await expect
      .poll(() => page.textContent('#x-status'))
      .toBe(
        `No link: none of ${RING[1]}'s 2 transfers falls within the dates from 2027-01-01. Widen or clear that filter.`,
      )
    await page.screenshot({ path: `${SHOTS}/explorer-empty.png` })
    await page.context().close()
    expect(errors).toEqual([])
  })
})
