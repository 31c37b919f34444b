// Benchmark: how long the command line takes to answer `ringwatch --help` and `ringwatch scan --help`
// (wall time of the whole process, median of --runs, runs of the variants alternating):
//   built  bin/ringwatch: the JavaScript in dist/, a command's modules loaded only when it runs
//   dev    bin/ringwatch-dev: the same lazy main, the TypeScript sources through tsx
//   old    the start before this build (sources through tsx, every command imported for --help)
//   floor  `node -e 0`: Node's own start, which no command line can beat
// Target: ≤ 0.3 s for both with the built CLI. Usage: npm run bench:cli -- [--runs 10]
// Run it under `flock /tmp/ringwatch-bench.lock`.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' } } })
const runs = Number(values.runs)
const TARGET_S = 0.3

/** Each variant's node arguments for a command line; floor is Node starting with nothing to run. */
const VARIANTS: Record<string, (args: readonly string[]) => string[]> = {
  built: (args) => ['bin/ringwatch', ...args],
  dev: (args) => ['bin/ringwatch-dev', ...args],
  old: (args) => ['bin/run-ts', 'bench/cli-old-start.ts', ...args],
  floor: () => ['-e', '0'],
}
const CASES = { '--help': ['--help'], 'scan --help': ['scan', '--help'] } as const

function seconds(argv: string[]): number {
  const t0 = performance.now()
  const r = spawnSync(process.execPath, argv, { cwd: ROOT, encoding: 'utf8' })
  const s = (performance.now() - t0) / 1000
  if (r.status !== 0) throw new Error(`node ${argv.join(' ')}: exit ${r.status}\n${r.stderr}`)
  return s
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

const build = spawnSync(process.execPath, ['bin/build', '--if-stale'], {
  cwd: ROOT,
  stdio: 'inherit',
})
if (build.status !== 0) process.exit(1)
console.log(`load average at start: ${readFileSync('/proc/loadavg', 'utf8').trim()}`)
console.log(`${runs} runs of each, alternating; one warm-up run each first (tsx's cache filled)\n`)

const times: Record<string, number[]> = {}
for (const argvOf of Object.values(VARIANTS))
  for (const args of Object.values(CASES)) seconds(argvOf(args))
for (let i = 0; i < runs; i++)
  for (const [v, argvOf] of Object.entries(VARIANTS))
    for (const [c, args] of Object.entries(CASES))
      (times[`${v} ${c}`] ??= []).push(seconds(argvOf(args)))

const fmt = (s: number) => `${s.toFixed(3)} s`
console.log(`${'variant'.padEnd(8)} ${'command'.padEnd(31)} ${'median'.padStart(9)}   runs`)
for (const v of Object.keys(VARIANTS))
  for (const c of Object.keys(CASES)) {
    const xs = times[`${v} ${c}`]
    console.log(
      `${v.padEnd(8)} ${(v === 'floor' ? `node -e 0 (beside ${c})` : `ringwatch ${c}`).padEnd(31)} ${fmt(median(xs)).padStart(9)}   ${xs.map((x) => x.toFixed(2)).join(' ')}`,
    )
  }
console.log('')
let ok = true
for (const c of Object.keys(CASES)) {
  const built = median(times[`built ${c}`])
  const old = median(times[`old ${c}`])
  const floor = median(times[`floor ${c}`])
  const met = built <= TARGET_S
  ok &&= met
  console.log(
    `ringwatch ${c}: built ${fmt(built)} (target ≤ ${TARGET_S} s: ${met ? 'met' : 'NOT met'}; ` +
      `${fmt(built - floor)} above a bare Node start), old ${fmt(old)}: ${(old / built).toFixed(1)}× faster`,
  )
}
process.exitCode = ok ? 0 : 1
