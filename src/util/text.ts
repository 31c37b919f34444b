// Text as Unicode text: a JavaScript string may hold a lone UTF-16 surrogate, which is no Unicode
// character and which DuckDB (UTF-8) stores as U+FFFD. These helpers find such strings and give
// the one canonical form that is both stored and hashed (NFC, lone surrogates as U+FFFD).

// With the u flag a surrogate pair is one code point, so only a lone surrogate matches.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u
const LONE_SURROGATES = /[\uD800-\uDFFF]/gu

/** True when s holds a UTF-16 surrogate without its pair. */
export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s)
}

/** s in NFC with each lone surrogate replaced by U+FFFD, as UTF-8 storage would give it back. */
export function canonicalText(s: string): string {
  return (hasLoneSurrogate(s) ? s.replace(LONE_SURROGATES, '\uFFFD') : s).normalize('NFC')
}

/** A JSON-like value with every string (keys included) in canonical form. */
export function canonicalStrings(v: unknown): unknown {
  if (typeof v === 'string') return canonicalText(v)
  if (Array.isArray(v)) return v.map(canonicalStrings)
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v as Record<string, unknown>))
      out[canonicalText(k)] = canonicalStrings(x)
    return out
  }
  return v
}

/** The path of the first string (or key) in v holding a lone surrogate, else undefined. */
export function loneSurrogatePath(v: unknown, path: string[] = []): string[] | undefined {
  if (typeof v === 'string') return hasLoneSurrogate(v) ? path : undefined
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = loneSurrogatePath(v[i], [...path, String(i)])
      if (p) return p
    }
    return undefined
  }
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (hasLoneSurrogate(k)) return [...path, k]
      const p = loneSurrogatePath(x, [...path, k])
      if (p) return p
    }
  }
  return undefined
}
