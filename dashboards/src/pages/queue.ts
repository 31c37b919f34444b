// The alert queue: a sortable, filterable table with score bars and typology badges, the parties,
// countries and goods of each alert, keyset paging ("Load more"), search as you type (party names,
// accounts, list entries, reason text; debounced) with the filters kept in the URL, and keyboard
// navigation (j/k to move, Enter to open, / to search).
import { api, qs } from '../api.ts'
import { badge, download, fragment, h, money, scoreBar, when, label, day } from '../dom.ts'
import type { AlertSummary, Me } from '../types.ts'
import { ALERT_STATUSES, OUTCOMES, TYPOLOGIES } from '../../../src/schema/enums.ts'

// the values only (src/schema/enums.ts imports nothing: no zod in the bundle)
const STATUSES = ALERT_STATUSES
const OPEN = ALERT_STATUSES.filter((s) => !(OUTCOMES as readonly string[]).includes(s)).join(',')
const COLUMNS: Array<[string, string, string | null]> = [
  ['score', 'Score', 'score'],
  ['id', 'Alert', null],
  ['typology', 'Typology', null],
  ['status', 'Status', null],
  ['parties', 'Parties', null],
  ['countries', 'Countries', null],
  ['goods', 'Goods', null],
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

const DEFAULTS: QueueState = {
  status: OPEN,
  typology: '',
  score_min: '',
  q: '',
  assignee: '',
  from: '',
  to: '',
  sort: 'score',
  order: 'desc',
}

/** The filters: those in the URL (#/queue?q=…) win, then the tab's last ones, then the defaults. */
function saved(params: URLSearchParams): QueueState {
  const state: QueueState = {
    ...DEFAULTS,
    ...(JSON.parse(sessionStorage.getItem('ringwatch.queue') ?? '{}') as Partial<QueueState>),
  }
  if ([...params.keys()].length) {
    Object.assign(state, DEFAULTS)
    for (const k of Object.keys(DEFAULTS) as Array<keyof QueueState>) {
      const v = params.get(k)
      if (v !== null) (state as unknown as Record<string, string>)[k] = v
    }
    if (state.order !== 'asc') state.order = 'desc'
  }
  return state
}

/** The filters that differ from the defaults, as the URL keeps them. */
function urlOf(state: QueueState): string {
  const u = new URLSearchParams()
  for (const k of Object.keys(DEFAULTS) as Array<keyof QueueState>)
    if (state[k] !== DEFAULTS[k]) u.set(k, state[k])
  const s = u.toString()
  return s ? `#/queue?${s}` : '#/queue'
}

/** How long typing pauses before the queue is searched (ms). */
const SEARCH_DEBOUNCE_MS = 250

/** The first party names and "+N more"; the accounts beneath. */
function partiesCell(a: AlertSummary): HTMLElement {
  const more = a.party_count - a.parties.length
  const names = a.parties.length ? a.parties.join(', ') : '—'
  return h(
    'td',
    { class: 'parties', title: `${a.accounts.join('\n')}` },
    h(
      'div',
      { class: 'names' },
      a.hit_score !== null
        ? h(
            'span',
            { class: 'badge listed', title: 'watch-list hit on a party' },
            `listed ${Math.round(a.hit_score * 100)}%`,
          )
        : null,
      names,
      more > 0 ? h('span', { class: 'more' }, ` +${more} more`) : null,
    ),
    h(
      'div',
      { class: 'sub' },
      `${a.accounts.slice(0, 2).join(', ')}${a.account_count > 2 ? ` +${a.account_count - 2}` : ''}`,
    ),
  )
}

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

type Setter = (name: keyof QueueState, v: string) => void

/** A page of the queue as the API answers it (GET /api/alerts). */
interface QueuePage {
  total: number
  alerts: AlertSummary[]
  next_cursor: string | null
}

/** Load: one page of the alerts the filters keep, after `cursor` (none: the first page). */
function fetchPage(state: QueueState, cursor: string | null): Promise<QueuePage> {
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
    cursor: cursor ?? undefined,
  }
  return api.get<QueuePage>(`/alerts${qs(params)}`)
}

