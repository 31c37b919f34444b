// Bearer JWT verification with node:crypto: HS256 with a shared secret, RS256/ES256 with a public
// key. Only the configured algorithms are accepted (never 'none'); iss, aud, exp and nbf are checked.
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
})
export type JwtConfig = z.infer<typeof JwtConfig>

export interface JwtUser {
  id: string
  role: Role
}

const b64 = (s: string) => Buffer.from(s, 'base64url')

function fail(msg: string): never {
  throw new UnauthorizedError(`invalid token: ${msg}`)
}

export interface JwtVerifier {
  verify(token: string, nowSeconds: number): JwtUser
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
    verify(token, now) {
      const parts = token.split('.')
      if (parts.length !== 3) fail('not a JWT')
      let header: { alg?: unknown; typ?: unknown }
      let claims: Record<string, unknown>
      try {
        header = JSON.parse(b64(parts[0]).toString('utf8'))
        claims = JSON.parse(b64(parts[1]).toString('utf8'))
      } catch {
        fail('malformed')
      }
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
      if (typeof claims.exp !== 'number') fail('no expiry')
      if (now > claims.exp + config.leeway) fail('expired')
      if (typeof claims.nbf === 'number' && now + config.leeway < claims.nbf) fail('not yet valid')
      const role = Role.safeParse(claims[config.roleClaim])
      if (!role.success) fail('no valid role claim')
      if (typeof claims.sub !== 'string' || !claims.sub) fail('no subject')
      return { id: claims.sub, role: role.data }
    },
  }
}
