// Failed credentials are counted per key id and per client address over a fixed window; past the
// limit that id or address is refused (429, Retry-After) without another scrypt check until the
// window ends. A key already verified and trusted from memory is not held back. Maps are bounded.
import { RingwatchError } from '../../util/errors.ts'

export class TooManyFailuresError extends RingwatchError {
  override readonly status = 429
  override readonly exitCode = 1
}

export interface ThrottleOptions {
  /** Window of counting, ms (default 10 minutes). */
  windowMs?: number
  /** Failed attempts per key id within the window (default 10). */
  perKeyId?: number
  /** Failed attempts per client address within the window (default 30). */
  perAddress?: number
}

interface Count {
  n: number
  resetAt: number
}

const MAX_ENTRIES = 50_000

class Counter {
  private m = new Map<string, Count>()
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Milliseconds until k may try again, or 0. */
  wait(k: string, now: number): number {
    const c = this.m.get(k)
    if (!c) return 0
    if (c.resetAt <= now) {
      this.m.delete(k)
      return 0
    }
    return c.n >= this.limit ? c.resetAt - now : 0
  }

  add(k: string, now: number): void {
    const c = this.m.get(k)
    if (c && c.resetAt > now) c.n++
    else {
      if (this.m.size >= MAX_ENTRIES) this.sweep(now)
      this.m.set(k, { n: 1, resetAt: now + this.windowMs })
    }
  }

  clear(k: string): void {
    this.m.delete(k)
  }

  private sweep(now: number): void {
    for (const [k, c] of this.m) if (c.resetAt <= now) this.m.delete(k)
    // still full: the oldest entries go (a Map iterates in insertion order)
    for (const k of this.m.keys()) {
      if (this.m.size < MAX_ENTRIES * 0.9) break
      this.m.delete(k)
    }
  }
}

export class FailureThrottle {
  private readonly ids: Counter
  private readonly addresses: Counter
  constructor(
    opts: ThrottleOptions,
    private readonly clock: () => number,
  ) {
    const windowMs = opts.windowMs ?? 10 * 60_000
    this.ids = new Counter(opts.perKeyId ?? 10, windowMs)
    this.addresses = new Counter(opts.perAddress ?? 30, windowMs)
  }

  /** Throws TooManyFailuresError when this key id or this address is held back. */
  check(keyId: string | undefined, address: string): void {
    const now = this.clock()
    const wait = Math.max(keyId ? this.ids.wait(keyId, now) : 0, this.addresses.wait(address, now))
    if (wait > 0)
      throw new TooManyFailuresError(
        `too many failed credentials ${keyId && this.ids.wait(keyId, now) ? 'for this key' : 'from this address'}; try again in ${Math.ceil(wait / 1000)} s`,
        { retry_after: Math.ceil(wait / 1000) },
      )
  }

  failed(keyId: string | undefined, address: string): void {
    const now = this.clock()
    if (keyId) this.ids.add(keyId, now)
    this.addresses.add(address, now)
  }

  succeeded(keyId: string): void {
    this.ids.clear(keyId)
  }
}
