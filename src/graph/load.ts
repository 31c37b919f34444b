// loadWindow: reads the scan window's transfers from DuckDB as column vectors (no object per row)
// and builds the PaymentGraph. Default window: the 30 days up to the latest transfer present.
import { readColumns, type Store } from '../store/index.ts'
import { BadInputError } from '../util/errors.ts'
import { quietProgress, type Progress } from '../util/progress.ts'
import { buildGraph } from './build.ts'
import { isoOfMicros, microsOfIso, MICROS_PER_DAY } from './time.ts'
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
  /** ISO date (whole day included) or timestamp (UTC), inclusive. Default: the latest transfer. */
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
  const window = await resolveWindow(store, opts)
  const params = {
    from: duckTimestamp(window.from),
    to: duckTimestamp(window.to),
  }
  const progress = opts.progress ?? quietProgress
  const baseCurrency = opts.baseCurrency ?? 'EUR'
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
        refund_pattern: opts.refundPattern ?? REFUND_PATTERN,
        payroll_pattern: opts.payrollPattern ?? PAYROLL_PATTERN,
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

async function resolveWindow(
  store: Store,
  opts: LoadWindowOptions,
): Promise<{ from: string; to: string }> {
  const days = opts.days ?? 30
  let toUs: number
  if (opts.to) toUs = parseBound(opts.to, 'to', true)
  else {
    const row = await store.one<{ max_ts: string | null }>('graph/window-latest')
    if (!row?.max_ts) {
      const now = Date.now() * 1000
      return { from: isoOfMicros(now - days * MICROS_PER_DAY), to: isoOfMicros(now) }
    }
    toUs = microsOfIso(row.max_ts)
  }
  const fromUs = opts.from ? parseBound(opts.from, 'from', false) : toUs - days * MICROS_PER_DAY
  if (fromUs > toUs)
    throw new BadInputError(`window --from ${opts.from} is after --to ${opts.to}`, {
      field: 'from',
    })
  return { from: isoOfMicros(fromUs), to: isoOfMicros(toUs) }
}

function parseBound(text: string, field: string, endOfDay: boolean): number {
  try {
    const us = microsOfIso(text)
    // A bare date as the end of the window includes that whole day.
    return endOfDay && /^\d{4}-\d\d-\d\d$/.test(text) ? us + MICROS_PER_DAY - 1 : us
  } catch {
    throw new BadInputError(`window --${field}: not an ISO date or timestamp: ${text}`, { field })
  }
}

/** ISO 'YYYY-MM-DDTHH:MM:SS.ffffffZ' → DuckDB timestamp text (UTC, no zone). */
function duckTimestamp(iso: string): string {
  return iso.replace('T', ' ').replace('Z', '')
}
