// The case-action panel: the actions the user's role may take, each with the fields it needs.
// The server (and the cases module behind it) decides; refusals are shown as they come back.
import { api } from '../api.ts'
import { h, section, label } from '../dom.ts'
import type { Me } from '../types.ts'

type Row = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const OUTCOMES = ['closed_false_positive', 'closed_benign', 'reported']
const CLOSED = ['closed_false_positive', 'closed_benign', 'reported']

export function caseActions(
  alert: Row,
  available: string[],
  me: Me,
  reload: () => Promise<void>,
): HTMLElement {
  const allowed = available
  const msg = h('p', { class: 'action-msg', role: 'status', id: 'action-msg' })
  const body = h('div', { class: 'actions' })
  const send = async (action: Record<string, unknown>) => {
    msg.className = 'action-msg'
    msg.textContent = 'saving…'
    try {
      await api.post(`/alerts/${alert.id}/actions`, action)
      await reload()
    } catch (e) {
      msg.className = 'action-msg error'
      msg.textContent = (e as Error).message
    }
  }
  const reason = (id: string, placeholder: string) => h('textarea', { id, rows: 2, placeholder })
  const status: string = alert.status
  const pending = status === 'proposed_close' || status === 'proposed_report'
  if (CLOSED.includes(status))
    body.append(h('p', { class: 'muted' }, `Closed as ${label(status)}.`))

  if (allowed.includes('assign') && alert.assignee !== me.id)
    body.append(
      h(
        'div',
        { class: 'action' },
        h(
          'button',
          {
            type: 'button',
            id: 'act-assign-me',
            onclick: () => send({ type: 'assign', assignee: me.id }),
          },
          'Assign to me',
        ),
      ),
    )
  if (allowed.includes('start_review'))
    body.append(
      h(
        'div',
        { class: 'action' },
        h(
          'button',
          { type: 'button', id: 'act-start', onclick: () => send({ type: 'start_review' }) },
          'Start review',
        ),
      ),
    )
  if (allowed.includes('propose')) {
    const outcome = h(
      'select',
      { id: 'propose-outcome' },
      OUTCOMES.map((o) => h('option', { value: o }, label(o))),
    )
    const why = reason('propose-reason', 'why (required)')
    body.append(
      h(
        'div',
        { class: 'action' },
        h('label', { for: 'propose-outcome' }, 'Propose'),
        outcome,
        why,
        h(
          'button',
          {
            type: 'button',
            class: 'primary',
            id: 'act-propose',
            onclick: () => send({ type: 'propose', outcome: outcome.value, reason: why.value }),
          },
          'Propose (needs a second person)',
        ),
      ),
    )
  }
  if (allowed.includes('escalate')) {
    const why = reason('escalate-reason', 'why escalate')
    body.append(
      h(
        'div',
        { class: 'action' },
        why,
        h(
          'button',
          {
            type: 'button',
            id: 'act-escalate',
            onclick: () => send({ type: 'escalate', reason: why.value }),
          },
          'Escalate',
        ),
      ),
    )
  }
  if (allowed.includes('approve') || allowed.includes('reject')) {
    const why = reason('review-reason', 'reason (required to reject)')
    body.append(
      h(
        'div',
        { class: 'action' },
        h('p', {}, `${alert.proposed_by} proposes: ${label(alert.proposed_outcome ?? status)}`),
        why,
        allowed.includes('approve')
          ? h(
              'button',
              {
                type: 'button',
                class: 'primary',
                id: 'act-approve',
                onclick: () =>
                  send({ type: 'approve', ...(why.value ? { reason: why.value } : {}) }),
              },
              'Approve',
            )
          : null,
        allowed.includes('reject')
          ? h(
              'button',
              {
                type: 'button',
                id: 'act-reject',
                onclick: () => send({ type: 'reject', reason: why.value }),
              },
              'Reject',
            )
          : null,
      ),
    )
  }
  if (allowed.includes('note')) {
    const text = reason('note-text', 'add a note')
    body.append(
      h(
        'div',
        { class: 'action' },
        text,
        h(
          'button',
          {
            type: 'button',
            id: 'act-note',
            onclick: () => send({ type: 'note', text: text.value }),
          },
          'Add note',
        ),
      ),
    )
  }
  if (pending && alert.proposed_by === me.id)
    body.append(
      h(
        'p',
        { class: 'muted', id: 'four-eyes' },
        `Waiting for a second person to approve your proposal (${label(alert.proposed_outcome ?? '')}).`,
      ),
    )
  if (!allowed.length && !CLOSED.includes(status))
    body.append(
      h('p', { class: 'muted' }, `Your role (${me.role}) may view this alert but not act on it.`),
    )
  return section('Case', body, msg)
}
