// Reference-rate files. `ecb-hist`: the European Central Bank's eurofxref-hist.csv (header
// `Date,USD,JPY,…`, often with a trailing comma; one row per business day, newest first; units of
// each currency per 1 EUR; `N/A` or empty where there is no quote). `plain-rates`:
// `date,currency,rate_to_base`, where 1 unit of currency = rate_to_base units of the base currency.
// Lines starting with '#' are comments. A bad cell (date, currency, rate) is reported with its line
// and field and left out; the rest of the file is kept.
import { readCsvTable } from './csv.ts'
import { emptyResult, type ParseResult } from './types.ts'

export interface FxParseOptions {
  /** ISO 4217 codes accepted (the store's ref_currency: the currencies payments can carry). */
  currencies: ReadonlySet<string>
  /** plain-rates: the currency rate_to_base is quoted in. */
  base?: string
}

/**
 * Withdrawn ISO 4217 codes (ISO 4217 list three) that ECB's historical file still has columns for:
 * currencies replaced by the euro or redenominated before 2010. Payments cannot carry them (ingest
 * refuses them), so their columns are skipped and counted, not reported as errors.
 */
const ECB_WITHDRAWN = new Set(['CYP', 'EEK', 'LTL', 'LVL', 'MTL', 'ROL', 'SIT', 'SKK', 'TRL'])

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

/** Comment lines blanked (line numbers kept), so that the CSV reader never sees their quotes. */
function withoutComments(text: string): string {
  return text
    .replace(/^\ufeff/, '')
    .split('\n')
    .map((l) => (/^\s*#/.test(l) ? '' : l))
    .join('\n')
}

/** A calendar date written YYYY-MM-DD, or undefined. */
export function isoDay(s: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim())
  if (!m) return undefined
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3]
    ? m[0]
    : undefined
}

function positive(cell: string): number | undefined {
  const s = cell.trim()
  if (!NUMBER.test(s)) return undefined
  const v = Number(s)
  return Number.isFinite(v) && v > 0 ? v : undefined
}

/** Keeps each (day, currency) once: a second rate for it is a row error. */
function rateSink(out: ParseResult) {
  const seen = new Map<string, number>()
  return (day: string, currency: string, perRef: number, line: number, field: string) => {
    const k = `${day} ${currency}`
    const first = seen.get(k)
    if (first !== undefined) {
      out.errors.push({
        line,
        field,
        message: `field ${field}: a second rate for ${currency} on ${day} (the first is on line ${first})`,
      })
      return
    }
    seen.set(k, line)
    out.rates.push({ day, currency, per_ref: perRef, line })
  }
}

export function parseEcbHist(text: string, opts: FxParseOptions): ParseResult {
  const out = emptyResult()
  out.reference = 'EUR'
  const table = readCsvTable(withoutComments(text), out.errors)
  if (!table) return out
  const { head, rows } = table
  const names = head.fields.map((f) => f.trim())
  if (names[0]?.toLowerCase() !== 'date') {
    out.errors.push({ line: head.line, field: 'Date', message: 'the first column is not Date' })
    return out
  }
  // Column index → currency, for the columns kept.
  const columns: Array<[number, string]> = []
  for (let i = 1; i < names.length; i++) {
    const code = names[i].toUpperCase()
    if (code === '') continue // the trailing comma of ECB's header
    if (code === out.reference) bump(out, 'reference currency column')
    else if (opts.currencies.has(code)) columns.push([i, code])
    else if (ECB_WITHDRAWN.has(code)) bump(out, `withdrawn currency column ${code}`)
    else
      out.errors.push({
        line: head.line,
        field: names[i],
        message: `field ${names[i]}: not an ISO 4217 currency code; column left out`,
      })
  }
  const add = rateSink(out)
  for (const r of rows) {
    const extra = r.fields.slice(names.length).some((f) => f.trim() !== '')
    if (extra) {
      out.errors.push({
        line: r.line,
        message: `expected ${names.length} fields, found ${r.fields.length}`,
      })
      continue
    }
    const day = isoDay(r.fields[0] ?? '')
    if (!day) {
      out.errors.push({
        line: r.line,
        field: names[0],
        message: `field ${names[0]} '${r.fields[0] ?? ''}': not a date (YYYY-MM-DD)`,
      })
      continue
    }
    for (const [i, code] of columns) {
      const cell = (r.fields[i] ?? '').trim()
      if (cell === '' || cell.toUpperCase() === 'N/A') continue // no quote that day
      const v = positive(cell)
      if (v === undefined)
        out.errors.push({
          line: r.line,
          field: names[i],
          message: `field ${names[i]} '${cell}': not a positive number`,
        })
      else add(day, code, v, r.line, names[i])
    }
  }
  return out
}

export function parsePlainRates(text: string, opts: FxParseOptions): ParseResult {
  const out = emptyResult()
  const base = opts.base?.trim().toUpperCase() ?? ''
  out.reference = base
  const table = readCsvTable(withoutComments(text), out.errors)
  if (!table) return out
  const { head, rows, get } = table
  const missing = ['date', 'currency', 'rate_to_base'].filter((k) => !table.has(k))
  if (missing.length) {
    out.errors.push({
      line: head.line,
      field: missing[0],
      message: `header has no ${missing.join(', ')} column`,
    })
    return out
  }
  const add = rateSink(out)
  for (const r of rows) {
    const wrongWidth = table.widthError(r)
    if (wrongWidth) {
      out.errors.push(wrongWidth)
      continue
    }
    const day = isoDay(get(r.fields, 'date'))
    if (!day) {
      out.errors.push({
        line: r.line,
        field: 'date',
        message: `field date '${get(r.fields, 'date')}': not a date (YYYY-MM-DD)`,
      })
      continue
    }
    const code = get(r.fields, 'currency').toUpperCase()
    if (!opts.currencies.has(code)) {
      out.errors.push({
        line: r.line,
        field: 'currency',
        message: `field currency '${get(r.fields, 'currency')}': not an ISO 4217 currency code`,
      })
      continue
    }
    const rate = positive(get(r.fields, 'rate_to_base'))
    if (rate === undefined) {
      out.errors.push({
        line: r.line,
        field: 'rate_to_base',
        message: `field rate_to_base '${get(r.fields, 'rate_to_base')}': not a positive number`,
      })
      continue
    }
    if (code === base) {
      if (rate !== 1)
        out.errors.push({
          line: r.line,
          field: 'rate_to_base',
          message: `field rate_to_base '${get(r.fields, 'rate_to_base')}': the base currency ${base} is 1 by definition`,
        })
      continue
    }
    add(day, code, 1 / rate, r.line, 'rate_to_base')
  }
  return out
}

function bump(out: ParseResult, what: string) {
  out.skipped[what] = (out.skipped[what] ?? 0) + 1
}
