// The alert page: reasons, the alert's network with the ring highlighted and a time slider that
// replays the flow, transfers, parties, screening hits, notes, history and the case actions.
import { api } from '../api.ts'
import { badge, h, money, scoreBar, section, when, label } from '../dom.ts'
import type { Graph, Me, Reason } from '../types.ts'
import { render, type NetworkView } from '../views/network.ts'
import { caseActions } from './case-actions.ts'
import { historyLine, reviewBanner } from './review-banner.ts'
import type { Review } from '../../../src/schema/review.ts'
import { timeSlider } from '../views/time-slider.ts'

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
  allowed_actions: string[]
  available_actions: string[]
}

export function alertPage(app: HTMLElement, id: string, me: Me): () => void {
  let view: NetworkView | undefined
  const slider = timeSlider()
  const load = async () => {
    const [d, g] = await Promise.all([
      api.get<Detail>(`/alerts/${id}`),
      api.get<Graph>(`/alerts/${id}/graph`),
    ])
    app.replaceChildren()
    view?.destroy()
    const a = d.alert
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
      // the proposal awaiting a decision (or the decision) at the top, for the one who reviews it
      reviewBanner(d.review) ?? '',
    )
    const left = h('div', { class: 'col main' })
    const right = h('div', { class: 'col side' })
    app.append(h('div', { class: 'columns' }, left, right))

    left.append(
      section(
        'Why this alert',
        h(
          'ol',
          { class: 'reasons' },
          a.reasons.map((r) =>
            h(
              'li',
              {},
              h('span', { class: 'weight' }, `+${r.weight}`),
              ' ',
              r.text,
              ' ',
              h('code', {}, r.code),
            ),
          ),
        ),
      ),
    )

    if (d.hits.length) left.append(hitsSection(d.hits))

    // Network with the ring, its one-hop context (dimmed, can be hidden) and a time slider.
    const box = h('div', { class: 'network-box', id: 'alert-network' })
    const ctxToggle = h('input', { type: 'checkbox', id: 'ctx-toggle', checked: true })
    ctxToggle.addEventListener('change', () => view?.setContext(ctxToggle.checked))
    left.append(
      section(
        'Network',
        box,
        slider.el,
        h(
          'p',
          { class: 'legend' },
          h('label', { class: 'ctx-toggle' }, ctxToggle, ' one-hop context'),
          h('span', { class: 'key ring' }),
          'the pattern (hop order · amount) ',
          h('span', { class: 'key ctx' }),
          'other transfers, dimmed: context ',
          h('span', { class: 'key goods' }),
          'controlled goods ⚙ ',
          h('span', { class: 'key hit' }),
          'watch-list hit ⚠',
        ),
      ),
    )
    const width = Math.max(480, box.clientWidth || left.clientWidth - 32 || 720)
    view = render(box, g, { width, height: 440 })
    const pattern = g.edges.filter((e) => e.in_pattern).map((e) => Date.parse(e.first_ts))
    slider.bind(view, pattern)

    left.append(
      section(
        'Transfers',
        h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'transfers' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['#', 'Time', 'From', 'To', 'Amount', 'Goods and flags'].map((t) => h('th', {}, t)),
              ),
            ),
            h(
              'tbody',
              {},
              d.transfers.map((t) => {
                const flag = d.goods.find((x) => x.tx_id === t.tx_id)
                return h(
                  'tr',
                  {},
                  h('td', {}, t.hop),
                  h('td', { class: 'ts' }, when(t.ts)),
                  h(
                    'td',
                    { title: t.debtor_account },
                    `${t.debtor_name ?? t.debtor_account} (${t.debtor_country ?? '?'})`,
                  ),
                  h(
                    'td',
                    { title: t.creditor_account },
                    `${t.creditor_name ?? t.creditor_account} (${t.creditor_country ?? '?'})`,
                  ),
                  h('td', { class: 'num' }, money(t.amount, t.currency)),
                  h(
                    'td',
                    { class: 'wrap' },
                    t.purpose ?? '',
                    t.hs_code ? h('span', { class: 'sub' }, ` HS ${t.hs_code} `) : null,
                    flag?.category ? badge(`${flag.category} (tier ${flag.tier})`, 'goods') : null,
                    flag?.mismatch
                      ? h(
                          'div',
                          { class: 'sub mismatch' },
                          `goods/HS mismatch: ${flag.mismatch_reason ?? ''}`,
                        )
                      : null,
                    flag?.sanctioned ? badge('sanctioned route', 'danger') : null,
                    flag?.hub ? badge('hub route', 'warn') : null,
                  ),
                )
              }),
            ),
          ),
        ),
      ),
    )

    right.append(
      caseActions(a, d.available_actions, me, load, {
        review: d.review,
        transfers: d.transfers,
        hits: d.hits,
      }),
    )
    right.append(
      section(
        'Parties',
        h(
          'ul',
          { class: 'parties' },
          d.parties.map((p) => {
            const hit = d.hits.filter((x) => x.account === p.account)
            return h(
              'li',
              {},
              h(
                'a',
                { href: `#/explorer?account=${encodeURIComponent(p.account)}` },
                p.name ?? p.account,
              ),
              h(
                'div',
                { class: 'sub' },
                `${p.account} · ${p.country ?? '?'}${p.bank ? ` · ${p.bank}` : ''}${p.community !== null ? ` · community ${p.community}` : ''}${p.exposure_hops !== null ? ` · ${p.exposure_hops} hop(s) from a listed party` : ''}`,
              ),
              hit.map((x) =>
                h(
                  'div',
                  { class: 'hit' },
                  `⚠ ${x.caption ?? x.name} — ${x.list_source ?? ''} (${(Number(x.score) * 100).toFixed(0)}%)`,
                ),
              ),
            )
          }),
        ),
      ),
    )
    right.append(
      section(
        'Notes',
        d.notes.length
          ? h(
              'ul',
              { class: 'notes' },
              d.notes.map((n) =>
                h(
                  'li',
                  {},
                  h('div', { class: 'sub' }, `${n.author} · ${when(n.created_at)}`),
                  n.text,
                ),
              ),
            )
          : h('p', { class: 'muted' }, 'No notes yet.'),
      ),
    )
    right.append(
      section(
        'History',
        d.audit.length ? null : h('p', { class: 'muted' }, 'No case actions yet.'),
        h(
          'ol',
          { class: 'audit' },
          d.audit.map((x) =>
            h(
              'li',
              {},
              h(
                'div',
                { class: 'sub' },
                `${when(x.created_at)} · ${x.actor} (${x.role}) · `,
                h('code', {}, x.action),
              ),
              `${historyLine(x as never)}${x.reason ? ` — “${x.reason}”` : ''}`,
            ),
          ),
        ),
      ),
    )
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
  return () => {
    slider.stop()
    view?.destroy()
  }
}

