// RFC 4180 quoting of one CSV field: quoted when it holds a quote, comma or line break; the value
// itself is kept exactly (no spreadsheet-formula guarding: see cases/export/csv.ts for that).
export function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s
}
