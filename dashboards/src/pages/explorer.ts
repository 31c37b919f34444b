// The network explorer (FIU analysts): search an account, draw its ego network coloured by Louvain
// community (force layout), click a node to expand its neighbours (capped, "+N more"), filter by
// dates and amounts (a filter that leaves no link is named), replay the links over time with the
// slider, and export the view as SVG, PNG or FollowTheMoney JSON. The page is its controls (the
// filters, read from and kept in the address), the graph it holds (loaded, merged on expansion,
// drawn), and the search results list.
import type { SearchResult } from '../../../src/schema/index.ts'
import { api, qs } from '../api.ts'
import { download, fragment, h, section } from '../dom.ts'
import type { Graph, GraphNode } from '../types.ts'
import { render, type NetworkView } from '../views/network.ts'
import { accountPanel } from './account-panel.ts'
import { ftmLines, pngBlob, svgBlob } from '../views/export.ts'
import { timeSlider } from '../views/time-slider.ts'

/** The filter controls, set from the address: #/explorer?account=…&hops=2&limit=50&from=…&to=…&min=…&max=… */
function filterControls(params: URLSearchParams) {
  const f = {
    hops: h(
      'select',
      { id: 'x-hops' },
      h('option', { value: '1' }, '1 hop'),
      h('option', { value: '2' }, '2 hops'),
      h('option', { value: '3' }, '3 hops'),
    ),
    from: h('input', { type: 'date', id: 'x-from' }),
    to: h('input', { type: 'date', id: 'x-to' }),
    min: h('input', {
      type: 'number',
      id: 'x-min',
      min: '0',
      step: '1000',
      placeholder: 'min',
      class: 'narrow',
    }),
    max: h('input', {
      type: 'number',
      id: 'x-max',
      min: '0',
      step: '1000',
      placeholder: 'max',
      class: 'narrow',
    }),
    limit: h('input', {
      type: 'number',
      id: 'x-limit',
      min: '1',
      max: '200',
      value: '15',
      class: 'narrow',
    }),
  }
  f.hops.value = params.get('hops') ?? '1'
  f.limit.value = params.get('limit') ?? '15'
  f.from.value = params.get('from') ?? ''
  f.to.value = params.get('to') ?? ''
  f.min.value = params.get('min') ?? ''
  f.max.value = params.get('max') ?? ''
  /** The filters as the network API takes them. */
  const values = () => ({
    from: f.from.value || undefined,
    to: f.to.value ? `${f.to.value}T23:59:59Z` : undefined,
    min_amount: f.min.value || undefined,
    max_amount: f.max.value || undefined,
    limit: f.limit.value || 15,
  })
  /** The filters named as the status line says them. */
  const range = (what: string, lo: string, hi: string) =>
    lo && hi ? `${what} ${lo} to ${hi}` : lo ? `${what} from ${lo}` : `${what} up to ${hi}`
  const describe = (which: 'dates' | 'amounts') =>
    which === 'dates'
      ? range('dates', f.from.value, f.to.value)
      : range('amounts', f.min.value, f.max.value)
  return { f, values, describe }
}

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`

/** The status line under the graph: its size, or why it has no link. */
function statusText(graph: Graph, describe: (w: 'dates' | 'amounts') => string): string {
  const size = `${plural(graph.nodes.length, 'account', 'accounts')}, ${plural(graph.edges.length, 'link', 'links')}`
  const m = graph.meta
  if (graph.edges.length || !m.emptied_by?.length)
    return `${size}${m.truncated ? ' (node cap reached)' : ''}`
  const which = m.emptied_by.map(describe).join(' and the ')
  const all = plural(m.unfiltered_transfers ?? 0, 'transfer', 'transfers')
  const those = m.emptied_by.length === 1 ? 'that filter' : 'those filters'
  return `No link: none of ${m.account}'s ${all} falls within the ${which}. Widen or clear ${those}.`
}

/** Adds a neighbourhood to the graph shown: new accounts and links, expansion marks. */
function mergeGraph(graph: Graph, g: Graph): void {
  const have = new Map(graph.nodes.map((n) => [n.id, n]))
  for (const n of g.nodes) {
    const old = have.get(n.id)
    if (!old) graph.nodes.push({ ...n, focus: false })
    else if (n.expanded) Object.assign(old, { expanded: true, more: n.more })
  }
  const edges = new Set(graph.edges.map((e) => e.id))
  for (const e of g.edges) if (!edges.has(e.id)) graph.edges.push(e)
}

/**
 * The search results as list items; picking an account opens it and closes the list, a transfer's
 * side opens that account and leaves the list.
 */
function searchItems(
  r: SearchResult,
  open: (account: string, closeList: boolean) => void,
): HTMLElement[] {
  const link = (account: string, closeList: boolean, text = account) =>
    h('button', { type: 'button', class: 'link', onclick: () => open(account, closeList) }, text)
  return [
    ...r.accounts.map((a) =>
      h(
        'li',
        {},
        link(a.account, true, a.name ?? a.account),
        ` ${a.account} (${a.country ?? '?'}) · ${a.tx_count} transfers`,
      ),
    ),
    ...r.transfers.map((t) =>
      h(
        'li',
        {},
        `transfer ${t.tx_id}: `,
        link(t.debtor_account, false),
        ' → ',
        link(t.creditor_account, false),
      ),
    ),
    ...r.alerts.map((a) =>
      h('li', {}, h('a', { href: `#/alert/${a.id}` }, a.id), ` ${a.typology}`),
    ),
  ]
}

type Filters = ReturnType<typeof filterControls>

