// zod validation of HTTP input through @hono/zod-validator; a failure is a BadInputError naming the
// field, so it is presented like every other 400.
import { zValidator } from '@hono/zod-validator'
import type { ValidationTargets } from 'hono'
import type { z } from 'zod'
import { BadInputError } from '../util/errors.ts'

export function valid<T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const issue = result.error.issues[0]
      const field = issue.path.join('.')
      throw new BadInputError(`${target} ${field ? `field ${field}` : 'value'}: ${issue.message}`, {
        target,
        field,
      })
    }
  })
}
