// Closing as a false positive an alert whose party strongly matches a watch-list entry (an open hit
// scoring at least the screening threshold that makes a hit an alert) is the decision most worth a
// second look: the one who proposes it and the one who approves it each confirm it and say why in
// at least a sentence. The server refuses the action otherwise (400), naming the entry.
import type { Queries } from '../store/index.ts'
import { BadInputError } from '../util/errors.ts'

export interface StrongHit {
  hit_id: string
  account: string
  name: string
  entry_id: string
  caption: string
  list_source: string
  score: number
}

/**
 * A reason someone else can follow later: at least four words and 20 characters (a subject, a
 * verb and what was checked — "Date of birth differs from the listed person" — not "ok" or "fp").
 */
export const SENTENCE = { words: 4, chars: 20 } as const

export function isSentence(text: string | null | undefined): boolean {
  const t = (text ?? '').trim()
  const words = t.split(/\s+/).filter((w) => /\p{L}/u.test(w))
  return t.length >= SENTENCE.chars && words.length >= SENTENCE.words
}

export async function strongHits(
  tx: Queries,
  alertId: string,
  minScore: number,
): Promise<StrongHit[]> {
  return tx.all<StrongHit>('cases/alert-strong-hits', { id: alertId, min_score: minScore })
}

/** Refuses a false-positive closure of an alert with strong hits unless confirmed with a sentence. */
export function checkFalsePositive(
  hits: StrongHit[],
  act: { confirm?: boolean; reason?: string | null },
  verb: 'propose' | 'approve',
): void {
  if (!hits.length) return
  const top = hits[0]
  const what =
    `${top.name} matches the watch-list entry ${top.caption} (${top.list_source} ${top.entry_id}) ` +
    `at ${Math.round(top.score * 100)}%` +
    (hits.length > 1
      ? `, and ${hits.length - 1} more hit${hits.length > 2 ? 's' : ''} of its parties are open`
      : '')
  const hitIds = hits.map((h) => h.hit_id)
  if (act.confirm !== true)
    throw new BadInputError(
      `${what}. To ${verb === 'propose' ? 'propose closing' : 'close'} this alert as a false positive, ` +
        'confirm that the party is not the listed one and say why in at least a sentence.',
      { field: 'confirm', hits: hitIds },
    )
  if (!isSentence(act.reason))
    throw new BadInputError(
      `${what}. Closing it as a false positive needs a reason of at least a sentence ` +
        `(${SENTENCE.words} words or more) saying why the party is not the listed one.`,
      { field: 'reason', hits: hitIds },
    )
}
