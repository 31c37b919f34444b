// bench:scan's alert-write step: mergeAlerts (alerts, their transfer links, versions and audit
// rows, one serial transaction) of `n` new alerts into a copy of the landed database, timed by the
// clock and by this process's CPU (DuckDB's threads included). The alerts are synthetic (a 1 M
// scan keeps about 540 within its budget, too few to time): 12 transfers, 5 accounts and 3
// reasons each, as a fan alert carries.
import { copyFileSync, rmSync } from 'node:fs'
import { openStore } from '../src/store/index.ts'
import { mergeAlerts } from '../src/pipeline/index.ts'
import { ephemeralAuditKey } from '../src/util/audit-key.ts'
import type { ScoredAlert } from '../src/score/index.ts'

export async function timeAlertWrites(
  landed: string,
  copy: string,
  n: number,
): Promise<{ wallMs: number; cpuMs: number }> {
  copyFileSync(landed, copy)
  const store = await openStore({ path: copy, auditKey: ephemeralAuditKey() })
  try {
    const alerts = syntheticAlerts(n)
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    const counts = await store.transaction(
      (tx) =>
        mergeAlerts(tx, alerts, {
          runId: 'R-bench',
          provenance: {
            run_id: 'R-bench',
            detector_version: 'bench',
            config_hash: 'bench',
            list_versions: {},
            input_files: ['F-1'],
          },
          now: new Date().toISOString(),
          actor: { id: 'scan', role: 'batch' },
        }),
      { serial: true },
    )
    const wallMs = performance.now() - t0
    const cu = process.cpuUsage(c0)
    if (counts.new !== n) throw new Error(`${counts.new} of ${n} alerts written`)
    return { wallMs, cpuMs: (cu.user + cu.system) / 1000 }
  } finally {
    await store.close()
    rmSync(copy, { force: true })
    rmSync(`${copy}.wal`, { force: true })
  }
}

function syntheticAlerts(n: number): ScoredAlert[] {
  return Array.from({ length: n }, (_, i) => {
    const tx = Array.from({ length: 12 }, (_, k) => `BENCH-TX-${i}-${k}`)
    const accounts = Array.from({ length: 5 }, (_, k) => `DE${String(i * 7 + k).padStart(20, '0')}`)
    return {
      id: `A-bench${i.toString(16).padStart(10, '0')}`,
      typology: 'fan_in',
      key: `fan_in:${accounts[0]}:${i}`,
      accounts_key: `bench-${i}`,
      score: 60 + (i % 40),
      reasons: [
        { code: 'FAN_IN', text: `12 payers into one account within 3 days (${i})`, weight: 30 },
        { code: 'NEW_ACCOUNTS', text: '5 accounts first seen in the window', weight: 10 },
        { code: 'RISKY_ROUTE', text: 'a hop through a diversion hub', weight: 15 },
      ],
      accounts,
      tx_ids: tx,
      first_ts: '2026-10-01T00:00:00.000000Z',
      last_ts: '2026-10-03T00:00:00.000000Z',
      total_amount: 123456.78 + i,
      currency: 'EUR',
      total_amount_base: 123456.78 + i,
      base_currency: 'EUR',
      evidence: ['NEW_ACCOUNTS'],
      typologies: ['fan_in'],
      community: i % 100,
      finding: { typology: 'fan_in', key: `fan_in:${i}`, accounts, tx_ids: tx },
    }
  })
}
