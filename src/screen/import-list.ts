// List import: reads a watch list or goods list file, keeps it as a versioned snapshot (file hash,
// date, counts) and makes it the active snapshot of its source. The same file again is a no-op; a
// malformed row is reported with its line and left out, never aborting the import.
import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { Queries, Store } from '../store/index.ts'
import { BadInputError, UnreadableFileError } from '../util/errors.ts'
import { sha256 } from '../util/hash.ts'
import {
  GOODS_FORMATS,
  LIST_FORMATS,
  detectListFormat,
  parseList,
  type ListFormat,
  type ListKind,
} from './lists/index.ts'
import type { ListImportSummary } from './types.ts'

export interface ImportListOptions {
  kind: ListKind
  format?: string
  now?: () => Date
  /** OFAC alt.csv; found beside sdn.csv when not given. */
  alt?: string
}

const BATCH = 5000
const MAX_KEPT_ERRORS = 100

async function insertJson(tx: Queries, query: string, snapshotId: string, rows: unknown[]) {
  for (let i = 0; i < rows.length; i += BATCH)
    await tx.run(query, { snapshot_id: snapshotId, rows: JSON.stringify(rows.slice(i, i + BATCH)) })
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
  const goodsFormat = (GOODS_FORMATS as readonly string[]).includes(format)
  if (goodsFormat !== (opts.kind === 'goods'))
    throw new BadInputError(`${file}: format ${format} does not hold a ${opts.kind} list`, { file })
  let alt = opts.alt
  if (format === 'ofac-sdn' && alt === undefined) {
    const beside = join(dirname(file), 'alt.csv')
    if (existsSync(beside)) alt = beside
  }
  if (alt !== undefined && !existsSync(alt))
    throw new UnreadableFileError(`${alt}: no such file`, { file: alt })
  const fileHash = sha256(alt ? text + '\u0000' + readFileSync(alt, 'utf8') : text)
  const source = basename(file)
  const base = { file, kind: opts.kind, format, source, file_hash: fileHash }
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
  const parsed = parseList(format, text, alt)
  parsed.errors.sort((a, b) => a.line - b.line)
  const snapshotId = 'L-' + fileHash.slice(0, 16)
  const entries = goodsFormat ? parsed.codes.length + parsed.terms.length : parsed.entries.length
  const names = parsed.entries.reduce((s, e) => s + e.names.length, 0)
  if (entries === 0)
    throw new BadInputError(
      `${file}: no usable ${opts.kind} rows (${parsed.errors.length} malformed${parsed.errors[0] ? `, first at line ${parsed.errors[0].line}: ${parsed.errors[0].message}` : ''})`,
      { file, line: parsed.errors[0]?.line },
    )
  const now = (opts.now ?? (() => new Date()))()
  const replaced = await store.transaction(async (tx) => {
    const n = await tx.run('screen/deactivate-source', { kind: opts.kind, source, format })
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
    return n
  })
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
  }
}
