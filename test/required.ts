// What some suites need from outside the repository: Debian's Chromium (the browser tests) and the
// workplace's reference data in ../shared/data (the real-data suites). Where it is absent they skip
// with a message; under CI (the environment variable CI set, as .ci/run sets it) they fail instead,
// so that CI cannot pass without running them. RINGWATCH_CHROMIUM and RINGWATCH_SHARED_DATA point
// them elsewhere (to check the failure, point one at a path that does not exist).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** CI set to anything but '', '0' or 'false'. */
export const UNDER_CI = !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase())

/** The reference data folder: ../shared/data beside the repository unless RINGWATCH_SHARED_DATA. */
export const SHARED_DATA =
  process.env.RINGWATCH_SHARED_DATA ?? fileURLToPath(new URL('../../shared/data/', import.meta.url))

/** Absolute path of a file or folder under the reference data, or undefined when it is absent. */
export function sharedData(rel: string): string | undefined {
  const p = join(SHARED_DATA, rel)
  return existsSync(p) ? p : undefined
}

/**
 * True when a suite has what it needs. Otherwise: under CI, throws (the test file fails with this
 * message); elsewhere, warns that the suite is skipped and returns false (for `describe.skipIf`).
 */
export function available(suite: string, missing: readonly string[], remedy: string): boolean {
  if (missing.length === 0) return true
  const what = `${suite}: ${missing.join(', ')} absent (${remedy})`
  if (UNDER_CI) throw new Error(`${what}; CI is set, so this suite fails instead of skipping`)
  console.warn(`${what}; skipping (with CI set this fails)`)
  return false
}

/** `available` for files under the reference data; gives their paths (all defined when true). */
export function sharedFiles(suite: string, rels: readonly string[]): (string | undefined)[] {
  const paths = rels.map(sharedData)
  available(
    suite,
    rels.filter((_, i) => !paths[i]).map((r) => join(SHARED_DATA, r)),
    'the workplace reference data, read in place; RINGWATCH_SHARED_DATA points elsewhere',
  )
  return paths
}
