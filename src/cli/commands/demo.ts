// `ringwatch demo` (npm start): samples → lists → ingest → scan → eval → demo users → serve.
import { existsSync } from 'node:fs'
import { parse, dbOption, configOption, type Command } from '../command.ts'
import { HELP } from '../help.ts'
import { demoAuditKey } from '../../cases/index.ts'
import { dbPath, openFor } from '../open.ts'
import { readOwner } from '../../store/index.ts'
import { ConflictError } from '../../util/errors.ts'
import { loadConfig } from '../../config/index.ts'
import { stderrLogger, ttyProgress } from '../../util/progress.ts'
import { ensureDemoUsers } from '../../server/auth/demo-users.ts'
import { jwtFromEnv, startServer } from '../../server/serve.ts'
import { formatScanSummary, loadDemo } from '../../pipeline/index.ts'
import { portOf } from './serve.ts'

const { usage } = HELP.demo

export const command: Command = {
  async run(argv, io) {
    const { values } = parse(
      argv,
      {
        ...dbOption,
        ...configOption,
        port: { type: 'string' },
        host: { type: 'string' },
        'no-serve': { type: 'boolean', default: false },
      },
      usage,
    )
    const port = portOf(values.port, 8080)
    const sampleConfig = existsSync('samples/config.json') ? 'samples/config.json' : undefined
    const { config, hash } = loadConfig(values.config ?? sampleConfig)
    const out = (s: string) => io.stdout.write(s + '\n')
    const owner = readOwner(dbPath(values.db))
    if (owner?.url)
      throw new ConflictError(
        `the ringwatch server at ${owner.url} (pid ${owner.pid}) already owns ${dbPath(values.db)}`,
      )
    const auditKey = demoAuditKey({ env: io.env, config: config.audit, db: dbPath(values.db) }, out)
    const store = await openFor({
      db: values.db,
      config,
      env: io.env,
      access: 'audit',
      command: 'ringwatch demo',
      auditKey,
    })
    try {
      const r = await loadDemo({
        store,
        config,
        configHash: hash,
        progress: ttyProgress(io.stderr as NodeJS.WriteStream),
      })
      out(`ringwatch demo on ${store.path}`)
      out(
        `samples     ${r.sources.days}${r.sources.generated ? ' (generated: no committed samples)' : ''}`,
      )
      for (const l of r.lists) out(`list        ${l.file}: ${l.status} (${l.entries} entries)`)
      const i = r.ingest
      out(
        `ingest      ${i.landed} file(s) landed, ${i.skipped} already in the database, ${i.failed} failed; ` +
          `${i.accepted.toLocaleString('en')} rows accepted, ${i.quarantined.toLocaleString('en')} quarantined`,
      )
      out(
        r.scan
          ? formatScanSummary(r.scan)
          : 'scan        nothing new since the last scan; alerts kept',
      )
      out(
        `database    ${r.totals.transfers.toLocaleString('en')} transfers, ${r.totals.alerts.toLocaleString('en')} alerts`,
      )
      if (r.eval) out(`\nevaluation against ${r.sources.truth}\n${r.eval.table}`)
      out('\ndemo users (keys are shown once; a new run issues new ones):')
      const users = await ensureDemoUsers(store)
      for (const u of users) out(`  ${u.id.padEnd(16)} ${u.role.padEnd(11)} ${u.key}`)
      if (values['no-serve']) return 0
      const running = await startServer({
        store,
        config,
        configHash: hash,
        host: values.host ?? '127.0.0.1',
        port,
        logger: stderrLogger,
        jwt: jwtFromEnv(io.env),
      })
      out(`\nopen ${running.url} and paste a key above to sign in; Ctrl-C stops`)
      out(
        'while it runs, ringwatch commands on this database go through it: set RINGWATCH_API_KEY ' +
          'to the demo-analyst key (quarantine, alerts) or the demo-batch key (ingest, scan, batch)',
      )
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve())
        process.once('SIGTERM', () => resolve())
      })
      await running.close()
      return 0
    } finally {
      await store.close()
    }
  },
}
