// A failed scan names the stage it failed in. The message carries the cause's stack when the cause
// is not one of ringwatch's own errors (a bug, a RangeError, a DuckDB failure): that is what the
// person who reads the nightly job's output needs to report it. Bad input keeps its plain message
// and exit code. The run's record (runs.summary) always keeps the stage and the stack.
import { isRingwatchError, RingwatchError } from '../util/errors.ts'

export class ScanStageError extends RingwatchError {
  override readonly status: number
  override readonly exitCode: number
  /** A stage of the scan (screen, graph, detect, score, write), or window / record before and after them. */
  readonly stage: string
  /** The cause's stack (its message when it has none). */
  readonly causeStack: string

  constructor(stage: string, cause: unknown) {
    const own = isRingwatchError(cause)
    const stack = (cause as Error)?.stack ?? String(cause)
    const detail = own ? cause.message : stack
    super(`stage '${stage}' failed: ${detail}`, { ...(own ? cause.details : {}), stage }, { cause })
    this.stage = stage
    this.causeStack = stack
    this.status = own ? cause.status : 500
    this.exitCode = own ? cause.exitCode : 1
  }

  /** What the failed run's row keeps beside its summary. */
  record(): { error: string; failed_stage: string; stack: string } {
    return { error: this.message, failed_stage: this.stage, stack: this.causeStack }
  }
}
