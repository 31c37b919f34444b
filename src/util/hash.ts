// Hashing helpers: SHA-256 of files (streamed) and of canonical JSON (config, audit rows).
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256')
  // 1 MB reads: the default 64 kB chunks made hashing a 50 MB file take 2.5 times as long
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
    h.update(chunk as Buffer)
  return h.digest('hex')
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex')
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value))
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys)
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(v as object).sort())
      out[k] = sortKeys((v as Record<string, unknown>)[k])
    return out
  }
  return v
}
