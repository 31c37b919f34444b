// The alert queue: a sortable, filterable table with score bars and typology badges, keyset
// paging ("Load more"), and keyboard navigation (j/k to move, Enter to open, / to search).
import { api, qs } from '../api.ts'
import { badge, download, fragment, h, money, scoreBar, when, label, day } from '../dom.ts'
import type { AlertSummary, Me } from '../types.ts'

const STATUSES = [
  'new',
  'in_review',
  'escalated',
  'proposed_close',
  'proposed_report',
  'closed_false_positive',
  'closed_benign',
  'reported',
]
const OPEN = 'new,in_review,escalated,proposed_close,proposed_report'
const TYPOLOGIES = [
  'cycle',
  'layering',
  'scatter_gather',
  'gather_scatter',
  'bipartite',
  'stack',
  'fan_in',
  'fan_out',
  'structuring',
  'sanctions',
  'goods_mismatch',
]
const COLUMNS: Array<[string, string, string | null]> = [
  ['score', 'Score', 'score'],
  ['id', 'Alert', null],
  ['typology', 'Typology', null],
  ['status', 'Status', null],
  ['accounts', 'Accounts', null],
  ['total_amount', 'Amount (base)', 'total_amount'],
  ['first_ts', 'First', 'first_ts'],
  ['last_ts', 'Last', 'last_ts'],
  ['assignee', 'Assignee', null],
]

interface QueueState {
  status: string
  typology: string
  score_min: string
  q: string
  assignee: string
  from: string
  to: string
  sort: string
  order: 'asc' | 'desc'
}

const saved = (): QueueState => ({
  status: OPEN,
  typology: '',
  score_min: '',
  q: '',
  assignee: '',
  from: '',
  to: '',
  sort: 'score',
  order: 'desc',
  ...(JSON.parse(sessionStorage.getItem('ringwatch.queue') ?? '{}') as Partial<QueueState>),
})

/** The amount in the base currency (what the column sorts by), the original amount beneath. */
function amountCell(a: AlertSummary): HTMLElement {
  const original = money(a.total_amount, a.currency)
  if (a.total_amount_base === null || a.base_currency === null)
    return h('td', { class: 'num', title: 'no reference rate: original amount' }, original)
  const base = money(a.total_amount_base, a.base_currency)
  const title = `in ${a.base_currency}; originally ${original}`
  if (a.currency === a.base_currency) return h('td', { class: 'num', title }, base)
  return h('td', { class: 'num', title }, base, h('div', { class: 'sub' }, original))
}

