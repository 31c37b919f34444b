// A command's progress on its stderr (never stdout, which holds the summary or --json): on a
// terminal a live bar (cli-progress, redrawn 10 times a second) with the count, the rate and the
// time the stage has taken; otherwise one plain line per stage when it finishes; with --quiet none.
// The same line ends a stage on a terminal, and warnings are written above the bar.
import bars from 'cli-progress'
import type { CliIO } from './command.ts'
import { quietProgress, streamLogger, type Logger, type Progress } from '../util/progress.ts'

export interface CliProgress {
  progress: Progress
  /** Warnings and errors: lines on stderr that do not break the bar. */
  logger: Logger
  /** Stops a bar still drawn (a stage cut short by an error); call it before the command returns. */
  close(): void
}

const BAR_WIDTH = 24

const n = (x: number) => Math.round(x).toLocaleString('en')

/** The bar's text: label, bar (total known), count, rate, the stage's time, the current step. */
export function barLine(
  s: {
    label: string
    total?: number
    done: number
    info?: string
    stepMs: number
    stageMs: number
  },
  columns = 120,
): string {
  const parts = [s.label]
  if (s.total && s.total > 0) {
    const filled = Math.min(BAR_WIDTH, Math.round((s.done / s.total) * BAR_WIDTH))
    parts.push(`[${'#'.repeat(filled).padEnd(BAR_WIDTH, '-')}] ${n(s.done)}/${n(s.total)}`)
  } else if (s.done > 0) parts.push(n(s.done))
  if (s.done > 0 && s.stepMs >= 200) parts.push(`${n(s.done / (s.stepMs / 1000))}/s`)
  parts.push(`${(s.stageMs / 1000).toFixed(1)} s`)
  if (s.info) parts.push(s.info)
  const line = parts.join('  ')
  return line.length < columns ? line : line.slice(0, Math.max(0, columns - 2)) + '…'
}

export function cliProgress(io: CliIO, opts: { quiet?: boolean } = {}): CliProgress {
  const stderr = io.stderr as NodeJS.WritableStream & { isTTY?: boolean; columns?: number }
  const plain = streamLogger(stderr)
  if (opts.quiet) return { progress: quietProgress, logger: plain, close() {} }
  if (!stderr.isTTY) {
    // one line per stage, when it ends: for logs and cron mail
    let label = ''
    return {
      progress: {
        start: (l) => void (label = l),
        update() {},
        done: (summary) => void stderr.write(`${label}${summary ? ' ' + summary : ' done'}\n`),
      },
      logger: plain,
      close() {},
    }
  }

  const state = { label: '', total: undefined as number | undefined, done: 0, info: '' }
  let stageT0 = 0
  let stepT0 = 0
  let active = false
  const bar = new bars.SingleBar({
    stream: stderr as NodeJS.WriteStream,
    fps: 10,
    forceRedraw: true, // the time moves on while a long statement runs; warnings clear the line
    clearOnComplete: true,
    hideCursor: false, // a killed run must not leave the terminal without a cursor
    gracefulExit: false, // Ctrl-C stops the command as it always did
    linewrap: true,
    format: () => {
      const now = Date.now()
      return barLine(
        { ...state, stepMs: now - stepT0, stageMs: now - stageT0 },
        (stderr.columns ?? 120) - 1,
      )
    },
  })
  const stop = () => {
    if (active) bar.stop()
    active = false
  }
  const above = (write: () => void) => {
    if (active) stderr.write('\r\x1b[2K')
    write() // the next redraw puts the bar back under the line
  }
  return {
    progress: {
      start(label, total) {
        const now = Date.now()
        if (!active) stageT0 = now
        stepT0 = now
        Object.assign(state, { label, total, done: 0, info: '' })
        if (!active) bar.start(total ?? 0, 0)
        else bar.update(0)
        active = true
      },
      update(done, info) {
        state.done = done
        state.info = info ?? ''
        if (active) bar.update(done)
      },
      done(summary) {
        const label = state.label
        stop()
        stderr.write(`${label}${summary ? ' ' + summary : ' done'}\n`)
      },
    },
    logger: {
      info: (m, c) => above(() => plain.info(m, c)),
      warn: (m, c) => above(() => plain.warn(m, c)),
      error: (m, c) => above(() => plain.error(m, c)),
    },
    close: stop,
  }
}
