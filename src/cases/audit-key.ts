// Where a process gets the audit key: RINGWATCH_AUDIT_KEY (the key as text), else
// RINGWATCH_AUDIT_KEY_FILE or the config's audit.key_file (a file holding it). Without one a
// command that writes audit rows refuses to start; only the demo makes a key of its own (beside
// its database, and says so). The checkpoint file: RINGWATCH_AUDIT_CHECKPOINTS, else
// audit.checkpoint_file, else `<database>.audit-checkpoints`.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { auditKey, newKeyText, parseKeyText, type AuditKey } from '../util/audit-key.ts'
import { BadInputError } from '../util/errors.ts'
import { AuditKeyError } from './audit.ts'
import type { AuditConfig } from './config.ts'

export interface KeySource {
  env: NodeJS.ProcessEnv
  config: AuditConfig
  /** The database file (resolved here); ':memory:' has no checkpoint file. */
  db: string
}

/** The demo's own key file, beside its database. */
export function demoKeyFile(db: string): string {
  return `${resolve(db)}.demo-audit-key`
}

export function checkpointFile(src: KeySource): string | null {
  if (src.db === ':memory:') return null
  const f = src.env.RINGWATCH_AUDIT_CHECKPOINTS || src.config.checkpoint_file
  return resolve(f ?? `${resolve(src.db)}.audit-checkpoints`)
}

function readKeyFile(file: string, checkpoints: string | null): AuditKey {
  if (!existsSync(file)) throw new BadInputError(`audit key file ${file} does not exist`, { file })
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    throw new BadInputError(`audit key file ${file}: ${(e as Error).message}`, { file })
  }
  return auditKey(parseKeyText(text, file), checkpoints, file)
}

/** The configured key, or undefined when none is configured. */
export function configuredAuditKey(src: KeySource): AuditKey | undefined {
  const checkpoints = checkpointFile(src)
  if (src.env.RINGWATCH_AUDIT_KEY)
    return auditKey(
      parseKeyText(src.env.RINGWATCH_AUDIT_KEY, 'RINGWATCH_AUDIT_KEY'),
      checkpoints,
      'RINGWATCH_AUDIT_KEY',
    )
  const file = src.env.RINGWATCH_AUDIT_KEY_FILE || src.config.key_file
  if (file) return readKeyFile(resolve(file), checkpoints)
  return undefined
}

/** The configured key; none is an error that says how to give one. */
export function requireAuditKey(src: KeySource, why: string): AuditKey {
  const key = configuredAuditKey(src)
  if (key) return key
  const demo = demoKeyFile(src.db)
  throw new AuditKeyError(
    `${why} writes to the audit log, which is sealed with a key kept outside the database: set ` +
      'RINGWATCH_AUDIT_KEY (64 hex digits) or RINGWATCH_AUDIT_KEY_FILE, or audit.key_file in the config ' +
      "('ringwatch audit keygen --out F' makes a key file)" +
      (existsSync(demo) ? `. This is a demo database: its key is in ${demo}` : ''),
  )
}

/**
 * The demo's key: the configured one, else the demo's own file beside the database, made on first
 * use. `say` is told which, in one line.
 */
export function demoAuditKey(src: KeySource, say: (line: string) => void): AuditKey {
  const key = configuredAuditKey(src)
  if (key) return key
  const file = demoKeyFile(src.db)
  if (!existsSync(file)) {
    // A fresh clone has no data folder yet: the demo's first run makes it (the database would too).
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, newKeyText() + '\n', { mode: 0o600, flag: 'wx' })
    chmodSync(file, 0o600)
    say(
      `audit key: made ${file} for this demo database (a real deployment sets RINGWATCH_AUDIT_KEY or audit.key_file)`,
    )
  } else say(`audit key: the demo's own, ${file}`)
  return readKeyFile(file, checkpointFile(src))
}

/** Writes a fresh key file (never over an existing file). */
export function writeKeyFile(file: string): void {
  try {
    writeFileSync(file, newKeyText() + '\n', { mode: 0o600, flag: 'wx' })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST')
      throw new BadInputError(`${file} exists; a key file is never overwritten`, { file })
    throw new BadInputError(`cannot write ${file}: ${(e as Error).message}`, { file })
  }
}
