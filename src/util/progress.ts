// Progress and logging are passed in as dependencies: the CLI gives a TTY bar, tests a quiet one.

export interface Progress {
  /** A stage or item starts; total is known or not. */
  start(label: string, total?: number): void
  /** Work done so far within the current stage. */
  update(done: number, info?: string): void
  /** The current stage ends, with an optional line of summary. */
  done(summary?: string): void
}

export interface Logger {
  info(msg: string, ctx?: Record<string, unknown>): void
  warn(msg: string, ctx?: Record<string, unknown>): void
  error(msg: string, ctx?: Record<string, unknown>): void
}

export const quietProgress: Progress = { start() {}, update() {}, done() {} }

export const quietLogger: Logger = { info() {}, warn() {}, error() {} }

/** Warnings and errors as lines on a stream (a command's stderr). */
export function streamLogger(err: NodeJS.WritableStream): Logger {
  const line = (p: string, m: string, c?: Record<string, unknown>) =>
    err.write(`${p}${m}${c ? ' ' + JSON.stringify(c) : ''}\n`)
  return {
    info: (m, c) => line('', m, c),
    warn: (m, c) => line('warning: ', m, c),
    error: (m, c) => line('error: ', m, c),
  }
}

export const stderrLogger: Logger = streamLogger(process.stderr)

/** A one-line progress bar on stderr, redrawn at most every 100 ms; silent when stderr is no TTY. */
export function ttyProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return quietProgress
  let label = ''
  let total: number | undefined
  let t0 = 0
  let last = 0
  const draw = (done: number, info?: string) => {
    const secs = (Date.now() - t0) / 1000
    const rate = secs > 0 ? Math.round(done / secs) : 0
    const width = 24
    const bar =
      total && total > 0
        ? '[' + '#'.repeat(Math.min(width, Math.round((done / total) * width))).padEnd(width) + '] '
        : ''
    const line = `${label} ${bar}${done.toLocaleString('en')}${total ? '/' + total.toLocaleString('en') : ''} (${rate.toLocaleString('en')}/s)${info ? ' ' + info : ''}`
    stream.write('\r\x1b[2K' + line.slice(0, (stream.columns ?? 120) - 1))
  }
  return {
    start(l, t) {
      label = l
      total = t
      t0 = Date.now()
      last = 0
      draw(0)
    },
    update(done, info) {
      const now = Date.now()
      if (now - last < 100) return
      last = now
      draw(done, info)
    },
    done(summary) {
      stream.write('\r\x1b[2K' + (summary ? `${label} ${summary}\n` : ''))
    },
  }
}
