// What a CLI command module exports. Commands parse their own arguments with node:util parseArgs
// (see parse()), call the module functions below them, and print; they hold no logic of their own.
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { BadInputError } from '../util/errors.ts'

export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean }
  stderr: NodeJS.WriteStream | (NodeJS.WritableStream & { isTTY?: boolean; columns?: number })
  env: NodeJS.ProcessEnv
}

/** A command's work; its help text is in help.ts, so that help loads no command module. */
export interface Command {
  /** Returns the process exit code. */
  run(argv: string[], io: CliIO): Promise<number>
}

type Options = NonNullable<ParseArgsConfig['options']>

/** parseArgs with ringwatch's rules: unknown options and missing values are BadInputError (exit 2). */
export function parse<O extends Options>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true })
  } catch (e) {
    throw new BadInputError(`${(e as Error).message}\n\n${usage}`)
  }
}

/** Common options shared by most commands. */
export const dbOption = { db: { type: 'string' } } as const
export const jsonOption = { json: { type: 'boolean', default: false } } as const
export const configOption = { config: { type: 'string' } } as const
/** No progress on stderr (warnings and errors still show). */
export const quietOption = { quiet: { type: 'boolean', default: false } } as const
