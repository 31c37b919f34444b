// Runs overview: the server's batch jobs with their progress (refreshed while one is under way),
// transfers per day, alerts per day by typology, quarantined rows by reason, and the ingest / scan
// history. load() fetches, render*() build the page from what it fetched.
import type { JobView, RunsOverview, RunRow, FileRow } from '../../../src/schema/index.ts'
import { api } from '../api.ts'
import { h, section, when, label } from '../dom.ts'
import { renderDailyBars, renderHBars, renderStacked } from '../views/charts.ts'

interface RunsData {
  overview: RunsOverview
  jobs: JobView[]
}

async function load(): Promise<RunsData> {
  const [overview, jobs] = await Promise.all([
    api.get<RunsOverview>('/runs'),
    api.get<{ jobs: JobView[] }>('/jobs?limit=20').catch(() => ({ jobs: [] as JobView[] })),
  ])
  return { overview, jobs: jobs.jobs }
}

export function runsPage(app: HTMLElement): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const refresh = async () => {
    const data = await load()
    render(app, data)
    // while a job is queued or running, its progress is fetched again every 3 s
    if (data.jobs.some((j) => j.status === 'queued' || j.status === 'running'))
      timer = setTimeout(() => refresh().catch(() => undefined), 3000)
  }
  refresh().catch((e) =>
    app.replaceChildren(h('p', { class: 'error' }, `Could not load runs: ${(e as Error).message}`)),
  )
  return () => clearTimeout(timer)
}

function render(app: HTMLElement, { overview: r, jobs }: RunsData): void {
  app.replaceChildren(h('div', { class: 'page-head' }, h('h1', {}, 'Runs')))
  if (jobs.length) app.append(section('Jobs', jobsTable(jobs)))
  renderCharts(app, r)
  app.append(section('Run history', runsTable(r.runs)))
  app.append(section('Files', filesTable(r.files)))
}

function renderCharts(app: HTMLElement, r: RunsOverview): void {
  const w = Math.max(420, Math.min(1200, app.clientWidth - 40))
  const half = Math.max(380, Math.floor(w / 2) - 20)
  const perDay = h('div', { id: 'chart-transfers' })
  const byTyp = h('div', { id: 'chart-alerts' })
  const quar = h('div', { id: 'chart-quarantine' })
  const status = h('div', { id: 'chart-status' })
  app.append(
    h(
      'div',
      { class: 'grid2' },
      section('Transfers per day', perDay),
      section('Alerts per day by typology (day of first transfer)', byTyp),
    ),
  )
  app.append(
    h(
      'div',
      { class: 'grid2' },
      section('Quarantined rows by reason', quar),
      section('Alerts by status', status),
    ),
  )
  renderDailyBars(perDay, r.transfers_per_day, { width: half, height: 220 })
  renderStacked(
    byTyp,
    r.alerts_per_day.map((d) => ({ day: d.day, key: d.typology, n: d.n })),
    { width: half, height: 220 },
  )
  renderHBars(
    quar,
    r.quarantine.map((q) => ({ label: q.reason_code, n: q.n })),
    { width: half, height: 120 },
  )
  renderHBars(
    status,
    r.alert_status.map((q) => ({ label: label(q.status), n: q.n })),
    { width: half, height: 120 },
  )
}

/** A table with its header row and one row of cells per item. */
function table<T>(
  id: string,
  heads: string[],
  items: readonly T[],
  cells: (x: T) => HTMLElement[],
): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { id },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          heads.map((t) => h('th', {}, t)),
        ),
      ),
      h(
        'tbody',
        {},
        items.map((x) => h('tr', {}, cells(x))),
      ),
    ),
  )
}

function runsTable(runs: readonly RunRow[]): HTMLElement {
  return table('runs-table', ['Run', 'Kind', 'Started', 'Took', 'Status', 'Summary'], runs, (x) => [
    h('td', { class: 'mono' }, x.run_id),
    h('td', {}, x.kind),
    h('td', { class: 'ts' }, when(x.started_at)),
    h(
      'td',
      { class: 'num' },
      x.duration_ms === null ? '' : `${(x.duration_ms / 1000).toFixed(1)} s`,
    ),
    h('td', {}, x.status),
    h('td', { class: 'summary' }, summarize(x.summary)),
  ])
}

function filesTable(files: readonly FileRow[]): HTMLElement {
  return table(
    'files-table',
    ['File', 'Format', 'Read', 'Accepted', 'Quarantined', 'Landed'],
    files,
    (x) => [
      h('td', { class: 'mono' }, x.path),
      h('td', {}, x.format),
      h('td', { class: 'num' }, String(x.rows_read)),
      h('td', { class: 'num' }, String(x.rows_accepted)),
      h('td', { class: 'num' + (x.rows_quarantined ? ' warn' : '') }, String(x.rows_quarantined)),
      h('td', { class: 'ts' }, when(x.ingested_at)),
    ],
  )
}

/** A job's progress: its stage and counts while it runs, else its error or last stage summary. */
function jobProgress(j: JobView): string {
  const p = j.progress
  if (!p) return j.error ?? ''
  if (j.status !== 'running') return j.error ?? p.log[p.log.length - 1] ?? ''
  const of = p.total ? ` / ${p.total.toLocaleString('en')}` : ''
  return `${p.stage} ${p.done.toLocaleString('en')}${of}${p.info ? ' ' + p.info : ''}`
}

function jobsTable(jobs: readonly JobView[]): HTMLElement {
  return table(
    'jobs-table',
    ['Job', 'Kind', 'From', 'By', 'Created', 'Status', 'Progress'],
    jobs,
    (j) => [
      h('td', { class: 'mono' }, j.id),
      h('td', {}, j.kind),
      h('td', {}, j.source),
      h('td', {}, j.created_by),
      h('td', { class: 'ts' }, when(j.created_at)),
      h('td', { class: j.status === 'failed' ? 'warn' : '' }, j.status),
      h('td', { class: 'summary' }, jobProgress(j)),
    ],
  )
}

function summarize(s: unknown): string {
  if (!s || typeof s !== 'object') return ''
  return Object.entries(s as Record<string, unknown>)
    .filter(([k, v]) => typeof v !== 'object' && k !== 'run_id' && k !== 'status')
    .slice(0, 6)
    .map(([k, v]) => `${label(k)} ${String(v)}`)
    .join(' · ')
}
