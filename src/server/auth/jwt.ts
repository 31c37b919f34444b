// Bearer JWT verification with node:crypto: HS256 with a shared secret, RS256/ES256 with a public
// key. Only the configured algorithms are accepted (never 'none'); iss, aud, exp and nbf are checked,
// and a token may live at most maxLifetime seconds (exp − iat, and exp − now). Who the subject is
// (a known, enabled local user, or an external identity) is decided by the middleware.
import { createHmac, createPublicKey, timingSafeEqual, verify, type KeyObject } from 'node:crypto'
import { z } from 'zod'
import { Role } from '../../schema/alert.ts'
import { UnauthorizedError } from '../../util/errors.ts'

export const JwtConfig = z.object({
  /** HS256 shared secret (at least 32 bytes). */
  secret: z.string().min(32).optional(),
  /** PEM public key for RS256 or ES256. */
  publicKey: z.string().optional(),
  issuer: z.string().min(1),
  audience: z.string().min(1),
  /** Allowed clock skew in seconds for exp/nbf. */
  leeway: z.number().int().min(0).max(300).default(30),
  /** The claim holding the ringwatch role. */
  roleClaim: z.string().default('role'),
  /**
   * Subjects that are no local user are accepted as external identities (`jwt:<sub>`, which never
   * equals a local id). Off: the subject must be a known, enabled local user.
   */
  externalSubjects: z.boolean().default(false),
  /** Roles a token may carry (admin and batch are off unless listed). */
  allowedRoles: z.array(Role).min(1).default(['analyst', 'supervisor', 'fiu_viewer']),
  /** The longest a token may live, in seconds (default 12 h). */
  maxLifetime: z
    .number()
    .int()
    .min(60)
    .max(7 * 86400)
    .default(12 * 3600),
})
export type JwtConfig = z.infer<typeof JwtConfig>

/** What a verified token says: its subject, and its role claim when it has one. */
export interface JwtClaims {
  sub: string
  role: Role | undefined
}

const b64 = (s: string) => Buffer.from(s, 'base64url')

function fail(msg: string): never {
  throw new UnauthorizedError(`invalid token: ${msg}`)
}

/** True when s holds a control character (below U+0020, or DEL). */
function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x20 || c === 0x7f) return true
  }
  return false
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export interface JwtVerifier {
  readonly config: JwtConfig
  verify(token: string, nowSeconds: number): JwtClaims
}

export function jwtVerifier(config: JwtConfig): JwtVerifier {
  const pub: KeyObject | undefined = config.publicKey
    ? createPublicKey(config.publicKey)
    : undefined
  const allowed = new Set<string>()
  if (config.secret) allowed.add('HS256')
  if (pub?.asymmetricKeyType === 'rsa') allowed.add('RS256')
  if (pub?.asymmetricKeyType === 'ec') allowed.add('ES256')
  return {
    config,
    verify(token, now) {
      const parts = token.split('.')
      if (parts.length !== 3) fail('not a JWT')
      let header: unknown
      let claims: unknown
      try {
        header = JSON.parse(b64(parts[0]).toString('utf8'))
        claims = JSON.parse(b64(parts[1]).toString('utf8'))
      } catch {
        fail('malformed')
      }
      // JSON null, a number or an array is no JWT header or claim set
      if (!isObject(header) || !isObject(claims)) fail('malformed')
      const alg = String(header.alg)
      if (!allowed.has(alg)) fail(`algorithm ${alg} not allowed`)
      const data = Buffer.from(`${parts[0]}.${parts[1]}`)
      const sig = b64(parts[2])
      let ok = false
      if (alg === 'HS256') {
        const want = createHmac('sha256', config.secret!).update(data).digest()
        ok = want.length === sig.length && timingSafeEqual(want, sig)
      } else if (alg === 'RS256') {
        ok = verify('sha256', data, pub!, sig)
      } else if (alg === 'ES256') {
        ok = verify('sha256', data, { key: pub!, dsaEncoding: 'ieee-p1363' }, sig)
      }
      if (!ok) fail('bad signature')
      if (claims.iss !== config.issuer) fail('wrong issuer')
      const aud = claims.aud
      if (!(aud === config.audience || (Array.isArray(aud) && aud.includes(config.audience))))
        fail('wrong audience')
      if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) fail('no expiry')
      if (now > claims.exp + config.leeway) fail('expired')
      if (claims.exp > now + config.maxLifetime + config.leeway)
        fail(`lives longer than ${config.maxLifetime} s`)
      if (claims.iat !== undefined) {
        if (typeof claims.iat !== 'number' || !Number.isFinite(claims.iat)) fail('bad iat')
        if (claims.exp - claims.iat > config.maxLifetime)
          fail(`lives longer than ${config.maxLifetime} s`)
      }
      if (
        claims.nbf !== undefined &&
        (typeof claims.nbf !== 'number' || !Number.isFinite(claims.nbf))
      )
        fail('bad nbf')
      if (typeof claims.nbf === 'number' && now + config.leeway < claims.nbf) fail('not yet valid')
      const sub = claims.sub
      if (typeof sub !== 'string' || !sub || sub.length > 200 || hasControl(sub)) fail('no subject')
      const raw = claims[config.roleClaim]
      let role: Role | undefined
      if (raw !== undefined) {
        const r = Role.safeParse(raw)
        if (!r.success) fail('no valid role claim')
        role = r.data
        if (!config.allowedRoles.includes(role)) fail(`role ${role} may not come from a token`)
      }
      return { sub, role }
    },
  }
}
