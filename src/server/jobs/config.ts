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
  /**
   * DuckDB threads while a job runs (the setting is the instance's: the API's queries share it);
   * null: as they are. A budget of 1 on 2 cores starved the API in the 30-minute soak (its heavy
   * queries, single-threaded, held the libuv threads the others wait for): off by default.
   */
  threads: z.number().int().min(1).max(1024).nullable().default(null),
  /**
   * How much lower the scan thread's CPU priority is than the API's (a nice increment, 0–19;
   * Linux gives each thread its own). Off by default: the scan holds the audit writers' lock
   * while it writes, and a lowered scan thread keeps case actions waiting on a busy machine.
   */
  nice: z.number().int().min(0).max(19).default(0),
  /** The largest file the API takes as an upload (bytes). */
  max_upload_bytes: z
    .number()
    .int()
    .positive()
    .default(20 * 1024 ** 3),
})
export type BatchConfig = z.infer<typeof BatchConfig>
