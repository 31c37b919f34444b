// `ringwatch eval`: recall / precision of alerts (from the database or a JSON-lines file) against truth.json.
import type { Command } from '../command.ts'
import { dbOption, jsonOption, parse } from '../command.ts'
import { HELP } from '../help.ts'
import {
  evaluate,
  formatEvalTable,
  loadAlertsFromJsonl,
  loadAlertsFromStore,
  loadTruth,
} from '../../eval/index.ts'
import { DEFAULT_DB, openStore } from '../../store/index.ts'
import { BadInputError, NotFoundError } from '../../util/errors.ts'
import { existsSync } from 'node:fs'

const { usage } = HELP.eval

export const command: Command = {
  async run(argv, io) {
    const { values } = parse(
      argv,
      { truth: { type: 'string' }, alerts: { type: 'string' }, ...dbOption, ...jsonOption },
      usage,
    )
    if (!values.truth) throw new BadInputError(`--truth is required\n\n${usage}`)
    if (values.db && values.alerts)
      throw new BadInputError(`give --db or --alerts, not both\n\n${usage}`)
    const truth = loadTruth(values.truth)
    let alerts
    if (values.alerts) alerts = await loadAlertsFromJsonl(values.alerts)
    else {
      const path = values.db ?? DEFAULT_DB
      if (!existsSync(path)) throw new NotFoundError(`database ${path} not found`)
      const store = await openStore({ path, readOnly: true })
      try {
        alerts = await loadAlertsFromStore(store)
      } finally {
        await store.close()
      }
    }
    const report = evaluate(truth, alerts)
    io.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : formatEvalTable(report))
    return 0
  },
}
