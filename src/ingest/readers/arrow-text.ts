// Arrow values as the text a CSV would carry: timestamps as ISO 8601 UTC with their microseconds,
// decimals exact from their integer words, numbers and booleans as written, strings unchanged.
import { DataType, TimeUnit, type Vector } from 'apache-arrow'

function pad(n: number | bigint, w: number): string {
  return String(n).padStart(w, '0')
}

/** ISO 8601 UTC from microseconds since the epoch, keeping the fraction. */
export function isoFromMicros(us: bigint): string {
  let secs = us / 1_000_000n
  let frac = us % 1_000_000n
  if (frac < 0n) {
    frac += 1_000_000n
    secs -= 1n
  }
  const d = new Date(Number(secs) * 1000)
  const base = d.toISOString().slice(0, 19)
  return frac ? `${base}.${pad(frac, 6)}Z` : `${base}Z`
}

/** Microseconds since the epoch of a raw timestamp value in its unit. */
function toMicros(n: bigint, unit: TimeUnit): bigint {
  switch (unit) {
    case TimeUnit.SECOND:
      return n * 1_000_000n
    case TimeUnit.MILLISECOND:
      return n * 1000n
    case TimeUnit.MICROSECOND:
      return n
    default:
      return n / 1000n
  }
}

/** Timestamps from the column's raw 64-bit values (arrow-js get() rounds to milliseconds). */
function timestampTexts(v: Vector, unit: TimeUnit, out: (string | null)[]): void {
  let row = 0
  for (const d of v.data) {
    const vals = d.values as BigInt64Array | Int32Array
    for (let i = 0; i < d.length; i++, row++) {
      if (!d.getValid(i)) {
        out[row] = null
        continue
      }
      const k = d.offset + i
      const raw =
        vals instanceof BigInt64Array
          ? vals[k]
          : (BigInt(vals[2 * k + 1]) << 32n) | BigInt(vals[2 * k] >>> 0)
      out[row] = isoFromMicros(toMicros(raw, unit))
    }
  }
}

function decimalText(words: Uint32Array, scale: number): string {
  let n = 0n
  for (let i = words.length - 1; i >= 0; i--) n = (n << 32n) | BigInt(words[i])
  const bits = BigInt(words.length * 32)
  if (words[words.length - 1] & 0x80000000) n -= 1n << bits
  const neg = n < 0n
  const digits = (neg ? -n : n).toString().padStart(scale + 1, '0')
  const s = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits
  return neg ? `-${s}` : s
}

/** The column as text values (null stays null). */
export function vectorText(v: Vector): (string | null)[] {
  const out = new Array<string | null>(v.length)
  const t = v.type
  if (DataType.isUtf8(t) || DataType.isLargeUtf8(t) || DataType.isDictionary(t)) {
    for (let i = 0; i < v.length; i++) {
      const x = v.get(i)
      out[i] = x === null || x === undefined ? null : String(x)
    }
  } else if (DataType.isTimestamp(t)) {
    timestampTexts(v, t.unit, out)
  } else if (DataType.isDate(t)) {
    for (let i = 0; i < v.length; i++) {
      const x = v.get(i) as Date | number | null
      out[i] = x === null || x === undefined ? null : new Date(x).toISOString().slice(0, 10)
    }
  } else if (DataType.isDecimal(t)) {
    let row = 0
    const stride = t.bitWidth / 32
    for (const d of v.data) {
      const words = d.values as Uint32Array
      for (let i = 0; i < d.length; i++, row++) {
        if (!d.getValid(i)) out[row] = null
        else {
          const at = (d.offset + i) * stride
          out[row] = decimalText(words.subarray(at, at + stride), t.scale)
        }
      }
    }
  } else if (DataType.isInt(t) || DataType.isFloat(t) || DataType.isBool(t)) {
    for (let i = 0; i < v.length; i++) {
      const x = v.get(i)
      out[i] = x === null || x === undefined ? null : String(x)
    }
  } else {
    for (let i = 0; i < v.length; i++) {
      const x = v.get(i)
      out[i] = x === null || x === undefined ? null : JSON.stringify(x)
    }
  }
  return out
}
