// The case-action panel: the actions the user's role may take, each with the fields it needs —
// assignment to a colleague (a picker of those who work alerts), a proposal citing its evidence,
// and, before a false positive is proposed or approved on an alert with a strong watch-list hit, a
// confirmation naming the hit with a reason of at least a sentence (confirm-fp.ts). The server (and
// the cases module behind it) decides; refusals are shown as they come back, in its plain words.
// Built in steps: the panel's state (what is allowed, where actions go, the message line), then one
// block per action, then the status lines.
import { api } from '../api.ts'
import { h, section, label, money } from '../dom.ts'
import type { Me } from '../types.ts'
import type { Assignee, Review } from '../../../src/schema/review.ts'
import { PROPOSES } from './review-banner.ts'
import { confirmFalsePositive } from './confirm-fp.ts'

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

/** What every action block of the panel needs. */
interface Panel {
  alert: Row
  allowed: string[]
  me: Me
  ctx: CaseContext
  /** The panel's message line. */
  msg: HTMLElement
  /** Sends an action; its refusal is shown in `shown` (the message line by default). */
  send: (action: Record<string, unknown>, shown?: HTMLElement) => Promise<void>
  /** A strong watch-list hit: a false positive needs a confirmation. */
  strong: boolean
}

function panelState(
  alert: Row,
  allowed: string[],
  me: Me,
  reload: () => Promise<void>,
  ctx: CaseContext,
): Panel {
  const msg = h('p', { class: 'action-msg', role: 'status', id: 'action-msg' })
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
  return { alert, allowed, me, ctx, msg, send, strong: (ctx.review?.strong_hits.length ?? 0) > 0 }
}

const reasonBox = (id: string, placeholder: string) => h('textarea', { id, rows: 2, placeholder })
const button = (id: string, text: string, onclick: () => unknown, primary = false) =>
  h('button', { type: 'button', id, onclick, ...(primary ? { class: 'primary' } : {}) }, text)

/** Assignment to a colleague who works alerts (the picker fills in when the list arrives). */
function assignAction(p: Panel): HTMLElement {
  const picker = h(
    'select',
    { id: 'assign-to', 'aria-label': 'Assign to' },
    h('option', { value: '' }, 'nobody'),
  )
  api
    .get<{ users: Assignee[] }>('/assignees')
    .then(({ users }) => {
      for (const u of users)
        picker.append(
          h(
            'option',
            { value: u.id },
            `${u.id} (${label(u.role)})${u.id === p.me.id ? ' — me' : ''}`,
          ),
        )
      picker.value = p.alert.assignee ?? ''
    })
    .catch((e: unknown) => {
      p.msg.className = 'action-msg error'
      p.msg.textContent = `could not list colleagues: ${(e as Error).message}`
    })
  return h(
    'div',
    { class: 'action' },
    h('label', { for: 'assign-to' }, 'Assign to '),
    picker,
    button('act-assign', 'Assign', () =>
      p.send({ type: 'assign', assignee: picker.value || null }),
    ),
    p.alert.assignee !== p.me.id
      ? button('act-assign-me', 'Assign to me', () => p.send({ type: 'assign', assignee: p.me.id }))
      : null,
  )
}

