// A watch-list hit shown as the list entry behind it: the list and its version, programmes, the
// entity id with a link to where the list publishes it, every name and alias, countries,
// identifiers, birth dates and addresses where the list has them, and which name matched the
// party's name how.
import { h } from '../dom.ts'

type Row = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/** Where a list publishes an entry, by the list file's format; null when it publishes none. */
export function entryLink(format: string | null | undefined, entryId: string): string | null {
  if (format === 'targets-simple' || format === 'ftm')
    return `https://www.opensanctions.org/entities/${encodeURIComponent(entryId)}/`
  if (format === 'ofac-sdn')
    return `https://sanctionssearch.ofac.treas.gov/Details.aspx?id=${encodeURIComponent(entryId)}`
  return null
}

const KIND: Record<string, string> = {
  name: 'name',
  alias: 'alias',
  weakAlias: 'weak alias',
  previousName: 'previous name',
}

export function listEntry(x: Row): HTMLElement {
  const names = (x.entry_names ?? []) as Array<{ name: string; kind: string }>
  const link = entryLink(x.list_format, String(x.entry_id))
  const explanation = typeof x.explanation === 'object' && x.explanation ? x.explanation : {}
  const field = (label: string, value: string | null | undefined | false) =>
    value
      ? h('div', { class: 'entry-field' }, h('span', { class: 'entry-key' }, label), value)
      : null
  const list = (xs: unknown) => (Array.isArray(xs) && xs.length ? xs.join(', ') : null)
  return h(
    'div',
    { class: `list-entry${x.status === 'closed' ? ' closed' : ''}`, 'data-entry': x.entry_id },
    h(
      'div',
      { class: 'entry-head' },
      '⚠ ',
      h('strong', {}, String(x.caption)),
      ` · ${x.schema} · ${Math.round(Number(x.score) * 100)}%`,
      x.status === 'closed' ? ' · closed' : '',
    ),
    field('list', `${x.list_source} (version ${x.snapshot_id})`),
    field('programme', list(x.entry_programs)),
    h(
      'div',
      { class: 'entry-field' },
      h('span', { class: 'entry-key' }, 'entity'),
      link
        ? h('a', { href: link, target: '_blank', rel: 'noopener noreferrer' }, String(x.entry_id))
        : String(x.entry_id),
    ),
    field(
      'names',
      names.length ? names.map((n) => `${n.name} (${KIND[n.kind] ?? n.kind})`).join('; ') : null,
    ),
    field('countries', list(x.entry_countries)),
    field('identifiers', list(x.entry_identifiers)),
    field('born', list(x.entry_birth_dates)),
    // an address holds commas: addresses are set apart by a middle dot
    field(
      Array.isArray(x.entry_addresses) && x.entry_addresses.length > 1 ? 'addresses' : 'address',
      Array.isArray(x.entry_addresses) && x.entry_addresses.length
        ? (x.entry_addresses as string[]).join(' · ')
        : null,
    ),
    field(
      'matched',
      explanation.text
        ? String(explanation.text)
        : `'${x.name}' matched ${KIND[x.name_kind] ?? 'name'} '${x.matched_name}'`,
    ),
    field(
      'rule',
      x.rule ? `${x.rule}${list(x.signals) ? `; second signals: ${list(x.signals)}` : ''}` : null,
    ),
    x.close_note ? h('div', { class: 'sub' }, String(x.close_note)) : null,
  )
}
