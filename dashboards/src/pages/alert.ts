// The alert page. At the top, without scrolling: the finding's summary line, the reasons with the
// transfers each names, the alert's network with the ring highlighted (and a slider that replays
// the flow), its case with the case's other alerts, and the parties with their watch-list entries.
// Below: the transfers (a goods/HS mismatch marked with the code's description), the case actions,
// notes, history and provenance.
import { api } from '../api.ts'
import { badge, h, money, scoreBar, section, when } from '../dom.ts'
import type { Graph, Me, Reason } from '../types.ts'
import type { AlertCase } from '../../../src/schema/case.ts'
import { caseActions } from './case-actions.ts'
import { reviewBanner } from './review-banner.ts'
import type { Review } from '../../../src/schema/review.ts'
import {
  historySection,
  hitsSection,
  networkSection,
  notesSection,
  partiesSection,
  reasonsSection,
  transfersSection,
} from './alert-parts.ts'
import { casePanel } from './case-panel.ts'

type Row = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

interface Detail {
  alert: Row & { reasons: Reason[] }
  transfers: Row[]
  parties: Row[]
  hits: Row[]
  goods: Row[]
  notes: Row[]
  versions: Row[]
  audit: Row[]
  review: Review
  case: (AlertCase & { available_actions: string[]; notes: Row[] }) | null
  allowed_actions: string[]
  available_actions: string[]
}

export function alertPage(app: HTMLElement, id: string, me: Me): () => void {
  let stop = () => undefined as void
  const load = async () => {
    const [d, g] = await Promise.all([
      api.get<Detail>(`/alerts/${id}`),
      api.get<Graph>(`/alerts/${id}/graph`),
    ])
    app.replaceChildren()
    stop()
    const a = d.alert
    const summary = typeof a.finding?.explanation === 'string' ? a.finding.explanation : null
    app.append(
      h(
        'div',
        { class: 'page-head' },
        h('a', { href: '#/queue', class: 'back' }, '← queue'),
        h('h1', {}, a.id),
        badge(a.typology, `typ-${a.typology}`),
        badge(a.status, `st-${a.status}`),
        scoreBar(a.score),
        h(
          'span',
          { class: 'meta' },
          `${money(a.total_amount, a.currency)} · ${when(a.first_ts)} → ${when(a.last_ts)}`,
        ),
        h('span', { class: 'meta assignee' }, `assignee ${a.assignee ?? '—'}`),
      ),
      summary ? h('p', { class: 'summary-line', id: 'summary-line' }, summary) : '',
      // the proposal awaiting a decision (or the decision) at the top, for the one who reviews it
      reviewBanner(d.review) ?? '',
    )
    const left = h('div', { class: 'col main' })
    const right = h('div', { class: 'col side' })
    app.append(h('div', { class: 'columns' }, left, right))

    const net = networkSection(g, 380)
    stop = net.stop
    left.append(h('div', { class: 'overview' }, reasonsSection(a.reasons, d.transfers), net.el))
    left.append(transfersSection(d.transfers, d.goods))
    if (d.hits.length) left.append(hitsSection(d.hits))
    const box = net.el.querySelector<HTMLElement>('.network-box')!
    net.draw(Math.max(420, box.clientWidth || 560))

    right.append(casePanel(a.id, d.case, load, me))
    right.append(partiesSection(d.parties, d.hits))
    right.append(
      d.case
        ? caseActions({ ...a, ...d.case, id: d.case.id }, d.case.available_actions, me, load, {
            review: d.review,
            transfers: d.transfers,
            hits: d.hits,
            endpoint: `/cases/${d.case.id}/actions`,
            title: `Case ${d.case.id}: decide all its alerts`,
          })
        : caseActions(a, d.available_actions, me, load, {
            review: d.review,
            transfers: d.transfers,
            hits: d.hits,
            title: 'Decide this alert',
          }),
    )
    // notes on the alert, and on its case (where the case's action panel adds them)
    const notes: Row[] = [
      ...d.notes,
      ...(d.case?.notes ?? []).map((n: Row): Row => ({
        ...n,
        text: `[case ${d.case!.id}] ${n.text}`,
      })),
    ].sort((x: Row, y: Row) => (String(x.created_at) < String(y.created_at) ? -1 : 1))
    right.append(notesSection(notes), historySection(d.audit))
    const prov = a.provenance ?? {}
    right.append(
      section(
        'Provenance',
        h(
          'dl',
          { class: 'prov' },
          h('dt', {}, 'run'),
          h('dd', {}, prov.run_id ?? ''),
          h('dt', {}, 'detector'),
          h('dd', {}, prov.detector_version ?? ''),
          h('dt', {}, 'config'),
          h('dd', {}, prov.config_hash ?? ''),
          h('dt', {}, 'version'),
          h('dd', {}, String(a.version)),
        ),
      ),
    )
  }
  load().catch((e) =>
    app.replaceChildren(
      h('p', { class: 'error' }, `Could not load ${id}: ${(e as Error).message}`),
    ),
  )
  return () => stop()
}
