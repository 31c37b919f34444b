// Taking an alert out of its case (analysts and supervisors): a button that opens a short form
// asking why; on submit the server gives the alert a case of its own and records the unlink, so
// that later scans keep it apart from this case's alerts.
import { api } from '../api.ts'
import { h } from '../dom.ts'
import type { Me } from '../types.ts'

/** Roles the server lets take an alert out of a case (src/cases/case-unlink.ts UNLINK_ROLES). */
const UNLINK_ROLES = ['analyst', 'supervisor']

export function canUnlink(me: Me): boolean {
  return UNLINK_ROLES.includes(me.role)
}

export function unlinkForm(
  caseId: string,
  alertId: string,
  label: string,
  done: () => Promise<void>,
): HTMLElement {
  const reason = h('input', {
    class: 'unlink-reason',
    placeholder: 'why it is not part of this case',
    'aria-label': `why ${alertId} is not part of case ${caseId}`,
  })
  const msg = h('p', { class: 'action-msg', role: 'status' })
  const form = h(
    'form',
    {
      class: 'link-form unlink-form',
      'data-alert': alertId,
      onsubmit: async (e: Event) => {
        e.preventDefault()
        msg.className = 'action-msg'
        msg.textContent = 'taking it out…'
        try {
          await api.post(`/cases/${caseId}/unlink`, { alert_id: alertId, reason: reason.value })
          msg.textContent = ''
          await done()
        } catch (err) {
          msg.className = 'action-msg error'
          msg.textContent = (err as Error).message
        }
      },
    },
    reason,
    h('button', { type: 'submit' }, 'Take it out'),
  )
  return h(
    'details',
    { class: 'unlink', 'data-alert': alertId },
    h('summary', {}, label),
    form,
    msg,
  )
}
