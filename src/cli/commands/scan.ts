// `ringwatch scan`: screen → graph → detect → score → alerts over a window, with progress per stage
// on a TTY and a summary (transfers, findings per typology, alerts new / updated / reopened, time per stage).
import { parse, dbOption, jsonOption, configOption, type Command } from '../command.ts'
import { openStore } from '../../store/index.ts'
import { loadConfig } from '../../config/index.ts'
import { runScan, formatScanSummary } from '../../pipeline/index.ts'
import { streamLogger, ttyProgress } from '../../util/progress.ts'

const usage = `ringwatch scan [--db P] [--from D] [--to D] [--json] [--config F]

Screens the parties, goods and routes of the window, builds its payment graph, runs the detectors,
scores the findings and writes alerts (merged with earlier alerts of the same pattern).
  --from D, --to D   window bounds, YYYY-MM-DD (whole days) or ISO 8601; default the 30 days up to
                     the latest payment
  --json             print the run summary as JSON
  --config F         config file (default ./ringwatch.config.json when present)`

export const command: Command = {
  summary: 'screen, detect, score and write alerts',
  usage,
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
    const { config, hash } = loadConfig(values.config)
    const store = await openStore({ path: values.db })
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
