// The scan's write stage, one serial transaction: the alerts merged with earlier ones (with their
// transfers, versions and audit rows) and grouped into cases, the window's community and exposure rows, and what the next
// incremental scan builds on. A failure leaves none of them.
import { appendRows, type Store } from '../store/index.ts'
import type { Actor, Provenance } from '../schema/alert.ts'
import type { ScoredAlert } from '../score/index.ts'
import type { DetectLike, GraphLike, ScanEngines, ScanWindow } from './engines.ts'
import { mergeAlerts, type MergeCounts } from './merge-alerts.ts'
import { writeScanState, type StoredFinding } from './incremental.ts'
import { groupCases } from '../cases/case-scan.ts'
import type { ScanRun } from './scan-run.ts'

/** Who the scan's audit rows name. */
export const SCAN_ACTOR: Actor = { id: 'scan', role: 'batch' }

export interface ScanWrite {
  alerts: readonly ScoredAlert[]
  provenance: Provenance
  window: ScanWindow
  graph: GraphLike
  detect: DetectLike
  /** The incremental basis, where the detectors' history starts, the files the scan has seen. */
  basis: string
  historyStart: number | undefined
  landed: readonly string[]
  /** An account in more alerts than this is a hub and links none into one case. */
  maxAlertsPerAccount: number
}

/** Writes everything in one serial transaction; the steps' times go to summary.write_ms. */
export function writeScan(
  store: Store,
  engines: ScanEngines,
  run: ScanRun,
  w: ScanWrite,
): Promise<MergeCounts> {
  const { runId, summary, clock } = run
  // Serial: the alerts' audit rows must not race another writer for the chain's next seq.
  return store.transaction(
    async (tx) => {
      let t0 = clock()
      const lap = (step: string) => {
        summary.write_ms[step] = clock() - t0
        t0 = clock()
      }
      const counts = await mergeAlerts(tx, w.alerts, {
        runId,
        provenance: w.provenance,
        now: run.nowIso(),
        actor: SCAN_ACTOR,
      })
      // cases: alerts linked by shared payments or accounts (src/cases/case-scan.ts)
      await groupCases(tx, {
        actor: SCAN_ACTOR,
        now: run.nowIso(),
        maxAlertsPerAccount: w.maxAlertsPerAccount,
      })
      lap('alerts')
      await writeAccountTables(tx, w.graph, w.detect, runId)
      lap('accounts')
      const seeded = seededOf(engines, w.detect)
      if (seeded && w.historyStart !== undefined && w.detect.dataEnd !== undefined)
        await writeScanState(tx, {
          runId,
          window: w.window,
          historyStart: w.historyStart,
          dataEnd: w.detect.dataEnd,
          basis: w.basis,
          files: w.landed,
          seeded,
          now: run.nowIso(),
        })
      lap('state')
      tx.afterCommit(() => lap('commit'))
      return counts
    },
    { serial: true },
  )
}

/** The seedable detectors' findings with their seeds; undefined when a seedable detector did not run. */
function seededOf(engines: ScanEngines, detect: DetectLike): StoredFinding[] | undefined {
  if (!engines.seedOf || !detect.seeded) return undefined
  const out: StoredFinding[] = []
  for (const [detector, fs] of Object.entries(detect.seeded))
    for (const f of fs) {
      const seed = engines.seedOf(detector, f)
      if (seed === undefined) return undefined
      out.push({ detector, seed, finding: f })
    }
  return out
}

/**
 * Replaces the community and exposure rows of the window's accounts: rows updated in place where
 * the account has one (deleting and re-inserting every window account cost seconds of index work
 * at commit), inserted where not, deleted for window accounts this scan gave none. The accounts
 * go in as one staged batch (store appendRows) that the four statements read.
 */
async function writeAccountTables(
  tx: Parameters<Parameters<Store['transaction']>[0]>[0],
  graph: GraphLike,
  detect: DetectLike,
  runId: string,
) {
  const accounts: string[] = []
  const community: (number | null)[] = []
  const hops: (number | null)[] = []
  const inWindow: number[] = []
  const seen = new Set<string>()
  const add = (a: string, win: number) => {
    accounts.push(a)
    community.push(detect.communities.get(a) ?? null)
    hops.push(detect.exposure.get(a) ?? null)
    inWindow.push(win)
  }
  for (let i = 0; i < graph.accounts.length; i++) {
    seen.add(graph.accounts[i])
    add(graph.accounts[i], 1)
  }
  // accounts of the detectors' maps outside the window (none from the real detectors)
  for (const m of [detect.communities, detect.exposure])
    for (const a of m.keys())
      if (!seen.has(a)) {
        seen.add(a)
        add(a, 0)
      }
  await tx.run('pipeline/account-tables-stage-create')
  await appendRows(tx, 'account_tables_staged', [
    { kind: 'str', values: accounts },
    { kind: 'i32', values: community },
    { kind: 'i32', values: hops },
    { kind: 'i32', values: inWindow },
  ])
  await tx.run('pipeline/communities-delete')
  await tx.run('pipeline/exposure-delete')
  await tx.run('pipeline/communities-insert', { run_id: runId })
  await tx.run('pipeline/exposure-insert', { run_id: runId })
}
