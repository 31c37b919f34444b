// `ringwatch scan`: screen → graph → detect → score → alerts over a window, with progress per stage
// on stderr (a bar on a terminal, a line per stage otherwise) and a summary (transfers, findings per typology, alerts new / updated / reopened, time per stage).
import { parse, dbOption, jsonOption, configOption, quietOption, type Command } from '../command.ts'
import { HELP } from '../help.ts'
import { openFor } from '../open.ts'
import { serverFor } from '../remote.ts'
import { remoteScan } from '../remote-commands.ts'
import { loadConfig } from '../../config/index.ts'
import { runScan, formatScanSummary } from '../../pipeline/index.ts'
import { cliProgress } from '../progress.ts'

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
    const { config, hash } = loadConfig(values.config)
    const store = await openFor({
      db: values.db,
      config: config,
      env: io.env,
      access: 'audit',
      command: 'ringwatch scan',
    })
    const out = cliProgress(io, { quiet: values.quiet })
    try {
      const summary = await runScan(
        { store, config, configHash: hash, progress: out.progress, logger: out.logger },
        { from: values.from, to: values.to, full: values.full },
      )
      io.stdout.write(
        values.json ? JSON.stringify(summary) + '\n' : formatScanSummary(summary) + '\n',
      )
      return 0
    } finally {
      out.close()
      await store.close()
    }
  },
}
