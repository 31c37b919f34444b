// The command line as it started before dist/ and lazy commands, for bench/cli-start.ts to compare
// with: the sources through tsx (run by bin/run-ts, as the old bin/ringwatch did), every command's
// module imported for `--help` and the command's own module for `<command> --help`.
import { COMMANDS } from '../src/cli/help.ts'
import { main } from '../src/cli/main.ts'

const argv = process.argv.slice(2)
const names = argv[0] === '--help' ? COMMANDS : [argv[0]]
for (const name of names) await import(`../src/cli/commands/${name}.ts`)
process.exitCode = await main(argv)
