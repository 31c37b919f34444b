// `ringwatch batch <dir>`: list import, ingest and scan, unattended; writes a JSON run report and
// exits non-zero on any failure (2 when a file could not be read, 1 otherwise).
import { parse, dbOption, configOption, jsonOption, type Command } from '../command.ts'
import { HELP } from '../help.ts'
import { openFor } from '../open.ts'
import { serverFor } from '../remote.ts'
import { remoteBatch } from '../remote-commands.ts'
import { loadConfig } from '../../config/index.ts'
import { runBatch, type BatchReport } from '../../pipeline/index.ts'
import { listSpec } from '../../pipeline/batch.ts'
import { BadInputError } from '../../util/errors.ts'
import { streamLogger, ttyProgress } from '../../util/progress.ts'

const { usage } = HELP.batch

export const command: Command = {
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      {
        ...dbOption,
        ...configOption,
        ...jsonOption,
        lists: { type: 'string', multiple: true },
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
            `lists     ${report.lists.length} imported`,
            i
              ? `ingest    ${i.landed} landed, ${i.skipped_duplicate} duplicate, ${i.failed} failed; ${i.rows_accepted} rows accepted, ${i.rows_quarantined} quarantined`
              : 'ingest    did not run',
            s
              ? `scan      ${s.transfers} transfers; alerts new ${s.alerts.new}, updated ${s.alerts.updated}, reopened ${s.alerts.reopened}`
              : 'scan      did not complete',
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
        },
        io,
      )
      print(report)
      return report.exit_code
    }
    const { config, hash } = loadConfig(values.config)
    const store = await openFor({
      db: values.db,
      config: config,
      env: io.env,
      access: 'audit',
      command: 'ringwatch batch',
    })
    try {
      const report = await runBatch(
        {
          store,
          config,
          configHash: hash,
          progress: ttyProgress(io.stderr as NodeJS.WriteStream),
          logger: streamLogger(io.stderr),
        },
        {
          dir: positionals[0],
          lists: (values.lists ?? []).map(listSpec),
          report: values.report,
          from: values.from,
          to: values.to,
        },
      )
      print(report)
      return report.exit_code
    } finally {
      await store.close()
    }
  },
}
