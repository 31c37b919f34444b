// `ringwatch batch <dir>`: list import, ingest and scan, unattended; writes a JSON run report and
// exits non-zero on any failure (2 when a file could not be read, 1 otherwise). Progress on stderr;
// a warning when no sanctions list is active (a failure with --require-lists).
import { parse, dbOption, configOption, jsonOption, quietOption, type Command } from '../command.ts'
import { HELP } from '../help.ts'
import { withPipeline } from '../open.ts'
import { serverFor } from '../remote.ts'
import { remoteBatch } from '../remote-commands.ts'
import { runBatch, type BatchReport } from '../../pipeline/index.ts'
import { listSpec } from '../../pipeline/batch.ts'
import { BadInputError } from '../../util/errors.ts'

const { usage } = HELP.batch

/** `3 imported: sanctions 1, goods 1, fx 1`: the new list snapshots of the run, by kind. */
export function formatListsImported(report: Pick<BatchReport, 'lists_imported'>): string {
  const by = report.lists_imported ?? { sanctions: 0, goods: 0, fx: 0 }
  const total = by.sanctions + by.goods + by.fx
  return `${total} imported: sanctions ${by.sanctions}, goods ${by.goods}, fx ${by.fx}`
}

export const command: Command = {
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      {
        ...dbOption,
        ...configOption,
        ...jsonOption,
        ...quietOption,
        lists: { type: 'string', multiple: true },
        'require-lists': { type: 'boolean', default: false },
        report: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
      },
      usage,
    )
    if (positionals.length !== 1) throw new BadInputError(`expected one directory\n\n${usage}`)
    const print = (report: BatchReport) => {
      if (values.json) io.stdout.write(JSON.stringify(report) + '\n')
      else {
        const i = report.ingest
        const s = report.scan
        io.stdout.write(
          [
            `batch ${report.run_id}: ${report.status} (exit ${report.exit_code})`,
            `lists     ${formatListsImported(report)}`,
            i
              ? `ingest    ${i.landed} landed, ${i.skipped_duplicate} duplicate, ${i.failed} failed; ${i.rows_accepted} rows accepted, ${i.rows_quarantined} quarantined`
              : 'ingest    did not run',
            s
              ? `scan      ${s.transfers} transfers; alerts new ${s.alerts.new}, updated ${s.alerts.updated}, reopened ${s.alerts.reopened}`
              : report.failures.some((f) => f.stage === 'scan')
                ? 'scan      did not complete'
                : 'scan      did not run',
            ...(report.warnings ?? []).map((w) => `WARNING   ${w}`),
            ...report.failures.map(
              (f) => `FAILED    ${f.stage}${f.file ? ' ' + f.file : ''}: ${f.message}`,
            ),
            `report    ${report.report_path}`,
          ].join('\n') + '\n',
        )
      }
    }
    const remote = await serverFor(values.db, io, 'ringwatch batch')
    if (remote) {
      const report = await remoteBatch(
        remote,
        {
          dir: positionals[0],
          lists: values.lists ?? [],
          report: values.report,
          from: values.from,
          to: values.to,
          requireLists: values['require-lists'],
        },
        io,
      )
      print(report)
      return report.exit_code
    }
    return withPipeline(values, io, 'ringwatch batch', async (deps, out) => {
      const report = await runBatch(deps, {
        dir: positionals[0],
        lists: (values.lists ?? []).map(listSpec),
        report: values.report,
        from: values.from,
        to: values.to,
        requireLists: values['require-lists'],
      })
      out.close()
      print(report)
      return report.exit_code
    })
  },
}
