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
  alerts: z.object({
    new: z.number(),
    updated: z.number(),
    reopened: z.number(),
    unchanged: z.number(),
  }),
  stages_ms: z.record(z.string(), z.number()),
  config_hash: z.string(),
  detector_version: z.string(),
  list_versions: z.record(z.string(), z.string()),
  input_files: z.number(),
  /** The currency amounts were compared in (config fx.base_currency). */
  base_currency: z.string(),
  /** Currencies of the window with no reference rate: compared only within their own currency. */
  fx_missing: z.array(z.string()),
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
  lines.push(`scored      ${s.scored} (${s.below_threshold} below the alert threshold)`)
  lines.push(
    `alerts      new ${s.alerts.new}, updated ${s.alerts.updated}, reopened ${s.alerts.reopened}, unchanged ${s.alerts.unchanged}`,
  )
  lines.push(
    `stages      ${Object.entries(s.stages_ms)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`)
      .join(', ')}`,
  )
  lines.push(
    `amounts     in ${s.base_currency}${s.fx_missing.length ? `; no reference rate for ${s.fx_missing.join(', ')} (compared only within their own currency)` : ''}`,
  )
  lines.push(`config      ${s.config_hash}, detectors ${s.detector_version}`)
  return lines.join('\n')
}
