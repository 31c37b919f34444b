// Absolute file paths say how the server's disks are laid out; only admins see them. For everyone
// else a path in a response (a field, or a path inside a message) is cut to its file name.
import type { Role } from '../schema/alert.ts'

// An absolute path token: /a/b/c or C:\a\b, starting at the beginning or after a space, quote,
// bracket, '=' or ':'; it ends at white space, a quote, a bracket or a comma.
const ABSOLUTE =
  /(^|[\s'"`(=:[])((?:[A-Za-z]:)?[\\/](?:[^\s'"`()[\],\\/]+[\\/])+)([^\s'"`()[\],\\/]*)/g

export function hidePathsIn(s: string): string {
  return s.replace(ABSOLUTE, (_m, before: string, _dir: string, name: string) => before + name)
}

/** A JSON-like value with every absolute path cut to its file name. */
export function hidePaths<T>(v: T): T {
  if (typeof v === 'string') return hidePathsIn(v) as T
  if (Array.isArray(v)) return v.map(hidePaths) as T
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = hidePaths(x)
    return out as T
  }
  return v
}

/** Paths as this role may see them. */
export function pathsFor<T>(role: Role, v: T): T {
  return role === 'admin' ? v : hidePaths(v)
}
