// The secret that keys the audit chain (HMAC-SHA256) and signs its checkpoints. It lives outside
// the database (RINGWATCH_AUDIT_KEY or a key file): whoever can write the database file but does
// not hold the key cannot rewrite the chain so that it verifies. The store carries it so that
// every transaction that appends audit rows can seal them (see cases/audit.ts).
import { createHmac, randomBytes } from 'node:crypto'
import { BadInputError } from './errors.ts'

export interface AuditKey {
  /** The secret, at least 32 bytes. */
  readonly secret: Buffer
  /** A name of the key that does not reveal it: HMAC(secret, 'ringwatch audit key id'), 16 hex. */
  readonly id: string
  /** The append-only file the signed checkpoints go to; null for none (in-memory databases). */
  readonly checkpoints: string | null
  /** Where the key came from, for messages (never the key itself). */
  readonly source: string
}

export const MIN_KEY_BYTES = 32

export function hmacHex(secret: Buffer, text: string): string {
  return createHmac('sha256', secret).update(text).digest('hex')
}

export function auditKey(secret: Buffer, checkpoints: string | null, source: string): AuditKey {
  if (secret.length < MIN_KEY_BYTES)
    throw new BadInputError(
      `audit key from ${source}: ${secret.length} bytes; at least ${MIN_KEY_BYTES} are needed`,
    )
  return { secret, id: hmacHex(secret, 'ringwatch audit key id').slice(0, 16), checkpoints, source }
}

/**
 * The secret written as text: 64 or more hex digits, or base64 / base64url of 32 or more bytes.
 * `source` names where the text came from, for the error.
 */
export function parseKeyText(text: string, source: string): Buffer {
  const t = text.trim()
  if (/^[0-9a-fA-F]+$/.test(t) && t.length % 2 === 0) {
    const b = Buffer.from(t, 'hex')
    if (b.length >= MIN_KEY_BYTES) return b
  } else if (/^[A-Za-z0-9+/_-]+=*$/.test(t)) {
    const b = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
    if (b.length >= MIN_KEY_BYTES) return b
  }
  throw new BadInputError(
    `audit key from ${source}: not a key (64 or more hex digits, or base64 of ${MIN_KEY_BYTES} or more bytes; 'ringwatch audit keygen' makes one)`,
    { source },
  )
}

/** A fresh secret as hex text (what `ringwatch audit keygen` writes). */
export function newKeyText(): string {
  return randomBytes(MIN_KEY_BYTES).toString('hex')
}

/** A random key that lives as long as the process: for in-memory databases, which die with it. */
export function ephemeralAuditKey(): AuditKey {
  return auditKey(randomBytes(MIN_KEY_BYTES), null, 'an ephemeral key (in-memory database)')
}
