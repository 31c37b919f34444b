// API keys: `rw_<key id>_<secret>`, shown once, stored as `scrypt$<key id>$<salt>$<hash>` so that a
// request finds its user by key id and checks the secret with a constant-time compare.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, createHash } from 'node:crypto'

const KEY_RE = /^rw_([0-9a-f]{12})_([A-Za-z0-9_-]{32,})$/
const SCRYPT = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

function scrypt(secret: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(secret, salt, 32, SCRYPT, (err, key) => (err ? reject(err) : resolve(key))),
  )
}

/** A fresh key and its key id. */
export function newKey(): { key: string; keyId: string } {
  const keyId = randomBytes(6).toString('hex')
  const secret = randomBytes(24).toString('base64url')
  return { key: `rw_${keyId}_${secret}`, keyId }
}

/** The key id of a well-formed key, else undefined. */
export function keyIdOf(key: string): string | undefined {
  return KEY_RE.exec(key)?.[1]
}

export async function hashKey(key: string): Promise<string> {
  const m = KEY_RE.exec(key)
  if (!m) throw new Error('malformed API key')
  const salt = randomBytes(16)
  const hash = await scrypt(m[2], salt)
  return `scrypt$${m[1]}$${salt.toString('base64')}$${hash.toString('base64')}`
}

/** Stands in for the stored hash of a key id nobody holds: checked at the same scrypt cost. */
export const NO_SUCH_KEY = `scrypt$-$${randomBytes(16).toString('base64')}$${randomBytes(32).toString('base64')}`

/**
 * True when key matches the stored hash (scrypt, constant-time compare). scrypt runs whatever the
 * stored hash (NO_SUCH_KEY for an unknown key id): a wrong key costs the same for known and
 * unknown ids, so timing tells nothing about which ids exist.
 */
export async function verifyKey(key: string, stored: string): Promise<boolean> {
  const m = KEY_RE.exec(key)
  const [kind, keyId, salt, hash] = stored.split('$')
  const wellFormed = Boolean(m && kind === 'scrypt' && salt && hash)
  const want = Buffer.from(wellFormed ? hash : NO_SUCH_KEY.split('$')[3], 'base64')
  const got = await scrypt(
    m?.[2] ?? key,
    Buffer.from(wellFormed ? salt : NO_SUCH_KEY.split('$')[2], 'base64'),
  )
  const same = want.length === got.length && timingSafeEqual(want, got)
  return same && wellFormed && keyId === m![1]
}

/** A digest of the key for the in-memory cache of verified keys (never stored). */
export function cacheKey(key: string): string {
  return createHash('sha256').update(key).digest('hex')
}
