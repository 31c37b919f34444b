// The case-action panel: the actions the user's role may take, each with the fields it needs —
// assignment to a colleague (a picker of those who work alerts), a proposal citing its evidence,
// and, before a false positive is proposed or approved on an alert with a strong watch-list hit, a
// confirmation naming the hit with a reason of at least a sentence. The server (and the cases
// module behind it) decides; refusals are shown as they come back, in its plain words.
import { api } from '../api.ts'
import { h, section, label, money } from '../dom.ts'
import type { Me } from '../types.ts'
import type { Assignee, Review } from '../../../src/schema/review.ts'
import { PROPOSES } from './review-banner.ts'

type Row = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const OUTCOMES = ['closed_false_positive', 'closed_benign', 'reported']
const CLOSED = ['closed_false_positive', 'closed_benign', 'reported']

export interface CaseContext {
  review?: Review
  transfers: Row[]
  hits: Row[]
  /** Where the actions go: the alert's (default) or its case's (`/cases/C-…/actions`). */
  endpoint?: string
  /** The panel's title; default 'Case'. */
  title?: string
}

function isSentence(text: string, rule: { words: number; chars: number }): boolean {
  const t = text.trim()
  return (
    t.length >= rule.chars && t.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= rule.words
  )
}

export function caseActions(
  alert: Row,
  available: string[],
  me: Me,
  reload: () => Promise<void>,
  ctx: CaseContext = { transfers: [], hits: [] },
): HTMLElement {
  const allowed = available
  const review = ctx.review
  const msg = h('p', { class: 'action-msg', role: 'status', id: 'action-msg' })
  const body = h('div', { class: 'actions' })
  const send = async (action: Record<string, unknown>, shown: HTMLElement = msg) => {
    msg.className = 'action-msg'
    msg.textContent = 'saving…'
    try {
      await api.post(ctx.endpoint ?? `/alerts/${alert.id}/actions`, action)
      msg.textContent = ''
      await reload()
    } catch (e) {
      msg.textContent = ''
      shown.className = `${shown === msg ? 'action-msg ' : ''}error`
      shown.textContent = (e as Error).message
    }
  }
  const reason = (id: string, placeholder: string) => h('textarea', { id, rows: 2, placeholder })
  const status: string = alert.status
  const pending = status === 'proposed_close' || status === 'proposed_report'
  if (CLOSED.includes(status))
    body.append(
      h(
        'p',
        { class: 'muted' },
        review?.decision ? `${review.decision.line}.` : `${label(status)}.`,
      ),
    )

  /**
   * Before a false positive on an alert with a strong hit: a confirmation naming the hits, with a
   * reason of at least a sentence; `go` sends the action with it.
   */
  const confirmFalsePositive = (
    anchor: HTMLElement,
    typed: string,
    go: (reason: string, error: HTMLElement) => Promise<void>,
  ) => {
    anchor.querySelector('#confirm-fp')?.remove()
    const hits = review?.strong_hits ?? []
    const rule = review?.sentence ?? { words: 4, chars: 20 }
    const why = h('textarea', {
      id: 'confirm-fp-reason',
      rows: 3,
      placeholder: 'why the party is not the listed one (at least a sentence)',
    })
    why.value = typed
    const error = h('p', { class: 'error', role: 'alert' })
    const box = h(
      'div',
      {
        class: 'confirm',
        id: 'confirm-fp',
        role: 'alertdialog',
        'aria-labelledby': 'confirm-fp-q',
      },
      h(
        'p',
        { id: 'confirm-fp-q' },
        h('strong', {}, 'Close as false positive despite a watch-list hit?'),
      ),
      h(
        'p',
        { class: 'hits-line' },
        hits
          .map(
            (x) =>
              `${x.name} matches ${x.caption} (${x.list_source} ${x.entry_id}) at ${Math.round(x.score * 100)}%`,
          )
          .join('; '),
      ),
      why,
      error,
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          id: 'confirm-fp-yes',
          onclick: () => {
            if (!isSentence(why.value, rule)) {
              error.textContent =
                `Say why the party is not the listed one in at least a sentence ` +
                `(${rule.words} words or more).`
              return
            }
            error.textContent = ''
            void go(why.value.trim(), error)
          },
        },
        'Yes, it is a false positive',
      ),
      h('button', { type: 'button', id: 'confirm-fp-no', onclick: () => box.remove() }, 'Cancel'),
    )
    anchor.append(box)
    why.focus()
  }
  const strong = (review?.strong_hits.length ?? 0) > 0

  if (allowed.includes('assign')) {
    const picker = h(
      'select',
      { id: 'assign-to', 'aria-label': 'Assign to' },
      h('option', { value: '' }, 'nobody'),
    )
    const assignBox = h(
      'div',
      { class: 'action' },
      h('label', { for: 'assign-to' }, 'Assign to '),
      picker,
      h(
        'button',
        {
          type: 'button',
          id: 'act-assign',
          onclick: () => send({ type: 'assign', assignee: picker.value || null }),
        },
        'Assign',
      ),
      alert.assignee !== me.id
        ? h(
            'button',
            {
              type: 'button',
              id: 'act-assign-me',
              onclick: () => send({ type: 'assign', assignee: me.id }),
            },
            'Assign to me',
          )
        : null,
    )
    body.append(assignBox)
    api
      .get<{ users: Assignee[] }>('/assignees')
      .then(({ users }) => {
        for (const u of users)
          picker.append(
            h(
              'option',
              { value: u.id },
              `${u.id} (${label(u.role)})${u.id === me.id ? ' — me' : ''}`,
            ),
          )
        picker.value = alert.assignee ?? ''
      })
      .catch((e: unknown) => {
        msg.className = 'action-msg error'
        msg.textContent = `could not list colleagues: ${(e as Error).message}`
      })
  }
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
    // the evidence the proposal rests on: the alert's transfers and its parties' hits
    const evidence = h(
      'div',
      { class: 'evidence-pick', id: 'propose-evidence' },
      ctx.transfers.map((t) =>
        h(
          'label',
          {},
          h('input', { type: 'checkbox', value: t.tx_id }),
          ` #${t.hop} ${t.tx_id} · ${money(t.amount, t.currency)} · ${t.debtor_name ?? t.debtor_account} → ${t.creditor_name ?? t.creditor_account}`,
        ),
      ),
      ctx.hits
        .filter((x) => x.hit_id)
        .map((x) =>
          h(
            'label',
            {},
            h('input', { type: 'checkbox', value: x.hit_id }),
            ` hit ${x.entry_id} · ${x.caption} (${Math.round(Number(x.score) * 100)}%) for ${x.name}`,
          ),
        ),
    )
    const cited = () =>
      [...evidence.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value)
    const box = h(
      'div',
      { class: 'action' },
      h('label', { for: 'propose-outcome' }, 'Propose'),
      outcome,
      why,
      ctx.transfers.length || ctx.hits.length
        ? h('details', { open: true }, h('summary', { class: 'sub' }, 'Cite evidence'), evidence)
        : null,
    )
    box.append(
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          id: 'act-propose',
          onclick: () => {
            const action = {
              type: 'propose',
              outcome: outcome.value,
              reason: why.value,
              evidence: cited(),
            }
            if (outcome.value === 'closed_false_positive' && strong)
              confirmFalsePositive(box, why.value, (r, error) =>
                send({ ...action, reason: r, confirm: true }, error),
              )
            else void send(action)
          },
        },
        'Propose (needs a second person)',
      ),
    )
    body.append(box)
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
    const outcome = String(alert.proposed_outcome ?? '')
    const box = h(
      'div',
      { class: 'action' },
      h(
        'p',
        {},
        `${alert.proposed_by}'s proposal: ${PROPOSES[outcome] ?? label(outcome)} (reason and evidence at the top)`,
      ),
      why,
    )
    box.append(
      allowed.includes('approve')
        ? h(
            'button',
            {
              type: 'button',
              class: 'primary',
              id: 'act-approve',
              onclick: () => {
                if (outcome === 'closed_false_positive' && strong)
                  confirmFalsePositive(box, why.value, (r, error) =>
                    send({ type: 'approve', reason: r, confirm: true }, error),
                  )
                else void send({ type: 'approve', ...(why.value ? { reason: why.value } : {}) })
              },
            },
            'Approve',
          )
        : '',
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
        : '',
    )
    body.append(box)
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
        `Waiting for a second person to approve your proposal (${PROPOSES[alert.proposed_outcome ?? ''] ?? ''}).`,
      ),
    )
  if (!allowed.length && !CLOSED.includes(status))
    body.append(
      h('p', { class: 'muted' }, `Your role (${me.role}) may view this alert but not act on it.`),
    )
  return section(ctx.title ?? 'Case', body, msg)
}
