// The scan window: both ends inclusive; bare dates cover whole days; the default is the 30 days up
// to the end of the latest payment's day; bad or empty windows are refused as bad input.
import { describe, it, expect } from 'vitest'
import { withStore } from '../src/store/index.ts'
import { resolveWindow } from '../src/graph/index.ts'
import { seedPayments } from './fixtures/payments.ts'
import { BadInputError } from '../src/util/errors.ts'

describe('scan window', () => {
  it('defaults to the 30 days up to the end of the latest day; null with no payments', async () => {
    await withStore(async (store) => {
      expect(await resolveWindow(store, {})).toBeNull()
      await seedPayments(store, [
        { tx_id: 'a', ts: '2026-03-01T08:00:00Z', amount: 10, debtor: 'X1', creditor: 'Y1' },
        { tx_id: 'b', ts: '2026-03-31T17:30:00Z', amount: 10, debtor: 'X1', creditor: 'Y1' },
      ])
      expect(await resolveWindow(store, {})).toEqual({
        from: '2026-03-02T00:00:00.000Z',
        to: '2026-03-31T23:59:59.999999Z',
      })
    })
  })

  it('takes dates as whole days and timestamps as given', async () => {
    await withStore(async (store) => {
      expect(await resolveWindow(store, { from: '2026-01-01', to: '2026-01-07' })).toEqual({
        from: '2026-01-01T00:00:00.000Z',
        to: '2026-01-07T23:59:59.999999Z',
      })
      const w = await resolveWindow(store, {
        from: '2026-01-01T06:00:00Z',
        to: '2026-01-02T06:00:00Z',
      })
      expect(w?.from).toBe('2026-01-01T06:00:00.000Z')
      expect(w?.to.startsWith('2026-01-02T06:00:00.000')).toBe(true)
      expect((await resolveWindow(store, { to: '2026-02-10' }))?.from).toBe(
        '2026-01-12T00:00:00.000Z',
      )
    })
  })

  it('refuses a bad or empty window', async () => {
    await withStore(async (store) => {
      await expect(resolveWindow(store, { from: 'soon', to: '2026-01-01' })).rejects.toBeInstanceOf(
        BadInputError,
      )
      await expect(
        resolveWindow(store, { from: '2026-02-01', to: '2026-01-01' }),
      ).rejects.toBeInstanceOf(BadInputError)
    })
  })
})
