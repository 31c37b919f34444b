// One streaming pass over a CSV file before it lands: its SHA-256, its header and delimiter, and
// whether it is "simple" (valid UTF-8, one record per line, no blank lines, no bare CR) so that
// DuckDB's read_csv can stage it with exact line numbers. Anything else takes the JavaScript reader.
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs'
import { isUtf8 } from 'node:buffer'
import { sha256FileOffThread } from '../util/hash.ts'

export const DELIMITERS = [',', ';', '|', '\t'] as const

export interface CsvScan {
  sha256: string
  size: number
  /** The header line's text (BOM removed), or '' for an empty file. */
  header: string
  delim: string
  simple: boolean
  /** Why the file is not simple (for logs). */
  why?: string
}

/** Picks the delimiter that occurs most often outside quotes in the header line. */
export function sniffDelimiter(header: string): string {
  let best: string = ','
  let bestCount = 0
  for (const d of DELIMITERS) {
    let n = 0
    let inQuote = false
    for (const ch of header) {
      if (ch === '"') inQuote = !inQuote
      else if (ch === d && !inQuote) n++
    }
    if (n > bestCount) {
      best = d
      bestCount = n
    }
  }
  return best
}

const NL = 0x0a
const CR = 0x0d
const QUOTE = 0x22

/** Bytes read for the header line at most (a longer first line is cut there). */
const HEAD_BYTES = 1 << 20

/**
 * The header line of the first bytes of a file (BOM and CR removed), or undefined if unfinished;
 * a line longer than HEAD_BYTES is cut there (scanCsv then finds the file not simple).
 */
function headerOf(bytes: Buffer, whole: boolean): string | undefined {
  const nl = bytes.indexOf(NL)
  if (nl < 0 && bytes.length <= HEAD_BYTES && !whole) return undefined
  const end = nl >= 0 && nl <= HEAD_BYTES ? nl : Math.min(bytes.length, HEAD_BYTES)
  return bytes
    .toString('utf8', 0, end)
    .replace(/^\uFEFF/, '')
    .replace(/\r$/, '')
}

export interface CsvHead {
  header: string
  delim: string
}

/** The header line and delimiter of a CSV file, as scanCsv finds them, from its first bytes only. */
export function readCsvHead(path: string): CsvHead {
  const fd = openSync(path, 'r')
  try {
    const buf = Buffer.allocUnsafe(HEAD_BYTES + 1)
    const n = readSync(fd, buf, 0, buf.length, 0)
    const header = headerOf(buf.subarray(0, n), true)!
    return { header, delim: sniffDelimiter(header) }
  } finally {
    closeSync(fd)
  }
}

export async function scanCsv(path: string, minOffThread?: number): Promise<CsvScan> {
  // the bytes are hashed on a thread of their own (a large file) while this one checks them
  const hashing = sha256FileOffThread(path, statSync(path).size, minOffThread)
  hashing.catch(() => {}) // awaited below
  let size = 0
  let header: string | undefined
  let headBytes: Buffer[] = []
  let why: string | undefined
  let carry: Buffer = Buffer.alloc(0) // bytes after the last newline, for UTF-8 checks
  let inQuote = false
  let quoteOpen = -1 // index in the current chunk where the open quote started, -1 = earlier chunk
  let lastByte = -1
  for await (const c of createReadStream(path, { highWaterMark: 8 << 20 })) {
    const chunk = c as Buffer
    size += chunk.length
    if (header === undefined) {
      headBytes.push(chunk)
      const bytes = Buffer.concat(headBytes)
      header = headerOf(bytes, false)
      if (header !== undefined) {
        // DuckDB's reader is staged with the header readCsvHead reads: it must be the whole line
        const nl = bytes.indexOf(NL)
        if (nl < 0 ? bytes.length > HEAD_BYTES : nl > HEAD_BYTES)
          why ??= 'header line longer than 1 MB'
        headBytes = []
      }
    }
    if (why) continue
    // UTF-8: check complete lines; a newline byte never sits inside a multi-byte sequence
    // (the carried bytes are joined to this chunk's first line only: copying whole chunks cost
    // more than the check)
    const lastNl = chunk.lastIndexOf(NL)
    if (lastNl >= 0) {
      const firstNl = chunk.indexOf(NL)
      const head = carry.length
        ? Buffer.concat([carry, chunk.subarray(0, firstNl)])
        : chunk.subarray(0, firstNl)
      if (!isUtf8(head) || !isUtf8(chunk.subarray(firstNl + 1, lastNl))) why = 'invalid UTF-8'
      carry = Buffer.from(chunk.subarray(lastNl + 1))
    } else carry = Buffer.concat([carry, chunk])
    // blank lines (also across the chunk boundary)
    if (chunk.indexOf('\n\n') >= 0 || chunk.indexOf('\n\r\n') >= 0) why ??= 'blank lines'
    if (lastByte === NL && (chunk[0] === NL || (chunk[0] === CR && chunk[1] === NL)))
      why ??= 'blank lines'
    // bare carriage returns
    for (let i = chunk.indexOf(CR); i >= 0 && !why; i = chunk.indexOf(CR, i + 1))
      if (i + 1 < chunk.length && chunk[i + 1] !== NL) why = 'bare carriage return'
    // quoted fields spanning lines
    let pos = 0
    quoteOpen = inQuote ? -1 : quoteOpen
    while (!why) {
      const q = chunk.indexOf(QUOTE, pos)
      if (q < 0) {
        if (inQuote && chunk.indexOf(NL, quoteOpen < 0 ? 0 : quoteOpen) >= 0)
          why = 'quoted field spans lines'
        break
      }
      if (!inQuote) {
        inQuote = true
        quoteOpen = q
      } else {
        const nl = chunk.indexOf(NL, quoteOpen < 0 ? 0 : quoteOpen)
        if (nl >= 0 && nl < q) why = 'quoted field spans lines'
        inQuote = false
      }
      pos = q + 1
    }
    lastByte = chunk[chunk.length - 1]
  }
  header ??= headerOf(Buffer.concat(headBytes), true)!
  if (!why && carry.length && !isUtf8(carry)) why = 'invalid UTF-8'
  if (!why && inQuote) why = 'unterminated quote'
  return {
    sha256: await hashing,
    size,
    header,
    delim: sniffDelimiter(header),
    simple: !why,
    why,
  }
}
