// The registry of named queries: queries/<module>/<name>.sql, one statement each, loaded once by name.
import { readFileSync, existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { NotFoundError } from '../util/errors.ts'

export const QUERIES_DIR = fileURLToPath(new URL('../../queries/', import.meta.url))

const cache = new Map<string, string>()

/** The text of a named query such as `ingest/insert-payments`. */
export function queryText(name: string): string {
  let text = cache.get(name)
  if (text === undefined) {
    if (!/^[a-z0-9_-]+\/[a-z0-9_.-]+$/.test(name)) throw new NotFoundError(`bad query name ${name}`)
    const file = join(QUERIES_DIR, `${name}.sql`)
    if (!existsSync(file)) throw new NotFoundError(`no query file queries/${name}.sql`)
    text = readFileSync(file, 'utf8')
    cache.set(name, text)
  }
  return text
}
