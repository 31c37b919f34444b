import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sha256File, sha256FileOffThread } from './hash.ts'

describe('file hashes', () => {
  it('gives the same SHA-256 on the worker thread, on the main thread and in memory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rw-hash-'))
    try {
      // sizes around the worker's 128 kB read and the stream's 1 MB chunk
      const sizes = [0, 1, 128 << 10, (128 << 10) + 1, (3 << 20) + 7]
      for (const [i, size] of sizes.entries()) {
        const file = join(dir, `f${i}`)
        const bytes = Buffer.alloc(size)
        for (let j = 0; j < size; j++) bytes[j] = (j * 31 + i) & 0xff
        writeFileSync(file, bytes)
        const want = createHash('sha256').update(readFileSync(file)).digest('hex')
        // minBytes 0: always the worker; Infinity: always the main thread
        const [a, b, c] = await Promise.all([
          sha256FileOffThread(file, size, 0),
          sha256FileOffThread(file, size, Infinity),
          sha256File(file),
        ])
        expect([a, b, c]).toEqual([want, want, want])
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('reports a file the worker cannot read, and goes on working after it', async () => {
    await expect(sha256FileOffThread('/nonexistent/ringwatch-file', 1, 0)).rejects.toThrow(/ENOENT/)
    const dir = mkdtempSync(join(tmpdir(), 'rw-hash-'))
    try {
      const file = join(dir, 'ok')
      writeFileSync(file, 'ringwatch')
      expect(await sha256FileOffThread(file, 9, 0)).toBe(
        createHash('sha256').update('ringwatch').digest('hex'),
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
