// `ringwatch ingest <file|dir>…`: lands transfer files (one transaction per file, idempotent by
// file hash), shows progress on stderr (a bar on a terminal, a line per file otherwise), prints a
// per-file summary table or JSON.
import {
  parse,
  dbOption,
  jsonOption,
  configOption,
  quietOption,
  type CliIO,
  type Command,
} from '../command.ts'
import { HELP } from '../help.ts'
import { openFor } from '../open.ts'
import { serverFor } from '../remote.ts'
import { remoteIngest } from '../remote-commands.ts'
import { loadConfig } from '../../config/index.ts'
import { ingestPaths, type IngestSummary } from '../../ingest/index.ts'
import { InputFormat, INPUT_FORMATS } from '../../schema/transfer.ts'
import { BadInputError } from '../../util/errors.ts'
import { maxOf } from '../../util/array.ts'
import { cliProgress } from '../progress.ts'

const { usage } = HELP.ingest

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n)
}

export function formatSummary(s: IngestSummary): string {
  const n = (x: number) => x.toLocaleString('en')
  const width = Math.min(
    60,
    Math.max(
      4,
      maxOf(s.files, (f) => f.path.length),
    ),
  )
  const rows = [
    [
      pad('file', width),
      pad('status', 17),
      pad('read', 12, true),
      pad('accepted', 12, true),
      pad('quarantined', 12, true),
    ].join('  '),
  ]
  for (const f of s.files) {
    const path = f.path.length > width ? '…' + f.path.slice(-(width - 1)) : f.path
    rows.push(
      [
        pad(path, width),
        pad(f.status, 17),
        pad(n(f.rows_read), 12, true),
        pad(n(f.rows_accepted), 12, true),
        pad(n(f.rows_quarantined), 12, true),
      ].join('  '),
    )
  }
  const t = s.totals
  rows.push(
    [
      pad(`total (${t.files} file${t.files === 1 ? '' : 's'})`, width),
      pad(`${t.landed} landed`, 17),
      pad(n(t.rows_read), 12, true),
      pad(n(t.rows_accepted), 12, true),
      pad(n(t.rows_quarantined), 12, true),
    ].join('  '),
  )
  if (t.skipped_duplicate)
    rows.push(`${t.skipped_duplicate} file(s) skipped: the same bytes were landed before.`)
  for (const f of s.files.filter((x) => x.status === 'failed')) rows.push(`failed: ${f.error}`)
  if (t.rows_quarantined)
    rows.push(
      `${n(t.rows_quarantined)} row(s) quarantined with a reason; see them with ` +
        `'ringwatch quarantine list --run ${s.run_id}'.`,
    )
  return rows.join('\n') + '\n'
}

export const command: Command = {
  async run(argv: string[], io: CliIO) {
    const { values, positionals } = parse(
      argv,
      { ...dbOption, ...jsonOption, ...configOption, ...quietOption, format: { type: 'string' } },
      usage,
    )
    if (!positionals.length) throw new BadInputError(`no file or directory given\n\n${usage}`)
    let format: InputFormat | undefined
    if (values.format !== undefined) {
      const r = InputFormat.safeParse(values.format)
      if (!r.success)
        throw new BadInputError(`--format ${values.format}: one of ${INPUT_FORMATS.join(', ')}`)
      format = r.data
    }
    const remote = await serverFor(values.db, io, 'ringwatch ingest')
    const { config } = loadConfig(values.config)
    let summary: IngestSummary
    if (remote) summary = await remoteIngest(remote, positionals, format, io)
    else {
      const store = await openFor({
        db: values.db,
        config: config,
        env: io.env,
        access: 'write',
        command: 'ringwatch ingest',
      })
      const out = cliProgress(io, { quiet: values.quiet })
      try {
        summary = await ingestPaths(store, positionals, {
          format,
          config: config.ingest,
          progress: out.progress,
        })
      } finally {
        out.close()
        await store.close()
      }
    }
    io.stdout.write(values.json ? JSON.stringify(summary, null, 2) + '\n' : formatSummary(summary))
    const failed = summary.files.filter((f) => f.status === 'failed')
    if (!failed.length) return 0
    if (!values.json) for (const f of failed) io.stderr.write(`ringwatch ingest: ${f.error}\n`)
    return failed.some((f) => f.exit_code !== 2) ? 1 : 2
  },
}
