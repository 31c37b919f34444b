// ringwatch's command line: finds the command, runs it, presents errors. Exit codes: 0 ok,
// 1 failure, 2 bad usage or bad input. Help comes from help.ts; a command's module (and with it
// DuckDB, the graph, the server…) is imported only when that command runs.
import type { CliIO, Command } from './command.ts'
import { COMMANDS, HELP, isCommand, type CommandName } from './help.ts'
import { isRingwatchError } from '../util/errors.ts'

type Loader = () => Promise<{ command: Command }>

/** Each command's module, loaded when it runs: literal paths, so that the build rewrites them. */
const LOAD: Record<CommandName, Loader> = {
  ingest: () => import('./commands/ingest.ts'),
  quarantine: () => import('./commands/quarantine.ts'),
  lists: () => import('./commands/lists.ts'),
  scan: () => import('./commands/scan.ts'),
  alerts: () => import('./commands/alerts.ts'),
  audit: () => import('./commands/audit.ts'),
  batch: () => import('./commands/batch.ts'),
  serve: () => import('./commands/serve.ts'),
  users: () => import('./commands/users.ts'),
  generate: () => import('./commands/generate.ts'),
  eval: () => import('./commands/eval.ts'),
  demo: () => import('./commands/demo.ts'),
}

function help(io: CliIO): void {
  const lines = ['ringwatch: payment-ring monitor for export-control finance', '', 'commands:']
  for (const name of COMMANDS) lines.push(`  ${name.padEnd(10)} ${HELP[name].summary}`)
  lines.push('', 'ringwatch <command> --help for the options of one command.')
  lines.push('Default database: ./data/ringwatch.duckdb (or --db P).')
  io.stdout.write(lines.join('\n') + '\n')
}

export async function main(argv: string[], io: CliIO = process): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    if (name === 'help' && rest[0]) return main([rest[0], '--help'], io)
    help(io)
    return name ? 0 : 2
  }
  if (name === '--version') {
    io.stdout.write('ringwatch 0.1.0\n')
    return 0
  }
  if (!isCommand(name)) {
    io.stderr.write(`ringwatch: unknown command '${name}'. Run ringwatch --help.\n`)
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(HELP[name].usage.trimEnd() + '\n')
    return 0
  }
  try {
    const { command } = await LOAD[name]()
    return await command.run(rest, io)
  } catch (e) {
    if (isRingwatchError(e)) {
      io.stderr.write(`ringwatch ${name}: ${e.message}\n`)
      return e.exitCode
    }
    io.stderr.write(`ringwatch ${name}: unexpected error: ${(e as Error)?.stack ?? String(e)}\n`)
    return 1
  }
}