/** The evidence a proposal may cite: the transfers and the parties' hits. */
function evidencePicker(ctx: CaseContext): HTMLElement {
  return h(
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
}

/** A proposal: outcome, reason and cited evidence; a false positive over a strong hit confirmed. */
function proposeAction(p: Panel): HTMLElement {
  const outcome = h(
    'select',
    { id: 'propose-outcome' },
    OUTCOMES.map((o) => h('option', { value: o }, label(o))),
  )
  const why = reasonBox('propose-reason', 'why (required)')
  const evidence = evidencePicker(p.ctx)
  const cited = () =>
    [...evidence.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value)
  const box = h(
    'div',
    { class: 'action' },
    h('label', { for: 'propose-outcome' }, 'Propose'),
    outcome,
    why,
    p.ctx.transfers.length || p.ctx.hits.length
      ? h('details', { open: true }, h('summary', { class: 'sub' }, 'Cite evidence'), evidence)
      : null,
  )
  const propose = () => {
    const action = { type: 'propose', outcome: outcome.value, reason: why.value, evidence: cited() }
    if (outcome.value === 'closed_false_positive' && p.strong)
      confirmFalsePositive(box, p.ctx.review, why.value, (r, error) =>
        p.send({ ...action, reason: r, confirm: true }, error),
      )
    else void p.send(action)
  }
  box.append(button('act-propose', 'Propose (needs a second person)', propose, true))
  return box
}

function escalateAction(p: Panel): HTMLElement {
  const why = reasonBox('escalate-reason', 'why escalate')
  return h(
    'div',
    { class: 'action' },
    why,
    button('act-escalate', 'Escalate', () => p.send({ type: 'escalate', reason: why.value })),
  )
}

/** The checker's step: approve (a false positive over a strong hit confirmed) or reject. */
function reviewAction(p: Panel): HTMLElement {
  const why = reasonBox('review-reason', 'reason (required to reject)')
  const outcome = String(p.alert.proposed_outcome ?? '')
  const box = h(
    'div',
    { class: 'action' },
    h(
      'p',
      {},
      `${p.alert.proposed_by}'s proposal: ${PROPOSES[outcome] ?? label(outcome)} (reason and evidence at the top)`,
    ),
    why,
  )
  const approve = () => {
    if (outcome === 'closed_false_positive' && p.strong)
      confirmFalsePositive(box, p.ctx.review, why.value, (r, error) =>
        p.send({ type: 'approve', reason: r, confirm: true }, error),
      )
    else void p.send({ type: 'approve', ...(why.value ? { reason: why.value } : {}) })
  }
  box.append(
    p.allowed.includes('approve') ? button('act-approve', 'Approve', approve, true) : '',
    p.allowed.includes('reject')
      ? button('act-reject', 'Reject', () => p.send({ type: 'reject', reason: why.value }))
      : '',
  )
  return box
}

function noteAction(p: Panel): HTMLElement {
  const text = reasonBox('note-text', 'add a note')
  return h(
    'div',
    { class: 'action' },
    text,
    button('act-note', 'Add note', () => p.send({ type: 'note', text: text.value })),
  )
}

/** The action blocks the role may use, in the panel's order. */
function actionBlocks(p: Panel): HTMLElement[] {
  const has = (a: string) => p.allowed.includes(a)
  const out: HTMLElement[] = []
  if (has('assign')) out.push(assignAction(p))
  if (has('start_review'))
    out.push(
      h(
        'div',
        { class: 'action' },
        button('act-start', 'Start review', () => p.send({ type: 'start_review' })),
      ),
    )
  if (has('propose')) out.push(proposeAction(p))
  if (has('escalate')) out.push(escalateAction(p))
  if (has('approve') || has('reject')) out.push(reviewAction(p))
  if (has('note')) out.push(noteAction(p))
  return out
}

export function caseActions(
  alert: Row,
  available: string[],
  me: Me,
  reload: () => Promise<void>,
  ctx: CaseContext = { transfers: [], hits: [] },
): HTMLElement {
  const p = panelState(alert, available, me, reload, ctx)
  const status: string = alert.status
  const pending = status === 'proposed_close' || status === 'proposed_report'
  const body = h('div', { class: 'actions' })
  if (CLOSED.includes(status))
    body.append(
      h(
        'p',
        { class: 'muted' },
        ctx.review?.decision ? `${ctx.review.decision.line}.` : `${label(status)}.`,
      ),
    )
  for (const block of actionBlocks(p)) body.append(block)
  if (pending && alert.proposed_by === me.id)
    body.append(
      h(
        'p',
        { class: 'muted', id: 'four-eyes' },
        `Waiting for a second person to approve your proposal (${PROPOSES[alert.proposed_outcome ?? ''] ?? ''}).`,
      ),
    )
  if (!available.length && !CLOSED.includes(status))
    body.append(
      h('p', { class: 'muted' }, `Your role (${me.role}) may view this alert but not act on it.`),
    )
  return section(ctx.title ?? 'Case', body, p.msg)
}
