// The id of a local user (API keys, assignees, four eyes). External identities from JWTs are
// written `jwt:<subject>`: the colon keeps them from ever equalling a local id.
import { z } from 'zod'

export const UserId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/, 'letters, digits and . _ @ - (at most 64)')
