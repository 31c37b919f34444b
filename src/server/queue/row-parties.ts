// What a queue row shows of an alert's parties, places and goods (queries/server/queue-summary.sql):
// the first few party names with how many there are, the countries, the goods categories and the
// strongest open watch-list hit. The same for the in-memory queue and the SQL queue.
import type { QueueParties } from '../../schema/queue.ts'

/** A row of queries/server/queue-summary.sql. */
export interface QueueSummary {
  id: string
  party_names: string[]
  countries: string[]
  goods: string[]
  list_entries: string[]
  listed_names: string[]
  hit_score: number | null
}

/** How many party names a row carries; the rest are counted ("+N more"). */
export const ROW_NAMES = 3

export function queueRowParties(s: QueueSummary | undefined): QueueParties {
  const names = s?.party_names ?? []
  return {
    parties: names.slice(0, ROW_NAMES),
    party_count: names.length,
    countries: s?.countries ?? [],
    goods: s?.goods ?? [],
    hit_score: s?.hit_score ?? null,
  }
}
