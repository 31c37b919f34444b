// zod's validation issues as sentences a user can act on ("The reason is empty: say why." rather
// than "json field reason: Too small: expected string to have >=1 characters"). The field keeps
// its name in the error's details for programs; the message is for people.
import type { z } from 'zod'

/** What a field is called in a sentence; fields not named here are quoted by their name. */
const FIELD_NAMES: Record<string, string> = {
  reason: 'The reason',
  text: 'The note',
  assignee: 'The assignee',
  outcome: 'The outcome',
  type: 'The action',
  confirm: 'The confirmation',
  q: 'The search text',
  status: 'The status filter',
  typology: 'The typology filter',
  score_min: 'The lowest score',
  score_max: 'The highest score',
  from: 'The start date',
  to: 'The end date',
  sort: 'The sort column',
  order: 'The sort order',
  limit: 'The page size',
  cursor: 'The page cursor',
  id: 'The id',
  format: 'The export format',
  ids: 'The list of alert ids',
  role: 'The role',
}

function fieldName(path: PropertyKey[]): string {
  if (!path.length) return 'The request'
  const last = path.filter((p) => typeof p === 'string').pop()
  const named = last !== undefined ? FIELD_NAMES[last] : undefined
  const where = path.map(String).join('.')
  return named ?? `The field "${where}"`
}

const list = (values: readonly unknown[]) => values.map((v) => String(v)).join(', ')

/** One issue as a sentence. */
export function plainIssue(issue: z.core.$ZodIssue): string {
  const field = fieldName(issue.path)
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined/.test(issue.message)) return `${field} is missing.`
      return issue.path.length
        ? `${field} has the wrong kind of value: it should be ${article(issue.expected)}.`
        : `The request should be a JSON ${issue.expected}.`
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? `${field} is empty: please write it.`
          : `${field} is too short: write at least ${issue.minimum} characters.`
      if (issue.origin === 'array') return `${field} needs at least ${issue.minimum} item(s).`
      return `${field} must be at least ${issue.minimum}.`
    case 'too_big':
      if (issue.origin === 'string')
        return `${field} is too long: at most ${issue.maximum} characters.`
      if (issue.origin === 'array') return `${field} has too many items: at most ${issue.maximum}.`
      return `${field} must be at most ${issue.maximum}.`
    case 'invalid_value':
      return `${field} must be one of: ${list(issue.values)}.`
    case 'invalid_union': {
      const u = issue as { discriminator?: string; options?: unknown[] }
      if (u.discriminator && u.options) return `${field} must be one of: ${list(u.options)}.`
      return `${field} is not valid.`
    }
    case 'invalid_format':
      // a pattern's own message says what is allowed ('letters, digits and . _ @ - (at most 64)')
      return /^[A-Z]?[a-z]/.test(issue.message) && !issue.message.startsWith('Invalid')
        ? `${field} is not valid: use ${issue.message}.`
        : `${field} is not in the expected form.`
    case 'unrecognized_keys':
      return `Unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k}"`).join(', ')}: leave ${issue.keys.length === 1 ? 'it' : 'them'} out.`
    default:
      // custom refinements carry their own words ('not a real date or time')
      return `${field}: ${issue.message}.`.replace(/\.\.$/, '.')
  }
}

function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`
}
