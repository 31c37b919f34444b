// Reading alerts with their case state: one alert, a filtered list, notes and scan history.
import type { Queries } from '../store/index.ts'
import type { AlertStatus, Reason } from '../schema/alert.ts'
import { NotFoundError } from '../util/errors.ts'
import { parseAlertRow, type AlertRow } from './alert-row.ts'

export async function getAlert(q: Queries, id: string): Promise<AlertRow> {
  const row = await q.one('cases/alert-get', { id })
  if (!row) throw new NotFoundError(`alert ${id} not found`, { id })
  return parseAlertRow(row)
}

export interface AlertFilter {
  status?: AlertStatus | null
  typology?: string | null
  ids?: readonly string[] | null
  limit?: number
}

export async function listAlerts(q: Queries, f: AlertFilter = {}): Promise<AlertRow[]> {
  const rows = await q.all('cases/alert-list', {
    status: f.status ?? null,
    typology: f.typology ?? null,
    ids: f.ids ? JSON.stringify(f.ids) : null,
    limit: f.limit ?? 1_000_000,
  })
  return rows.map(parseAlertRow)
}

export async function alertNotes(q: Queries, id: string) {
  return q.all<{ alert_id: string; author: string; created_at: string; text: string }>(
    'cases/notes-of-alert',
    { alert_id: id },
  )
}

export interface AlertVersion {
  alert_id: string
  version: number
  run_id: string
  score: number
  reasons: Reason[]
  tx_count: number
  note: string | null
  created_at: string
}

export async function alertVersions(q: Queries, id: string): Promise<AlertVersion[]> {
  const rows = await q.all<AlertVersion & { reasons: string }>('cases/versions-of-alert', {
    alert_id: id,
  })
  return rows.map((r) => ({ ...r, reasons: JSON.parse(r.reasons) as Reason[] }))
}
