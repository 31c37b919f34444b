// `ringwatch users add|list|disable`: the people and jobs that may call the API.
import { parse, dbOption, jsonOption, type Command } from '../command.ts'
import { HELP } from '../help.ts'
import { openFor } from '../open.ts'
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
