// When a server owns the database (its URL in <database>.owner.json), a command goes through the
// server's API instead of opening the file, with the key in RINGWATCH_API_KEY, and says so in one
// line. Errors come back as ringwatch's error classes by their HTTP status.
import { createReadStream, statSync } from 'node:fs'
import { basename } from 'node:path'
// lock.ts directly, not store/index.ts: deciding where a command runs must not load DuckDB
import { readOwner, type Owner } from '../store/lock.ts'
import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RingwatchError,
  UnauthorizedError,
} from '../util/errors.ts'
import type { CliIO } from './command.ts'
import { dbPath } from './open.ts'

export interface Remote {
  url: string
  owner: Owner
  /** A JSON request; a non-2xx answer throws the matching error. */
  json<T>(method: string, path: string, body?: unknown): Promise<T>
  /** The raw response of a request (exports, streams); a non-2xx answer throws. */
  raw(method: string, path: string, body?: unknown): Promise<Response>
  /** Sends a file's bytes (POST /api/uploads); returns the upload id. */
  upload(file: string): Promise<string>
}

const STATUS: Record<number, new (m: string, d?: Record<string, unknown>) => RingwatchError> = {
  400: BadInputError,
  401: UnauthorizedError,
  403: ForbiddenError,
  404: NotFoundError,
  409: ConflictError,
}

async function fail(res: Response, what: string): Promise<never> {
  let message = `${what}: HTTP ${res.status}`
  try {
    const b = (await res.json()) as { error?: { message?: string } }
    if (b.error?.message) message = `${b.error.message} (HTTP ${res.status} from the server)`
  } catch {
    // no JSON body: the status says it
  }
  const C = STATUS[res.status] ?? RingwatchError
  throw new C(message)
}

/**
 * The server that owns the database, when one does and answers; undefined otherwise (the command
 * opens the file). `command` is named in the one line that says the API is used.
 */
export async function serverFor(
  db: string | undefined,
  io: CliIO,
  command: string,
): Promise<Remote | undefined> {
  const path = dbPath(db)
  if (path === ':memory:') return undefined
  const owner = readOwner(path)
  if (!owner?.url) return undefined
  const base = owner.url.replace(/\/$/, '')
  try {
    const h = await fetch(`${base}/health`, { signal: AbortSignal.timeout(3000) })
    if (!h.ok) return undefined
  } catch {
    return undefined // not answering: the file's lock will tell whether it is free
  }
  const key = io.env.RINGWATCH_API_KEY
  if (!key)
    throw new BadInputError(
      `the ringwatch server at ${owner.url} (pid ${owner.pid}) owns ${path}; ${command} goes through its API: ` +
        'set RINGWATCH_API_KEY to the API key of a user whose role may do this, or stop the server',
    )
  io.stderr.write(`${command}: through the server at ${owner.url}, which owns ${path}\n`)
  const request = async (
    method: string,
    p: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const init: RequestInit & { duplex?: string } = {
      method,
      headers: { 'X-API-Key': key, ...headers },
    }
    if (body !== undefined) {
      if (body instanceof ReadableStream || Buffer.isBuffer(body)) {
        init.body = body as never
        init.duplex = 'half'
      } else {
        init.body = JSON.stringify(body)
        ;(init.headers as Record<string, string>)['Content-Type'] = 'application/json'
      }
    }
    const res = await fetch(`${base}${p}`, init)
    if (!res.ok) await fail(res, `${method} ${p}`)
    return res
  }
  return {
    url: owner.url,
    owner,
    raw: (method, p, body) => request(method, p, body),
    json: async <T>(method: string, p: string, body?: unknown) =>
      (await (await request(method, p, body)).json()) as T,
    async upload(file) {
      const size = statSync(file).size
      const stream = ReadableStreamFrom(file)
      const res = await request('POST', '/api/uploads', stream, {
        'Content-Type': 'application/octet-stream',
        'X-File-Name': basename(file),
        'Content-Length': String(size),
      })
      return ((await res.json()) as { upload: string }).upload
    },
  }
}

function ReadableStreamFrom(file: string): ReadableStream<Uint8Array> {
  const s = createReadStream(file, { highWaterMark: 1 << 20 })
  return new ReadableStream<Uint8Array>({
    start(controller) {
      s.on('data', (c) => controller.enqueue(new Uint8Array(c as Buffer)))
      s.on('end', () => controller.close())
      s.on('error', (e) => controller.error(e))
    },
    cancel() {
      s.destroy()
    },
  })
}

export interface RemoteJob {
  id: string
  status: string
  progress: { stage: string; done: number; total: number | null; info: string | null } | null
  result?: unknown
  error: string | null
}

/** Posts a job and waits for its end, showing its stage on a terminal. */
export async function runJob(remote: Remote, body: unknown, io: CliIO): Promise<RemoteJob> {
  const { job } = await remote.json<{ job: RemoteJob }>('POST', '/api/jobs', body)
  const tty = Boolean((io.stderr as { isTTY?: boolean }).isTTY)
  let last = ''
  for (;;) {
    const { job: j } = await remote.json<{ job: RemoteJob }>('GET', `/api/jobs/${job.id}`)
    if (!['queued', 'running'].includes(j.status)) {
      if (tty) io.stderr.write('\r\x1b[2K')
      return j
    }
    const p = j.progress
    const line = `job ${j.id} ${j.status}${p ? ` ${p.stage} ${p.done.toLocaleString('en')}${p.total ? '/' + p.total.toLocaleString('en') : ''}` : ''}`
    if (tty && line !== last) io.stderr.write('\r\x1b[2K' + line.slice(0, 119))
    last = line
    await new Promise((r) => setTimeout(r, 500))
  }
}
