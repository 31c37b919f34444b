// Runs overview: transfers per day, alerts per day by typology, quarantined rows by reason, and the
// ingest / scan history.
import { api } from '../api.ts'
import { h, section, when, label } from '../dom.ts'
import { renderDailyBars, renderHBars, renderStacked } from '../views/charts.ts'

type Row = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

export function runsPage(app: HTMLElement): () => void {
  const load = async () => {
    const r = await api.get<Row>('/runs')
    app.replaceChildren(h('div', { class: 'page-head' }, h('h1', {}, 'Runs')))
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
  return () => undefined
}

function summarize(s: unknown): string {
  if (!s || typeof s !== 'object') return ''
  return Object.entries(s as Row)
    .filter(([k, v]) => typeof v !== 'object' && k !== 'run_id' && k !== 'status')
    .slice(0, 6)
    .map(([k, v]) => `${label(k)} ${v}`)
    .join(' · ')
}
