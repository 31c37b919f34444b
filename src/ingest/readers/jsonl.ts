// JSON lines reader: one JSON object per line, keys matched to the canonical record case-insensitively,
// other keys kept in `extra`. Numbers keep the digits written in the file (amounts never pass
// through a float). Blank lines are skipped; a line that is not a JSON object is rejected.
import { createReadStream } from 'node:fs'
import { isUtf8 } from 'node:buffer'
import type { RecordBatch } from 'apache-arrow'
import { TRANSFER_COLUMNS, type TransferColumn } from '../../schema/transfer.ts'
import { BatchBuilder, rowReject, type Reject, type RowValues } from '../arrow-batch.ts'

const CANONICAL = new Set<string>(TRANSFER_COLUMNS)
const NL = 0x0a
const RAW_MAX = 4000

/** The text of a JSON value as a field: strings as they are, numbers as written, others as JSON. */
function fieldText(key: string, v: unknown, line: string): string | null {
  if (v === null || v === undefined) return null
  if (typeof v === 'string') return v
  if (typeof v === 'number') return numberLiteral(key, line) ?? String(v)
  return JSON.stringify(v)
}

function numberLiteral(key: string, line: string): string | undefined {
  const esc = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const m = new RegExp(`"${esc}"\\s*:\\s*(-?[0-9][0-9.eE+-]*)`).exec(line)
  return m?.[1]
}

export function jsonRow(
  text: string,
): { values: RowValues; extra: string | null } | { error: string } {
  let o: unknown
  try {
    o = JSON.parse(text)
  } catch (e) {
    return { error: `not valid JSON: ${(e as Error).message}` }
  }
  if (!o || typeof o !== 'object' || Array.isArray(o)) return { error: 'not a JSON object' }
  const values: RowValues = {}
  const extra: Record<string, unknown> = {}
  let hasExtra = false
  for (const [k, v] of Object.entries(o)) {
    const key = k.trim().toLowerCase()
    if (CANONICAL.has(key)) values[key as TransferColumn] = fieldText(k, v, text)
    else {
      extra[k] = v === null || v === '' ? null : typeof v === 'string' ? v : fieldText(k, v, text)
      hasExtra = true
    }
  }
  return { values, extra: hasExtra ? JSON.stringify(extra) : null }
}

export async function* readJsonl(
  path: string,
  opts: { batchRows: number; rejects: Reject[] },
): AsyncGenerator<RecordBatch> {
  const builder = new BatchBuilder(opts.batchRows)
  let carry: Buffer = Buffer.alloc(0)
  let line = 0
  const handle = (bytes: Buffer) => {
    line++
    let s = 0
    if (line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) s = 3
    let e = bytes.length
    if (e > s && bytes[e - 1] === 0x0d) e--
    const b = bytes.subarray(s, e)
    if (!isUtf8(b)) {
      opts.rejects.push(
        rowReject(line, 'invalid_utf8', 'row is not valid UTF-8', b.toString('utf8', 0, RAW_MAX)),
      )
      return
    }
    const text = b.toString('utf8')
    if (!text.trim()) return
    const r = jsonRow(text)
    if ('error' in r)
      opts.rejects.push(rowReject(line, 'bad_json', r.error, text.slice(0, RAW_MAX)))
    else builder.add(line, r.values, r.extra)
  }
  for await (const c of createReadStream(path, { highWaterMark: 4 << 20 })) {
    const chunk = carry.length ? Buffer.concat([carry, c as Buffer]) : (c as Buffer)
    let pos = 0
    for (let nl = chunk.indexOf(NL); nl >= 0; nl = chunk.indexOf(NL, pos)) {
      handle(chunk.subarray(pos, nl))
      pos = nl + 1
      if (builder.full()) yield builder.flush()!
    }
    carry = Buffer.from(chunk.subarray(pos))
  }
  if (carry.length) handle(carry)
  const last = builder.flush()
  if (last) yield last
}
