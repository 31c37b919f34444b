// DuckDB's errors as ringwatch's error classes, decided by DuckDB's error type, never by what the
// message says. DuckDB names the type of every exception at the start of its message
// ("<Type> Error: …", the names of duckdb::ExceptionType: "TransactionContext", "Out of Memory",
// "Constraint", …); the Node binding passes no other structured field, so that prefix is the type.
import { ConflictError, RingwatchError } from '../util/errors.ts'

/** Two transactions wrote the same rows at once: the one that committed second was undone. */
export class WriteConflictError extends ConflictError {}

/** The database ran out of memory (its memory_limit, or the machine's): exit code 1, HTTP 503. */
export class OutOfMemoryError extends RingwatchError {
  override readonly status = 503
}

const TYPE = /^([A-Za-z][A-Za-z ]*?) Error: /

/** DuckDB's exception type of an error ("TransactionContext", "Out of Memory", …), or null. */
export function duckdbErrorType(e: unknown): string | null {
  if (!(e instanceof Error) || e instanceof RingwatchError) return null
  return TYPE.exec(e.message)?.[1] ?? null
}

/**
 * A DuckDB error as the ringwatch error it means, the original as its cause: a transaction that
 * cannot commit because another wrote the same rows (type TransactionContext) is a ConflictError;
 * running out of memory is an OutOfMemoryError. Every other error is returned as it is.
 */
export function translateDbError(e: unknown): unknown {
  switch (duckdbErrorType(e)) {
    case 'TransactionContext':
      return new WriteConflictError(
        'another transaction changed the same rows at the same time; nothing of this one was kept',
        {},
        { cause: e },
      )
    case 'Out of Memory':
      return new OutOfMemoryError(
        `the database ran out of memory: ${(e as Error).message}`,
        {},
        {
          cause: e,
        },
      )
    default:
      return e
  }
}
