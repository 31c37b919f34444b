// `ringwatch quarantine [summary|list|export]`: the rows ingest refused, counted by file and reason,
// listed with line, field, raw value and reason, or written out whole for repair.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { parse, dbOption, jsonOption, type CliIO, type Command } from '../command.ts'
import { HELP } from '../help.ts'
import { openFor } from '../open.ts'
import { serverFor } from '../remote.ts'
import { remoteQuarantine } from '../remote-commands.ts'
import { createInterface } from 'node:readline'
import { Readable } from 'node:stream'
import { loadConfig } from '../../config/index.ts'
import {
  eachQuarantined,
  listQuarantine,
  summarizeQuarantine,
  REASON_CODES,
  type QuarantineFilter,
  type QuarantineCount,
  type QuarantinedRow,
} from '../../ingest/index.ts'
import { csvField } from '../../util/csv.ts'
import { BadInputError } from '../../util/errors.ts'
import { maxOf } from '../../util/array.ts'

const { usage } = HELP.quarantine

const EXPORT_COLUMNS = [
  'path',
  'source_row',
  'column_name',
  'raw_value',
  'reason_code',
  'reason',
  'raw_row',
] as const
const EXPORT_HEADER = ['file', 'line', 'column', 'raw_value', 'reason_code', 'reason', 'raw_row']

function exportLine(r: QuarantinedRow, json: boolean): string {
  if (json) return JSON.stringify(r) + '\n'
  return EXPORT_COLUMNS.map((c) => csvField(r[c] === null ? '' : String(r[c]))).join(',') + '\n'
}

function limitOf(v: string | undefined): number | undefined {
  if (v === undefined) return 50
  const n = Number(v)
  if (!Number.isInteger(n) || n < 0)
    throw new BadInputError(`--limit ${v}: 0 or a positive integer`)
  return n === 0 ? undefined : n
}

/** A value cut to `n` characters for the table (the export keeps it whole). */
const cut = (s: string | null, n: number) =>
  s === null ? '' : s.length > n ? s.slice(0, n - 1) + '…' : s

const OPTIONS = {
  ...dbOption,
  ...jsonOption,
  file: { type: 'string' },
  run: { type: 'string' },
  reason: { type: 'string' },
  limit: { type: 'string' },
  out: { type: 'string' },
} as const
type Values = ReturnType<typeof parse<typeof OPTIONS>>['values']
type Sub = 'summary' | 'list' | 'export'

/** The subcommand, with its options checked against it. */
function subcommand(values: Values, positionals: string[]): Sub {
  const sub = positionals[0] ?? 'summary'
  if (!['summary', 'list', 'export'].includes(sub) || positionals.length > 1)
    throw new BadInputError(`expected 'quarantine summary', 'list' or 'export'\n\n${usage}`)
  if (values.out !== undefined && sub !== 'export')
    throw new BadInputError(`--out goes with 'quarantine export'\n\n${usage}`)
  if (values.limit !== undefined && sub !== 'list')
    throw new BadInputError(`--limit goes with 'quarantine list'\n\n${usage}`)
  if (values.reason !== undefined && !(REASON_CODES as readonly string[]).includes(values.reason))
    throw new BadInputError(`--reason ${values.reason}: one of ${REASON_CODES.join(', ')}`)
  return sub as Sub
}

/** The quarantined rows, from the database file or from the server that owns it. */
interface Source {
  summarize(): Promise<QuarantineCount[]>
  list(limit: number | undefined): Promise<QuarantinedRow[]>
  each(): AsyncGenerator<QuarantinedRow>
  close(): Promise<void>
}

