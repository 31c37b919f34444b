// `ringwatch serve`: the JSON API and the dashboards on one port, until interrupted.
import { parse, dbOption, configOption, type Command } from '../command.ts'
import { HELP } from '../help.ts'
import { dbPath, openFor } from '../open.ts'
import { readOwner } from '../../store/index.ts'
import { loadConfig } from '../../config/index.ts'
import { BadInputError, ConflictError } from '../../util/errors.ts'
import { stderrLogger } from '../../util/progress.ts'
import { jwtFromEnv, startServer } from '../../server/serve.ts'

const { usage } = HELP.serve

export function portOf(v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback
  const n = Number(v)
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new BadInputError(`--port ${v}: not a port number`)
  return n
}

export const command: Command = {
  async run(argv, io) {
    const { values } = parse(
      argv,
      { ...dbOption, ...configOption, port: { type: 'string' }, host: { type: 'string' } },
      usage,
    )
    const { config, hash } = loadConfig(values.config)
    const owner = readOwner(dbPath(values.db))
    if (owner?.url)
      throw new ConflictError(
        `the ringwatch server at ${owner.url} (pid ${owner.pid}) already owns ${dbPath(values.db)}`,
      )
    const store = await openFor({
      db: values.db,
      config: config,
      env: io.env,
      access: 'audit',
      command: 'ringwatch serve',
    })
    const running = await startServer({
      store,
      config,
      configHash: hash,
      host: values.host ?? '127.0.0.1',
      port: portOf(values.port, 8080),
      logger: stderrLogger,
      jwt: jwtFromEnv(io.env),
    })
    io.stdout.write(`ringwatch serving ${running.url} (database ${store.path}); Ctrl-C stops\n`)
    const inbox = running.jobs?.inbox
    if (inbox)
      io.stdout.write(
        `inbox ${inbox.dir}: files dropped there are landed and scanned, then moved to done/ or failed/` +
          (config.batch.schedule
            ? `; nightly batch '${config.batch.schedule}' (${config.batch.timezone}), next ${inbox.nextRun()?.toISOString()}`
            : '') +
          '\n',
      )
    await new Promise<void>((resolve) => {
      const stop = () => resolve()
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
    await running.close()
    await store.close()
    return 0
  },
}
