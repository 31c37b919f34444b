// CSV reader: bytes → records with their file line (header = line 1) → canonical Arrow batches.
// RFC 4180 quoting ("" inside quotes, delimiters and newlines inside quoted fields), UTF-8 with or
// without BOM, LF or CRLF. Matches DuckDB's strict CSV reader on what it accepts, so both ingest
// paths quarantine the same rows: a quote followed by text, an unterminated quote, a wrong field
// count and invalid UTF-8 each reject their row with its line.
import { createReadStream } from 'node:fs'
import { isUtf8 } from 'node:buffer'
import type { RecordBatch } from 'apache-arrow'
import { BatchBuilder, rowReject, type Reject } from '../arrow-batch.ts'
import { extraJson, mapColumns } from '../columns.ts'

const NL = 0x0a
const CR = 0x0d
const QUOTE = 0x22
const SPACE = 0x20
const RAW_MAX = 4000

interface Parsed {
  fields: string[]
  /** index after the record's line end */
  end: number
  /** newlines consumed (1 for a one-line record with its line end) */
  lines: number
  error?: 'unterminated_quote'
}

/** Parses one record from buf at start; null when the buffer ends before the record does. */
export function parseRecord(
  buf: Buffer,
  start: number,
  delim: number,
  eof: boolean,
): Parsed | null {
  const fields: string[] = []
  let i = start
  let lines = 0
  const n = buf.length
  for (;;) {
    let j = i
    while (j < n && buf[j] === SPACE) j++
    if (j < n && buf[j] === QUOTE) {
      // quoted field
      const parts: Buffer[] = []
      let k = j + 1
      for (;;) {
        const q = buf.indexOf(QUOTE, k)
        if (q < 0 || (q + 1 >= n && !eof)) {
          if (!eof) return null
          // unterminated: the record runs to the end of the file
          for (let x = buf.indexOf(NL, start); x >= 0; x = buf.indexOf(NL, x + 1)) lines++
          return { fields, end: n, lines, error: 'unterminated_quote' }
        }
        if (buf[q + 1] === QUOTE) {
          parts.push(buf.subarray(k, q + 1))
          k = q + 2
          continue
        }
        parts.push(buf.subarray(k, q))
        i = q + 1
        break
      }
      const value = Buffer.concat(parts)
      for (let x = value.indexOf(NL); x >= 0; x = value.indexOf(NL, x + 1)) lines++
      fields.push(value.toString('utf8'))
      while (i < n && buf[i] === SPACE) i++
      if (i >= n) {
        if (!eof) return null
        return { fields, end: n, lines }
      }
      const b = buf[i]
      if (b === delim) {
        i++
        continue
      }
      if (b === NL) return { fields, end: i + 1, lines: lines + 1 }
      if (b === CR && buf[i + 1] === NL) return { fields, end: i + 2, lines: lines + 1 }
      if (b === CR && i + 1 >= n && !eof) return null
      // text after the closing quote: reject the rest of this line
      const nl = buf.indexOf(NL, i)
      if (nl < 0 && !eof) return null
      return { fields, end: nl < 0 ? n : nl + 1, lines: lines + 1, error: 'unterminated_quote' }
    }
    // unquoted field: up to the delimiter or the line end
    let k = i
    while (k < n) {
      const b = buf[k]
      if (b === delim || b === NL) break
      k++
    }
    if (k >= n && !eof) return null
    let e = k
    if (e > i && buf[e - 1] === CR && (k >= n || buf[k] === NL)) e--
    fields.push(buf.toString('utf8', i, e))
    if (k >= n) return { fields, end: n, lines }
    if (buf[k] === delim) {
      i = k + 1
      continue
    }
    return { fields, end: k + 1, lines: lines + 1 }
  }
}

function isBlank(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buf[i] !== NL && buf[i] !== CR) return false
  return true
}

export interface CsvReadOptions {
  delim: string
  batchRows: number
  /** Rows that cannot be read into fields are pushed here. */
  rejects: Reject[]
  /** The file is known to be valid UTF-8 (skips the per-row check). */
  utf8Checked?: boolean
}

/** Reads a CSV file with a header into canonical batches; source_row is the record's first line. */
export async function* readCsv(path: string, opts: CsvReadOptions): AsyncGenerator<RecordBatch> {
  const delim = opts.delim.charCodeAt(0)
  const builder = new BatchBuilder(opts.batchRows)
  let carry: Buffer = Buffer.alloc(0)
  let line = 1
  let header: ReturnType<typeof mapColumns> | undefined
  let ncols = 0
  const stream = createReadStream(path, { highWaterMark: 4 << 20 })
  const iter = stream[Symbol.asyncIterator]()
  let eof = false
  while (!eof) {
    const next = await iter.next()
    eof = !!next.done
    let buf: Buffer = next.done
      ? carry
      : carry.length
        ? Buffer.concat([carry, next.value as Buffer])
        : (next.value as Buffer)
    let pos = 0
    if (
      !header &&
      line === 1 &&
      buf.length >= 3 &&
      buf[0] === 0xef &&
      buf[1] === 0xbb &&
      buf[2] === 0xbf
    )
      buf = buf.subarray(3)
    while (pos < buf.length) {
      // blank lines are not records
      if (buf[pos] === NL || (buf[pos] === CR && buf[pos + 1] === NL)) {
        pos += buf[pos] === NL ? 1 : 2
        line++
        continue
      }
      const r = parseRecord(buf, pos, delim, eof)
      if (!r) break
      const recLine = line
      line += r.lines
      if (isBlank(buf, pos, r.end)) {
        pos = r.end
        continue
      }
      const rawText = () =>
        buf.toString('utf8', pos, Math.min(r.end, pos + RAW_MAX)).replace(/\r?\n$/, '')
      if (!header) {
        header = mapColumns(r.fields, path)
        ncols = r.fields.length
        pos = r.end
        continue
      }
      if (!opts.utf8Checked && !isUtf8(buf.subarray(pos, r.end))) {
        opts.rejects.push(rowReject(recLine, 'invalid_utf8', 'row is not valid UTF-8', rawText()))
      } else if (r.error) {
        opts.rejects.push(
          rowReject(
            recLine,
            r.error,
            'quoted value is not closed properly (unterminated or followed by text)',
            rawText(),
          ),
        )
      } else if (r.fields.length !== ncols) {
        opts.rejects.push(
          rowReject(
            recLine,
            'wrong_column_count',
            `row has ${r.fields.length} fields; the header has ${ncols}`,
            rawText(),
          ),
        )
      } else {
        builder.addPositional(recLine, r.fields, header.index, extraJson(header.extra, r.fields))
        if (builder.full()) yield builder.flush()!
      }
      pos = r.end
    }
    carry = Buffer.from(buf.subarray(pos))
    if (eof && carry.length) throw new Error(`csv reader stalled at line ${line} of ${path}`)
  }
  const last = builder.flush()
  if (last) yield last
}
