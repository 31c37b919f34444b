// The case page: the alerts of one ring or network together — each with what links it — one
// graph of all their patterns, their transfers (each with the alerts it is in), the parties with
// their watch-list entries, and the case's actions, notes and history.
import { api } from '../api.ts'
import { badge, h, money, scoreBar, section, when } from '../dom.ts'
import type { Graph, Me, Reason } from '../types.ts'
import type { Review } from '../../../src/schema/review.ts'
import { caseActions } from './case-actions.ts'
import { reviewBanner } from './review-banner.ts'
import { canUnlink, unlinkForm } from './unlink-form.ts'
import {
  historySection,
  networkSection,
  notesSection,
  partiesSection,
  transfersSection,
} from './alert-parts.ts'

type Row = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

interface CaseDetail {
  case: Row & { id: string; status: string; alert_ids: string[] }
  alerts: Array<Row & { reasons: Reason[] }>
  transfers: Row[]
  parties: Row[]
  hits: Row[]
  goods: Row[]
  notes: Row[]
  audit: Row[]
  review: Review
  available_actions: string[]
}

export function casePage(app: HTMLElement, id: string, me: Me): () => void {
  let stop = () => undefined as void
  const load = async () => {
    const [d, g] = await Promise.all([
      api.get<CaseDetail>(`/cases/${id}`),
      api.get<Graph>(`/cases/${id}/graph`),
    ])
    app.replaceChildren()
    stop()
    const c = d.case
    // an analyst or supervisor may take an alert out of a case of several
    const unlinkable = d.alerts.length > 1 && canUnlink(me)
    app.append(
      h(
        'div',
        { class: 'page-head' },
        h('a', { href: '#/queue', class: 'back' }, '← queue'),
        h('h1', {}, `Case ${c.id}`),
        badge(c.status, `st-${c.status}`),
        h(
          'span',
          { class: 'meta' },
          `${d.alerts.length} alerts · ${d.transfers.length} transfers · opened by ${c.created_by} ${when(c.created_at)}`,
        ),
        h('span', { class: 'meta assignee' }, `assignee ${c.assignee ?? '—'}`),
      ),
      reviewBanner(d.review) ?? '',
    )
    const left = h('div', { class: 'col main' })
    const right = h('div', { class: 'col side' })
    app.append(h('div', { class: 'columns' }, left, right))
    left.append(alertsSection(d, unlinkable, load))
    const net = networkSection(g, 460)
    stop = net.stop
    left.append(net.el)
    const box = net.el.querySelector<HTMLElement>('.network-box')!
    net.draw(Math.max(480, box.clientWidth || 720))
    left.append(transfersSection(d.transfers, d.goods, true))
    right.append(
      caseActions(c, d.available_actions, me, load, {
        review: d.review,
        transfers: d.transfers,
        hits: d.hits,
        endpoint: `/cases/${c.id}/actions`,
        title: 'Decide the case',
      }),
      partiesSection(d.parties, d.hits),
      notesSection(d.notes),
      historySection(d.audit),
    )
  }
  load().catch((e) =>
    app.replaceChildren(
      h('p', { class: 'error' }, `Could not load case ${id}: ${(e as Error).message}`),
    ),
  )
  return () => stop()
}

/** The case's alerts, each with what links it, and (for those who may) a way to take it out. */
function alertsSection(d: CaseDetail, unlinkable: boolean, load: () => Promise<void>) {
  const c = d.case
  const total = d.alerts.reduce((s, a) => s + Number(a.score), 0)
  const row = (a: CaseDetail['alerts'][number]) =>
    h(
      'tr',
      {},
      h('td', {}, h('a', { href: `#/alert/${a.id}` }, a.id)),
      h('td', {}, badge(a.typology, `typ-${a.typology}`)),
      h('td', {}, scoreBar(Number(a.score))),
      h('td', {}, badge(a.status, `st-${a.status}`)),
      h('td', { class: 'num' }, money(a.total_amount, a.currency)),
      h('td', { class: 'num' }, String(a.tx_count)),
      h(
        'td',
        { class: 'wrap' },
        a.reasons[0]?.text ?? '',
        h('div', { class: 'sub' }, a.why),
        unlinkable ? unlinkForm(c.id, a.id, 'Take out of the case', load) : null,
      ),
    )
  const heads = ['Alert', 'Typology', 'Score', 'Status', 'Amount', 'Transfers', 'Linked by']
  return section(
    'Alerts of this case',
    h(
      'table',
      { class: 'case-table', id: 'case-alerts' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          heads.map((t) => h('th', {}, t)),
        ),
      ),
      h('tbody', {}, d.alerts.map(row)),
    ),
    h('p', { class: 'sub' }, `scores add up to ${Math.round(total * 10) / 10}`),
  )
}