/** Load: an account's neighbourhood, `hops` deep, under the filters. */
function fetchNetwork(
  account: string,
  hops: string | number,
  filters: Filters['values'],
): Promise<Graph> {
  return api.get<Graph>(`/network${qs({ account, hops, ...filters() })}`)
}

/** Render: the export buttons (SVG, PNG, FtM JSON) of the view shown. */
function exportBar(shown: () => { view?: NetworkView; account: string | null; graph: Graph }) {
  const button = (id: string, text: string, onclick: () => unknown) =>
    h('button', { type: 'button', id, onclick }, text)
  return h(
    'div',
    { class: 'exports' },
    button('x-svg', 'SVG', () => {
      const { view, account } = shown()
      if (view) download(`${account}.svg`, svgBlob(view.svg))
    }),
    button('x-png', 'PNG', async () => {
      const { view, account } = shown()
      if (view) download(`${account}.png`, await pngBlob(view.svg))
    }),
    button('x-ftm', 'FtM JSON', () => {
      const { graph, account } = shown()
      download(`${account}.ftm.json`, new Blob([ftmLines(graph)], { type: 'application/json' }))
    }),
  )
}

/** Render: the page's parts in place: search, filters, the network with its slider, the profile. */
function explorerLayout(
  parts: {
    search: HTMLElement
    results: HTMLElement
    f: Filters['f']
    exports: HTMLElement
    box: HTMLElement
    slider: HTMLElement
    status: HTMLElement
    profile: HTMLElement
  },
  on: { find: () => void; filter: () => void },
): HTMLElement[] {
  const { f } = parts
  return [
    h('div', { class: 'page-head' }, h('h1', {}, 'Network explorer')),
    h(
      'form',
      {
        class: 'filters',
        id: 'x-search-form',
        onsubmit: (e: Event) => {
          e.preventDefault()
          on.find()
        },
      },
      h('label', { class: 'grow' }, parts.search),
      h('button', { type: 'submit' }, 'Search'),
    ),
    parts.results,
    h(
      'form',
      {
        class: 'filters',
        onchange: on.filter,
        onsubmit: (e: Event) => e.preventDefault(),
      },
      h('label', {}, 'Depth ', f.hops),
      h('label', {}, 'From ', f.from),
      h('label', {}, 'To ', f.to),
      h('label', {}, 'Amount ', f.min, ' – ', f.max),
      h('label', {}, 'Per node ', f.limit),
      parts.exports,
    ),
    h(
      'div',
      { class: 'columns' },
      h(
        'div',
        { class: 'col main' },
        section(
          'Network',
          parts.box,
          parts.slider,
          parts.status,
          h(
            'p',
            { class: 'legend' },
            'Colour: Louvain community. Click a node to expand its counterparties; ⚠ watch-list hit; +N: counterparties not shown. Links: transfers collapsed per pair and currency (n× amount currency); the slider fades links first seen after its time.',
          ),
        ),
      ),
      h('div', { class: 'col side' }, parts.profile),
    ),
  ]
}

export function explorerPage(app: HTMLElement, params: URLSearchParams): () => void {
  let graph: Graph = { nodes: [], edges: [], meta: {} }
  let view: NetworkView | undefined
  let account = params.get('account')
  const { f, values: filters, describe } = filterControls(params)
  const slider = timeSlider()
  const search = h('input', {
    type: 'search',
    id: 'x-search',
    placeholder: 'account, name or transfer id',
  })
  const results = h('ul', { class: 'results', id: 'x-results' })
  const status = h('p', { class: 'muted', id: 'x-status' })
  const box = h('div', { class: 'network-box', id: 'explorer-network' })
  const profile = h('div', { id: 'x-profile' })
  const exports = exportBar(() => ({ view, account, graph }))
  app.append(
    fragment(
      explorerLayout(
        { search, results, f, exports, box, slider: slider.el, status, profile },
        { find: () => void find(), filter: () => account && void load(account, true) },
      ),
    ),
  )

  const draw = (keep: boolean) => {
    const positions = keep ? view?.positions() : undefined
    view?.destroy()
    const width = Math.max(520, box.clientWidth || 800)
    view = render(box, graph, {
      width,
      height: 560,
      layout: 'force',
      colorBy: 'community',
      positions,
      onNodeClick: (n) => void expand(n),
    })
    slider.bind(
      view,
      graph.edges.map((e) => Date.parse(e.first_ts)),
    )
    status.textContent = statusText(graph, describe)
  }
  const load = async (acc: string, reset: boolean) => {
    account = acc
    status.textContent = 'loading…'
    try {
      const g = await fetchNetwork(acc, f.hops.value, filters)
      if (reset) graph = g
      else mergeGraph(graph, g)
      draw(!reset)
      void showProfile(acc)
    } catch (e) {
      status.textContent = (e as Error).message
    }
  }
  const expand = async (n: GraphNode) => {
    if (n.expanded) return void showProfile(n.id)
    mergeGraph(graph, await fetchNetwork(n.id, 1, filters))
    draw(true)
    void showProfile(n.id)
  }
  const showProfile = async (acc: string) => profile.replaceChildren(await accountPanel(acc))
  const find = async () => {
    const q = search.value.trim()
    if (q.length < 2) return
    const r = await api.get<SearchResult>(`/search${qs({ q })}`)
    results.replaceChildren(
      fragment(
        searchItems(r, (acc, closeList) => {
          if (closeList) results.replaceChildren()
          void load(acc, true)
        }),
      ),
    )
    if (!results.children.length) results.append(h('li', { class: 'muted' }, 'nothing found'))
  }
  if (account) {
    search.value = account
    void load(account, true)
  } else status.textContent = 'Search an account to start.'
  return () => {
    slider.stop()
    view?.destroy()
  }
}
