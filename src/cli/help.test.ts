// help.ts writes out lists of values that live in the code (so that help imports nothing): these
// tests hold the text to the code, and every command in the help to a module that runs it.
import { describe, expect, it } from 'vitest'
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { COMMANDS, HELP } from './help.ts'
import { DEFAULT_DB } from '../store/index.ts'
import { INPUT_FORMATS } from '../schema/transfer.ts'
import { LIST_FORMATS } from '../screen/index.ts'
import { REASON_CODES } from '../ingest/index.ts'
import { main } from './main.ts'

const words = (s: string) => s.replace(/\s+/g, ' ')

describe('command line help', () => {
  it('names every input format, list format and reason code the code knows, and the default database', () => {
    expect(HELP.ingest.usage).toContain(`read every file as F: ${INPUT_FORMATS.join(', ')}\n`)
    expect(HELP.lists.usage).toContain(`--format   ${LIST_FORMATS.join(' | ')} (`)
    expect(words(HELP.quarantine.usage)).toContain(`a reason code: ${REASON_CODES.join(', ')} --db`)
    for (const name of COMMANDS)
      for (const m of HELP[name].usage.matchAll(/\(default (\.\/data\/[^)]*)\)/g))
        expect(m[1], name).toBe(DEFAULT_DB)
    expect(HELP.eval.usage).toContain(`(default ${DEFAULT_DB})`)
  })

  it('has one command module for each command, each with a run function', async () => {
    const dir = fileURLToPath(new URL('./commands/', import.meta.url))
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...COMMANDS].sort())
    for (const name of COMMANDS) {
      const mod = (await import(`./commands/${name}.ts`)) as { command: { run: unknown } }
      expect(typeof mod.command.run, name).toBe('function')
    }
  })

  it('prints the list of commands and each usage without running anything', async () => {
    const out: string[] = []
    const io = {
      stdout: { write: (s: string) => (out.push(s), true) },
      stderr: { write: () => true },
      env: {},
    } as never
    expect(await main(['--help'], io)).toBe(0)
    for (const name of COMMANDS)
      expect(out.join('')).toContain(`  ${name.padEnd(10)} ${HELP[name].summary}\n`)
    out.length = 0
    expect(await main(['scan', '--help'], io)).toBe(0)
    expect(out.join('')).toBe(HELP.scan.usage.trimEnd() + '\n')
    expect(await main(['nope'], io)).toBe(2)
    expect(await main([], io)).toBe(2)
  })
})
