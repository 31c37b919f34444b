// What the recurring flows of the background share: the Program interface (one day's transfers at
// a time, so memory does not grow with the number of days), batch times (a pay run or a settlement
// file is booked as one batch: its transfers carry timestamps seconds apart), and the log of benign
// structures each program ran, for truth.json.
import type { DayInfo } from './calendar.ts'
import type { Party } from './parties.ts'
import type { Rng } from './rng.ts'
import { HOUR_MS, type PlannedBenign, type PlannedTx } from './types.ts'

export interface Program {
  readonly name: string
  /** Appends the transfers of one day (times inside the day) to out. */
  day(info: DayInfo, rng: Rng, out: PlannedTx[]): void
  /** Forgets what the days run so far left behind (a counting pass runs every day once first). */
  reset(): void
  /** The benign structures the program ran. */
  readonly log: BenignLog
}

export function tx(
  ts: number,
  amount: number,
  currency: string,
  debtor: Party,
  creditor: Party,
  purpose: string,
  hs = '',
): PlannedTx {
  return { ts: Math.floor(ts / 1000) * 1000, amount, currency, debtor, creditor, purpose, hs }
}

/** A batch start time between fromH and toH o'clock UTC of the day. */
export function batchStart(rng: Rng, dayMs: number, fromH: number, toH: number): number {
  return dayMs + Math.floor(rng.range(fromH, toH) * HOUR_MS)
}

/** The i-th transfer of a batch: a second or two after the one before, inside the day. */
export function inBatch(t0: number, i: number, dayMs: number): number {
  return Math.min(dayMs + 24 * HOUR_MS - 1000, t0 + i * 1500)
}

/**
 * Benign structures by key: created when first used, counting their transfers; tx-level structures
 * also keep their transfers (their ids go to truth.json once written).
 */
export class BenignLog {
  private byKey = new Map<string, PlannedBenign>()
  constructor(private prefix: string) {}

  /** The structure for key, created with its kind, accounts and params on first use. */
  get(
    key: string,
    kind: string,
    accounts: () => string[],
    params: () => Record<string, unknown> = () => ({}),
  ): PlannedBenign {
    let b = this.byKey.get(key)
    if (!b) {
      b = { id: '', kind, accounts: accounts(), txs: [], params: { ...params(), transfers: 0 } }
      this.byKey.set(key, b)
    }
    return b
  }

  /** Counts a transfer of the structure; keepTx also keeps it for its id. */
  note(b: PlannedBenign, t: PlannedTx, keepTx: boolean): void {
    ;(b.params as { transfers: number }).transfers++
    if (keepTx) b.txs.push(t)
  }

  /** Zeroes the counts and drops kept transfers (structures stay). */
  clear(): void {
    for (const b of this.byKey.values()) {
      ;(b.params as { transfers: number }).transfers = 0
      b.txs = []
    }
  }

  /** Structures that saw at least one transfer, numbered in creation order. */
  list(): PlannedBenign[] {
    const out: PlannedBenign[] = []
    let n = 0
    for (const b of this.byKey.values())
      if ((b.params as { transfers: number }).transfers > 0) {
        b.id = `${this.prefix}${String(++n).padStart(5, '0')}-${b.kind}`
        out.push(b)
      }
    return out
  }
}
