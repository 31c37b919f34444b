// loadWindow: reads the scan window's transfers from DuckDB as column vectors (no object per row)
// and builds the PaymentGraph. The window: graph/window.ts (by default the 30 days up to the end of
// the latest payment's day).
import { readColumns, type Store } from '../store/index.ts'
import { quietProgress, type Progress } from '../util/progress.ts'
import { buildGraph } from './build.ts'
import { isoOfMicros } from './time.ts'
import { DEFAULT_WINDOW_DAYS, resolveWindow } from './window.ts'
import type { PaymentGraph } from './types.ts'

/** Purpose wording that marks a refund, reversal or chargeback (lower-cased text, RE2 syntax). */
export const REFUND_PATTERN =
  'refund|rückerstattung|ruckerstattung|erstattung|chargeback|charge back|reversal|storno|return|remboursement|reembolso|rimborso'
/** Purpose wording that marks salaries and wages. */
export const PAYROLL_PATTERN =
  'salary|salaries|payroll|wage|lohn|gehalt|pension|salaire|nómina|nomina|stipendio'

export interface LoadWindowOptions {
  /** ISO date or timestamp (UTC), inclusive. Default: `to` minus `days`. */
  from?: string
  /** ISO date (whole day included) or timestamp (UTC), inclusive. Default: the latest payment's day. */
  to?: string
  /** Window length when `from` is not given; default 30. */
  days?: number
  refundPattern?: string
  payrollPattern?: string
  /** ISO 4217 code of the currency amountBase is in; default 'EUR' (config fx.base_currency). */
  baseCurrency?: string
  /** Stages: 'read window' (the SQL and its columns), 'build graph'. */
  progress?: Progress
}

export async function loadWindow(
  store: Store,
  opts: LoadWindowOptions = {},
): Promise<PaymentGraph> {
  // an empty database: an empty window ending now
  const window = (await resolveWindow(store, opts, opts.days)) ?? {
    from: isoOfMicros((Date.now() - (opts.days ?? DEFAULT_WINDOW_DAYS) * 86_400_000) * 1000),
    to: isoOfMicros(Date.now() * 1000),
  }
  const params = {
    from: duckTimestamp(window.from),
    to: duckTimestamp(window.to),
  }
  const progress = opts.progress ?? quietProgress
  const baseCurrency = opts.baseCurrency ?? 'EUR'
  const refund = opts.refundPattern ?? REFUND_PATTERN
  const payroll = opts.payrollPattern ?? PAYROLL_PATTERN
  // One snapshot for the reads, so account and currency numbering agree with the edges.
  const cols = await store.transaction(async (tx) => {
    const count = await tx.one<{ n: number }>('graph/window-count', params)
    progress.start('read window', Number(count?.n ?? 0))
    const accounts = await readColumns(tx, 'graph/window-accounts', params, { account: 'str' })
    const currencies = await readColumns(tx, 'graph/window-currencies', params, { currency: 'str' })
    const edges = await readColumns(
      tx,
      'graph/window-edges',
      {
        ...params,
        refund_pattern: refund,
        payroll_pattern: payroll,
        any_pattern: `(?:${refund})|(?:${payroll})`,
        base_currency: baseCurrency,
      },
      {
        src: 'i32',
        dst: 'i32',
        ts: 'f64',
        amount: 'f64',
        amount_base: 'f64',
        currency: 'u16',
        flags: 'u8',
        tx_id: 'str',
      },
      Number(count?.n ?? 0),
    )
    const fx = await tx.one<{ snapshot_id: string }>('graph/fx-active')
    return {
      accounts: accounts.account,
      currencies: currencies.currency,
      edges,
      fxSnapshot: fx?.snapshot_id ?? null,
    }
  })
  const e = cols.edges
  progress.done(`${e.length} transfers, ${cols.accounts.length} accounts`)
  progress.start('build graph')
  const graph = buildGraph({
    window,
    accounts: cols.accounts,
    currencies: cols.currencies,
    src: e.src,
    dst: e.dst,
    ts: e.ts,
    amount: e.amount,
    amountBase: e.amount_base,
    baseCurrency,
    fxMissing: currenciesWithoutRate(cols.currencies, e.currency, e.amount_base),
    fxSnapshot: cols.fxSnapshot,
    currency: e.currency,
    flags: e.flags,
    txIds: e.tx_id,
  })
  progress.done(`${graph.pairDst.length} account pairs`)
  return graph
}

/** The currencies some transfer of which has no base amount (no rate at all), sorted. */
function currenciesWithoutRate(
  currencies: string[],
  currency: Uint16Array,
  amountBase: Float64Array,
): string[] {
  const missing = new Uint8Array(currencies.length)
  for (let e = 0; e < currency.length; e++)
    if (Number.isNaN(amountBase[e])) missing[currency[e]] = 1
  return currencies.filter((_, i) => missing[i] === 1)
}

/** ISO 'YYYY-MM-DDTHH:MM:SS.ffffffZ' → DuckDB timestamp text (UTC, no zone). */
function duckTimestamp(iso: string): string {
  return iso.replace('T', ' ').replace('Z', '')
}
