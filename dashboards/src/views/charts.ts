// Small D3 charts for the runs overview: render(container, data, {width, height}).
import * as d3 from 'd3'
/** Enough distinct colours for every typology. */
const PALETTE = [...d3.schemeTableau10, ...d3.schemeSet2]

export interface Size {
  width: number
  height: number
}

const M = { top: 12, right: 12, bottom: 28, left: 52 }

/** Every day from the first to the last of the given ISO days, so that quiet days show as gaps. */
export function allDays(days: string[]): string[] {
  if (!days.length) return []
  const sorted = [...days].sort()
  const out: string[] = []
  const end = Date.parse(`${sorted[sorted.length - 1]}T00:00:00Z`)
  for (let t = Date.parse(`${sorted[0]}T00:00:00Z`); t <= end && out.length < 3660; t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10))
  return out
}

/** Bars per day: [{day, n}]. */
export function renderDailyBars(
  container: Element,
  data: Array<{ day: string; n: number }>,
  size: Size,
): SVGSVGElement {
  const rows = data.map((d) => ({ ...d, date: new Date(`${d.day}T00:00:00Z`) }))
  const svg = d3
    .create('svg')
    .attr('class', 'chart daily')
    .attr('viewBox', `0 0 ${size.width} ${size.height}`)
    .attr('width', size.width)
    .attr('height', size.height)
  if (!rows.length) return empty(container, svg, size)
  const x = d3
    .scaleBand<string>()
    .domain(allDays(rows.map((d) => d.day)))
    .range([M.left, size.width - M.right])
    .padding(0.15)
  const y = d3
    .scaleLinear()
    .domain([0, d3.max(rows, (d) => d.n) ?? 1])
    .nice()
    .range([size.height - M.bottom, M.top])
  svg
    .append('g')
    .attr('class', 'bars')
    .selectAll('rect')
    .data(rows)
    .join('rect')
    .attr('x', (d) => x(d.day)!)
    .attr('y', (d) => y(d.n))
    .attr('width', x.bandwidth())
    .attr('height', (d) => y(0) - y(d.n))
    .append('title')
    .text((d) => `${d.day}: ${d.n.toLocaleString('en')}`)
  axes(svg, x, y, size, rows.length)
  container.append(svg.node()!)
  return svg.node()!
}

/** Stacked bars per day by key: [{day, key, n}]. */
export function renderStacked(
  container: Element,
  data: Array<{ day: string; key: string; n: number }>,
  size: Size,
): SVGSVGElement {
  const svg = d3
    .create('svg')
    .attr('class', 'chart stacked')
    .attr('viewBox', `0 0 ${size.width} ${size.height}`)
    .attr('width', size.width)
    .attr('height', size.height)
  if (!data.length) return empty(container, svg, size)
  const days = allDays([...new Set(data.map((d) => d.day))])
  const keys = [...new Set(data.map((d) => d.key))].sort()
  const table = days.map((day) => {
    const row: Record<string, number | string> = { day }
    for (const k of keys) row[k] = 0
    for (const d of data) if (d.day === day) row[d.key] = d.n
    return row
  })
  const series = d3
    .stack<Record<string, number | string>>()
    .keys(keys)
    .value((r, k) => Number(r[k]))(table)
  const x = d3
    .scaleBand<string>()
    .domain(days)
    .range([M.left, size.width - M.right - 110])
    .padding(0.15)
  const y = d3
    .scaleLinear()
    .domain([0, d3.max(series, (s) => d3.max(s, (p) => p[1])) ?? 1])
    .nice()
    .range([size.height - M.bottom, M.top])
  const color = (k: string) => PALETTE[keys.indexOf(k) % PALETTE.length]
  svg
    .append('g')
    .attr('class', 'bars')
    .selectAll('g')
    .data(series)
    .join('g')
    .attr('fill', (s) => color(s.key))
    .attr('data-key', (s) => s.key)
    .selectAll('rect')
    .data((s) => s.map((p) => ({ p, key: s.key })))
    .join('rect')
    .attr('x', (d) => x(String(d.p.data.day))!)
    .attr('y', (d) => y(d.p[1]))
    .attr('width', x.bandwidth())
    .attr('height', (d) => y(d.p[0]) - y(d.p[1]))
    .append('title')
    .text((d) => `${d.p.data.day} ${d.key}: ${d.p[1] - d.p[0]}`)
  axes(svg, x, y, size, days.length)
  const legend = svg
    .append('g')
    .attr('class', 'legend')
    .attr('transform', `translate(${size.width - M.right - 100},${M.top})`)
  keys.forEach((k, i) => {
    const g = legend.append('g').attr('transform', `translate(0,${i * 16})`)
    g.append('rect').attr('width', 10).attr('height', 10).attr('fill', color(k))
    g.append('text').attr('x', 14).attr('y', 9).text(k.replace(/_/g, ' '))
  })
  container.append(svg.node()!)
  return svg.node()!
}

/** Horizontal bars: [{label, n}]. */
export function renderHBars(
  container: Element,
  data: Array<{ label: string; n: number }>,
  size: Size,
): SVGSVGElement {
  const left = 140
  const h = Math.max(size.height, data.length * 22 + 20)
  const svg = d3
    .create('svg')
    .attr('class', 'chart hbars')
    .attr('viewBox', `0 0 ${size.width} ${h}`)
    .attr('width', size.width)
    .attr('height', h)
  if (!data.length) return empty(container, svg, size, 'no quarantined rows')
  const x = d3
    .scaleLinear()
    .domain([0, d3.max(data, (d) => d.n) ?? 1])
    .range([left, size.width - 50])
  const g = svg
    .append('g')
    .attr('class', 'bars')
    .selectAll('g')
    .data(data)
    .join('g')
    .attr('transform', (_d, i) => `translate(0,${10 + i * 22})`)
  g.append('text')
    .attr('x', left - 6)
    .attr('y', 12)
    .attr('text-anchor', 'end')
    .text((d) => d.label.replace(/_/g, ' '))
  g.append('rect')
    .attr('x', left)
    .attr('height', 16)
    .attr('width', (d) => x(d.n) - left)
  g.append('text')
    .attr('x', (d) => x(d.n) + 4)
    .attr('y', 12)
    .text((d) => d.n.toLocaleString('en'))
  container.append(svg.node()!)
  return svg.node()!
}

function axes(
  svg: d3.Selection<SVGSVGElement, undefined, null, undefined>,
  x: d3.ScaleBand<string>,
  y: d3.ScaleLinear<number, number>,
  size: Size,
  n: number,
) {
  const every = Math.max(1, Math.ceil(n / 10))
  svg
    .append('g')
    .attr('class', 'axis x')
    .attr('transform', `translate(0,${size.height - M.bottom})`)
    .call(
      d3
        .axisBottom(x)
        .tickValues(x.domain().filter((_d, i) => i % every === 0))
        .tickFormat((d) => d.slice(5)),
    )
  svg
    .append('g')
    .attr('class', 'axis y')
    .attr('transform', `translate(${M.left},0)`)
    .call(
      d3.axisLeft(y).tickValues(y.ticks(5).filter(Number.isInteger)).tickFormat(d3.format('~s')),
    )
}

function empty(
  container: Element,
  svg: d3.Selection<SVGSVGElement, undefined, null, undefined>,
  size: Size,
  text = 'no data yet',
) {
  svg
    .append('text')
    .attr('class', 'empty')
    .attr('x', size.width / 2)
    .attr('y', size.height / 2)
    .attr('text-anchor', 'middle')
    .text(text)
  container.append(svg.node()!)
  return svg.node()!
}
