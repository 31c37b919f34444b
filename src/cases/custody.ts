// The chain of custody between two actors (queries/cases/custody-related.sql): a user created,
// approved, promoted or re-keyed by another is, for four eyes, not a second person to them.
import type { Queries } from '../store/index.ts'

export async function sameCustody(q: Queries, a: string, b: string): Promise<boolean> {
  if (a === b) return true
  const r = await q.one<{ n: number }>('cases/custody-related', { a, b })
  return Number(r?.n ?? 0) > 0
}