/** State: the filters kept in the tab and in the URL (a link to this view). */
function remember(state: QueueState): void {
  sessionStorage.setItem('ringwatch.queue', JSON.stringify(state))
  // the URL follows the filters (a link to this view), without a new history entry or a reload
  if (location.hash !== urlOf(state)) history.replaceState(null, '', urlOf(state))
}

/** The search box: searched as typing pauses; Enter (change) searches at once. */
function searchBox(state: QueueState, set: Setter): { box: HTMLInputElement; stop: () => void } {
  const box = filterInput(state, set, 'q', {
    type: 'search',
    placeholder: 'party name, account or IBAN, list entry, alert id or reason  ( / )',
    'aria-label': 'Search the queue',
  })
  let typing: ReturnType<typeof setTimeout> | undefined
  box.addEventListener('input', () => {
    clearTimeout(typing)
    typing = setTimeout(() => {
      if (box.value.trim() !== state.q) set('q', box.value.trim())
    }, SEARCH_DEBOUNCE_MS)
  })
  box.addEventListener('change', () => clearTimeout(typing))
  return { box, stop: () => clearTimeout(typing) }
}

function filterSelect(
  state: QueueState,
  set: Setter,
  name: keyof QueueState,
  options: Array<[string, string]>,
): HTMLSelectElement {
  const s = h(
    'select',
    { name, id: `f-${name}` },
    options.map(([v, t]) => h('option', { value: v }, t)),
  )
  s.value = state[name]
  s.addEventListener('change', () => set(name, s.value))
  return s
}

function filterInput(
  state: QueueState,
  set: Setter,
  name: keyof QueueState,
  attrs: Record<string, string>,
): HTMLInputElement {
  const i = h('input', { name, id: `f-${name}`, ...attrs })
  i.value = state[name]
  i.addEventListener('change', () => {
    if (i.value.trim() !== state[name]) set(name, i.value.trim())
  })
  return i
}

/** Render: the filters' form. */
function filtersForm(state: QueueState, set: Setter, search: HTMLInputElement): HTMLElement {
  return h(
    'form',
    { class: 'filters', onsubmit: (e: Event) => e.preventDefault() },
    h(
      'label',
      {},
      'Status ',
      filterSelect(state, set, 'status', [
        [OPEN, 'open'],
        ['', 'all'],
        ...STATUSES.map((s): [string, string] => [s, label(s)]),
      ]),
    ),
    h(
      'label',
      {},
      'Typology ',
      filterSelect(state, set, 'typology', [
        ['', 'all'],
        ...TYPOLOGIES.map((t): [string, string] => [t, label(t)]),
      ]),
    ),
    h(
      'label',
      {},
      'Score ≥ ',
      filterInput(state, set, 'score_min', {
        type: 'number',
        min: '0',
        max: '100',
        step: '5',
        class: 'narrow',
      }),
    ),
    h('label', {}, 'From ', filterInput(state, set, 'from', { type: 'date' })),
    h('label', {}, 'To ', filterInput(state, set, 'to', { type: 'date' })),
    h(
      'label',
      {},
      'Assignee ',
      filterInput(state, set, 'assignee', { type: 'text', class: 'narrow', placeholder: 'anyone' }),
    ),
    h('label', { class: 'grow' }, search),
  )
}

/** Render: the table's header, its sortable columns sorting on click or Enter. */
function headRow(state: QueueState, set: Setter): HTMLElement {
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
  return head
}

