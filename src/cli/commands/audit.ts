// `ringwatch audit verify [--db P] [--json]`: walks the hash-chained audit log; exit 1 with the
// first bad seq when a row was edited, reordered or deleted.
import { parse, dbOption, jsonOption, type Command } from '../command.ts'
import { HELP } from '../help.ts'
import { openStore } from '../../store/index.ts'
import { verifyAudit } from '../../cases/index.ts'
import { BadInputError } from '../../util/errors.ts'

const { usage } = HELP.audit

export const command: Command = {
  async run(argv, io) {
    const { values, positionals } = parse(argv, { ...dbOption, ...jsonOption }, usage)
    if (positionals[0] !== 'verify' || positionals.length > 1)
      throw new BadInputError(`expected 'audit verify'\n\n${usage}`)
    const store = await openStore({ path: values.db })
    try {
      const r = await verifyAudit(store)
      if (values.json) io.stdout.write(JSON.stringify(r) + '\n')
      else if (r.ok)
        io.stdout.write(
          `audit log intact: ${r.rows} rows, head seq ${r.head?.seq ?? 0} ${r.head?.hash ?? ''}\n`,
        )
      else
        io.stdout.write(
          `audit log BROKEN at seq ${r.first_bad?.seq}: ${r.first_bad?.problem} (${r.first_bad?.detail})\n`,
        )
      return r.ok ? 0 : 1
    } finally {
      await store.close()
    }
  },
}
