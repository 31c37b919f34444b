// Hashing helpers: SHA-256 of files (streamed, or on a worker thread) and of canonical JSON
// (config, audit rows).
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { Worker } from 'node:worker_threads'

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256')
  // 1 MB reads: the default 64 kB chunks made hashing a 50 MB file take 2.5 times as long
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
    h.update(chunk as Buffer)
  return h.digest('hex')
}

/**
 * Hashes files on a thread of its own: its code, run as a CommonJS script (`eval`), reads a file
 * in 128 kB pieces (they stay in the CPU cache between read and hash: 8 MB pieces hashed about 30 %
 * slower) and answers { id, hex } or { id, error }.
 */
const WORKER_CODE = `
const { parentPort } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const { openSync, readSync, closeSync } = require('node:fs')
const buf = Buffer.allocUnsafe(128 << 10)
parentPort.on('message', ({ id, path }) => {
  let fd
  try {
    fd = openSync(path, 'r')
    const h = createHash('sha256')
    let n
    while ((n = readSync(fd, buf, 0, buf.length, null)) > 0) h.update(buf.subarray(0, n))
    parentPort.postMessage({ id, hex: h.digest('hex') })
  } catch (e) {
    parentPort.postMessage({ id, error: String((e && e.message) || e) })
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
})`

type Pending = { resolve: (hex: string) => void; reject: (e: Error) => void }
interface HashWorker {
  w: Worker
  /** Its requests under way, by id: a worker that fails fails these only. */
  pending: Map<number, Pending>
}
let current: HashWorker | undefined
let nextId = 0

function hashWorker(): HashWorker {
  if (current) return current
  const hw: HashWorker = { w: new Worker(WORKER_CODE, { eval: true }), pending: new Map() }
  hw.w.on('message', (m: { id: number; hex?: string; error?: string }) => {
    const p = hw.pending.get(m.id)
    hw.pending.delete(m.id)
    if (!hw.pending.size) hw.w.unref() // idle: it does not keep the process alive
    if (m.error !== undefined) p?.reject(new Error(m.error))
    else p?.resolve(m.hex!)
  })
  const fail = (e: Error) => {
    if (current === hw) current = undefined
    for (const p of hw.pending.values()) p.reject(e)
    hw.pending.clear()
  }
  hw.w.on('error', fail)
  hw.w.on('exit', (code) => fail(new Error(`the hashing thread stopped (exit code ${code})`)))
  current = hw
  return hw
}

/** Files from this size on are hashed on the worker thread (starting it costs some 20 ms). */
export const OFF_THREAD_BYTES = 16 << 20

/**
 * SHA-256 of a file, hashed on a worker thread when it is large, so that the main thread can read
 * the same file meanwhile (the CSV pre-scan) or wait on DuckDB (Parquet staging).
 */
export function sha256FileOffThread(
  path: string,
  size: number,
  minBytes = OFF_THREAD_BYTES,
): Promise<string> {
  if (size < minBytes) return sha256File(path)
  let hw: HashWorker
  try {
    hw = hashWorker()
  } catch {
    return sha256File(path) // no thread to be had: hashed here
  }
  const id = nextId++
  return new Promise<string>((resolve, reject) => {
    hw.pending.set(id, { resolve, reject })
    hw.w.ref() // a hash under way keeps the process alive
    hw.w.postMessage({ id, path })
  })
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
