// `ringwatch generate`: synthetic day files with planted patterns, truth.json and a watch list.
import type { Command } from '../command.ts'
import { parse } from '../command.ts'
import { HELP } from '../help.ts'
import { DEFAULT_START, generate } from '../../generate/index.ts'
import { convertAmlsim } from '../../generate/amlsim.ts'
import { BadInputError } from '../../util/errors.ts'
import { ttyProgress } from '../../util/progress.ts'

const { usage } = HELP.generate

function int(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined
  if (!/^\d+$/.test(v))
    throw new BadInputError(`--${name} must be a whole number, got '${v}'\n\n${usage}`)
  return Number(v)
}

export const command: Command = {
  async run(argv, io) {
    const { values } = parse(
      argv,
      {
        out: { type: 'string' },
        seed: { type: 'string' },
        days: { type: 'string' },
        'per-day': { type: 'string' },
        accounts: { type: 'string' },
        start: { type: 'string' },
        'history-days': { type: 'string' },
        format: { type: 'string' },
        'from-amlsim': { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      usage,
    )
    if (!values.out) throw new BadInputError(`--out is required\n\n${usage}`)
    if (values['from-amlsim'] !== undefined) return fromAmlsim(values, io)
    const format = values.format ?? 'csv'
    if (!['csv', 'parquet', 'arrow'].includes(format))
      throw new BadInputError(`--format must be csv, parquet or arrow, got '${format}'`)
    const start = Date.parse(`${values.start ?? DEFAULT_START}T00:00:00Z`)
    const days = int('days', values.days) ?? 7
    if (start + days * 86_400_000 > Date.now() + 86_400_000)
      io.stderr.write(
        'warning: the data runs more than a day into the future; ingest quarantines such timestamps\n',
      )
    const t0 = performance.now()
    const summary = await generate(
      {
        out: values.out,
        seed: int('seed', values.seed),
        days: int('days', values.days),
        perDay: int('per-day', values['per-day']),
        accounts: int('accounts', values.accounts),
        start: values.start,
        historyDays: int('history-days', values['history-days']),
        format: format as 'csv' | 'parquet' | 'arrow',
      },
      ttyProgress(io.stderr as NodeJS.WriteStream),
    )
    const secs = (performance.now() - t0) / 1000
    if (values.json) {
      io.stdout.write(
        JSON.stringify({ ...summary, seconds: Number(secs.toFixed(2)) }, null, 2) + '\n',
      )
      return 0
    }
    io.stdout.write(
      `wrote ${(summary.rows + summary.history_rows).toLocaleString('en')} transfers in ${summary.files.length} ${summary.format} files to ${summary.out}\n` +
        (summary.history_days
          ? `  (${summary.history_rows.toLocaleString('en')} of them in ${summary.history_days} history days before the planted ones)\n`
          : '') +
        `  ${summary.patterns} planted patterns and ${summary.benign} benign look-alikes in ${summary.truth}\n` +
        `  watch list: ${summary.watchlist}\n` +
        `  ${secs.toFixed(1)} s (${Math.round((summary.rows + summary.history_rows) / secs).toLocaleString('en')} rows/s)\n`,
    )
    return 0
  },
}

async function fromAmlsim(
  values: Record<string, string | boolean | undefined>,
  io: Parameters<Command['run']>[1],
): Promise<number> {
  for (const k of ['seed', 'days', 'per-day', 'accounts', 'format', 'history-days'])
    if (values[k] !== undefined)
      throw new BadInputError(`--${k} does not go with --from-amlsim\n\n${usage}`)
  const t0 = performance.now()
  const s = await convertAmlsim({
    dir: values['from-amlsim'] as string,
    out: values.out as string,
    start: values.start as string | undefined,
  })
  const secs = (performance.now() - t0) / 1000
  if (values.json) {
    io.stdout.write(JSON.stringify({ ...s, seconds: Number(secs.toFixed(2)) }, null, 2) + '\n')
    return 0
  }
  io.stdout.write(
    `converted ${s.rows.toLocaleString('en')} AMLSim transactions into ${s.files.length} csv files in ${s.out}\n` +
      `  ${s.accounts.toLocaleString('en')} accounts, ${s.labelled_accounts} labelled; ${s.patterns} patterns reconstructed; truth: ${s.truth}\n` +
      (s.self_transfers
        ? `  ${s.self_transfers} self-transfers written as they are (ingest quarantines them as same_account)\n`
        : '') +
      `  ${secs.toFixed(1)} s\n`,
  )
  return 0
}
