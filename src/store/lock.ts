// DuckDB lets one process write a file; a second one gets an IO error. Name it plainly.
import { DatabaseLockedError } from '../util/errors.ts'

export function translateOpenError(path: string, e: unknown): unknown {
  const msg = e instanceof Error ? e.message : String(e)
  if (/lock/i.test(msg) && /conflicting|Could not set lock/i.test(msg)) {
    const pid = /PID (\d+)/.exec(msg)?.[1]
    return new DatabaseLockedError(
      `database ${path} is in use by another ringwatch process${pid ? ` (pid ${pid})` : ''}; ` +
        `only one process may write it at a time. Wait for it to finish or stop it, then retry.`,
      { path, pid: pid ? Number(pid) : undefined },
      { cause: e },
    )
  }
  return e
}
