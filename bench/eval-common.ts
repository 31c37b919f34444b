// Shared by the evaluation benches: the CLI run as a user runs it (dist/ rebuilt first when the
// sources changed, as the tests do), medians and a plain table.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join, resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '..')
const CLI = join(ROOT, 'bin', 'ringwatch')

execFileSync(process.execPath, [join(ROOT, 'bin', 'build'), '--if-stale'], {
  cwd: ROOT,
  stdio: 'inherit',
})

// The benches scan throw-away databases: their audit rows are sealed with a key made for the run
// unless the caller set one.
const env =
  process.env.RINGWATCH_AUDIT_KEY || process.env.RINGWATCH_AUDIT_KEY_FILE
    ? process.env
    : { ...process.env, RINGWATCH_AUDIT_KEY: randomBytes(32).toString('hex') }

export function cli(args: string[]): string {
  return execFileSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
export const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '–' : `${(x * 100).toFixed(1)}%`

export function table(head: string[], body: string[][]): string {
  const widths = head.map((h, i) => body.reduce((w, b) => Math.max(w, b[i].length), h.length))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ')
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n')
}
