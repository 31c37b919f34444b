// The commands that touch the database, through the API of the server that owns it (remote.ts):
// the same arguments and the same output as on the file. Files are uploaded (the server may not
// read the caller's folders); ingest, batch, scan and list imports run as the server's jobs.
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { once } from 'node:events'
import type { CliIO } from './command.ts'
import { runJob, type Remote } from './remote.ts'
import { expandPaths, type IngestSummary } from '../ingest/index.ts'
import { formatScanSummary, type BatchReport, type ScanSummary } from '../pipeline/index.ts'
import { listSpec } from '../pipeline/batch.ts'
import { BadInputError, RingwatchError } from '../util/errors.ts'

/** Uploads the files named (directories expanded as ingest does); a file that cannot be found is bad input. */
async function uploadAll(remote: Remote, paths: string[]): Promise<string[]> {
  const ids: string[] = []
  for (const f of expandPaths(paths)) {
    if ('error' in f) throw f.error
    ids.push(await remote.upload(f.path))
  }
  return ids
}

function jobError(job: { id: string; error: string | null }): RingwatchError {
  return new RingwatchError(`job ${job.id} failed: ${job.error ?? 'see GET /api/jobs/' + job.id}`)
}

export async function remoteIngest(
  remote: Remote,
  paths: string[],
  format: string | undefined,
  io: CliIO,
): Promise<IngestSummary> {
  const uploads = await uploadAll(remote, paths)
  const job = await runJob(remote, { kind: 'ingest', uploads, format }, io)
  if (!job.result) throw jobError(job)
  return job.result as IngestSummary
}

export async function remoteScan(
  remote: Remote,
  from: string | undefined,
  to: string | undefined,
  io: CliIO,
  full = false,
): Promise<ScanSummary> {
  const job = await runJob(remote, { kind: 'scan', from, to, ...(full ? { full } : {}) }, io)
  if (!job.result) throw jobError(job)
  return job.result as ScanSummary
}

export async function remoteBatch(
  remote: Remote,
  o: {
    dir: string
    lists: string[]
    report?: string
    from?: string
    to?: string
    requireLists?: boolean
  },
  io: CliIO,
): Promise<BatchReport> {
  const uploads = await uploadAll(remote, [o.dir])
  const lists = []
  for (const l of o.lists) {
    const s = listSpec(l)
    lists.push({ upload: await remote.upload(s.file), kind: s.kind, format: s.format })
  }
  const job = await runJob(
    remote,
    { kind: 'batch', uploads, lists, from: o.from, to: o.to, require_lists: o.requireLists },
    io,
  )
  if (!job.result) throw jobError(job)
  const report = job.result as BatchReport
  if (o.report) {
    mkdirSync(dirname(resolve(o.report)), { recursive: true })
    writeFileSync(o.report, JSON.stringify(report, null, 2) + '\n')
    report.report_path = resolve(o.report)
  }
  return report
}

export async function remoteListImport(
  remote: Remote,
  o: { file: string; kind: string; format?: string; alt?: string },
  io: CliIO,
): Promise<unknown> {
  const list = { upload: await remote.upload(o.file), kind: o.kind, format: o.format }
  const alt = o.alt ? await remote.upload(o.alt) : undefined
  const job = await runJob(remote, { kind: 'lists', list, alt }, io)
  if (!job.result) throw jobError(job)
  return job.result
}

/** Quarantine: the summary or the rows as JSON, or every row as JSON lines (for CSV conversion). */
export async function remoteQuarantine(
  remote: Remote,
  view: 'summary' | 'list' | 'export',
  f: { file?: string; run?: string; reason?: string; limit?: number },
): Promise<Response> {
  const q = new URLSearchParams({ view })
  if (f.file) q.set('file', /^[0-9a-f]{64}$/.test(f.file) ? f.file : resolve(f.file))
  if (f.run) q.set('run', f.run)
  if (f.reason) q.set('reason', f.reason)
  if (view === 'list') q.set('limit', String(f.limit ?? 0))
  return remote.raw('GET', `/api/quarantine?${q}`)
}

/** Alerts export: the server's answer written to `out` (or stdout). */
export async function remoteExport(
  remote: Remote,
  body: { format: string; status?: string; ids?: string[] },
  out: string | undefined,
  io: CliIO,
): Promise<number> {
  const res = await remote.raw('POST', '/api/exports', body)
  const count = Number(res.headers.get('x-alert-count') ?? 0)
  const sink = out ? createWriteStream(out) : io.stdout
  const reader = res.body!.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    if (!sink.write(Buffer.from(value))) await once(sink, 'drain')
  }
  if (out) {
    ;(sink as NodeJS.WritableStream).end()
    await once(sink, 'close')
  }
  return count
}

export function formatRemoteScan(s: ScanSummary): string {
  return formatScanSummary(s)
}

export function noRemote(command: string, remote: Remote): never {
  throw new BadInputError(
    `${command} works on the database file only, and the ringwatch server at ${remote.url} (pid ${remote.owner.pid}) owns it: stop the server first`,
  )
}
