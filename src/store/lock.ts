// DuckDB lets one process open a file for writing; a second process gets an IO error, for reading
// too. Name it plainly, in the words of what the caller wanted: a read-only command is told the
// file is busy, never that only one process may write it. A missing file opened for reading is a
// NotFoundError (exit 2), not DuckDB's IO error.
import { DatabaseLockedError, NotFoundError } from '../util/errors.ts'

export function translateOpenError(path: string, e: unknown, access: 'read' | 'write'): unknown {
  const msg = e instanceof Error ? e.message : String(e)
  if (/lock/i.test(msg) && /conflicting|Could not set lock/i.test(msg)) {
    const pid = /PID (\d+)/.exec(msg)?.[1]
    const who = `another process${pid ? ` (pid ${pid})` : ''}`
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
