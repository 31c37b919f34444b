// JSON columns come back from DuckDB as text; the API sends them as JSON values.
export function parseJson(v: unknown): unknown {
  if (typeof v !== 'string') return v
  try {
    return JSON.parse(v)
  } catch {
    return v
  }
}
