// Files sent to the server for a job (the command line's ingest, batch and lists import when a
// server owns the database): streamed to <database folder>/uploads/<id>/<name>, usable in a job
// by the user who sent them, removed after the job or after a day.
import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { randomBytes } from 'node:crypto'
import { BadInputError, ForbiddenError, NotFoundError, RingwatchError } from '../../util/errors.ts'

export class PayloadTooLargeError extends RingwatchError {
  override readonly status = 413
  override readonly exitCode = 2
}

export interface Upload {
  id: string
  name: string
  path: string
  size: number
  owner: string
  at: number
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._ -]{0,200}$/

export class Uploads {
  private all = new Map<string, Upload>()
  constructor(
    readonly dir: string,
    private readonly maxBytes: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Streams body to a new upload of `owner`. */
  async save(
    body: ReadableStream<Uint8Array> | null,
    name: string,
    owner: string,
  ): Promise<Upload> {
    const file = basename(name)
    if (!NAME.test(file) || file !== name)
      throw new BadInputError(
        `file name ${JSON.stringify(name)}: letters, digits, . _ - and spaces, no folders`,
        {
          field: 'X-File-Name',
        },
      )
    if (!body) throw new BadInputError('an upload needs a body')
    const id = `U-${randomBytes(8).toString('hex')}`
    const folder = join(this.dir, id)
    mkdirSync(folder, { recursive: true })
    const path = join(folder, file)
    let size = 0
    const max = this.maxBytes
    const count = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length
        if (size > max) done(new PayloadTooLargeError(`upload over ${max} bytes`))
        else done(null, chunk)
      },
    })
    try {
      await pipeline(
        Readable.fromWeb(body as never),
        count,
        createWriteStream(path, { mode: 0o600 }),
      )
    } catch (e) {
      rmSync(folder, { recursive: true, force: true })
      throw e
    }
    const u = { id, name: file, path, size, owner, at: this.clock() }
    this.all.set(id, u)
    return u
  }

  /** The uploads named, each sent by `owner`. */
  take(ids: readonly string[], owner: string): Upload[] {
    return ids.map((id) => {
      const u = this.all.get(id)
      if (!u || !existsSync(u.path)) throw new NotFoundError(`no upload ${id}`, { upload: id })
      if (u.owner !== owner) throw new ForbiddenError(`upload ${id} was sent by another user`)
      return u
    })
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) {
      this.all.delete(id)
      rmSync(join(this.dir, id), { recursive: true, force: true })
    }
  }

  /** Removes uploads older than maxAgeMs (and folders left by an earlier process). */
  sweep(maxAgeMs = 24 * 3600_000, inUse: ReadonlySet<string> = new Set()): void {
    if (!existsSync(this.dir)) return
    const now = this.clock()
    for (const id of readdirSync(this.dir)) {
      if (inUse.has(id)) continue
      const u = this.all.get(id)
      const at = u?.at ?? statSync(join(this.dir, id)).mtimeMs
      if (now - at > maxAgeMs) this.remove([id])
    }
  }
}
