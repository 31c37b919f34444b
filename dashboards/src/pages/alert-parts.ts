// Parts the alert page and the case page share: the reasons, each with the transfers it names
// (hop numbers that point at the table's rows); the transfers table, the goods-mismatching ones
// marked with the HS code's description; the network with its replay slider; the parties with their
// watch-list entries; notes and history.
import { badge, h, label, money, section, when } from '../dom.ts'
import type { Graph, Reason } from '../types.ts'
import { render, type NetworkView } from '../views/network.ts'
import { historyLine } from './review-banner.ts'
import { listEntry } from './list-entry.ts'
import { timeSlider } from '../views/time-slider.ts'

type Row = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/** Marks the transfers rows of these ids (and unmarks the others). */
function markRows(ids: readonly string[] | null) {
  const set = new Set(ids ?? [])
  for (const tr of document.querySelectorAll<HTMLElement>('table.transfers tbody tr'))
    tr.classList.toggle('marked', set.has(tr.dataset.tx ?? ''))
}

/** The reasons, each naming its transfers by hop number (all of them, or the first few and a count). */
export function reasonsSection(
  reasons: Reason[],
  transfers: Row[],
  title = 'Why this alert',
): HTMLElement {
  const hopOf = new Map(transfers.map((t) => [String(t.tx_id), Number(t.hop)]))
  const txLine = (r: Reason) => {
    const ids = r.tx_ids ?? []
    if (!ids.length) return null
    const hops = ids
      .map((id) => hopOf.get(id))
      .filter((n): n is number => n !== undefined)
      .sort((a, b) => a - b)
    const text =
      hops.length === transfers.length && transfers.length > 1
        ? `all ${hops.length} transfers`
        : hops.length > 8
          ? `transfers ${hops
              .slice(0, 8)
              .map((n) => `#${n}`)
              .join(' ')} and ${hops.length - 8} more`
          : `transfer${hops.length === 1 ? '' : 's'} ${hops.map((n) => `#${n}`).join(' ')}`
    return h(
      'span',
      {
        class: 'reason-tx',
        'data-tx': ids.join(' '),
        title: ids.join('\n'),
        onmouseenter: () => markRows(ids),
        onmouseleave: () => markRows(null),
      },
      hops.length ? text : `${ids.length} transfer(s) outside this view`,
    )
  }
  return section(
    title,
    h(
      'ol',
      { class: 'reasons', id: 'reasons' },
      reasons.map((r) =>
        h(
          'li',
          {},
          h('span', { class: 'weight' }, r.weight ? `+${r.weight}` : '·'),
          ' ',
          r.text,
          ' ',
          txLine(r),
          ' ',
          h('code', {}, r.code),
        ),
      ),
    ),
  )
}

/** The transfers in hop order; a goods/HS mismatch is marked with the HS code's description. */
export function transfersSection(transfers: Row[], goods: Row[], withAlerts = false): HTMLElement {
  return section(
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
            ['#', 'Time', 'From', 'To', 'Amount', 'Goods and flags', withAlerts ? 'Alerts' : null]
              .filter((t) => t !== null)
              .map((t) => h('th', {}, t)),
          ),
        ),
        h(
          'tbody',
          {},
          transfers.map((t) => {
            const flag = goods.find((x) => x.tx_id === t.tx_id)
            return h(
              'tr',
              { 'data-tx': t.tx_id, class: flag?.mismatch ? 'mismatch-row' : '' },
              h(
                'td',
                { title: t.tx_id },
                String(t.hop),
                flag?.mismatch
                  ? h('span', { class: 'mismatch-mark', title: 'goods/HS mismatch' }, ' ⚠')
                  : null,
              ),
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
              h('td', { class: 'num nowrap' }, money(t.amount, t.currency)),
              h(
                'td',
                { class: 'wrap' },
                t.purpose ? `“${t.purpose}”` : '',
                t.hs_code ? h('span', { class: 'sub' }, ` HS ${t.hs_code}`) : null,
                flag?.description
                  ? h('span', { class: 'sub hs-desc' }, ` — ${flag.description}`)
                  : null,
                ' ',
                flag?.category ? badge(`${flag.category} (tier ${flag.tier})`, 'goods') : null,
                flag?.mismatch
                  ? h(
                      'div',
                      { class: 'sub mismatch' },
                      `goods/HS mismatch: ${flag.mismatch_reason ?? ''}`,
                    )
                  : null,
                flag?.sanctioned
                  ? badge(
                      `sanctioned route (${(flag.sanctioned_countries ?? []).join(', ')})`,
                      'danger',
                    )
                  : null,
                flag?.hub
                  ? badge(`hub route (${(flag.hub_countries ?? []).join(', ')})`, 'warn')
                  : null,
              ),
              withAlerts
                ? h(
                    'td',
                    {},
                    (t.alerts ?? []).map((id: string) =>
                      h('a', { href: `#/alert/${id}` }, `${id} `),
                    ),
                  )
                : null,
            )
          }),
        ),
      ),
    ),
  )
}

