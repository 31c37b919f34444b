// Deterministic alert ids and account-set keys: the same typology and pattern key always give the
// same id, so a scan repeated on the same data reproduces the same alerts.
import { sha256 } from '../util/hash.ts'

export function alertId(typology: string, key: string): string {
  return 'A-' + sha256(`${typology}\u0000${key}`).slice(0, 16)
}

/** Key of an account set, independent of order: merges a ring found again with other transfers. */
export function accountsKey(accounts: readonly string[]): string {
  return sha256([...new Set(accounts)].sort().join('\u0000')).slice(0, 32)
}
