// The scan window: both ends inclusive; bare dates cover whole days; the default is the 30 days up
// to the end of the latest payment's day; bad or empty windows are refused as bad input.
import { describe, it, expect } from 'vitest'
import { withStore } from '../src/store/index.ts'
import { resolveWindow, windowBounds } from '../src/graph/index.ts'
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

  it('is written one way for every reader: dates as resolveWindow writes them, timestamps kept', async () => {
    await withStore(async (store) => {
      const dates = { from: '2026-01-01', to: '2026-01-07' }
      expect(windowBounds(dates)).toEqual(await resolveWindow(store, dates))
      const resolved = { from: '2026-01-01T06:00:00.000Z', to: '2026-01-02T23:59:59.999999Z' }
      expect(windowBounds(resolved)).toEqual(resolved)
    })
  })

  it('bounds the screening queries as it bounds the graph: both ends in, nothing after', async () => {
    await withStore(async (store) => {
      await seedPayments(store, [
        {
          tx_id: 'before',
          ts: '2026-02-28T23:59:59.999999Z',
          amount: 10,
          debtor: 'X1',
          creditor: 'Y1',
        },
        { tx_id: 'first', ts: '2026-03-01T00:00:00Z', amount: 10, debtor: 'X1', creditor: 'Y1' },
        {
          tx_id: 'last',
          ts: '2026-03-31T23:59:59.999999Z',
          amount: 10,
          debtor: 'X1',
          creditor: 'Y1',
        },
        { tx_id: 'after', ts: '2026-04-01T00:00:00Z', amount: 10, debtor: 'X1', creditor: 'Y1' },
      ])
      const dates = windowBounds({ from: '2026-03-01', to: '2026-03-31' })
      const resolved = await resolveWindow(store, { from: '2026-03-01', to: '2026-03-31' })
      for (const w of [dates, { from: resolved!.from, to: resolved!.to }]) {
        expect(await store.one('screen/counts-window', w)).toEqual({ transfers: 2 })
        expect(await store.one('graph/window-count', w)).toMatchObject({ n: 2 })
      }
    })
  })
})