/**
 * The network with its pattern highlighted, its one-hop context dimmed (and hideable) and the
 * shared time slider (views/time-slider.ts) that replays the flow.
 */
export function networkSection(
  g: Graph,
  height: number,
): { el: HTMLElement; draw: (width: number) => NetworkView; stop: () => void } {
  let view: NetworkView | undefined
  const slider = timeSlider()
  const box = h('div', { class: 'network-box', id: 'alert-network' })
  const ctxToggle = h('input', { type: 'checkbox', id: 'ctx-toggle', checked: true })
  ctxToggle.addEventListener('change', () => view?.setContext(ctxToggle.checked))
  const el = section(
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
  )
  return {
    el,
    draw: (width: number) => {
      view?.destroy()
      view = render(box, g, { width, height })
      const pattern = g.edges.filter((e) => e.in_pattern).map((e) => Date.parse(e.first_ts))
      slider.bind(view, pattern)
      return view
    },
    stop: () => {
      slider.stop()
      view?.destroy()
    },
  }
}

/** The parties, listed ones first, each with its watch-list entries; the others folded away. */
export function partiesSection(parties: Row[], hits: Row[]): HTMLElement {
  const hitsOf = (acc: string) => hits.filter((x) => x.account === acc)
  const item = (p: Row) =>
    h(
      'li',
      {},
      h('a', { href: `#/explorer?account=${encodeURIComponent(p.account)}` }, p.name ?? p.account),
      h(
        'div',
        { class: 'sub' },
        `${p.account} · ${p.country ?? '?'}${p.bank ? ` · ${p.bank}` : ''}${p.exposure_hops !== null && p.exposure_hops !== undefined && p.exposure_hops > 0 ? ` · ${p.exposure_hops} hop(s) from a listed party` : ''}`,
      ),
      hitsOf(p.account).map(listEntry),
    )
  const listed = parties.filter((p) => hitsOf(p.account).length)
  const others = parties.filter((p) => !hitsOf(p.account).length)
  const el = section(
    'Parties',
    h('ul', { class: 'parties', id: 'listed-parties' }, listed.map(item)),
    others.length
      ? h(
          'details',
          { class: 'more-parties', open: listed.length ? undefined : '' },
          h(
            'summary',
            {},
            `${others.length} ${listed.length ? 'other ' : ''}part${others.length === 1 ? 'y' : 'ies'} without a watch-list hit`,
          ),
          h('ul', { class: 'parties' }, others.map(item)),
        )
      : null,
  )
  el.id = 'parties'
  return el
}

export function notesSection(notes: Row[]): HTMLElement {
  return section(
    'Notes',
    notes.length
      ? h(
          'ul',
          { class: 'notes' },
          notes.map((n) =>
            h('li', {}, h('div', { class: 'sub' }, `${n.author} · ${when(n.created_at)}`), n.text),
          ),
        )
      : h('p', { class: 'muted' }, 'No notes yet.'),
  )
}

export function historySection(audit: Row[]): HTMLElement {
  return section(
    'History',
    audit.length ? null : h('p', { class: 'muted' }, 'No case actions yet.'),
    h(
      'ol',
      { class: 'audit' },
      audit.map((x) =>
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
  )
}

const pct = (x: unknown) => `${Math.round(Number(x) * 100)}%`

/** Each watch-list hit as its record: list and version, entity, matched name, score parts, rule. */
export function hitsSection(hits: Row[]): HTMLElement {
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
