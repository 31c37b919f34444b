// Batch work through the API: the batch role uploads files (POST /api/uploads, the raw bytes) and
// posts jobs that use them (POST /api/jobs); everyone who may read runs follows jobs and their
// progress (GET /api/jobs, GET /api/jobs/:id). Jobs run one at a time in the server (jobs/runner.ts).
import { mkdirSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { Hono } from 'hono'
import { z } from 'zod'
import { INPUT_FORMATS } from '../../schema/transfer.ts'
import { LIST_KINDS } from '../../screen/index.ts'
import { ConflictError } from '../../util/errors.ts'
import type { AuthEnv } from '../auth/middleware.ts'
import { demand } from '../roles.ts'
import { IsoDate, valid } from '../validate.ts'
import { pathsFor } from '../paths.ts'
import type { JobParams, JobRunner } from '../jobs/runner.ts'
import type { Uploads } from '../jobs/uploads.ts'
import type { RouteDeps } from './deps.ts'

const UploadId = z.string().regex(/^U-[0-9a-f]{16}$/, 'an upload id U-…')
const ListUpload = z
  .object({
    upload: UploadId,
    kind: z.enum(LIST_KINDS),
    format: z.string().max(40).optional(),
  })
  .strict()

export const JobBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('scan'), from: IsoDate.optional(), to: IsoDate.optional() }).strict(),
  z
    .object({
      kind: z.literal('ingest'),
      uploads: z.array(UploadId).min(1).max(10_000),
      format: z.enum(INPUT_FORMATS).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('lists'), list: ListUpload, alt: UploadId.optional() }).strict(),
  z
    .object({
      kind: z.literal('batch'),
      uploads: z.array(UploadId).max(10_000).default([]),
      lists: z.array(ListUpload).max(100).default([]),
      from: IsoDate.optional(),
      to: IsoDate.optional(),
      /** Fail without ingesting or scanning when no sanctions list is active. */
      require_lists: z.boolean().optional(),
    })
    .strict(),
])
type JobBody = z.infer<typeof JobBody>

export interface JobDeps {
  runner: JobRunner
  uploads: Uploads
}

const JobIdParam = z.object({ id: z.string().regex(/^J-\d{8}-[0-9a-f]{8}$/, 'a job id J-…') })
const ListQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) })

export function jobRoutes(d: RouteDeps, jobs: JobDeps) {
  const app = new Hono<AuthEnv>()

  app.post('/uploads', async (c) => {
    const actor = c.get('actor')
    demand(actor.role, 'jobs:run')
    const u = await jobs.uploads.save(c.req.raw.body, c.req.header('x-file-name') ?? '', actor.id)
    return c.json({ upload: u.id, name: u.name, size: u.size }, 201)
  })

  app.post('/jobs', valid('json', JobBody), async (c) => {
    const actor = c.get('actor')
    demand(actor.role, 'jobs:run')
    const body = c.req.valid('json')
    const { params, used } = paramsOf(body, jobs.uploads, actor.id)
    const job = await jobs.runner.submit(params, actor, 'api', {
      after: () => jobs.uploads.remove(used),
    })
    return c.json({ job: pathsFor(actor.role, job) }, 202)
  })

  app.get('/jobs', valid('query', ListQuery), async (c) => {
    const role = c.get('actor').role
    demand(role, 'runs:read')
    return c.json({ jobs: pathsFor(role, await jobs.runner.list(c.req.valid('query').limit)) })
  })

  app.get('/jobs/:id', valid('param', JobIdParam), async (c) => {
    const role = c.get('actor').role
    demand(role, 'runs:read')
    return c.json({ job: pathsFor(role, await jobs.runner.get(c.req.valid('param').id)) })
  })

  return app
}

/** The job's parameters with the uploads' paths; a batch's files go to a folder of their own. */
function paramsOf(
  body: JobBody,
  uploads: Uploads,
  owner: string,
): { params: JobParams; used: string[] } {
  switch (body.kind) {
    case 'scan':
      return { params: body, used: [] }
    case 'ingest': {
      const files = uploads.take(body.uploads, owner)
      return {
        params: { kind: 'ingest', files: files.map((f) => f.path), format: body.format },
        used: body.uploads,
      }
    }
    case 'lists': {
      const [list] = uploads.take([body.list.upload], owner)
      const alt = body.alt ? uploads.take([body.alt], owner)[0] : undefined
      return {
        params: {
          kind: 'lists',
          list: { file: list.path, kind: body.list.kind, format: body.list.format },
          alt: alt?.path,
        },
        used: [body.list.upload, ...(body.alt ? [body.alt] : [])],
      }
    }
    case 'batch': {
      const files = uploads.take(body.uploads, owner)
      const lists = uploads.take(
        body.lists.map((l) => l.upload),
        owner,
      )
      // the batch reads a folder: its uploads are moved into one
      const id = `U-${randomBytes(8).toString('hex')}`
      const dir = join(uploads.dir, id, 'files')
      mkdirSync(dir, { recursive: true })
      const names = new Set<string>()
      for (const f of files) {
        if (names.has(f.name)) throw new ConflictError(`two uploads named ${f.name} in one batch`)
        names.add(f.name)
        renameSync(f.path, join(dir, f.name))
      }
      return {
        params: {
          kind: 'batch',
          dir,
          lists: body.lists.map((l, i) => ({
            file: lists[i].path,
            kind: l.kind,
            format: l.format,
          })),
          from: body.from,
          to: body.to,
          require_lists: body.require_lists,
        },
        used: [...body.uploads, ...body.lists.map((l) => l.upload), id],
      }
    }
  }
}
