// Reason texts: '{name}' placeholders filled from a record of values; numbers rounded for reading.

export type TemplateVars = Record<string, string | number | null | undefined>

export function fill(text: string, vars: TemplateVars): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name]
    if (v === undefined || v === null) return whole
    return typeof v === 'number' ? formatNumber(v) : v
  })
}

export function formatNumber(v: number): string {
  if (Number.isInteger(v)) return String(v)
  return String(Math.round(v * 10) / 10)
}
