// `ringwatch audit verify|keygen`: checks the keyed, checkpointed audit chain and names every row
// that does not hold (exit 1); or writes a fresh audit key file.
import { parse, dbOption, jsonOption, configOption, type Command } from '../command.ts'
import { HELP } from '../help.ts'
import { loadConfig } from '../../config/index.ts'
import { verifyAudit, writeKeyFile, type AuditVerifyResult } from '../../cases/index.ts'
import { BadInputError } from '../../util/errors.ts'
import { openFor } from '../open.ts'
import { serverFor } from '../remote.ts'

const { usage } = HELP.audit

export function formatVerify(r: AuditVerifyResult): string {
  const cp = r.checkpoint
    ? `; checkpoint seq ${r.checkpoint.seq} of ${r.checkpoint.at}` +
      (r.checkpoint.after ? ` (${r.checkpoint.after} row(s) since)` : '')
    : ''
  if (r.ok)
    return `audit log intact: ${r.rows} rows, head seq ${r.head?.seq ?? 0} ${r.head?.hash ?? ''}${cp}\n`
  const lines = [`audit log BROKEN: ${r.problems.length} problem(s) in ${r.rows} rows${cp}`]
  for (const p of r.problems) lines.push(`  seq ${p.seq}: ${p.problem} (${p.detail})`)
  return lines.join('\n') + '\n'
}

export const command: Command = {
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { ...dbOption, ...jsonOption, ...configOption, out: { type: 'string' } },
      usage,
    )
    if (positionals[0] === 'keygen' && positionals.length === 1) {
      if (!values.out) throw new BadInputError(`audit keygen needs --out F\n\n${usage}`)
      writeKeyFile(values.out)
      io.stdout.write(
        `wrote a new audit key to ${values.out}; set RINGWATCH_AUDIT_KEY_FILE=${values.out} (or audit.key_file)\n`,
      )
      return 0
    }
    if (positionals[0] !== 'verify' || positionals.length > 1)
      throw new BadInputError(`expected 'audit verify' or 'audit keygen'\n\n${usage}`)
    const remote = await serverFor(values.db, io, 'ringwatch audit verify')
    if (remote) {
      const r = await remote.json<AuditVerifyResult>('GET', '/api/audit/verify')
      io.stdout.write(values.json ? JSON.stringify(r) + '\n' : formatVerify(r))
      return r.ok ? 0 : 1
    }
    const { config } = loadConfig(values.config)
    const store = await openFor({
      db: values.db,
      config,
      env: io.env,
      access: 'verify',
      command: 'ringwatch audit verify',
    })
    try {
      const r = await verifyAudit(store)
      io.stdout.write(values.json ? JSON.stringify(r) + '\n' : formatVerify(r))
      return r.ok ? 0 : 1
    } finally {
      await store.close()
    }
  },
}
