// The account panel of the explorer: activity totals, names and countries, watch-list hits as
// their list entries, and the alerts that involve the account.
import { api } from '../api.ts'
import { h, money, section, when } from '../dom.ts'
import { listEntry } from './list-entry.ts'

type Row = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

export async function accountPanel(acc: string): Promise<HTMLElement> {
  const p = await api.get<Row>(`/accounts/${encodeURIComponent(acc)}`)
  const s = p.summary
  // amounts per currency, never added across currencies
  const amounts = (dir: string) =>
    (p.amounts as Row[])
      .filter((a) => a.dir === dir)
      .map((a) => money(a.amount, a.currency))
      .join(' · ') || money(0)
  return section(
    s.name ?? acc,
    h(
      'p',
      { class: 'sub' },
      `${acc} · ${(s.countries ?? []).join(', ')}${p.community !== null ? ` · community ${p.community}` : ''}`,
    ),
    h(
      'dl',
      { class: 'prov' },
      h('dt', {}, 'in'),
      h('dd', {}, `${s.tx_in} · ${amounts('in')}`),
      h('dt', {}, 'out'),
      h('dd', {}, `${s.tx_out} · ${amounts('out')}`),
      h('dt', {}, 'seen'),
      h(
        'dd',
        {},
        h('span', { class: 'ts' }, when(s.first_seen)),
        ' → ',
        h('span', { class: 'ts' }, when(s.last_seen)),
      ),
      h('dt', {}, 'counterparties'),
      h('dd', {}, String(s.counterparties)),
    ),
    // each watch-list hit as the list entry behind it, and which name matched how
    p.hits.map((x: Row) => listEntry(x)),
    p.alerts.length
      ? h(
          'ul',
          { class: 'plain' },
          p.alerts.map((a: Row) =>
            h(
              'li',
              {},
              h('a', { href: `#/alert/${a.id}` }, a.id),
              ` ${a.typology} · ${Number(a.score).toFixed(0)}`,
            ),
          ),
        )
      : null,
  )
}
