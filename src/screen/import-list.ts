// List import: reads a watch list, goods list or reference-rate file, keeps it as a versioned
// snapshot (file hash, date, counts) and makes it the active snapshot of its source (of its kind, for
// reference rates: one rate table is in force). The same file again is a no-op; a malformed row is
// reported with its line and left out, never aborting the import.
import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { Queries, Store } from '../store/index.ts'
import { BadInputError, UnreadableFileError } from '../util/errors.ts'
import { sha256 } from '../util/hash.ts'
import {
  LIST_FORMATS,
  detectListFormat,
  kindOfFormat,
  parseList,
  type FxRate,
  type ListFormat,
  type ListKind,
} from './lists/index.ts'
import type { ScreenConfig } from './config.ts'
import { rescreenKnownParties } from './screen-names.ts'
import type { ListImportSummary } from './types.ts'

export interface ImportListOptions {
  kind: ListKind
  format?: string
  now?: () => Date
  /** OFAC alt.csv; found beside sdn.csv when not given. */
  alt?: string
  /** OFAC add.csv (addresses); found beside sdn.csv when not given. */
  add?: string
  /** plain-rates: the currency rate_to_base is quoted in (the caller passes config fx.base_currency). */
  base?: string
  /**
   * Screening settings: given, a new sanctions list version re-screens every party already known
   * (new hits open with the list change as their reason; hits of entities removed close).
   */
  screen?: ScreenConfig
}

const BATCH = 5000
const RATE_BATCH = 50_000
const MAX_KEPT_ERRORS = 100

async function insertJson(tx: Queries, query: string, snapshotId: string, rows: unknown[]) {
  for (let i = 0; i < rows.length; i += BATCH)
    await tx.run(query, { snapshot_id: snapshotId, rows: JSON.stringify(rows.slice(i, i + BATCH)) })
}

/** The currencies a rate may be given for, and the base of a plain-rates file (checked). */
async function fxOptions(store: Store, format: ListFormat, base: string | undefined) {
  const rows = await store.all<{ code: string }>('screen/fx-currencies')
  const currencies = new Set(rows.map((r) => r.code))
  if (format !== 'plain-rates') return { currencies, base: undefined }
  const code = base?.trim().toUpperCase()
  if (!code)
    throw new BadInputError('plain-rates: the base currency of rate_to_base is required (--base)', {
      field: 'base',
    })
  if (!currencies.has(code))
    throw new BadInputError(`--base ${base}: not an ISO 4217 currency code`, { field: 'base' })
  return { currencies, base: code }
}

async function insertRates(tx: Queries, snapshotId: string, reference: string, rates: FxRate[]) {
  let first = rates[0].day
  let last = first
  const currencies = new Set<string>()
  for (const r of rates) {
    if (r.day < first) first = r.day
    if (r.day > last) last = r.day
    currencies.add(r.currency)
  }
  await tx.run('screen/insert-fx-snapshot', {
    snapshot_id: snapshotId,
    reference_currency: reference,
    first_day: first,
    last_day: last,
    currencies: JSON.stringify([...currencies].sort()),
  })
  for (let i = 0; i < rates.length; i += RATE_BATCH) {
    const batch = rates.slice(i, i + RATE_BATCH)
    await tx.run('screen/insert-fx-rates', {
      snapshot_id: snapshotId,
      days: JSON.stringify(batch.map((r) => r.day)),
      currencies: JSON.stringify(batch.map((r) => r.currency)),
      per_ref: JSON.stringify(batch.map((r) => r.per_ref)),
    })
  }
}

/** An OFAC companion file (alt.csv, add.csv): the one given, else the one beside sdn.csv, if any. */
function companion(
  format: ListFormat,
  file: string,
  given: string | undefined,
  name: string,
): string | undefined {
  let path = given
  if (format === 'ofac-sdn' && path === undefined) {
    const beside = join(dirname(file), name)
    if (existsSync(beside)) path = beside
  }
  if (path !== undefined && !existsSync(path))
    throw new UnreadableFileError(`${path}: no such file`, { file: path })
  return path
}

