// `ringwatch users add|list|disable`: the people and jobs that may call the API.
import { parse, dbOption, jsonOption, type Command } from '../command.ts'
import { HELP } from '../help.ts'
import { openFor } from '../open.ts'
import { serverFor } from '../remote.ts'
import { noRemote } from '../remote-commands.ts'
import { loadConfig } from '../../config/index.ts'
import { addUser, disableUser, listUsers, reissueKey } from '../../server/index.ts'
import { BadInputError } from '../../util/errors.ts'

const { usage } = HELP.users

export const command: Command = {
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { ...dbOption, ...jsonOption, role: { type: 'string' } },
      usage,
    )
    const [sub, id] = positionals
    if (!['add', 'rekey', 'list', 'disable'].includes(sub ?? ''))
      throw new BadInputError(`unknown subcommand '${sub ?? ''}'\n\n${usage}`)
    if ((sub === 'add' || sub === 'rekey') && (!id || !values.role))
      throw new BadInputError(`users ${sub} needs <id> and --role\n\n${usage}`)
    if (sub === 'disable' && !id) throw new BadInputError(`users disable needs <id>\n\n${usage}`)
    const remote = await serverFor(values.db, io, `ringwatch users ${sub}`)
    if (remote) {
      // through the API, as its admin: a supervisor or admin waits for a second admin's approval
      if (sub === 'rekey') noRemote('ringwatch users rekey', remote)
      if (sub === 'add') {
        const r = await remote.json<{
          id?: string
          role?: string
          key: string
          request?: { id: string }
        }>('POST', '/api/users', { id, role: values.role })
        if (values.json) io.stdout.write(JSON.stringify(r) + '\n')
        else if (r.request)
          io.stdout.write(
            `request ${r.request.id}: user ${id} (${values.role}) waits for a second admin's approval\n` +
              `API key (shown once, works once approved): ${r.key}\n`,
          )
        else
          io.stdout.write(
            `user ${r.id} (${r.role})\nAPI key (shown once, store it safely): ${r.key}\n`,
          )
        return 0
      }
      if (sub === 'list') {
        const { users } = await remote.json<{ users: Array<Record<string, string | boolean>> }>(
          'GET',
          '/api/users',
        )
        if (values.json) io.stdout.write(JSON.stringify(users) + '\n')
        else
          for (const u of users)
            io.stdout.write(
              `${String(u.id).padEnd(20)} ${String(u.role).padEnd(11)} ${u.disabled ? 'disabled' : 'active  '} key ${u.key_id} since ${u.created_at}\n`,
            )
        return 0
      }
      await remote.json('POST', `/api/users/${encodeURIComponent(id!)}/disable`, {})
      io.stdout.write(`user ${id} disabled\n`)
      return 0
    }
    const store = await openFor({
      db: values.db,
      config: loadConfig().config,
      env: io.env,
      access: sub === 'list' ? 'read' : 'audit',
      command: `ringwatch users ${sub}`,
    })
    try {
      if (sub === 'add' || sub === 'rekey') {
        if (!id || !values.role)
          throw new BadInputError(`users ${sub} needs <id> and --role\n\n${usage}`)
        const u =
          sub === 'add'
            ? await addUser(store, id, values.role)
            : await reissueKey(store, id, values.role)
        if (values.json) io.stdout.write(JSON.stringify(u) + '\n')
        else
          io.stdout.write(
            `user ${u.id} (${u.role})\nAPI key (shown once, store it safely): ${u.key}\n`,
          )
        return 0
      }
      if (sub === 'list') {
        const users = await listUsers(store)
        if (values.json) io.stdout.write(JSON.stringify(users) + '\n')
        else
          for (const u of users)
            io.stdout.write(
              `${u.id.padEnd(20)} ${u.role.padEnd(11)} ${u.disabled ? 'disabled' : 'active  '} key ${u.key_id} since ${u.created_at}\n`,
            )
        return 0
      }
      if (sub === 'disable') {
        await disableUser(store, id!)
        io.stdout.write(`user ${id} disabled\n`)
        return 0
      }
      throw new BadInputError(`unknown subcommand '${sub ?? ''}'\n\n${usage}`)
    } finally {
      await store.close()
    }
  },
}