const pct = (x: unknown) => `${Math.round(Number(x) * 100)}%`

/** Each watch-list hit as its record: list and version, entity, matched name, score parts, rule. */
function hitsSection(hits: Row[]): HTMLElement {
  const partsText = (p: Row | null) =>
    p
      ? `tokens ${pct(p.token_overlap)} · phonetic ${pct(p.phonetic)} · ${p.edit_distance} edit(s) · ` +
        `legal form ${p.legal_form} · country ${p.country}` +
        (p.adjustments?.country
          ? ` (${p.adjustments.country > 0 ? '+' : ''}${p.adjustments.country})`
          : '') +
        ` · entity type ${p.entity_type}` +
        (p.adjustments?.entity_type ? ` (${p.adjustments.entity_type})` : '') +
        (p.rule && p.rule !== 'tokens' ? ` · ${p.rule}` : '')
      : '—'
  return section(
    'Watch-list hits',
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'hits' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            [
              'account · name as paid',
              'list · version',
              'entity',
              'matched name',
              'score',
              'rule',
              'status',
            ].map((c) => h('th', {}, c)),
          ),
        ),
        h(
          'tbody',
          {},
          hits.map((x) =>
            h(
              'tr',
              { class: x.status === 'closed' ? 'closed' : '' },
              h('td', {}, `${x.account} · ${x.name}`),
              h('td', {}, `${x.list_source} · ${x.snapshot_id}`),
              h('td', {}, `${x.entry_id} · ${x.schema} · ${x.caption}`),
              h('td', {}, `${x.matched_name} (${label(String(x.name_kind ?? 'name'))})`),
              h(
                'td',
                {},
                `${pct(x.score)}`,
                h(
                  'div',
                  { class: 'sub' },
                  `name ${pct(x.parts?.name ?? x.score)}: ${partsText(x.parts)}`,
                ),
              ),
              h(
                'td',
                {},
                String(x.rule ?? ''),
                (x.signals ?? []).length
                  ? h('div', { class: 'sub' }, `signals: ${x.signals.join(', ')}`)
                  : null,
                x.reason === 'list_change'
                  ? h('div', { class: 'sub' }, 'opened by a list change')
                  : null,
              ),
              h(
                'td',
                {},
                String(x.status ?? 'open'),
                x.close_note ? h('div', { class: 'sub' }, String(x.close_note)) : null,
              ),
            ),
          ),
        ),
      ),
    ),
  )
}
