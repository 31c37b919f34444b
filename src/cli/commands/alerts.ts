// `ringwatch alerts export|list`: alerts as JSON lines, CSV, goAML STR XML or FtM entities; or a
// short table of the queue. Every export writes an audit row naming who exported what.
import { createWriteStream } from 'node:fs'
import { parse, dbOption, jsonOption, configOption, type Command } from '../command.ts'
import { HELP } from '../help.ts'
import { openFor } from '../open.ts'
import { serverFor } from '../remote.ts'
import { remoteExport } from '../remote-commands.ts'
import { loadConfig } from '../../config/index.ts'
import { AlertId, AlertStatus } from '../../schema/alert.ts'
import { cliActor } from '../../server/auth/users.ts'
import {
  EXPORT_FORMATS,
  exportAlerts,
  listAlerts,
  requireGoamlSettings,
  type ExportFormat,
} from '../../cases/index.ts'
import { BadInputError } from '../../util/errors.ts'

const { usage } = HELP.alerts

function statusOf(v: string | undefined): AlertStatus | undefined {
  if (v === undefined) return undefined
  const r = AlertStatus.safeParse(v)
  if (!r.success) throw new BadInputError(`--status ${v}: one of ${AlertStatus.options.join(', ')}`)
  return r.data
}

/** The alert ids of --id, each held to the alert id's form (schema/alert.ts). */
function idsOf(vs: string[] | undefined): AlertId[] | undefined {
  return vs?.map((v) => {
    const r = AlertId.safeParse(v)
    if (!r.success)
      throw new BadInputError(`--id ${v}: not an alert id (A- and hexadecimal digits)`)
    return r.data
  })
}

export const command: Command = {
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      {
        ...dbOption,
        ...jsonOption,
        ...configOption,
        format: { type: 'string', default: 'jsonl' },
        out: { type: 'string' },
        status: { type: 'string' },
        id: { type: 'string', multiple: true },
        limit: { type: 'string' },
      },
      usage,
    )
    const sub = positionals[0]
    if ((sub !== 'export' && sub !== 'list') || positionals.length > 1)
      throw new BadInputError(`expected 'alerts export' or 'alerts list'\n\n${usage}`)
    const status = statusOf(values.status)
    const ids = idsOf(values.id)
    const { config } = loadConfig(values.config)
    const remote = await serverFor(values.db, io, `ringwatch alerts ${sub}`)
    if (remote && sub === 'list') {
      const limit = values.limit ? Number(values.limit) : 50
      if (!Number.isInteger(limit) || limit <= 0 || limit > 500)
        throw new BadInputError(
          `--limit ${values.limit}: a positive integer up to 500 through a server`,
        )
      const q = new URLSearchParams({ limit: String(limit) })
      if (status) q.set('status', status)
      const { alerts } = await remote.json<{
        alerts: Array<{
          id: string
          score: number
          status: string
          typology: string
          accounts: string[]
          reasons: Array<{ text: string }>
        }>
      }>('GET', `/api/alerts?${q}`)
      const shown = ids ? alerts.filter((a) => ids.some((id) => id === a.id)) : alerts
      if (values.json) io.stdout.write(JSON.stringify(shown) + '\n')
      else
        for (const a of shown)
          io.stdout.write(
            `${a.id}  ${a.score.toFixed(1).padStart(5)}  ${a.status.padEnd(21)} ${a.typology.padEnd(15)} ${a.accounts.length} accounts  ${a.reasons[0]?.text ?? ''}\n`,
          )
      return 0
    }
    if (remote) {
      const format = values.format as ExportFormat
      if (!(EXPORT_FORMATS as readonly string[]).includes(format))
        throw new BadInputError(`--format ${values.format}: one of ${EXPORT_FORMATS.join(', ')}`)
      const n = await remoteExport(remote, { format, status, ids }, values.out, io)
      if (values.out) io.stderr.write(`exported ${n} alert(s) as ${format} to ${values.out}\n`)
      return 0
    }
    if (sub === 'export' && values.format === 'goaml') {
      // refuse placeholders before opening the database or making an empty --out file
      const goaml = requireGoamlSettings(config.cases.goaml)
      if (goaml.sample_values)
        io.stderr.write(
          'warning: cases.goaml holds sample values (sample_values: true); the report says so and is not for filing\n',
        )
    }
    const store = await openFor({
      db: values.db,
      config: config,
      env: io.env,
      access: sub === 'list' ? 'read' : 'audit',
      command: `ringwatch alerts ${sub}`,
    })
    try {
      if (sub === 'list') {
        const limit = values.limit ? Number(values.limit) : 50
        if (!Number.isInteger(limit) || limit <= 0)
          throw new BadInputError(`--limit ${values.limit}: a positive integer`)
        const alerts = await listAlerts(store, { status, ids, limit })
        if (values.json) io.stdout.write(JSON.stringify(alerts) + '\n')
        else
          for (const a of alerts)
            io.stdout.write(
              `${a.id}  ${a.score.toFixed(1).padStart(5)}  ${a.status.padEnd(21)} ${a.typology.padEnd(15)} ${a.tx_ids.length} tx  ${a.reasons[0]?.text ?? ''}\n`,
            )
        return 0
      }
      const format = values.format as ExportFormat
      if (!(EXPORT_FORMATS as readonly string[]).includes(format))
        throw new BadInputError(`--format ${values.format}: one of ${EXPORT_FORMATS.join(', ')}`)
      const out = values.out ? createWriteStream(values.out) : io.stdout
      try {
        const r = await exportAlerts(store, cliActor(io.env), {
          format,
          status,
          ids,
          out,
          goaml: config.cases.goaml,
        })
        if (values.out)
          io.stderr.write(`exported ${r.count} alert(s) as ${format} to ${values.out}\n`)
      } finally {
        if (values.out) await new Promise<void>((res) => (out as NodeJS.WritableStream).end(res))
      }
      return 0
    } finally {
      await store.close()
    }
  },
}
