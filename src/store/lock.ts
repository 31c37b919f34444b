// Who has the database file: DuckDB lets one process open it for writing (a second process gets an
// IO error, for reading too). Beside the file, `<database>.owner.json` names the process that has
// it open for writing (pid, host, command, and the URL of a server), so that a command can go
// through the server's API instead, and a refusal can say who holds the file. Errors are worded
// for what the caller wanted: a read-only command is told the file is busy, never that only one
// process may write it. A missing file opened for reading is a NotFoundError (exit 2).
import { randomUUID } from 'node:crypto'
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { z } from 'zod'
import { DatabaseLockedError, NotFoundError } from '../util/errors.ts'

/** This process, as the owner of the runs it starts (runs.owner): a random id, not the pid. */
export const PROCESS_ID = `${hostname()}:${process.pid}:${randomUUID()}`

export const Owner = z.object({
  pid: z.number(),
  host: z.string(),
  process: z.string(),
  command: z.string(),
  url: z.string().nullable(),
  started_at: z.string(),
})
export type Owner = z.infer<typeof Owner>

export function ownerFile(db: string): string {
  return `${db}.owner.json`
}

function write(db: string, owner: Owner): void {
  const tmp = `${ownerFile(db)}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify(owner) + '\n', { mode: 0o644 })
  renameSync(tmp, ownerFile(db))
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The owner recorded beside the file, when that process still runs (else null). */
export function readOwner(db: string): Owner | null {
  let o: Owner
  try {
    const r = Owner.safeParse(JSON.parse(readFileSync(ownerFile(db), 'utf8')))
    if (!r.success) return null
    o = r.data
  } catch {
    return null
  }
  if (o.host === hostname() && !alive(o.pid)) return null
  return o
}

/** Records this process as the file's owner (after DuckDB gave it the write lock). */
export function claimOwner(db: string, command: string): void {
  try {
    write(db, {
      pid: process.pid,
      host: hostname(),
      process: PROCESS_ID,
      command,
      url: null,
      started_at: new Date().toISOString(),
    })
  } catch {
    // a read-only folder: the lock still holds, only the message of a refusal is poorer
  }
}

/** A server records where it answers. */
export function announceUrl(db: string, url: string): void {
  const o = readOwner(db)
  if (o && o.process === PROCESS_ID) write(db, { ...o, url })
}

/** Removes the owner file if it is this process's. */
export function releaseOwner(db: string): void {
  const o = readOwner(db)
  if (o && o.process === PROCESS_ID) rmSync(ownerFile(db), { force: true })
}

function holder(db: string, pid: string | undefined): string {
  const o = readOwner(db)
  if (o && (!pid || String(o.pid) === pid))
    return o.url
      ? `the ringwatch server at ${o.url} (pid ${o.pid})`
      : `${o.command} (pid ${o.pid}${o.host === hostname() ? '' : ` on ${o.host}`})`
  return `another process${pid ? ` (pid ${pid})` : ''}`
}

export function translateOpenError(path: string, e: unknown, access: 'read' | 'write'): unknown {
  const msg = e instanceof Error ? e.message : String(e)
  if (/lock/i.test(msg) && /conflicting|Could not set lock/i.test(msg)) {
    const pid = /PID (\d+)/.exec(msg)?.[1]
    const who = holder(path, pid)
    return new DatabaseLockedError(
      access === 'write'
        ? `database ${path} is in use by ${who}; only one process may write it at a time. ` +
            'Wait for it to finish or stop it, then retry.'
        : `database ${path} is in use by ${who} and cannot be read meanwhile. ` +
            'Wait for it to finish, then retry.',
      { path, pid: pid ? Number(pid) : undefined },
      { cause: e },
    )
  }
  if (access === 'read' && /does not exist|No such file/i.test(msg))
    return new NotFoundError(`no database at ${path}`, { path }, { cause: e })
  return e
}
