// Config section `batch`: the server's own batch work — an inbox folder it watches and a schedule.
import { z } from 'zod'

export const BatchConfig = z.strictObject({
  /** A folder the server watches: files dropped there are landed and scanned, then moved to its done/ or failed/. */
  inbox: z.string().min(1).nullable().default(null),
  /** How often the inbox is looked at, in seconds. */
  poll_seconds: z.number().min(0.1).max(3600).default(5),
  /** A file is taken once its size and modification time have not changed for this long (s). */
  settle_seconds: z.number().min(0).max(3600).default(5),
  /** When the nightly batch runs (cron, e.g. "0 2 * * *" for 02:00); null for none. */
  schedule: z.string().min(1).nullable().default(null),
  /** The time zone of the schedule (IANA name). */
  timezone: z.string().min(1).default('UTC'),
  /** Watch and goods lists imported before each inbox or scheduled batch ("kind:path" or a path). */
  lists: z.array(z.string().min(1)).default([]),
  /** The largest file the API takes as an upload (bytes). */
  max_upload_bytes: z
    .number()
    .int()
    .positive()
    .default(20 * 1024 ** 3),
})
export type BatchConfig = z.infer<typeof BatchConfig>
