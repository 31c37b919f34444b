// Shared helpers for the ingest tests: a CSV writer.
export function csvField(v: string | null, delim = ','): string {
  if (v === null) return ''
  return /["\r\n]/.test(v) || v.includes(delim) ? `"${v.replace(/"/g, '""')}"` : v
}

export function toCsv(
  header: string[],
  rows: (string | null)[][],
  delim = ',',
  eol = '\n',
): string {
  return [header, ...rows].map((r) => r.map((v) => csvField(v, delim)).join(delim)).join(eol) + eol
}
