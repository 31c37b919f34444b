// ringwatch's command line: finds the command, runs it, presents errors. Exit codes: 0 ok,
// 1 failure, 2 bad usage or bad input.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { CliIO, Command } from './command.ts'
import { isRingwatchError } from '../util/errors.ts'

/** Every command, in the order `--help` lists them. Each lives in commands/<name>.ts. */
export const COMMANDS = [
  'ingest',
  'quarantine',
  'lists',
  'scan',
  'alerts',
  'audit',
  'batch',
  'serve',
  'users',
  'generate',
  'eval',
  'demo',
] as const

function commandFile(name: string): string {
  return fileURLToPath(new URL(`./commands/${name}.ts`, import.meta.url))
}

async function loadCommand(name: string): Promise<Command | undefined> {
  if (!(COMMANDS as readonly string[]).includes(name) || !existsSync(commandFile(name)))
    return undefined
  return ((await import(`./commands/${name}.ts`)) as { command: Command }).command
}

async function help(io: CliIO): Promise<void> {
  const lines = ['ringwatch: payment-ring monitor for export-control finance', '', 'commands:']
  for (const name of COMMANDS) {
    const c = await loadCommand(name)
    if (c) lines.push(`  ${name.padEnd(10)} ${c.summary}`)
  }
  lines.push('', 'ringwatch <command> --help for the options of one command.')
  lines.push('Default database: ./data/ringwatch.duckdb (or --db P).')
  io.stdout.write(lines.join('\n') + '\n')
}

export async function main(argv: string[], io: CliIO = process): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    if (name === 'help' && rest[0]) return main([rest[0], '--help'], io)
    await help(io)
    return name ? 0 : 2
  }
  if (name === '--version') {
    io.stdout.write('ringwatch 0.1.0\n')
    return 0
  }
  const command = await loadCommand(name)
  if (!command) {
    io.stderr.write(`ringwatch: unknown command '${name}'. Run ringwatch --help.\n`)
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.usage.trimEnd() + '\n')
    return 0
  }
  try {
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
