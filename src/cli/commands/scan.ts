// `ringwatch scan`: screen → graph → detect → score → alerts over a window, with progress per stage
// on a TTY and a summary (transfers, findings per typology, alerts new / updated / reopened, time per stage).
import { parse, dbOption, jsonOption, configOption, type Command } from '../command.ts'
import { HELP } from '../help.ts'
import { openFor } from '../open.ts'
import { serverFor } from '../remote.ts'
import { remoteScan } from '../remote-commands.ts'
import { loadConfig } from '../../config/index.ts'
import { runScan, formatScanSummary } from '../../pipeline/index.ts'
import { streamLogger, ttyProgress } from '../../util/progress.ts'

const { usage } = HELP.scan

export const command: Command = {
  async run(argv, io) {
    const { values } = parse(
      argv,
      {
        ...dbOption,
        ...jsonOption,
        ...configOption,
        from: { type: 'string' },
        to: { type: 'string' },
      },
      usage,
    )
    const remote = await serverFor(values.db, io, 'ringwatch scan')
    if (remote) {
      const summary = await remoteScan(remote, values.from, values.to, io)
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
    try {
      const summary = await runScan(
        {
          store,
          config,
          configHash: hash,
          progress: ttyProgress(io.stderr as NodeJS.WriteStream),
          logger: streamLogger(io.stderr),
        },
        { from: values.from, to: values.to },
      )
      io.stdout.write(
        values.json ? JSON.stringify(summary) + '\n' : formatScanSummary(summary) + '\n',
      )
      return 0
    } finally {
      await store.close()
    }
  },
}
