// Where the workplace's shared reference data lives (../shared/data beside the repository), for the
// screening benchmark's real lists; a figure that needs an absent file is left out and says so.
// (The tests find it through test/required.ts, which fails under CI when it is absent.)
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const REPO_ROOT = new URL('../', import.meta.url)

/** Absolute path of a file under ../shared/data/, or undefined when it is absent. */
export function sharedData(rel: string): string | undefined {
  const p = fileURLToPath(new URL(rel, new URL('../shared/data/', REPO_ROOT)))
  return existsSync(p) ? p : undefined
}
