import { describe, expect, it } from 'vitest'
import { connOf, withStore } from './db.ts'
import { appendRows } from './stage-rows.ts'

describe('appendRows', () => {
  it('lands text, doubles, integers and nulls in a temporary table, past one DataChunk', async () => {
    await withStore(async (store) => {
      const n = 5000 // more than two DataChunks of 2,048 rows
      const text = Array.from({ length: n }, (_, i) => (i % 7 === 0 ? null : `ü-${i}-€`))
      const dbl = Array.from({ length: n }, (_, i) => i / 4)
      const int = Array.from({ length: n }, (_, i) => (i % 5 === 0 ? null : i))
      const rows = await store.transaction(async (tx) => {
        await connOf(tx).exclusive((raw) =>
          raw.run('create temp table t_staged (s varchar, d double, i integer)'),
        )
        const landed = await appendRows(tx, 't_staged', [
          { kind: 'str', values: text },
          { kind: 'f64', values: dbl },
          { kind: 'i32', values: int },
        ])
        expect(landed).toBe(n)
        const reader = await connOf(tx).exclusive((raw) =>
          raw.runAndReadAll('select s, d, i from t_staged'),
        )
        return reader.getRowObjectsJson()
      })
      expect(rows).toHaveLength(n)
      rows.forEach((r, i) => {
        expect(r.s).toBe(text[i])
        expect(r.d).toBe(dbl[i])
        expect(r.i).toBe(int[i])
      })
    })
  })

  it('refuses columns of different lengths, naming the table', async () => {
    await withStore(async (store) => {
      await expect(
        appendRows(store, 't_staged', [
          { kind: 'str', values: ['a', 'b'] },
          { kind: 'i32', values: [1] },
        ]),
      ).rejects.toThrow(/t_staged/)
    })
  })
})
