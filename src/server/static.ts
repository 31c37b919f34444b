// Serves the dashboards: index.html for the page routes, the stylesheet and the esbuild bundle.
// Only these named files are served (no directory walking); they hold no data, so they need no key.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Hono } from 'hono'
import { DASHBOARDS_DIR, ensureDashboards } from './dashboards.ts'

const FILES: Record<string, [string, string]> = {
  '/styles.css': ['styles.css', 'text/css; charset=utf-8'],
  '/app.js': ['dist/app.js', 'text/javascript; charset=utf-8'],
  '/app.js.map': ['dist/app.js.map', 'application/json'],
  '/favicon.svg': ['favicon.svg', 'image/svg+xml'],
}

export function dashboardRoutes(dir = DASHBOARDS_DIR) {
  const app = new Hono()
  const index = async () => readFile(join(dir, 'index.html'), 'utf8')
  app.get('/', async (c) => c.html(await index()))
  for (const [route, [file, type]] of Object.entries(FILES)) {
    app.get(route, async (c) => {
      if (file.startsWith('dist/')) await ensureDashboards(dir)
      const body = await readFile(join(dir, file))
      c.header('Content-Type', type)
      c.header('Cache-Control', 'no-cache')
      return c.body(body)
    })
  }
  return app
}
