// The few base errors every module throws. Each knows its HTTP status and CLI exit code, so that the
// server's onError and the CLI's main present them the same way; tests check the class, not the text.

export class RingwatchError extends Error {
  readonly status: number = 500
  readonly exitCode: number = 1
  /** Machine-readable details (file, line, field, …) shown in JSON output. */
  readonly details: Record<string, unknown>
  constructor(message: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(message, options)
    this.name = new.target.name
    this.details = details
  }
}

/** Bad usage or bad input: HTTP 400, exit code 2. */
export class BadInputError extends RingwatchError {
  override readonly status = 400
  override readonly exitCode = 2
}

/** A file that cannot be read at all: exit code 2 with the file named. */
export class UnreadableFileError extends BadInputError {}

export class NotFoundError extends RingwatchError {
  override readonly status = 404
  override readonly exitCode = 2
}

export class ConflictError extends RingwatchError {
  override readonly status = 409
  override readonly exitCode = 1
}

export class UnauthorizedError extends RingwatchError {
  override readonly status = 401
  override readonly exitCode = 2
}

export class ForbiddenError extends RingwatchError {
  override readonly status = 403
  override readonly exitCode = 2
}

/** The database file is locked by another process. */
export class DatabaseLockedError extends ConflictError {}

export function isRingwatchError(e: unknown): e is RingwatchError {
  return e instanceof RingwatchError
}
