// `ringwatch batch <dir>`: list import, ingest and scan, unattended; writes a JSON run report and
// exits non-zero on any failure (2 when a file could not be read, 1 otherwise).
import { parse, dbOption, configOption, jsonOption, type Command } from '../command.ts'
import { openStore } from '../../store/index.ts'
import { loadConfig } from '../../config/index.ts'
import { runBatch } from '../../pipeline/index.ts'
import { listSpec } from '../../pipeline/batch.ts'
import { BadInputError } from '../../util/errors.ts'
import { streamLogger, ttyProgress } from '../../util/progress.ts'

const usage = `ringwatch batch <dir> [--db P] [--lists F]… [--report F] [--config F] [--json]

Imports the given watch / goods lists and reference rates (F or sanctions:F, goods:F, fx:F; a name
with goods/hs is a goods list, one with fx/rates/eurofxref reference rates, plain-rates files quoted
in config fx.base_currency), ingests every transfer file under <dir>, scans, and writes a JSON run report (default
<db dir>/reports/batch-<run>.json). Exit 0 when all went well; 2 when a file or list could not be
read; 1 on any other failure. Quarantined rows are counted in the report, not failures.`

export const command: Command = {
  summary: 'list import + ingest + scan for unattended runs, with a JSON report',
  usage,
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
    const { config, hash } = loadConfig(values.config)
    const store = await openStore({ path: values.db })
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
      return report.exit_code
    } finally {
      await store.close()
    }
  },
}
