// `ringwatch lists import|list`: imports a watch list, goods list or reference-rate file as a
// versioned snapshot, and lists the snapshots kept. Thin shell over src/screen.
import { type CliIO, type Command, configOption, dbOption, jsonOption, parse } from '../command.ts'
import { HELP } from '../help.ts'
import { openFor, type Access } from '../open.ts'
import { serverFor } from '../remote.ts'
import { remoteListImport } from '../remote-commands.ts'
import { diffSnapshots, importList, listSnapshots, LIST_KINDS } from '../../screen/index.ts'
import { loadConfig } from '../../config/index.ts'
import { BadInputError } from '../../util/errors.ts'
import { maxOf } from '../../util/array.ts'

const { usage } = HELP.lists

/** The database (--db) opened here for a lists subcommand, with the configuration of --config. */
function openLists(values: Record<string, unknown>, io: CliIO, access: Access, sub: string) {
  return openFor({
    db: values.db as string | undefined,
    config: loadConfig(values.config as string | undefined).config,
    env: io.env,
    access,
    command: `ringwatch lists ${sub}`,
  })
}

const options = {
  ...dbOption,
  ...jsonOption,
  ...configOption,
  kind: { type: 'string' },
  format: { type: 'string' },
  alt: { type: 'string' },
  add: { type: 'string' },
  base: { type: 'string' },
} as const

async function runImport(file: string | undefined, values: Record<string, unknown>, io: CliIO) {
  if (!file) throw new BadInputError(`lists import: a list file is required\n\n${usage}`)
  const kind = LIST_KINDS.find((k) => k === values.kind)
  if (!kind)
    throw new BadInputError(
      `lists import: --kind ${LIST_KINDS.join('|')} is required\n\n${usage}`,
      {
        field: 'kind',
      },
    )
  const base =
    kind === 'fx'
      ? ((values.base as string | undefined) ??
        loadConfig(values.config as string | undefined).config.fx.base_currency)
      : undefined
  const remote = await serverFor(values.db as string | undefined, io, 'ringwatch lists import')
  if (remote && values.add !== undefined)
    throw new BadInputError(
      'lists import: --add is not sent to a running server; stop the server or put add.csv beside sdn.csv and import on the server machine',
      { field: 'add' },
    )
  const store = remote ? undefined : await openLists(values, io, 'write', 'import')
  try {
    const s = remote
      ? ((await remoteListImport(
          remote,
          {
            file,
            kind,
            format: values.format as string | undefined,
            alt: values.alt as string | undefined,
          },
          io,
        )) as Awaited<ReturnType<typeof importList>>)
      : await importList(store!, file, {
          kind,
          format: values.format as string | undefined,
          alt: values.alt as string | undefined,
          add: values.add as string | undefined,
          base,
          screen: loadConfig(values.config as string | undefined).config.screen,
        })
    if (values.json) io.stdout.write(JSON.stringify(s) + '\n')
    else {
      const skipped = Object.entries(s.skipped)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')
      io.stdout.write(
        s.status === 'unchanged'
          ? `${file}: unchanged, already imported as snapshot ${s.snapshot_id} (${s.entries} entries)\n`
          : `${file}: imported ${s.format} ${s.kind} list as snapshot ${s.snapshot_id}: ${s.entries} ${s.kind === 'fx' ? `rates per 1 ${s.reference_currency}` : 'entries'}, ` +
              `${s.kind === 'fx' ? '' : `${s.names} names, `}${s.bad_rows} malformed rows${skipped ? `, skipped ${skipped}` : ''}` +
              `${s.replaced ? `; replaces the earlier active snapshot of ${s.source}` : ''}\n`,
      )
      if (s.rescreen)
        io.stdout.write(
          `re-screened ${s.rescreen.names_screened} known party names: ${s.rescreen.opened} new hits (raised by the next scan as a list change), ` +
            `${s.rescreen.reopened} reopened, ${s.rescreen.closed} closed, ${s.rescreen.suppressed} matches held back by a rule\n`,
        )
      for (const e of s.errors.slice(0, 20))
        io.stderr.write(`${file}:${e.line}${e.field ? ` (${e.field})` : ''}: ${e.message}\n`)
      if (s.errors.length > 20)
        io.stderr.write(`… and ${s.errors.length - 20} more malformed rows\n`)
    }
  } finally {
    await store?.close()
  }
  return 0
}

