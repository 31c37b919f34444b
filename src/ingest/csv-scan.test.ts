// scanCsv reads in 8 MB chunks: its UTF-8 check must hold across chunk boundaries.
import { describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readCsvHead, scanCsv } from './csv-scan.ts'

const CHUNK = 8 << 20

/** A CSV of 100-byte lines past two chunks, with `patch` bytes written at `at`. */
function csvWith(at: number, patch: Buffer): Buffer {
  const line = Buffer.from('T,2024-05-01T10:00:00Z,1.00,EUR,' + 'x'.repeat(67) + '\n')
  const buf = Buffer.concat([
    Buffer.from('tx_id,ts,amount,currency,purpose\n'),
    ...Array.from({ length: Math.ceil((2 * CHUNK + 4096) / line.length) }, () => line),
  ])
  patch.copy(buf, at)
  return buf
}

describe('scanCsv', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rw-scan-'))
  const scan = async (b: Buffer) => {
    const f = join(dir, 'f.csv')
    writeFileSync(f, b)
    return scanCsv(f)
  }

  it('finds invalid UTF-8 on either side of a chunk boundary, and passes valid text across it', async () => {
    try {
      const bad = Buffer.from([0xff])
      for (const at of [CHUNK - 3, CHUNK + 1, CHUNK + 150, 2 * CHUNK - 40, 2 * CHUNK + 2000])
        expect(await scan(csvWith(at, bad)), `byte ${at}`).toMatchObject({
          simple: false,
          why: 'invalid UTF-8',
        })
      // 'é' (2 bytes) and '€' (3 bytes) split by the boundary are valid
      for (const at of [CHUNK - 1, CHUNK - 2])
        expect(await scan(csvWith(at, Buffer.from('é€', 'utf8')))).toMatchObject({ simple: true })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('the header line', () => {
  it('is read from the first bytes as the scan reads it; past 1 MB the file is not simple', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-head-'))
    try {
      const row = 'T1;2024-05-01T10:00:00Z;1.00;EUR;A1;A2\n'
      const short = join(dir, 'short.csv')
      writeFileSync(
        short,
        '\uFEFFtx_id;ts;amount;currency;debtor_account;creditor_account\r\n' + row,
      )
      const scan = await scanCsv(short)
      expect(readCsvHead(short)).toEqual({ header: scan.header, delim: ';' })
      expect(scan).toMatchObject({ simple: true, delim: ';' })
      expect(scan.header.startsWith('tx_id;')).toBe(true)
      // a header line of 1.2 MB (many long extra column names): DuckDB's reader would be staged
      // by a cut header, so the file takes the JavaScript reader
      const names = Array.from({ length: 12_000 }, (_, i) => `extra_${i}_${'n'.repeat(90)}`)
      const long = join(dir, 'long.csv')
      writeFileSync(long, 'tx_id;ts;amount;currency;' + names.join(';') + '\n' + row)
      const longScan = await scanCsv(long)
      expect(longScan).toMatchObject({ simple: false, why: 'header line longer than 1 MB' })
      expect(readCsvHead(long).header).toBe(longScan.header)
      expect(longScan.header.length).toBe(1 << 20)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
