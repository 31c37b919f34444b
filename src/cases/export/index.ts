// exportAlerts: alerts as JSON lines (the alert record), CSV, goAML STR XML (one reported alert) or
// FollowTheMoney entities. Reads and the export's audit row share one transaction: an export that
// fails to write leaves no audit row, and every export that happened has one.
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
import { alertPayments } from './payments.ts'

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
  return store.transaction(
    async (tx) => {
      const status = opts.format === 'goaml' ? (opts.status ?? 'reported') : opts.status
      if (opts.format === 'goaml' && status !== 'reported')
        throw new BadInputError('a goAML STR is made only for reported alerts (--status reported)')
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
      for (const a of alerts) {
        if (opts.format === 'jsonl') await write(opts.out, JSON.stringify(toAlertRecord(a)) + '\n')
        else if (opts.format === 'csv') await write(opts.out, csvRow(a))
        else if (goaml) {
          const payments = await goamlPayments(tx, a.id, goaml.currency_code_local)
          const xml = goamlReport(
            a,
            payments,
            goaml,
            await decisionReason(tx, a.id),
            goamlIndicators(a, goaml),
            now,
          )
          await write(opts.out, xml)
        } else
          for (const e of ftmEntities(a, await alertPayments(tx, a.id)))
            await write(opts.out, JSON.stringify(e) + '\n')
      }
      const ids = alerts.map((a) => a.id)
      await appendAudit(tx, {
        actor,
        action: 'export',
        entity_type: 'export',
        entity_id: `${opts.format}:${sha256(canonicalJson(ids)).slice(0, 16)}`,
        after: { format: opts.format, status: status ?? null, count: ids.length, ids },
        at: now,
      })
      return { count: alerts.length }
    },
    { serial: true },
  )
}
