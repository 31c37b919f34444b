// `ringwatch scan`: screen → graph → detect → score → alerts over a window, with progress per stage
// on stderr (a bar on a terminal, a line per stage otherwise) and a summary (transfers, findings per typology, alerts new / updated / reopened, time per stage).
import { parse, dbOption, jsonOption, configOption, quietOption, type Command } from '../command.ts'
import { HELP } from '../help.ts'
import { withPipeline } from '../open.ts'
import { serverFor } from '../remote.ts'
import { remoteScan } from '../remote-commands.ts'
import { runScan, formatScanSummary } from '../../pipeline/index.ts'

const { usage } = HELP.scan

export const command: Command = {
  async run(argv, io) {
    const { values } = parse(
      argv,
      {
        ...dbOption,
        ...jsonOption,
        ...configOption,
        ...quietOption,
        from: { type: 'string' },
        to: { type: 'string' },
        full: { type: 'boolean' },
      },
      usage,
    )
    const remote = await serverFor(values.db, io, 'ringwatch scan')
    if (remote) {
      const summary = await remoteScan(remote, values.from, values.to, io, values.full)
      io.stdout.write(
        values.json ? JSON.stringify(summary) + '\n' : formatScanSummary(summary) + '\n',
      )
      return 0
    }
    return withPipeline(values, io, 'ringwatch scan', async (deps) => {
      const summary = await runScan(deps, { from: values.from, to: values.to, full: values.full })
      io.stdout.write(
        values.json ? JSON.stringify(summary) + '\n' : formatScanSummary(summary) + '\n',
      )
      return 0
    })
  },
}