export async function importList(
  store: Store,
  file: string,
  opts: ImportListOptions,
): Promise<ListImportSummary> {
  if (!existsSync(file)) throw new UnreadableFileError(`${file}: no such file`, { file })
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    throw new UnreadableFileError(`${file}: cannot read: ${(e as Error).message}`, { file })
  }
  if (opts.format !== undefined && !(LIST_FORMATS as readonly string[]).includes(opts.format))
    throw new BadInputError(
      `unknown list format '${opts.format}' (one of ${LIST_FORMATS.join(', ')})`,
      {
        field: 'format',
      },
    )
  const format = (opts.format as ListFormat | undefined) ?? detectListFormat(text, file)
  if (kindOfFormat(format) !== opts.kind)
    throw new BadInputError(`${file}: format ${format} does not hold a ${opts.kind} list`, { file })
  const fx = opts.kind === 'fx' ? await fxOptions(store, format, opts.base) : undefined
  const alt = companion(format, file, opts.alt, 'alt.csv')
  const add = companion(format, file, opts.add, 'add.csv')
  // The base a plain-rates file is quoted in is part of what was imported; so are OFAC's companions.
  const fileHash = sha256(
    alt || add
      ? text +
          (alt ? '\u0000' + readFileSync(alt, 'utf8') : '') +
          (add ? '\u0000add=' + readFileSync(add, 'utf8') : '')
      : format === 'plain-rates'
        ? text + '\u0000base=' + fx?.base
        : text,
  )
  const source = basename(file)
  const base = {
    file,
    kind: opts.kind,
    format,
    source,
    file_hash: fileHash,
    ...(fx ? { reference_currency: format === 'ecb-hist' ? 'EUR' : fx.base } : {}),
  }
  const earlier = await store.one<{
    snapshot_id: string
    entries: number
    names: number
    bad_rows: number
  }>('screen/snapshot-by-hash', { file_hash: fileHash, kind: opts.kind })
  if (earlier)
    return {
      ...base,
      snapshot_id: earlier.snapshot_id,
      status: 'unchanged',
      entries: earlier.entries,
      names: earlier.names,
      bad_rows: earlier.bad_rows,
      errors: [],
      skipped: {},
      replaced: 0,
    }
  const parsed = parseList(format, text, alt, fx, add)
  parsed.errors.sort((a, b) => a.line - b.line)
  const snapshotId = 'L-' + fileHash.slice(0, 16)
  const entries =
    opts.kind === 'goods'
      ? parsed.codes.length +
        parsed.terms.length +
        parsed.categories.length +
        parsed.successors.length
      : opts.kind === 'fx'
        ? parsed.rates.length
        : parsed.entries.length
  const names = parsed.entries.reduce((s, e) => s + e.names.length, 0)
  if (entries === 0)
    throw new BadInputError(
      `${file}: no usable ${opts.kind} rows (${parsed.errors.length} malformed${parsed.errors[0] ? `, first at line ${parsed.errors[0].line}: ${parsed.errors[0].message}` : ''})`,
      { file, line: parsed.errors[0]?.line },
    )
  const now = (opts.now ?? (() => new Date()))()
  const replaced = await store.transaction(async (tx) => {
    const n =
      opts.kind === 'fx'
        ? await tx.run('screen/deactivate-kind', { kind: 'fx' })
        : await tx.run('screen/deactivate-source', { kind: opts.kind, source, format })
    await tx.run('screen/insert-snapshot', {
      snapshot_id: snapshotId,
      kind: opts.kind,
      format,
      source,
      file_path: file,
      file_hash: fileHash,
      imported_at: now.toISOString(),
      entries,
      names,
      bad_rows: parsed.errors.length,
      skipped: JSON.stringify(parsed.skipped),
      errors: JSON.stringify(parsed.errors.slice(0, MAX_KEPT_ERRORS)),
    })
    await insertJson(tx, 'screen/insert-entries', snapshotId, parsed.entries)
    await insertJson(
      tx,
      'screen/insert-names',
      snapshotId,
      parsed.entries.flatMap((e) => e.names.map((n) => ({ id: e.id, name: n.name, kind: n.kind }))),
    )
    await insertJson(tx, 'screen/insert-goods-codes', snapshotId, parsed.codes)
    await insertJson(tx, 'screen/insert-goods-terms', snapshotId, parsed.terms)
    await insertJson(tx, 'screen/insert-goods-categories', snapshotId, parsed.categories)
    await insertJson(tx, 'screen/insert-hs-successors', snapshotId, parsed.successors)
    if (parsed.reference !== undefined)
      await insertRates(tx, snapshotId, parsed.reference, parsed.rates)
    return n
  })
  const rescreen =
    opts.kind === 'sanctions' && opts.screen
      ? await rescreenKnownParties(store, opts.screen, {
          now: opts.now,
          // a party found under a list that replaced an earlier version of itself is newly listed
          reason: replaced > 0 ? 'list_change' : 'screening',
        })
      : undefined
  return {
    ...base,
    snapshot_id: snapshotId,
    status: 'imported',
    entries,
    names,
    bad_rows: parsed.errors.length,
    errors: parsed.errors,
    skipped: parsed.skipped,
    replaced,
    ...(rescreen ? { rescreen } : {}),
  }
}
