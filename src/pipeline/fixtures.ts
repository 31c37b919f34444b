// Test fixtures for the scan's own logic: payments written straight into the store, and scan
// engines that hand back given findings and screening, so merging, provenance and reproduction are
// tested without the real screen/graph/detect modules (the end-to-end test runs those).
import type { Store } from '../store/index.ts'
import type { Finding } from '../schema/finding.ts'
import { EMPTY_RISK, type RiskContext } from '../score/index.ts'
import type { ScanEngines } from './engines.ts'

export interface FixturePayment {
  tx_id: string
  ts: string
  amount: number
  debtor: string
  creditor: string
  currency?: string
  purpose?: string
  hs_code?: string
  file_id?: string
}

export async function seedPayments(store: Store, rows: readonly FixturePayment[]): Promise<void> {
  await store.conn.exclusive(async (raw) => {
    for (const [i, r] of rows.entries())
      await raw.run(
        `insert into payments (tx_id, ts, amount, currency, debtor_account, creditor_account, debtor_name,
           creditor_name, debtor_country, creditor_country, purpose, hs_code, file_id, source_row)
         values ($tx, $ts::timestamp, $amount::decimal(18,2), $cur, $d, $c, $dn, $cn, $dc, $cc, $purpose, $hs, $file, $row)`,
        {
          tx: r.tx_id,
          ts: r.ts.replace('T', ' ').replace('Z', ''),
          amount: r.amount.toFixed(2),
          cur: r.currency ?? 'EUR',
          d: r.debtor,
          c: r.creditor,
          dn: `${r.debtor} Holding`,
          cn: `${r.creditor} Trading`,
          dc: r.debtor.slice(0, 2),
          cc: r.creditor.slice(0, 2),
          purpose: r.purpose ?? null,
          hs: r.hs_code ?? null,
          file: r.file_id ?? 'f'.repeat(64),
          row: i + 1,
        },
      )
  })
}

/** Engines that return the given findings (per call, in turn) and screening context. */
export function fixedEngines(
  findingsPerRun: Finding[][],
  ctx: RiskContext = EMPTY_RISK,
  communities: Map<string, number> = new Map(),
): ScanEngines & { calls: number } {
  const engines = {
    calls: 0,
    detectorVersion: 'fixture-1',
    screenWindow: async () => undefined,
    readScreening: async () => ctx,
    loadWindow: async (_store: Store, w: { from?: string; to?: string }) => ({
      window: { from: w.from ?? '', to: w.to ?? '' },
      accounts: [...new Set(findingsPerRun.flat().flatMap((f) => f.accounts))].sort(),
    }),
    runDetectors: () => {
      const findings = findingsPerRun[Math.min(engines.calls, findingsPerRun.length - 1)]
      engines.calls++
      return { findings, communities, exposure: new Map(), stats: {} }
    },
  }
  return engines
}
