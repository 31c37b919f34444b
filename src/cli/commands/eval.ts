// `ringwatch eval`: recall / precision of alerts (from the database or a JSON-lines file) against
// truth.json or an AMLSim run, per pattern and per account, and the alert load.
import type { Command } from '../command.ts'
import { dbOption, jsonOption, parse } from '../command.ts'
import {
  evaluate,
  formatEvalTable,
  loadAlertsFromJsonl,
  loadAlertsFromStore,
  loadScanWindow,
  loadTruth,
  truthRows,
  type EvalAlert,
} from '../../eval/index.ts'
import { AMLSIM_DEFAULT_START, amlsimTruth, readAmlsim } from '../../generate/amlsim.ts'
import { DEFAULT_DB, openStore } from '../../store/index.ts'
import { BadInputError, NotFoundError } from '../../util/errors.ts'
import { existsSync } from 'node:fs'

const usage = `usage: ringwatch eval (--truth F | --amlsim DIR [--start YYYY-MM-DD]) [--db P | --alerts F] [--json]

Scores alerts against the truth file written by 'ringwatch generate' (or by
'ringwatch generate --from-amlsim'), or against an AMLSim run converted on the fly:
  per pattern: per-typology recall, alert precision, precision at K (K = planted patterns, alerts
    ranked by score, ties by id), controlled-goods rings found by a top-K alert. A pattern is found
    when one alert covers at least half of its transfers; an alert is true when at least half of its
    transfers are planted.
  per account: labelled accounts (the truth's labelled_accounts, e.g. AMLSim's isFraud = 1; else the
    accounts of the planted patterns), alerted accounts (named in at least one alert), recall and
    precision.
  alert load: alerts per 10,000 transfers (the payments in the latest scan's window with --db, the
    truth's row count with --alerts) and alerts per found pattern (alerts sharing a transfer with it).

  --truth F     truth.json of the generated or converted data
  --amlsim DIR  an AMLSim run (transactions.csv + nodes.csv): its truth is built in memory the way
                'ringwatch generate --from-amlsim' writes it (same --start, same tx ids)
  --start D     with --amlsim: the date of step 1 (default ${AMLSIM_DEFAULT_START})
  --db P        read the alerts and alert_transfers tables (default ${DEFAULT_DB})
  --alerts F    read alerts from a JSON-lines file (ringwatch alerts export) instead
  --json        print the report as JSON
`

export const command: Command = {
  summary: 'recall and precision of alerts against a truth file or an AMLSim run',
  usage,
  async run(argv, io) {
    const { values } = parse(
      argv,
      {
        truth: { type: 'string' },
        amlsim: { type: 'string' },
        start: { type: 'string' },
        alerts: { type: 'string' },
        ...dbOption,
        ...jsonOption,
      },
      usage,
    )
    if (!values.truth === !values.amlsim)
      throw new BadInputError(`give --truth or --amlsim (one of them)\n\n${usage}`)
    if (values.start && !values.amlsim)
      throw new BadInputError(`--start goes with --amlsim\n\n${usage}`)
    if (values.db && values.alerts)
      throw new BadInputError(`give --db or --alerts, not both\n\n${usage}`)
    const start = values.start ?? AMLSIM_DEFAULT_START
    if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || Number.isNaN(Date.parse(`${start}T00:00:00Z`)))
      throw new BadInputError(`--start ${start}: not a date (YYYY-MM-DD)`, { field: 'start' })
    const truth = values.truth
      ? loadTruth(values.truth)
      : amlsimTruth(readAmlsim(values.amlsim!), start)
    let alerts: EvalAlert[]
    let transfers: number | null
    let source: string | null
    if (values.alerts) {
      alerts = await loadAlertsFromJsonl(values.alerts)
      transfers = truthRows(truth)
      source = transfers === null ? null : 'rows of the truth file'
    } else {
      const path = values.db ?? DEFAULT_DB
      if (!existsSync(path)) throw new NotFoundError(`database ${path} not found`)
      const store = await openStore({ path, readOnly: true })
      try {
        alerts = await loadAlertsFromStore(store)
        const w = await loadScanWindow(store)
        transfers = w?.transfers ?? null
        source = w ? `payments in the latest scan window ${w.from} … ${w.to}` : null
      } finally {
        await store.close()
      }
    }
    const report = evaluate(truth, alerts, { transfers, transfers_source: source })
    io.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : formatEvalTable(report))
    return 0
  },
}