export function queuePage(app: HTMLElement, navigate: (hash: string) => void, me: Me): () => void {
  const state = saved()
  let rows: AlertSummary[] = []
  let cursor: string | null = null
  let selected = 0
  const tbody = h('tbody')
  const count = h('span', { class: 'count' })
  const more = h('button', { type: 'button', id: 'load-more' }, 'Load more')
  const select = (name: keyof QueueState, options: Array<[string, string]>) => {
    const s = h(
      'select',
      { name, id: `f-${name}` },
      options.map(([v, t]) => h('option', { value: v }, t)),
    )
    s.value = state[name]
    s.addEventListener('change', () => set(name, s.value))
    return s
  }
  const input = (name: keyof QueueState, attrs: Record<string, string>) => {
    const i = h('input', { name, id: `f-${name}`, ...attrs })
    i.value = state[name]
    i.addEventListener('change', () => set(name, i.value.trim()))
    return i
  }
  const set = (name: keyof QueueState, v: string) => {
    ;(state as unknown as Record<string, string>)[name] = v
    sessionStorage.setItem('ringwatch.queue', JSON.stringify(state))
    void load(true)
  }
  const search = input('q', { type: 'search', placeholder: 'alert id, account or reason  ( / )' })
  const filters = h(
    'form',
    { class: 'filters', onsubmit: (e: Event) => e.preventDefault() },
    h(
      'label',
      {},
      'Status ',
      select('status', [
        [OPEN, 'open'],
        ['', 'all'],
        ...STATUSES.map((s): [string, string] => [s, label(s)]),
      ]),
    ),
    h(
      'label',
      {},
      'Typology ',
      select('typology', [['', 'all'], ...TYPOLOGIES.map((t): [string, string] => [t, label(t)])]),
    ),
    h(
      'label',
      {},
      'Score ≥ ',
      input('score_min', { type: 'number', min: '0', max: '100', step: '5', class: 'narrow' }),
    ),
    h('label', {}, 'From ', input('from', { type: 'date' })),
    h('label', {}, 'To ', input('to', { type: 'date' })),
    h(
      'label',
      {},
      'Assignee ',
      input('assignee', { type: 'text', class: 'narrow', placeholder: 'anyone' }),
    ),
    h('label', { class: 'grow' }, search),
  )
  const head = h(
    'tr',
    {},
    COLUMNS.map(([key, title, sort]) => {
      const th = h('th', { scope: 'col', class: key }, title)
      if (sort) {
        th.classList.add('sortable')
        th.tabIndex = 0
        if (state.sort === sort)
          th.setAttribute('aria-sort', state.order === 'asc' ? 'ascending' : 'descending')
        const go = () => {
          state.order = state.sort === sort && state.order === 'desc' ? 'asc' : 'desc'
          state.sort = sort
          for (const o of head.querySelectorAll('th')) o.removeAttribute('aria-sort')
          th.setAttribute('aria-sort', state.order === 'asc' ? 'ascending' : 'descending')
          set('sort', sort)
        }
        th.addEventListener('click', go)
        th.addEventListener('keydown', (e) => e.key === 'Enter' && go())
      }
      return th
    }),
  )
  const table = h('table', { class: 'queue', id: 'queue' }, h('thead', {}, head), tbody)
  const exportAs = async (format: 'csv' | 'jsonl', ext: string) => {
    try {
      const blob = await api.file('/exports', { format, ids: rows.map((r) => r.id) })
      download(`ringwatch-alerts.${ext}`, blob)
    } catch (e) {
      count.textContent = `export failed: ${(e as Error).message}`
    }
  }
  const exports = me.permissions.includes('alerts:export')
    ? h(
        'span',
        { class: 'exports' },
        h(
          'button',
          { type: 'button', id: 'export-csv', onclick: () => void exportAs('csv', 'csv') },
          'Export shown (CSV)',
        ),
        h(
          'button',
          { type: 'button', id: 'export-jsonl', onclick: () => void exportAs('jsonl', 'jsonl') },
          'JSONL',
        ),
      )
    : null
  app.append(
    h(
      'div',
      { class: 'page-head' },
      h('h1', {}, 'Alert queue'),
      count,
      h('span', { class: 'hint' }, 'j / k to move · Enter to open · / to search'),
      exports,
    ),
    filters,
    h('div', { class: 'table-wrap' }, table),
    more,
  )

  const rowOf = (a: AlertSummary, i: number) => {
    const tr = h(
      'tr',
      { 'data-id': a.id, class: i === selected ? 'selected' : '' },
      h('td', { class: 'score' }, scoreBar(a.score)),
      h('td', { class: 'id' }, h('a', { href: `#/alert/${a.id}` }, a.id)),
      h('td', {}, badge(a.typology, `typ-${a.typology}`)),
      h('td', {}, badge(a.status, `st-${a.status}`)),
      h(
        'td',
        { class: 'accounts', title: a.accounts.join('\n') },
        `${a.accounts.slice(0, 2).join(', ')}${a.account_count > 2 ? ` +${a.account_count - 2}` : ''}`,
      ),
      amountCell(a),
      h('td', {}, when(a.first_ts)),
      h('td', {}, day(a.last_ts)),
      h('td', {}, a.assignee ?? '—'),
    )
    tr.addEventListener('click', (e) => {
      if ((e.target as Element).closest('a')) return
      navigate(`#/alert/${a.id}`)
    })
    return tr
  }
  const paint = () => {
    tbody.replaceChildren(fragment(rows.map(rowOf)))
    if (!rows.length)
      tbody.append(
        h(
          'tr',
          {},
          h('td', { colspan: COLUMNS.length, class: 'empty' }, 'No alerts match these filters.'),
        ),
      )
    more.hidden = !cursor
  }
  const load = async (reset: boolean) => {
    if (reset) {
      cursor = null
      selected = 0
    }
    const params = {
      status: state.status,
      typology: state.typology,
      score_min: state.score_min,
      q: state.q,
      assignee: state.assignee,
      from: state.from,
      to: state.to ? `${state.to}T23:59:59Z` : '',
      sort: state.sort,
      order: state.order,
      limit: 50,
      cursor: reset ? undefined : cursor,
    }
    try {
      const page = await api.get<{
        total: number
        alerts: AlertSummary[]
        next_cursor: string | null
      }>(`/alerts${qs(params)}`)
      rows = reset ? page.alerts : rows.concat(page.alerts)
      cursor = page.next_cursor
      count.textContent = `${page.total.toLocaleString('en')} alert${page.total === 1 ? '' : 's'}`
      paint()
    } catch (e) {
      count.textContent = `could not load alerts: ${(e as Error).message}`
    }
  }
  more.addEventListener('click', () => void load(false))

  const move = (d: number) => {
    if (!rows.length) return
    selected = Math.max(0, Math.min(rows.length - 1, selected + d))
    for (const [i, tr] of [...tbody.children].entries())
      tr.classList.toggle('selected', i === selected)
    tbody.children[selected]?.scrollIntoView({ block: 'nearest' })
  }
  const onKey = (e: KeyboardEvent) => {
    const t = e.target as HTMLElement
    if (t.closest('input, select, textarea')) {
      if (e.key === 'Escape') t.blur()
      return
    }
    if (e.key === 'j') move(1)
    else if (e.key === 'k') move(-1)
    else if (e.key === 'Enter' && rows[selected]) navigate(`#/alert/${rows[selected].id}`)
    else if (e.key === '/') {
      e.preventDefault()
      search.focus()
    } else return
  }
  document.addEventListener('keydown', onKey)
  void load(true)
  return () => document.removeEventListener('keydown', onKey)
}
