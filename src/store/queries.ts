// The registry of named queries: queries/<module>/<name>.sql, one statement each, loaded once by name.
import { readFileSync, existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { NotFoundError } from '../util/errors.ts'

export const QUERIES_DIR = fileURLToPath(new URL('../../queries/', import.meta.url))

const cache = new Map<string, string>()

/** Folders of queries that are not the product's: the tests' fixtures and the benchmarks' data. */
const extraModules = new Map<string, string>()

/**
 * Makes `module/<name>` resolve to `<dir>/<name>.sql`: how tests and benchmarks bring their own SQL
 * (test/queries, bench/queries) without putting it among the queries the product runs.
 */
export function addQueryModule(module: string, dir: string): void {
  if (!/^[a-z0-9_-]+$/.test(module)) throw new NotFoundError(`bad query module ${module}`)
  if (existsSync(join(QUERIES_DIR, module)))
    throw new NotFoundError(`query module ${module} is the product's`)
  extraModules.set(module, dir)
}

/** The text of a named query such as `ingest/insert-payments`. */
export function queryText(name: string): string {
  let text = cache.get(name)
  if (text === undefined) {
    if (!/^[a-z0-9_-]+\/[a-z0-9_.-]+$/.test(name)) throw new NotFoundError(`bad query name ${name}`)
    const slash = name.indexOf('/')
    const extra = extraModules.get(name.slice(0, slash))
    const file = extra
      ? join(extra, `${name.slice(slash + 1)}.sql`)
      : join(QUERIES_DIR, `${name}.sql`)
    if (!existsSync(file))
      throw new NotFoundError(`no query file ${extra ? file : `queries/${name}.sql`}`)
    text = readFileSync(file, 'utf8')
    cache.set(name, text)
  }
  return text
}
