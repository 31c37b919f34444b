// Runs overview: the server's batch jobs with their progress (refreshed while one is under way),
// transfers per day, alerts per day by typology, quarantined rows by reason, and the ingest / scan
// history.
import { api } from '../api.ts'
import { h, section, when, label } from '../dom.ts'
import { renderDailyBars, renderHBars, renderStacked } from '../views/charts.ts'

type Row = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

export function runsPage(app: HTMLElement): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const load = async () => {
    const [r, jobs] = await Promise.all([
      api.get<Row>('/runs'),
      api.get<{ jobs: Row[] }>('/jobs?limit=20').catch(() => ({ jobs: [] as Row[] })),
    ])
    app.replaceChildren(h('div', { class: 'page-head' }, h('h1', {}, 'Runs')))
    if (jobs.jobs.length) app.append(section('Jobs', jobsTable(jobs.jobs)))
    // while a job is queued or running, its progress is fetched again every 3 s
    if (jobs.jobs.some((j) => j.status === 'queued' || j.status === 'running'))
      timer = setTimeout(() => load().catch(() => undefined), 3000)
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
      r.alerts_per_day.map((d: Row) => ({ day: d.day, key: d.typology, n: d.n })),
      { width: half, height: 220 },
    )
    renderHBars(
      quar,
      r.quarantine.map((q: Row) => ({ label: q.reason_code, n: q.n })),
      { width: half, height: 120 },
    )
    renderHBars(
      status,
      r.alert_status.map((q: Row) => ({ label: label(q.status), n: q.n })),
      { width: half, height: 120 },
    )
    app.append(
      section(
        'Run history',
        h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { id: 'runs-table' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['Run', 'Kind', 'Started', 'Took', 'Status', 'Summary'].map((t) => h('th', {}, t)),
              ),
            ),
            h(
              'tbody',
              {},
              r.runs.map((x: Row) =>
                h(
                  'tr',
                  {},
                  h('td', { class: 'mono' }, x.run_id),
                  h('td', {}, x.kind),
                  h('td', {}, when(x.started_at)),
                  h(
                    'td',
                    { class: 'num' },
                    x.duration_ms === null ? '' : `${(x.duration_ms / 1000).toFixed(1)} s`,
                  ),
                  h('td', {}, x.status),
                  h('td', { class: 'summary' }, summarize(x.summary)),
                ),
              ),
            ),
          ),
        ),
      ),
    )
    app.append(
      section(
        'Files',
        h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { id: 'files-table' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['File', 'Format', 'Read', 'Accepted', 'Quarantined', 'Landed'].map((t) =>
                  h('th', {}, t),
                ),
              ),
            ),
            h(
              'tbody',
              {},
              r.files.map((x: Row) =>
                h(
                  'tr',
                  {},
                  h('td', { class: 'mono' }, x.path),
                  h('td', {}, x.format),
                  h('td', { class: 'num' }, x.rows_read),
                  h('td', { class: 'num' }, x.rows_accepted),
                  h(
                    'td',
                    { class: 'num' + (x.rows_quarantined ? ' warn' : '') },
                    x.rows_quarantined,
                  ),
                  h('td', {}, when(x.ingested_at)),
                ),
              ),
            ),
          ),
        ),
      ),
    )
  }
  load().catch((e) =>
    app.replaceChildren(h('p', { class: 'error' }, `Could not load runs: ${(e as Error).message}`)),
  )
  return () => clearTimeout(timer)
}

function jobsTable(jobs: Row[]): HTMLElement {
  const progress = (j: Row) => {
    const p = j.progress
    if (!p) return j.error ?? ''
    if (j.status !== 'running') return j.error ?? p.log?.[p.log.length - 1] ?? ''
    const of = p.total ? ` / ${Number(p.total).toLocaleString('en')}` : ''
    return `${p.stage} ${Number(p.done).toLocaleString('en')}${of}${p.info ? ' ' + p.info : ''}`
  }
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { id: 'jobs-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['Job', 'Kind', 'From', 'By', 'Created', 'Status', 'Progress'].map((t) => h('th', {}, t)),
        ),
      ),
      h(
        'tbody',
        {},
        jobs.map((j) =>
          h(
            'tr',
            {},
            h('td', { class: 'mono' }, j.id),
            h('td', {}, j.kind),
            h('td', {}, j.source),
            h('td', {}, j.created_by),
            h('td', {}, when(j.created_at)),
            h('td', { class: j.status === 'failed' ? 'warn' : '' }, j.status),
            h('td', { class: 'summary' }, progress(j)),
          ),
        ),
      ),
    ),
  )
}

function summarize(s: unknown): string {
  if (!s || typeof s !== 'object') return ''
  return Object.entries(s as Row)
    .filter(([k, v]) => typeof v !== 'object' && k !== 'run_id' && k !== 'status')
    .slice(0, 6)
    .map(([k, v]) => `${label(k)} ${v}`)
    .join(' · ')
}
