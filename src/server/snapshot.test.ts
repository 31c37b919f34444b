// Snapshots load behind the requests: only the first load is waited for; a change made through the
// server waits for a load that started after it; a failed recheck is logged and tried again.
import { describe, expect, it } from 'vitest'
import { Reloading } from './snapshot.ts'

/** A load whose end the test decides. */
function loads() {
  const started: Array<{
    force: boolean
    finish: (ok?: boolean) => void
    fail: (e: Error) => void
  }> = []
  const load = (force: boolean) =>
    new Promise<boolean>((resolve, reject) =>
      started.push({ force, finish: (ok = true) => resolve(ok), fail: reject }),
    )
  return { started, load }
}
const tick = () => new Promise((r) => setImmediate(r))

describe('Reloading', () => {
  it('waits for the first load only; a recheck runs behind the requests', async () => {
    let now = 0
    const { started, load } = loads()
    const r = new Reloading(load, { clock: () => now, recheckMs: 1000, what: 'test' })
    let first: boolean | undefined
    void r.ready().then((v) => (first = v))
    await tick()
    expect(started).toHaveLength(1)
    expect(first).toBeUndefined()
    started[0].finish(true)
    await tick()
    expect(first).toBe(true)
    now = 500
    expect(await r.ready()).toBe(true)
    expect(started).toHaveLength(1) // not due yet
    now = 1500
    expect(await r.ready()).toBe(true) // answered at once, from the snapshot in hand
    expect(started).toHaveLength(2)
    expect(await r.ready()).toBe(true) // the same recheck, not another
    expect(started).toHaveLength(2)
    started[1].finish(false) // the new snapshot is not usable (too large)
    await tick()
    expect(await r.ready()).toBe(false)
  })

  it('a change waits for a load that started after it, not for one already under way', async () => {
    let now = 0
    const { started, load } = loads()
    const r = new Reloading(load, { clock: () => now, recheckMs: 1000, what: 'test' })
    const first = r.ready()
    started[0].finish()
    await first
    now = 2000
    await r.ready() // a recheck under way, started before the change
    expect(started).toHaveLength(2)
    let done = false
    const change = r.changed().then(() => (done = true))
    started[1].finish()
    await tick()
    await tick()
    expect(done).toBe(false)
    expect(started).toHaveLength(3)
    // the change's load reloads even if the data's fingerprint looks the same; a recheck does not
    expect(started.map((s) => s.force)).toEqual([false, false, true])
    started[2].finish()
    await change
    expect(done).toBe(true)
  })

  it('logs a failed recheck, keeps the snapshot in hand and tries again at the next', async () => {
    let now = 0
    const logged: string[] = []
    const { started, load } = loads()
    const r = new Reloading(load, {
      clock: () => now,
      recheckMs: 1000,
      what: 'test snapshot',
      logger: { info() {}, warn() {}, error: (m) => logged.push(m) },
    })
    const first = r.ready()
    started[0].finish()
    await first
    now = 1500
    expect(await r.ready()).toBe(true)
    started[1].fail(new Error('database busy'))
    await tick()
    expect(logged).toEqual(['could not load the test snapshot'])
    expect(await r.ready()).toBe(true)
    expect(started).toHaveLength(2)
    now = 3000
    await r.ready()
    expect(started).toHaveLength(3)
  })

  it('a failed first load fails the request that waits for it, and the next one loads again', async () => {
    const { started, load } = loads()
    const r = new Reloading(load, { clock: () => 0, recheckMs: 1000, what: 'test' })
    const first = r.ready()
    started[0].fail(new Error('no database'))
    await expect(first).rejects.toThrow('no database')
    const second = r.ready()
    expect(started).toHaveLength(2)
    started[1].finish()
    expect(await second).toBe(true)
  })
})