async function openSource(
  db: string | undefined,
  io: CliIO,
  sub: Sub,
  filter: QuarantineFilter,
): Promise<Source> {
  const command = `ringwatch quarantine ${sub}`
  const remote = await serverFor(db, io, command)
  if (remote)
    return {
      summarize: async () =>
        (
          (await (await remoteQuarantine(remote, 'summary', filter)).json()) as {
            counts: QuarantineCount[]
          }
        ).counts,
      list: async (limit) =>
        (
          (await (await remoteQuarantine(remote, 'list', { ...filter, limit })).json()) as {
            rows: QuarantinedRow[]
          }
        ).rows,
      async *each() {
        const res = await remoteQuarantine(remote, 'export', filter)
        const lines = createInterface({
          input: Readable.fromWeb(res.body as never),
          crlfDelay: Infinity,
        })
        for await (const line of lines) if (line.trim()) yield JSON.parse(line) as QuarantinedRow
      },
      close: async () => undefined,
    }
  const config = loadConfig().config
  const store = await openFor({ db, config, env: io.env, access: 'read', command })
  return {
    summarize: () => summarizeQuarantine(store, filter),
    list: (limit) => listQuarantine(store, { ...filter, limit }),
    each: () => eachQuarantined(store, filter),
    close: () => store.close(),
  }
}

function printSummary(counts: QuarantineCount[], json: boolean, io: CliIO): void {
  if (json) return void io.stdout.write(JSON.stringify(counts, null, 2) + '\n')
  if (!counts.length) return void io.stdout.write('no quarantined rows\n')
  const width = Math.min(
    60,
    Math.max(
      4,
      maxOf(counts, (c) => c.path.length),
    ),
  )
  io.stdout.write(
    `${'file'.padEnd(width)}  ${'reason'.padEnd(20)}  ${'rows'.padStart(10)}  first line\n`,
  )
  for (const c of counts)
    io.stdout.write(
      `${cut(c.path, width).padEnd(width)}  ${c.reason_code.padEnd(20)}  ` +
        `${c.n.toLocaleString('en').padStart(10)}  ${c.first_row}\n`,
    )
  const total = counts.reduce((a, c) => a + c.n, 0)
  io.stdout.write(
    `${total.toLocaleString('en')} row(s); see them with 'ringwatch quarantine list', ` +
      `write them out with 'ringwatch quarantine export'\n`,
  )
}

function printList(
  rows: QuarantinedRow[],
  limit: number | undefined,
  json: boolean,
  io: CliIO,
): void {
  if (json) return void io.stdout.write(JSON.stringify(rows, null, 2) + '\n')
  if (!rows.length) return void io.stdout.write('no quarantined rows\n')
  for (const r of rows)
    io.stdout.write(
      `${r.path}:${r.source_row}  ${r.reason_code}` +
        `${r.column_name ? ` ${r.column_name}=${JSON.stringify(cut(r.raw_value, 40))}` : ''}` +
        `  ${r.reason}\n`,
    )
  if (limit !== undefined && rows.length === limit)
    io.stdout.write(`(first ${limit}; --limit 0 lists them all)\n`)
}

/** Every row, as CSV (with a header) or JSON lines, to --out or stdout. */
async function writeExport(
  rows: AsyncIterable<QuarantinedRow>,
  outPath: string | undefined,
  json: boolean,
  io: CliIO,
): Promise<void> {
  const out = outPath ? createWriteStream(outPath) : io.stdout
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain')
  }
  let n = 0
  if (!json) await write(EXPORT_HEADER.join(',') + '\n')
  for await (const r of rows) {
    await write(exportLine(r, json))
    n++
  }
  if (outPath) {
    out.end()
    await once(out, 'close')
    io.stderr.write(`${n.toLocaleString('en')} row(s) written to ${outPath}\n`)
  }
}

export const command: Command = {
  async run(argv, io) {
    const { values, positionals } = parse(argv, OPTIONS, usage)
    const sub = subcommand(values, positionals)
    const filter: QuarantineFilter = { file: values.file, run: values.run, reason: values.reason }
    const source = await openSource(values.db, io, sub, filter)
    const json = values.json ?? false
    try {
      if (sub === 'summary') printSummary(await source.summarize(), json, io)
      else if (sub === 'list') {
        const limit = limitOf(values.limit)
        printList(await source.list(limit), limit, json, io)
      } else await writeExport(source.each(), values.out, json, io)
      return 0
    } finally {
      await source.close()
    }
  },
}
