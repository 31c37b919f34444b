// scanCsv reads in 8 MB chunks: its UTF-8 check must hold across chunk boundaries.
import { describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { scanCsv } from './csv-scan.ts'

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
