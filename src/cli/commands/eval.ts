// `ringwatch eval`: recall / precision of alerts (from the database or a JSON-lines file) against
// truth.json or an AMLSim run, per pattern and per account, and the alert load.
import type { Command } from '../command.ts'
import { dbOption, jsonOption, parse } from '../command.ts'
import { HELP } from '../help.ts'
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
import { loadConfig } from '../../config/index.ts'
import { openFor } from '../open.ts'
import { serverFor, type Remote } from '../remote.ts'
import { remoteExport } from '../remote-commands.ts'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { BadInputError } from '../../util/errors.ts'

const { usage } = HELP.eval

export const command: Command = {
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
    let remote: Remote | undefined
    let alerts: EvalAlert[]
    let transfers: number | null
    let source: string | null
    if (values.alerts) {
      alerts = await loadAlertsFromJsonl(values.alerts)
      transfers = truthRows(truth)
      source = transfers === null ? null : 'rows of the truth file'
    } else if ((remote = await serverFor(values.db, io, 'ringwatch eval'))) {
      // the alerts as the server exports them (an audited export); the window's transfer count
      // is not asked for, so no alerts-per-10,000 figure
      const tmp = join(mkdtempSync(join(tmpdir(), 'rw-eval-')), 'alerts.jsonl')
      try {
        await remoteExport(remote, { format: 'jsonl' }, tmp, io)
        alerts = await loadAlertsFromJsonl(tmp)
      } finally {
        rmSync(dirname(tmp), { recursive: true, force: true })
      }
      transfers = null
      source = null
    } else {
      const store = await openFor({
        db: values.db,
        config: loadConfig().config,
        env: io.env,
        access: 'read',
        command: 'ringwatch eval',
      })
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
