// How a command opens the database: read-only commands need the file to exist (a clear error,
// exit 2, when it does not) and never take the write lock; commands that write audit rows need
// the audit key (cases/audit-key.ts) and check that it is the one the chain is sealed with.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { DEFAULT_DB, openStore, type Store } from '../store/index.ts'
import type { Config } from '../config/index.ts'
import { checkAuditKey, configuredAuditKey, requireAuditKey } from '../cases/index.ts'
import { NotFoundError } from '../util/errors.ts'
import type { AuditKey } from '../util/audit-key.ts'
import { loadConfig } from '../config/index.ts'
import type { ScanDeps } from '../pipeline/index.ts'
import type { CliIO } from './command.ts'
import { cliProgress, type CliProgress } from './progress.ts'

/**
 * read: looks only (read-only, the file must exist); write: lands data, no audit rows;
 * audit: writes audit rows (needs the key); verify: read-only, but checks the keyed chain.
 */
export type Access = 'read' | 'write' | 'audit' | 'verify'

export interface OpenFor {
  db: string | undefined
  config: Config
  env: NodeJS.ProcessEnv
  access: Access
  /** The command, for messages ('ringwatch scan'). */
  command: string
  /** A key found already (the demo's own). */
  auditKey?: AuditKey
}

export function dbPath(db: string | undefined): string {
  return db === ':memory:' ? db : resolve(db ?? DEFAULT_DB)
}

export async function openFor(o: OpenFor): Promise<Store> {
  const path = dbPath(o.db)
  const readOnly = o.access === 'read' || o.access === 'verify'
  if (readOnly && path !== ':memory:' && !existsSync(path))
    throw new NotFoundError(
      `no database at ${path}: 'ringwatch ingest <files>' (or 'ringwatch demo') creates one; --db P names another`,
      { db: path },
    )
  const src = { env: o.env, config: o.config.audit, db: path }
  const auditKey =
    o.auditKey ??
    (o.access === 'audit' || o.access === 'verify'
      ? requireAuditKey(src, o.command)
      : configuredAuditKey(src))
  const store = await openStore({ path, readOnly, auditKey, owner: o.command })
  try {
    if (o.access === 'audit' || o.access === 'verify') await checkAuditKey(store)
  } catch (e) {
    await store.close()
    throw e
  }
  return store
}

/**
 * Runs a pipeline command (scan, batch) with the configuration of --config, the database of --db
 * opened for audit rows and progress on stderr; closes the progress and the database after.
 */
export async function withPipeline<T>(
  values: { db?: string; config?: string; quiet?: boolean },
  io: CliIO,
  command: string,
  fn: (deps: ScanDeps, out: CliProgress) => Promise<T>,
): Promise<T> {
  const { config, hash } = loadConfig(values.config)
  const store = await openFor({ db: values.db, config, env: io.env, access: 'audit', command })
  const out = cliProgress(io, { quiet: values.quiet })
  try {
    return await fn(
      { store, config, configHash: hash, progress: out.progress, logger: out.logger },
      out,
    )
  } finally {
    out.close()
    await store.close()
  }
}