/** Render: the export buttons of a role that may export (the rows shown), else null. */
function exportButtons(
  me: Me,
  shown: () => AlertSummary[],
  status: HTMLElement,
): HTMLElement | null {
  if (!me.permissions.includes('alerts:export')) return null
  const exportAs = async (format: 'csv' | 'jsonl', ext: string) => {
    try {
      const blob = await api.file('/exports', { format, ids: shown().map((r) => r.id) })
      download(`ringwatch-alerts.${ext}`, blob)
    } catch (e) {
      status.textContent = `export failed: ${(e as Error).message}`
    }
  }
  return h(
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
}

/** Render: one alert's row; a click outside its link opens the alert. */
function alertRow(
  a: AlertSummary,
  selected: boolean,
  navigate: (hash: string) => void,
): HTMLElement {
  const tr = h(
    'tr',
    { 'data-id': a.id, class: selected ? 'selected' : '' },
    h('td', { class: 'score' }, scoreBar(a.score)),
    h('td', { class: 'id' }, h('a', { href: `#/alert/${a.id}` }, a.id)),
    h('td', {}, badge(a.typology, `typ-${a.typology}`)),
    h('td', {}, badge(a.status, `st-${a.status}`)),
    partiesCell(a),
    h('td', { class: 'countries' }, a.countries.join(' ')),
    h('td', { class: 'goods', title: a.goods.join('\n') }, a.goods.join(', ')),
    amountCell(a),
    h('td', { class: 'ts' }, when(a.first_ts)),
    h('td', {}, day(a.last_ts)),
    h('td', {}, a.assignee ?? '—'),
  )
  tr.addEventListener('click', (e) => {
    if ((e.target as Element).closest('a')) return
    navigate(`#/alert/${a.id}`)
  })
  return tr
}

/** Render: the rows shown, or a line saying none matches. */
function paintRows(
  tbody: HTMLElement,
  rows: AlertSummary[],
  selected: number,
  navigate: (hash: string) => void,
): void {
  tbody.replaceChildren(fragment(rows.map((a, i) => alertRow(a, i === selected, navigate))))
  if (!rows.length)
    tbody.append(
      h(
        'tr',
        {},
        h('td', { colspan: COLUMNS.length, class: 'empty' }, 'No alerts match these filters.'),
      ),
    )
}

export function queuePage(
  app: HTMLElement,
  navigate: (hash: string) => void,
  me: Me,
  params: URLSearchParams = new URLSearchParams(),
): () => void {
  const state = saved(params)
  let rows: AlertSummary[] = []
  let cursor: string | null = null
  let selected = 0
  const tbody = h('tbody')
  const count = h('span', { class: 'count' })
  const more = h('button', { type: 'button', id: 'load-more' }, 'Load more')
  const set: Setter = (name, v) => {
    ;(state as unknown as Record<string, string>)[name] = v
    remember(state)
    void load(true)
  }
  const search = searchBox(state, set)
  const table = h(
    'table',
    { class: 'queue', id: 'queue' },
    h('thead', {}, headRow(state, set)),
    tbody,
  )
  app.append(
    h(
      'div',
      { class: 'page-head' },
      h('h1', {}, 'Alert queue'),
      count,
      h('span', { class: 'hint' }, 'j / k to move · Enter to open · / to search'),
      exportButtons(me, () => rows, count),
    ),
    filtersForm(state, set, search.box),
    h('div', { class: 'table-wrap' }, table),
    more,
  )

  // answers may come back out of order while typing: only the latest request's answer is shown
  let latest = 0
  const load = async (reset: boolean) => {
    const mine = ++latest
    if (reset) {
      cursor = null
      selected = 0
    }
    try {
      const page = await fetchPage(state, reset ? null : cursor)
      if (mine !== latest) return
      rows = reset ? page.alerts : rows.concat(page.alerts)
      cursor = page.next_cursor
      count.textContent = `${page.total.toLocaleString('en')} alert${page.total === 1 ? '' : 's'}`
      paintRows(tbody, rows, selected, navigate)
      more.hidden = !cursor
    } catch (e) {
      if (mine !== latest) return
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
      search.box.focus()
    } else return
  }
  document.addEventListener('keydown', onKey)
  if (location.hash !== urlOf(state)) history.replaceState(null, '', urlOf(state))
  void load(true)
  return () => {
    search.stop()
    document.removeEventListener('keydown', onKey)
  }
}
