// The evaluation report as a plain-text table for the terminal.
import type { EvalReport } from './evaluate.ts'
import { maxOf } from '../util/array.ts'

const pct = (x: number | null): string => (x === null ? '–' : `${(x * 100).toFixed(1)}%`)

export function formatEvalTable(r: EvalReport): string {
  const head = ['typology', 'planted', 'found', 'recall', 'typed', 'alerts', 'true', 'precision']
  const body = r.by_typology.map((t) => [
    t.typology === 'random' ? 'random*' : t.typology,
    String(t.planted),
    String(t.found),
    pct(t.recall),
    pct(t.typed_recall),
    String(t.alerts),
    String(t.true_alerts),
    pct(t.precision),
  ])
  const total = [
    'all',
    String(r.patterns),
    String(r.found),
    pct(r.recall),
    '',
    String(r.alerts),
    String(r.true_alerts),
    pct(r.precision),
  ]
  const all = [head, ...body, total]
  const widths = head.map((_, i) => maxOf(all, (row) => row[i].length))
  const line = (row: string[]) =>
    row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  const out = [
    line(head),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
    widths.map((w) => '-'.repeat(w)).join('  '),
    line(total),
    '',
  ]
  out.push(
    `precision at K=${r.k}: ${pct(r.precision_at_k)} (${r.true_in_top_k} of the top ${r.k} alerts by score are true)`,
  )
  out.push(
    `controlled-goods rings: ${r.controlled_goods.in_top_k} of ${r.controlled_goods.planted} found by a top-${r.k} alert (${r.controlled_goods.found} found at all)`,
  )
  out.push(
    `listed-party patterns: ${r.listed_party.in_top_k} of ${r.listed_party.planted} found by a top-${r.k} alert (${r.listed_party.found} found at all)`,
  )
  const a = r.accounts
  out.push(
    `accounts: ${a.true_alerted.toLocaleString('en')} of ${a.labelled.toLocaleString('en')} labelled accounts alerted (recall ${pct(a.recall)}); ` +
      `${a.alerted.toLocaleString('en')} accounts alerted, ${a.true_alerted.toLocaleString('en')} of them labelled (precision ${pct(a.precision)})` +
      (a.source === 'pattern_accounts' ? ' [labelled = accounts of planted patterns]' : ''),
  )
  if (a.alerts_without_accounts)
    out.push(
      `  ${a.alerts_without_accounts} alerts name no accounts and are left out of these figures`,
    )
  out.push(
    r.alerts_per_10k === null
      ? `alert load: ${r.alerts} alerts (transfer count unknown: no alerts per 10,000 transfers)`
      : `alert load: ${r.alerts.toLocaleString('en')} alerts on ${r.transfers!.toLocaleString('en')} transfers = ${r.alerts_per_10k.toFixed(2)} per 10,000 transfers` +
          (r.transfers_source ? ` (${r.transfers_source})` : ''),
  )
  if (r.alerts_per_pattern.max !== null)
    out.push(
      `alerts per found pattern (sharing a transfer with it): max ${r.alerts_per_pattern.max}, mean ${r.alerts_per_pattern.mean!.toFixed(2)}`,
    )
  const benign = Object.entries(r.false_on_benign)
  if (benign.length)
    out.push(
      `false alerts on benign look-alikes: ${benign.map(([k, n]) => `${k} ${n}`).join(', ')}`,
    )
  if (r.missed.length) out.push(`missed (${r.missed.length}): ${r.missed.join(', ')}`)
  if (r.by_typology.some((t) => t.typology === 'random'))
    out.push(
      "* random = AMLworld's RANDOM walk through a few fresh accounts; 'typed' counts layering or cycle alerts",
    )
  out.push(
    "found: one alert covers ≥ 50% of the pattern's transfers; true alert: ≥ 50% of its transfers are planted",
  )
  return out.join('\n') + '\n'
}
