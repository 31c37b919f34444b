// zod validation of HTTP input through @hono/zod-validator; a failure is a BadInputError with a
// plain sentence (util/plain-issue.ts) and the field in its details, presented like every other 400. Text that is no Unicode text (a lone UTF-16
// surrogate, which JSON's \ud800 escapes can carry) is refused here, before anything is written.
import { zValidator } from '@hono/zod-validator'
import type { ValidationTargets } from 'hono'
import { z } from 'zod'
import { BadInputError } from '../util/errors.ts'
import { loneSurrogatePath } from '../util/text.ts'
import { plainIssue } from '../util/plain-issue.ts'

export function valid<T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const issue = result.error.issues[0]
      const field = issue.path.join('.')
      throw new BadInputError(plainIssue(issue), { target, field })
    }
    const bad = loneSurrogatePath(result.data)
    if (bad) {
      const field = bad.join('.')
      throw new BadInputError(
        `${target} ${field ? `field ${field}` : 'value'}: holds a lone UTF-16 surrogate, which is not Unicode text`,
        { target, field },
      )
    }
  })
}

/** A calendar date or an ISO 8601 timestamp that names a real instant (2026-99-99 is refused). */
export const IsoDate = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/,
    'ISO 8601 date',
  )
  .refine((s) => realDate(s), 'not a real date or time')

function realDate(s: string): boolean {
  const [y, m, d] = s.slice(0, 10).split('-').map(Number)
  const day = new Date(Date.UTC(y, m - 1, d))
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d)
    return false
  const t = /T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(s)
  if (t && (Number(t[1]) > 23 || Number(t[2]) > 59 || Number(t[3] ?? 0) > 59)) return false
  const z = /([+-])(\d{2}):?(\d{2})$/.exec(s.slice(10))
  if (z && (Number(z[2]) > 14 || Number(z[3]) > 59)) return false
  return true
}
