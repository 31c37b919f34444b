// The alert page's case panel: the alert's case (status, assignee, a link to the case page) with
// the case's other alerts and what links each one; or, for an alert in no case, that no other
// alert shares its payments or accounts. Either way a form links another alert, with a reason;
// an analyst or supervisor may take the alert out of a case of several alerts, saying why.
import { api } from '../api.ts'
import { badge, h, money, section } from '../dom.ts'
import type { AlertCase } from '../../../src/schema/case.ts'
import type { Me } from '../types.ts'
import { canUnlink, unlinkForm } from './unlink-form.ts'

export function casePanel(
  alertId: string,
  c: AlertCase | null,
  reload: () => Promise<void>,
  me: Me,
): HTMLElement {
  const others = c ? c.alerts.filter((x) => x.id !== alertId) : []
  const other = h('input', {
    id: 'link-alert',
    placeholder: 'alert id, e.g. A-1f2e…',
    'aria-label': 'alert to link',
  })
  const why = h('input', { id: 'link-reason', placeholder: 'why they are one case' })
  const msg = h('p', { class: 'action-msg', role: 'status' })
  const link = h(
    'form',
    {
      class: 'link-form',
      onsubmit: async (e: Event) => {
        e.preventDefault()
        msg.className = 'action-msg'
        msg.textContent = 'linking…'
        try {
          await api.post('/cases/link', {
            alert_id: other.value.trim(),
            with: alertId,
            reason: why.value,
          })
          msg.textContent = ''
          await reload()
        } catch (err) {
          msg.className = 'action-msg error'
          msg.textContent = (err as Error).message
        }
      },
    },
    other,
    why,
    h('button', { type: 'submit' }, 'Link to this case'),
  )
  return section(
    c ? `Case ${c.id}` : 'Case',
    c
      ? h(
          'p',
          { class: 'case-head' },
          badge(c.status, `st-${c.status}`),
          ` assignee ${c.assignee ?? '—'} · ${c.alerts.length} alerts · `,
          h('a', { href: `#/case/${c.id}`, id: 'case-link' }, 'open the case'),
        )
      : null,
    others.length
      ? h(
          'ul',
          { class: 'case-alerts', id: 'case-alerts' },
          others.map((x) =>
            h(
              'li',
              {},
              h('a', { href: `#/alert/${x.id}` }, x.id),
              ' ',
              badge(x.typology, `typ-${x.typology}`),
              ` ${x.score} · `,
              badge(x.status, `st-${x.status}`),
              ` ${money(x.total_amount, x.currency)} · ${x.tx_count} transfers`,
              h('div', { class: 'sub' }, x.why),
            ),
          ),
        )
      : h(
          'p',
          { class: 'muted', id: 'case-alerts' },
          c
            ? 'The case holds only this alert.'
            : 'No other alert shares its payments or accounts (accounts in many alerts, such as payment hubs, do not count).',
        ),
    h('details', { class: 'link-alert' }, h('summary', {}, 'Link another alert'), link, msg),
    c && others.length && canUnlink(me)
      ? unlinkForm(c.id, alertId, 'Take this alert out of the case', reload)
      : null,
  )
}
