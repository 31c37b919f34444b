// A job of the server (ingest, scan, batch, list import) as GET /api/jobs and /api/jobs/:id show it.
import { z } from 'zod'

export const JobProgress = z.object({
  stage: z.string(),
  done: z.number(),
  total: z.number().nullable(),
  info: z.string().nullable(),
  /** Stages finished so far, with their summaries. */
  log: z.array(z.string()),
})
export type JobProgress = z.infer<typeof JobProgress>

export const JobView = z.object({
  id: z.string(),
  kind: z.string(),
  source: z.enum(['api', 'inbox', 'schedule']),
  status: z.enum(['queued', 'running', 'ok', 'failed', 'interrupted']),
  params: z.unknown(),
  created_by: z.string(),
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  progress: JobProgress.nullable(),
  result: z.unknown().optional(),
  error: z.string().nullable(),
})
export type JobView = z.infer<typeof JobView>
