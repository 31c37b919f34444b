// Shared helpers for the ingest tests: raw SQL reads through the store, and a CSV writer.
import type { Store } from '../src/store/index.ts'

export async function sql<T = Record<string, unknown>>(
  store: Store,
  text: string,
  params: Record<string, string | number> = {},
): Promise<T[]> {
  return store.conn.exclusive(
    async (raw) => (await raw.runAndReadAll(text, params)).getRowObjectsJson() as T[],
  )
}

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
