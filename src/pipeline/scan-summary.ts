// What a scan reports: window, transfers, findings per typology, alerts new / updated / reopened,
// time per stage. Stored in runs.summary and printed by `ringwatch scan`.
import { z } from 'zod'

export const ScanSummary = z.object({
  run_id: z.string(),
  status: z.enum(['ok', 'failed', 'empty']),
  window: z.object({ from: z.string(), to: z.string() }).nullable(),
  transfers: z.number(),
  accounts: z.number(),
  findings: z.record(z.string(), z.number()),
  truncated: z.array(z.string()),
  scored: z.number(),
  below_threshold: z.number(),
  /** Findings with no risk signal of their own (the shape alone): never alerts. */
  shape_only: z.number().default(0),
  /** Candidates explained by one corporate group (score.context.intra_group): not alerted. */
  intra_group: z.number().default(0),
  /** The alert budget: allowed alerts, candidates held back and the score at the cut. */
  budget: z
    .object({
      max_per_10k_transfers: z.number().nullable(),
      allowed: z.number().nullable(),
      held_back: z.number(),
      cut_score: z.number().nullable(),
    })
    .nullable()
    .default(null),
  /** Alerts this scan raised or updated (after grouping and the budget), and per 10,000 transfers. */
  alerts_kept: z.number().default(0),
  alerts_per_10k: z.number().default(0),
  alerts: z.object({
    new: z.number(),
    updated: z.number(),
    reopened: z.number(),
    unchanged: z.number(),
  }),
  stages_ms: z.record(z.string(), z.number()),
  /** Time per detector inside the detect stage (ms). */
  detectors_ms: z.record(z.string(), z.number()).default({}),
  /**
   * Steps of the write stage (ms): alerts (merged alerts with their transfers, versions and audit
   * rows), accounts (community and exposure rows), state (what the next incremental scan reads),
   * commit.
   */
  write_ms: z.record(z.string(), z.number()).default({}),
  config_hash: z.string(),
  detector_version: z.string(),
  list_versions: z.record(z.string(), z.string()),
  input_files: z.number(),
  /** The currency amounts were compared in (config fx.base_currency). */
  base_currency: z.string(),
  /** Currencies of the window with no reference rate: compared only within their own currency. */
  fx_missing: z.array(z.string()),
  /**
   * full: every detector over the whole window (mode_reason says why); incremental: the seedable
   * detectors searched only around the new transfers (pipeline/incremental.ts).
   */
  mode: z.enum(['full', 'incremental']).default('full'),
  mode_reason: z.string().nullable().default(null),
  /** Incremental: transfers of the window the earlier scan had not seen. */
  new_transfers: z.number().nullable().default(null),
  /** Incremental: earlier findings kept and dropped, seed accounts searched again. */
  incremental: z
    .object({ kept: z.number(), dropped: z.number(), seeds: z.number() })
    .nullable()
    .default(null),
  /** SHA-256 of the alerts the scan kept: equal for an incremental scan and a full one. */
  alerts_digest: z.string().nullable().default(null),
})
export type ScanSummary = z.infer<typeof ScanSummary>

export function formatScanSummary(s: ScanSummary): string {
  const lines = [`scan ${s.run_id}: ${s.status}`]
  if (s.window) lines.push(`window      ${s.window.from} .. ${s.window.to}`)
  lines.push(
    `transfers   ${s.transfers.toLocaleString('en')} (${s.accounts.toLocaleString('en')} accounts, ${s.input_files} input files)`,
  )
  const f = Object.entries(s.findings).sort((a, b) => (a[0] < b[0] ? -1 : 1))
  lines.push(`findings    ${f.length ? f.map(([k, v]) => `${k} ${v}`).join(', ') : 'none'}`)
  if (s.truncated.length) lines.push(`truncated   ${s.truncated.join(', ')} (work bound reached)`)
  lines.push(
    `scored      ${s.scored} (${s.below_threshold} below the alert threshold, ${s.shape_only} with no risk signal of their own${s.intra_group ? `, ${s.intra_group} inside one corporate group` : ''})`,
  )
  if (s.budget?.allowed !== null && s.budget?.allowed !== undefined)
    lines.push(
      `budget      ${s.budget.max_per_10k_transfers} per 10,000 transfers: ${s.budget.allowed} allowed, ${s.budget.held_back} held back${s.budget.cut_score !== null ? `, cut at score ${s.budget.cut_score}` : ''}`,
    )
  lines.push(
    `alerts/10k  ${s.alerts_per_10k} (${s.alerts_kept} alerts over ${s.transfers.toLocaleString('en')} transfers)`,
  )
  lines.push(
    `alerts      new ${s.alerts.new}, updated ${s.alerts.updated}, reopened ${s.alerts.reopened}, unchanged ${s.alerts.unchanged}`,
  )
  lines.push(
    `stages      ${Object.entries(s.stages_ms)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`)
      .join(', ')}`,
  )
  const dm = Object.entries(s.detectors_ms).filter(([, v]) => v >= 100)
  if (dm.length)
    lines.push(
      `detectors   ${dm
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`)
        .join(', ')}`,
    )
  lines.push(
    `amounts     in ${s.base_currency}${s.fx_missing.length ? `; no reference rate for ${s.fx_missing.join(', ')} (compared only within their own currency)` : ''}`,
  )
  lines.push(
    s.mode === 'incremental'
      ? `mode        incremental: ${s.new_transfers ?? 0} new transfers; ${s.incremental?.seeds ?? 0} accounts searched again, ${s.incremental?.kept ?? 0} earlier findings kept`
      : `mode        full${s.mode_reason ? ` (${s.mode_reason})` : ''}`,
  )
  lines.push(`config      ${s.config_hash}, detectors ${s.detector_version}`)
  return lines.join('\n')
}
