// When an in-memory snapshot of the server (the alert queue) loads again: a request waits only for
// the first load. Later, a recheck (at most every `recheckMs`) runs behind the requests, which are
// answered from the snapshot in hand until the new one is in place; a change made through this
// server waits for a load that started after it (`changed`), so that whoever made it sees it in
// their next request, and nobody else waits for it. (The network index waits for its rechecks:
// a request right after new payments landed must see them.)
import { quietLogger, type Logger } from '../util/progress.ts'

export interface ReloadOptions {
  clock: () => number
  recheckMs: number
  logger?: Logger
  /** What is loaded, for the log: 'alert queue'. */
  what: string
}

export class Reloading {
  private checkedAt = -Infinity
  private loaded = false
  private usable = true
  private loading: Promise<boolean> | undefined
  /** A change was made: the next load reloads whatever the fingerprint says. */
  private dirty = false

  /**
   * `load` brings the snapshot up to date and says whether it is usable (false: use SQL); `force`:
   * load it again even if the data's fingerprint looks the same (a change was made).
   */
  constructor(
    private readonly load: (force: boolean) => Promise<boolean>,
    private readonly opts: ReloadOptions,
  ) {}

  /** Whether the snapshot in hand is usable; starts a recheck when one is due. */
  async ready(): Promise<boolean> {
    const now = this.opts.clock()
    if (!this.loaded) return this.start(now)
    if (now - this.checkedAt >= this.opts.recheckMs) void this.start(now)
    return this.usable
  }

  /** Resolves once a load that started after this call has finished (a change it must show). */
  async changed(): Promise<void> {
    this.dirty = true
    await this.loading?.catch(() => false) // started before the change: it may not hold it
    await this.start(this.opts.clock())
  }

  private start(now: number): Promise<boolean> {
    if (!this.loading) {
      this.checkedAt = now
      const force = this.dirty
      this.dirty = false
      const load = this.load(force).then((usable) => {
        this.usable = usable
        this.loaded = true
        return usable
      })
      this.loading = load.finally(() => (this.loading = undefined))
      // a recheck behind the requests has nobody waiting for it: its failure is logged here, and
      // the next recheck tries again
      this.loading.catch((e: unknown) =>
        (this.opts.logger ?? quietLogger).error(`could not load the ${this.opts.what}`, {
          error: String((e as Error)?.stack ?? e),
        }),
      )
    }
    return this.loading
  }
}