async function runList(values: Record<string, unknown>, io: CliIO) {
  const remote = await serverFor(values.db as string | undefined, io, 'ringwatch lists list')
  const store = remote ? undefined : await openLists(values, io, 'read', 'list')
  try {
    const snaps = remote
      ? (
          await remote.json<{ snapshots: Awaited<ReturnType<typeof listSnapshots>> }>(
            'GET',
            '/api/lists',
          )
        ).snapshots
      : await listSnapshots(store!)
    if (values.json) {
      io.stdout.write(JSON.stringify(snaps) + '\n')
      return 0
    }
    const rows = [
      ['snapshot', 'kind', 'format', 'source', 'file hash', 'imported', 'entries', 'active'],
    ]
    for (const s of snaps)
      rows.push([
        s.snapshot_id,
        s.kind,
        s.format,
        s.source,
        s.file_hash.slice(0, 12),
        s.imported_at.slice(0, 19).replace('T', ' '),
        String(s.entries),
        s.active ? 'yes' : 'no',
      ])
    const widths = rows[0].map((_, i) => maxOf(rows, (r) => r[i].length))
    for (const r of rows)
      io.stdout.write(
        r
          .map((c, i) => c.padEnd(widths[i]))
          .join('  ')
          .trimEnd() + '\n',
      )
  } finally {
    await store?.close()
  }
  return 0
}

async function runDiff(
  a: string | undefined,
  b: string | undefined,
  values: Record<string, unknown>,
  io: CliIO,
) {
  if (!a || !b) throw new BadInputError(`lists diff: two snapshot ids are required\n\n${usage}`)
  if (await serverFor(values.db as string | undefined, io, 'ringwatch lists diff'))
    throw new BadInputError(
      'lists diff reads the database file: stop the server that owns it, or compare the snapshots on its machine',
    )
  const store = await openLists(values, io, 'read', 'diff')
  try {
    const d = await diffSnapshots(store, a, b)
    if (values.json) {
      io.stdout.write(JSON.stringify(d) + '\n')
      return 0
    }
    io.stdout.write(
      `${d.a.snapshot_id} (${d.a.source}, ${d.a.imported_at.slice(0, 10)}) → ${d.b.snapshot_id} (${d.b.source}, ${d.b.imported_at.slice(0, 10)}): ` +
        `${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed\n`,
    )
    for (const e of d.added) io.stdout.write(`+ ${e.entry_id}  ${e.schema}  ${e.caption}\n`)
    for (const e of d.removed) io.stdout.write(`- ${e.entry_id}  ${e.schema}  ${e.caption}\n`)
    for (const e of d.changed) {
      io.stdout.write(`~ ${e.entry_id}  ${e.schema}  ${e.caption}\n`)
      if (e.caption_before && e.caption_before !== e.caption)
        io.stdout.write(`    caption was ${e.caption_before}\n`)
      for (const n of e.names_added) io.stdout.write(`    + ${n.kind} ${n.name}\n`)
      for (const n of e.names_removed) io.stdout.write(`    - ${n.kind} ${n.name}\n`)
      if ((e.countries_before ?? []).join() !== (e.countries_after ?? []).join())
        io.stdout.write(
          `    countries ${(e.countries_before ?? []).join(',') || '—'} → ${(e.countries_after ?? []).join(',') || '—'}\n`,
        )
    }
  } finally {
    await store.close()
  }
  return 0
}

export const command: Command = {
  async run(argv, io) {
    const { values, positionals } = parse(argv, options, usage)
    const [sub, file, ...extra] = positionals
    if (sub === 'diff') {
      if (extra.length > 1)
        throw new BadInputError(`lists: unexpected argument '${extra[1]}'\n\n${usage}`)
      return runDiff(file, extra[0], values, io)
    }
    if (extra.length)
      throw new BadInputError(`lists: unexpected argument '${extra[0]}'\n\n${usage}`)
    if (sub === 'import') return runImport(file, values, io)
    if (sub === 'list') return runList(values, io)
    throw new BadInputError(
      `lists: unknown subcommand '${sub ?? ''}' (import, list or diff)\n\n${usage}`,
    )
  },
}
