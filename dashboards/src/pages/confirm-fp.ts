// The confirmation a false positive needs on an alert or case with a strong watch-list hit: a box
// naming the hits, asking for a reason of at least a sentence before the action is sent.
import { h } from '../dom.ts'
import type { Review } from '../../../src/schema/review.ts'

export function isSentence(text: string, rule: { words: number; chars: number }): boolean {
  const t = text.trim()
  return (
    t.length >= rule.chars && t.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= rule.words
  )
}

/** The hits the confirmation names, one line. */
function hitsLine(review: Review | undefined): string {
  return (review?.strong_hits ?? [])
    .map(
      (x) =>
        `${x.name} matches ${x.caption} (${x.list_source} ${x.entry_id}) at ${Math.round(x.score * 100)}%`,
    )
    .join('; ')
}

/**
 * Shows the confirmation under `anchor` (replacing an earlier one), the reason typed so far in it;
 * `go` sends the action with the confirmed reason, its refusal shown in `error`.
 */
export function confirmFalsePositive(
  anchor: HTMLElement,
  review: Review | undefined,
  typed: string,
  go: (reason: string, error: HTMLElement) => Promise<void>,
): void {
  anchor.querySelector('#confirm-fp')?.remove()
  const rule = review?.sentence ?? { words: 4, chars: 20 }
  const why = h('textarea', {
    id: 'confirm-fp-reason',
    rows: 3,
    placeholder: 'why the party is not the listed one (at least a sentence)',
  })
  why.value = typed
  const error = h('p', { class: 'error', role: 'alert' })
  const yes = () => {
    if (!isSentence(why.value, rule)) {
      error.textContent =
        `Say why the party is not the listed one in at least a sentence ` +
        `(${rule.words} words or more).`
      return
    }
    error.textContent = ''
    void go(why.value.trim(), error)
  }
  const box = h(
    'div',
    { class: 'confirm', id: 'confirm-fp', role: 'alertdialog', 'aria-labelledby': 'confirm-fp-q' },
    h(
      'p',
      { id: 'confirm-fp-q' },
      h('strong', {}, 'Close as false positive despite a watch-list hit?'),
    ),
    h('p', { class: 'hits-line' }, hitsLine(review)),
    why,
    error,
    h(
      'button',
      { type: 'button', class: 'primary', id: 'confirm-fp-yes', onclick: yes },
      'Yes, it is a false positive',
    ),
    h('button', { type: 'button', id: 'confirm-fp-no', onclick: () => box.remove() }, 'Cancel'),
  )
  anchor.append(box)
  why.focus()
}
