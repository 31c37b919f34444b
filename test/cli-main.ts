// `ringwatch …` in-process through the CLI's main(), its output collected.
import { PassThrough } from 'node:stream'
import { main } from '../src/cli/main.ts'

export async function runMain(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = new PassThrough()
  const err = new PassThrough()
  let stdout = ''
  let stderr = ''
  out.on('data', (d) => (stdout += d))
  err.on('data', (d) => (stderr += d))
  const code = await main(args, { stdout: out, stderr: err, env })
  return { code, stdout, stderr }
}

/** Streams for main() that keep what is written: `out` and `err` collect the pieces, `io` goes to main. */
export function captureIO(env: NodeJS.ProcessEnv = {}) {
  const out: string[] = []
  const err: string[] = []
  const sink = (a: string[]) =>
    ({ write: (s: string) => (a.push(s), true) }) as unknown as NodeJS.WritableStream
  return { out, err, io: { stdout: sink(out), stderr: sink(err), env } }
}
