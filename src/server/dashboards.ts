// Builds the dashboards' browser bundle (dashboards/src/main.ts + D3 from node_modules) with esbuild
// into dashboards/dist/app.js. `ringwatch serve` and `demo` build at start; the server builds on
// first request when the bundle is missing.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const DASHBOARDS_DIR = fileURLToPath(new URL('../../dashboards/', import.meta.url))

let building: Promise<string> | undefined

/** Bundles the dashboards; resolves to the output file. Repeated calls share one build. */
export function buildDashboards(
  dir = DASHBOARDS_DIR,
  opts: { force?: boolean } = {},
): Promise<string> {
  const out = join(dir, 'dist', 'app.js')
  if (!opts.force && building) return building
  building = (async () => {
    const esbuild = await import('esbuild')
    await esbuild.build({
      entryPoints: [join(dir, 'src', 'main.ts')],
      bundle: true,
      format: 'esm',
      target: 'es2022',
      minify: true,
      sourcemap: true,
      outfile: out,
      logLevel: 'silent',
    })
    return out
  })()
  building.catch(() => (building = undefined))
  return building
}

export async function ensureDashboards(dir = DASHBOARDS_DIR): Promise<string> {
  const out = join(dir, 'dist', 'app.js')
  return existsSync(out) && building === undefined ? out : buildDashboards(dir)
}
