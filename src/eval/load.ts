// Where alerts come from for evaluation: the store (tables alerts + alert_transfers) or a JSON-lines
// export (`ringwatch alerts export`); and the truth file. Bad input names file, line and field.
import { createReadStream, existsSync, readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import type { Store } from '../store/index.ts'
import { Truth } from '../schema/truth.ts'
import { BadInputError, UnreadableFileError } from '../util/errors.ts'
import { EvalAlert } from './evaluate.ts'

export async function loadAlertsFromStore(store: Store): Promise<EvalAlert[]> {
  const alerts = await store.all<{
    id: string
    typology: string
    score: number
    accounts: string[] | null
  }>('eval/alerts')
  const links = await store.all<{ alert_id: string; tx_id: string }>('eval/alert-transfers')
  const txs = new Map<string, string[]>()
  for (const l of links) {
    const list = txs.get(l.alert_id)
    if (list) list.push(l.tx_id)
    else txs.set(l.alert_id, [l.tx_id])
  }
  return alerts.map((a) => ({
    id: a.id,
    typology: a.typology,
    score: Number(a.score),
    tx_ids: txs.get(a.id) ?? [],
    accounts: a.accounts ?? [],
  }))
}

/** The latest finished scan's window and the payments in it (for alerts per 10,000 transfers);
 *  null when the database holds no finished scan with a window. */
export async function loadScanWindow(
  store: Store,
): Promise<{ from: string; to: string; transfers: number } | null> {
  const w = await store.one<{ from: string | null; to: string | null }>('eval/latest-scan-window', {
    kind: 'scan',
    status: 'ok',
  })
  if (!w?.from || !w.to) return null
  const n = await store.one<{ n: number }>('graph/window-count', { from: w.from, to: w.to })
  return { from: w.from, to: w.to, transfers: Number(n?.n ?? 0) }
}

/** Rows of the data set a truth file describes: params.rows, else days × per_day; else null. */
export function truthRows(truth: Truth): number | null {
  const { rows, days, per_day } = truth.params as Record<string, unknown>
  if (typeof rows === 'number') return rows
  if (typeof days === 'number' && typeof per_day === 'number') return days * per_day
  return null
}

export async function loadAlertsFromJsonl(file: string): Promise<EvalAlert[]> {
  if (!existsSync(file)) throw new UnreadableFileError(`${file}: no such file`, { file })
  const out: EvalAlert[] = []
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity })
  let n = 0
  for await (const line of lines) {
    n++
    if (!line.trim()) continue
    let raw: unknown
    try {
      raw = JSON.parse(line)
    } catch (e) {
      throw new BadInputError(`${file}:${n}: not valid JSON: ${(e as Error).message}`, {
        file,
        line: n,
      })
    }
    const r = EvalAlert.safeParse(raw)
    if (!r.success) {
      const issue = r.error.issues[0]
      const field = issue.path.join('.')
      throw new BadInputError(`${file}:${n}: field ${field || '(line)'}: ${issue.message}`, {
        file,
        line: n,
        field,
      })
    }
    out.push(r.data)
  }
  return out
}

export function loadTruth(file: string): Truth {
  if (!existsSync(file)) throw new UnreadableFileError(`${file}: no such file`, { file })
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    throw new BadInputError(`${file}: not valid JSON: ${(e as Error).message}`, { file })
  }
  const r = Truth.safeParse(raw)
  if (!r.success) {
    const issue = r.error.issues[0]
    const field = issue.path.join('.')
    throw new BadInputError(`${file}: field ${field}: ${issue.message}`, { file, field })
  }
  return r.data
}
