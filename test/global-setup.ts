// Before the tests: tests that spawn bin/ringwatch run the built dist/, so dist/ is rebuilt here
// when the sources changed since it was built (`node bin/build --if-stale`, under a second); a
// stale dist/ is never tested.
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url))
  execFileSync(process.execPath, ['bin/build', '--if-stale'], { cwd: root, stdio: 'inherit' })
}
