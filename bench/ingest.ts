// Ingest benchmark: generates N canonical rows as CSV, Parquet and Arrow IPC in a temp dir, lands
// each into a fresh file database through ringwatch's real path (ingestPaths), and prints rows/s and
// peak memory beside the floor measured in the same run: DuckDB's bare read_csv / read_parquet into a
// table of the same schema, and a bare DataChunk append of the same Arrow file. Each measurement runs
// in a child process; peak memory is the child's VmHWM (peak resident set).
//   npm run bench:ingest -- --rows 1000000,10000000 --runs 3
// Run it under the shared lock: flock /tmp/ringwatch-bench.lock npm run bench:ingest
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { generateFiles, runChild, type Mode } from './ingest-work.ts'
import { maxOf } from '../src/util/array.ts'

const FORMATS = ['csv', 'parquet', 'arrow'] as const
type Format = (typeof FORMATS)[number]
const FLOOR: Record<Format, Mode> = {
  csv: 'floor-csv',
  parquet: 'floor-parquet',
  arrow: 'floor-append',
}
const FLOOR_NAME: Record<Format, string> = {
  csv: 'read_csv',
  parquet: 'read_parquet',
  arrow: 'DataChunk append',
}

interface Measure {
  seconds: number
  cpu: number
  peakMb: number
  rows: number
}

function peakOf(status: string): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(status)
  return m ? Number(m[1]) / 1024 : NaN
}

function measure(mode: Mode, file: string, dir: string): Measure {
  const db = join(dir, `${mode}-${Date.now()}.duckdb`)
  const script = fileURLToPath(import.meta.url)
  const r = spawnSync(
    process.execPath,
    [join(script, '../../bin/run-ts'), script, '--child', mode, file, db],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  )
  rmSync(db, { force: true })
  rmSync(db + '.wal', { force: true })
  if (r.status !== 0)
    throw new Error(`${mode} ${file} failed (${r.status}): ${r.stderr}\n${r.stdout}`)
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
    seconds: number
    cpu: number
    rows: number
    status: string
  }
  return { seconds: out.seconds, cpu: out.cpu, rows: out.rows, peakMb: peakOf(out.status) }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

async function main() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      rows: { type: 'string', default: '1000000,10000000' },
      runs: { type: 'string', default: '3' },
      'runs-large': { type: 'string', default: '1' },
      formats: { type: 'string', default: FORMATS.join(',') },
    },
  })
  const sizes = values.rows!.split(',').map((s) => Number(s.replace(/_/g, '')))
  const formats = values.formats!.split(',') as Format[]
  const dir = mkdtempSync(join(tmpdir(), 'rw-bench-ingest-'))
  const lines: string[] = []
  const say = (s: string) => {
    lines.push(s)
    console.log(s)
  }
  try {
    say(`ringwatch ingest benchmark — ${new Date().toISOString()}, node ${process.version}`)
    say('rows/s: median of the runs (wall clock); peak: the child process peak RSS (VmHWM), max of')
    say('the runs; cpu: user+system seconds of the child (less sensitive to other load on the box)')
    say(`load average at start: ${readFileSync('/proc/loadavg', 'utf8').trim()}`)
    say('')
    say(
      'rows        format   runs  ringwatch rows/s  peak MB   floor (what)        floor rows/s  peak MB  ratio  target',
    )
    for (const n of sizes) {
      const files = await generateFiles(dir, n, formats)
      const runs = n > 2_000_000 ? Number(values['runs-large']) : Number(values.runs)
      for (const f of formats) {
        const ours: Measure[] = []
        const floor: Measure[] = []
        let failure = ''
        for (let i = 0; i < runs && !failure; i++) {
          try {
            floor.push(measure(FLOOR[f], files[f], dir))
            const m = measure('ringwatch', files[f], dir)
            if (m.rows !== n) throw new Error(`ringwatch landed ${m.rows} of ${n} rows`)
            ours.push(m)
          } catch (e) {
            failure = (e as Error).message.split('\n').find((l) => /Error/.test(l)) ?? String(e)
          }
        }
        if (failure || !ours.length) {
          say(`${String(n).padEnd(11)} ${f.padEnd(8)} FAILED: ${failure.slice(0, 300)}`)
          continue
        }
        const oRate = n / median(ours.map((m) => m.seconds))
        const fRate = n / median(floor.map((m) => m.seconds))
        const oPeak = maxOf(ours, (m) => m.peakMb)
        const fPeak = maxOf(floor, (m) => m.peakMb)
        const ratio = fRate / oRate
        const memOk = n < 10_000_000 || oPeak < 4096
        const ok = ratio <= 1.5 && memOk
        say(
          `${String(n).padEnd(11)} ${f.padEnd(8)} ${String(runs).padEnd(5)} ${Math.round(oRate).toLocaleString('en').padStart(16)}  ${oPeak.toFixed(0).padStart(7)}   ${FLOOR_NAME[f].padEnd(18)}  ${Math.round(fRate).toLocaleString('en').padStart(12)}  ${fPeak.toFixed(0).padStart(7)}  ${ratio.toFixed(2).padStart(5)}  ${ok ? 'met' : 'MISSED'} (≤ 1.5×${n >= 10_000_000 ? ', < 4096 MB' : ''})`,
        )
        say(
          `            ${f} runs, seconds: ringwatch ${ours.map((m) => m.seconds.toFixed(2)).join(' ')}; floor ${floor.map((m) => m.seconds.toFixed(2)).join(' ')}; cpu s (median): ringwatch ${median(ours.map((m) => m.cpu)).toFixed(1)}, floor ${median(floor.map((m) => m.cpu)).toFixed(1)}, ratio ${(median(ours.map((m) => m.cpu)) / median(floor.map((m) => m.cpu))).toFixed(2)}; file ${(statSync(files[f]).size / 1e6).toFixed(0)} MB`,
        )
      }
      for (const f of Object.values(files)) rmSync(f, { force: true })
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[2] === '--child') {
  const [, mode, file, db] = process.argv.slice(2)
  const c0 = process.cpuUsage()
  const r = await runChild(mode as Mode, file, db)
  const c = process.cpuUsage(c0)
  const cpu = (c.user + c.system) / 1e6
  console.log(JSON.stringify({ ...r, cpu, status: readFileSync('/proc/self/status', 'utf8') }))
} else await main()
