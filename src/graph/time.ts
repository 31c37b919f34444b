// Epoch microseconds ↔ ISO 8601 UTC text, keeping microseconds when present.

export const MICROS_PER_HOUR = 3_600_000_000
export const MICROS_PER_DAY = 24 * MICROS_PER_HOUR

export function isoOfMicros(us: number): string {
  const ms = Math.floor(us / 1000)
  const rest = us - ms * 1000
  const iso = new Date(ms).toISOString()
  return rest === 0 ? iso : iso.slice(0, -1) + String(Math.round(rest)).padStart(3, '0') + 'Z'
}

/** Parses ISO 8601 (zone or Z; no zone means UTC) to epoch microseconds. */
export function microsOfIso(iso: string): number {
  const s = /[zZ]|[+-]\d\d:?\d\d$/.test(iso) || !iso.includes('T') ? iso : iso + 'Z'
  const ms = Date.parse(s.length === 10 ? s + 'T00:00:00Z' : s)
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO timestamp: ${iso}`)
  const frac = /\.(\d{4,6})/.exec(iso)
  const extra = frac ? Number(frac[1].padEnd(6, '0').slice(3)) : 0
  return ms * 1000 + extra
}
