// exportAlerts: alerts as JSON lines (the alert record), CSV, goAML STR XML (one reported alert) or
// FollowTheMoney entities. The export reads one snapshot and writes its output; then its audit row
// (which alerts went out) is appended in a short serial transaction of its own, so that a long
// export (FtM of every new alert: a query per alert) does not hold the audit writer lock that case
// actions and scans wait for. An export that fails to read or write leaves no audit row; one whose
// audit row cannot be written fails (the server then sends nothing: it answers once this resolves).
import type { Store } from '../../store/index.ts'
import type { Actor, AlertStatus } from '../../schema/alert.ts'
import { BadInputError } from '../../util/errors.ts'
import { canonicalJson, sha256 } from '../../util/hash.ts'
import { toAlertRecord, type AlertRow } from '../alert-row.ts'
import { appendAudit } from '../audit.ts'
import { listAlerts } from '../read.ts'
import { csvHeader, csvRow } from './csv.ts'
import { ftmEntities } from './ftm.ts'
import { goamlReport } from './goaml.ts'
import { GoamlConfig, requireGoamlSettings } from './goaml-config.ts'
import { decisionReason, goamlIndicators, goamlPayments } from './goaml-data.ts'
import { paymentsOfAlerts, type AlertPayment } from './payments.ts'

/** Alerts whose payments one query reads (FtM export). */
const PAYMENT_BATCH = 500
/** Longest stretch of export work between two turns of the event loop. */
const YIELD_MS = 10

export const EXPORT_FORMATS = ['jsonl', 'csv', 'goaml', 'ftm'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export interface ExportOptions {
  format: ExportFormat
  status?: AlertStatus
  ids?: readonly string[]
  out: NodeJS.WritableStream
  /** Config section cases.goaml; a goAML export refuses while its settings are placeholders. */
  goaml?: GoamlConfig
  /** ISO time of the export (goAML submission date, audit row); default now. */
  now?: string
}

function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = out.write(text, (e) => (e ? reject(e) : undefined))
    if (ok) resolve()
    else out.once('drain', () => resolve())
  })
}

export async function exportAlerts(
  store: Store,
  actor: Actor,
  opts: ExportOptions,
): Promise<{ count: number }> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format))
    throw new BadInputError(`unknown export format ${opts.format} (jsonl, csv, goaml, ftm)`)
  const now = opts.now ?? new Date().toISOString()
  const goaml =
    opts.format === 'goaml' ? requireGoamlSettings(opts.goaml ?? GoamlConfig.parse({})) : null
  const status = opts.format === 'goaml' ? (opts.status ?? 'reported') : opts.status
  if (opts.format === 'goaml' && status !== 'reported')
    throw new BadInputError('a goAML STR is made only for reported alerts (--status reported)')
  // one snapshot: the alerts and their payments as of one moment
  const ids = await store.transaction(async (tx) => {
    const alerts: AlertRow[] = await listAlerts(tx, {
      status,
      ids: opts.ids?.length ? opts.ids : null,
    })
    if (opts.ids?.length) {
      const found = new Set(alerts.map((a) => a.id))
      const missing = opts.ids.filter((id) => !found.has(id))
      if (missing.length)
        throw new BadInputError(
          `no ${status ? status + ' ' : ''}alert with id ${missing.join(', ')}`,
          { ids: missing },
        )
    }
    if (opts.format === 'goaml' && alerts.length !== 1)
      throw new BadInputError(
        `a goAML report holds one alert; ${alerts.length} reported alerts match: choose one with --id`,
      )
    if (opts.format === 'csv') await write(opts.out, csvHeader())
    let payments = new Map<string, AlertPayment[]>()
    let ran = performance.now()
    for (const [i, a] of alerts.entries()) {
      // a long export (an FtM of every alert) gives the event loop back every few milliseconds:
      // in the server, the API answers meanwhile
      if (performance.now() - ran > YIELD_MS) {
        await new Promise((r) => setImmediate(r))
        ran = performance.now()
      }
      if (opts.format === 'jsonl') await write(opts.out, JSON.stringify(toAlertRecord(a)) + '\n')
      else if (opts.format === 'csv') await write(opts.out, csvRow(a))
      else if (goaml) {
        const rows = await goamlPayments(tx, a.id, goaml.currency_code_local)
        const xml = goamlReport(
          a,
          rows,
          goaml,
          await decisionReason(tx, a.id),
          goamlIndicators(a, goaml),
          now,
        )
        await write(opts.out, xml)
      } else {
        // the payments of the next PAYMENT_BATCH alerts in one query
        if (i % PAYMENT_BATCH === 0)
          payments = await paymentsOfAlerts(
            tx,
            alerts.slice(i, i + PAYMENT_BATCH).map((x) => x.id),
          )
        for (const e of ftmEntities(a, payments.get(a.id)!))
          await write(opts.out, JSON.stringify(e) + '\n')
      }
    }
    return alerts.map((a) => a.id)
  })
  await store.transaction(
    (tx) =>
      appendAudit(tx, {
        actor,
        action: 'export',
        entity_type: 'export',
        entity_id: `${opts.format}:${sha256(canonicalJson(ids)).slice(0, 16)}`,
        after: { format: opts.format, status: status ?? null, count: ids.length, ids },
        at: now,
      }),
    { serial: true },
  )
  return { count: ids.length }
}
