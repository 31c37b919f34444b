// The review step at the top of the alert page: a pending proposal (who proposes what, when, their
// reason and the transfers and hits they cite) for the one who approves or rejects it, or the
// decision once taken ("Closed as false positive by sue on ana's proposal").
import { h, money, when } from '../dom.ts'
import type { CitedEvidence, Review } from '../../../src/schema/review.ts'

/** What a proposal asks for, as a verb phrase. */
export const PROPOSES: Record<string, string> = {
  closed_false_positive: 'close as false positive',
  closed_benign: 'close as benign',
  reported: 'report to the FIU',
}

function evidenceItem(e: CitedEvidence): HTMLElement {
  if (e.kind === 'transfer')
    return h(
      'li',
      { 'data-id': e.id },
      h('strong', {}, `transfer ${e.hop !== null ? `#${e.hop} ` : ''}${e.id}`),
      ` · ${when(e.ts)} · ${money(e.amount, e.currency)} · ${e.debtor_name ?? '?'} → ${e.creditor_name ?? '?'}`,
    )
  return h(
    'li',
    { 'data-id': e.id },
    h('strong', {}, `watch-list hit ${e.entry_id}`),
    ` · ${e.caption} (${e.list_source}, ${Math.round(e.score * 100)}%) for ${e.name}`,
  )
}

export function reviewBanner(review: Review | undefined): HTMLElement | null {
  if (!review) return null
  const p = review.proposal
  if (p)
    return h(
      'section',
      {
        class: 'review-banner pending',
        id: 'review-banner',
        role: 'region',
        'aria-label': 'Proposal',
      },
      h(
        'p',
        { class: 'headline' },
        h('strong', {}, `${p.by} proposes: ${PROPOSES[p.outcome] ?? p.outcome}`),
        h('span', { class: 'sub' }, ` · ${when(p.at)} · needs a second person`),
      ),
      p.reason ? h('blockquote', { class: 'reason' }, p.reason) : null,
      p.evidence.length
        ? h(
            'div',
            { class: 'evidence' },
            h('span', { class: 'sub' }, 'Evidence cited:'),
            h('ul', {}, p.evidence.map(evidenceItem)),
          )
        : h('p', { class: 'sub' }, 'No evidence cited beyond the alert’s reasons.'),
      review.strong_hits.length && p.outcome === 'closed_false_positive'
        ? h(
            'p',
            { class: 'warn-line' },
            `⚠ ${review.strong_hits
              .map(
                (x) =>
                  `${x.name} matches ${x.caption} (${x.list_source} ${x.entry_id}, ${Math.round(x.score * 100)}%)`,
              )
              .join('; ')}`,
          )
        : null,
    )
  const d = review.decision
  if (d)
    return h(
      'section',
      {
        class: 'review-banner decided',
        id: 'review-banner',
        role: 'region',
        'aria-label': 'Decision',
      },
      h(
        'p',
        { class: 'headline' },
        h('strong', { id: 'decision' }, d.line),
        h('span', { class: 'sub' }, ` · ${when(d.at)}`),
      ),
      d.proposal_reason && d.proposed_by && d.proposed_by !== d.by
        ? h('blockquote', { class: 'reason' }, `${d.proposed_by}: ${d.proposal_reason}`)
        : null,
      d.reason ? h('blockquote', { class: 'reason' }, `${d.by}: ${d.reason}`) : null,
    )
  return null
}

type AuditRow = {
  actor: string
  action: string
  reason?: string | null
  before?: Record<string, unknown> | null
  after?: Record<string, unknown> | null
}

/** One line of the alert's history as a sentence ("sue approved ana's proposal to …"). */
export function historyLine(x: AuditRow): string {
  const line = historySentence(x)
  const onCase = (x.after ?? {}).case_id
  // an alert's row written by an action on its case says so
  return onCase && !['case.join', 'case.link', 'case.unlink'].includes(x.action)
    ? `${line} (on case ${String(onCase)})`
    : line
}

function historySentence(x: AuditRow): string {
  const after = x.after ?? {}
  const before = x.before ?? {}
  const outcome = String(after.proposed_outcome ?? before.proposed_outcome ?? '')
  const to = String(after.status ?? '').replace(/_/g, ' ')
  const whose = before.proposed_by ? `${String(before.proposed_by)}'s proposal` : 'the proposal'
  switch (x.action) {
    case 'alert.create':
      return 'Raised by the scan'
    case 'alert.update':
      return 'Updated by a scan with new evidence'
    case 'alert.reopen':
      return `Reopened by a scan with new evidence (${to})`
    case 'case.assign':
      return after.assignee
        ? `${x.actor} assigned it to ${after.assignee}`
        : `${x.actor} unassigned it`
    case 'case.note':
      return `${x.actor} added a note`
    case 'case.start_review':
      return `${x.actor} started the review`
    case 'case.escalate':
      return `${x.actor} escalated it`
    case 'case.propose':
      return `${x.actor} proposed to ${PROPOSES[outcome] ?? outcome}`
    case 'case.approve':
      return `${x.actor} approved ${whose}: ${(DECISIONS[to.replace(/ /g, '_')] ?? to).toLowerCase()}`
    case 'case.reject':
      return `${x.actor} rejected ${whose} to ${PROPOSES[outcome] ?? outcome}`
    case 'case.create':
      return `Case opened by ${x.actor === 'scan' ? 'the scan' : x.actor} with ${((after.alerts as string[] | undefined) ?? []).join(', ')}`
    case 'case.join':
      return after.case_id
        ? `Joined case ${String(after.case_id)}: ${String(after.why ?? '')}`
        : `${((after.alerts as string[] | undefined) ?? []).join(', ')} joined the case`
    case 'case.link':
      return after.case_id
        ? `${x.actor} linked it into case ${String(after.case_id)}`
        : `${x.actor} linked ${((after.alerts as string[] | undefined) ?? []).join(', ')} into the case`
    case 'case.unlink':
      // taken out by hand: the alert's row, then the case's; else moved by a link into another case
      if (before.case_id)
        return `${x.actor} took it out of case ${String(before.case_id)}; it is case ${String(after.case_id ?? '')} now`
      return Array.isArray(after.alerts)
        ? `${x.actor} took ${String(after.alert ?? '')} out of the case (now case ${String(after.moved_to ?? '')})`
        : `${String(after.alert ?? '')} moved to case ${String(after.moved_to ?? '')}`
    case 'case.withdraw':
      return x.reason
        ? 'The pending proposal was withdrawn'
        : 'The pending proposal was withdrawn: a new alert joined the case'
    case 'case.reopen':
      return `Reopened (${to}): new evidence`
    case 'case.follow':
      return `Brought in step with its case (${to})`
    default:
      return `${x.actor}: ${x.action}`
  }
}

const DECISIONS: Record<string, string> = {
  closed_false_positive: 'Closed as false positive',
  closed_benign: 'Closed as benign',
  reported: 'Reported to the FIU',
}
