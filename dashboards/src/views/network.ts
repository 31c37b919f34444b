// The payment network view: render(container, graph, {width, height, …}) draws a force-directed SVG
// of accounts and transfers. Pattern edges (the ring) are highlighted and labelled with their hop
// order and amount; nodes show their country, watch-list hits and community colour; goods-flagged
// edges are marked. Large graphs are laid out off-screen in one go (no per-tick DOM work), small ones
// animate briefly. setTime(t) replays the flow: edges after t fade out.
import * as d3 from 'd3'
import type { Graph, GraphEdge, GraphNode } from '../types.ts'
import { shortMoney } from '../dom.ts'
import { maxOf, minOf } from '../../../src/util/array.ts'

export interface NetworkOptions {
  width: number
  height: number
  /** Colour nodes by Louvain community (explorer) rather than by role in the pattern. */
  colorBy?: 'community' | 'pattern'
  /** Positions to keep from an earlier render (expanding a node keeps the rest in place). */
  positions?: Map<string, { x: number; y: number }>
  onNodeClick?: (node: GraphNode) => void
}

export interface NetworkView {
  svg: SVGSVGElement
  setTime(t: number | null): void
  positions(): Map<string, { x: number; y: number }>
  destroy(): void
}

type SimNode = GraphNode & d3.SimulationNodeDatum
type SimLink = Omit<GraphEdge, 'source' | 'target'> & {
  source: SimNode
  target: SimNode
  /** Offset index among parallel edges of the same pair. */
  lane: number
  lanes: number
}

const LARGE = 300
const palette = d3.schemeTableau10

export function communityColor(c: number | null): string {
  return c === null ? '#9aa5b1' : palette[((c % 10) + 10) % 10]
}

function edgePath(l: SimLink): string {
  const { x: x1 = 0, y: y1 = 0 } = l.source
  const { x: x2 = 0, y: y2 = 0 } = l.target
  if (l.lanes === 1 && l.lane === 0) return `M${x1},${y1}L${x2},${y2}`
  const dx = x2 - x1
  const dy = y2 - y1
  const dist = Math.hypot(dx, dy) || 1
  const bend = (l.lane - (l.lanes - 1) / 2 + 0.5) * 28
  const mx = (x1 + x2) / 2 - (dy / dist) * bend
  const my = (y1 + y2) / 2 + (dx / dist) * bend
  return `M${x1},${y1}Q${mx},${my} ${x2},${y2}`
}

function midpoint(l: SimLink): [number, number] {
  const { x: x1 = 0, y: y1 = 0 } = l.source
  const { x: x2 = 0, y: y2 = 0 } = l.target
  if (l.lanes === 1 && l.lane === 0) return [(x1 + x2) / 2, (y1 + y2) / 2]
  const dx = x2 - x1
  const dy = y2 - y1
  const dist = Math.hypot(dx, dy) || 1
  const bend = ((l.lane - (l.lanes - 1) / 2 + 0.5) * 28) / 2
  return [(x1 + x2) / 2 - (dy / dist) * bend, (y1 + y2) / 2 + (dx / dist) * bend]
}

export function render(container: Element, graph: Graph, opts: NetworkOptions): NetworkView {
  // Copies: the simulation writes x, y, vx, vy into its nodes and replaces link ends by objects.
  const nodes: SimNode[] = graph.nodes.map((n) => ({ ...n, ...(opts.positions?.get(n.id) ?? {}) }))
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const pairCount = new Map<string, number>()
  const links: SimLink[] = []
  for (const e of graph.edges) {
    const s = byId.get(e.source)
    const t = byId.get(e.target)
    if (!s || !t) continue
    const key = [e.source, e.target].sort().join('\u0000')
    const lane = pairCount.get(key) ?? 0
    pairCount.set(key, lane + 1)
    links.push({ ...e, source: s, target: t, lane, lanes: 1 })
  }
  for (const l of links) l.lanes = pairCount.get([l.source.id, l.target.id].sort().join('\u0000'))!
  const large = nodes.length > LARGE
  const { width, height } = opts

  const svg = d3
    .create('svg')
    .attr('class', 'network')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('role', 'img')
    .attr('aria-label', `payment network of ${nodes.length} accounts and ${links.length} transfers`)
  const defs = svg.append('defs')
  for (const [id, cls] of [
    ['arrow', 'arrow'],
    ['arrow-ring', 'arrow ring'],
    ['arrow-goods', 'arrow goods'],
  ])
    defs
      .append('marker')
      .attr('id', id)
      .attr('viewBox', '0 -4 8 8')
      .attr('refX', 17)
      .attr('markerWidth', 7)
      .attr('markerHeight', 7)
      .attr('orient', 'auto')
      .append('path')
      .attr('class', cls)
      .attr('d', 'M0,-4L8,0L0,4')
  const root = svg.append('g').attr('class', 'zoom-layer')
  svg.call(
    d3
      .zoom<SVGSVGElement, undefined>()
      .scaleExtent([0.1, 6])
      .on('zoom', (ev) => root.attr('transform', ev.transform.toString())),
  )

  const edgeSel = root
    .append('g')
    .attr('class', 'edges')
    .selectAll('path')
    .data(links)
    .join('path')
    .attr('class', (l) => `edge${l.in_pattern ? ' ring' : ''}${l.goods ? ' goods' : ''}`)
    .attr('data-order', (l) => l.order ?? '')
    .attr('marker-end', (l) =>
      l.in_pattern ? 'url(#arrow-ring)' : l.goods ? 'url(#arrow-goods)' : 'url(#arrow)',
    )
  edgeSel
    .append('title')
    .text(
      (l) =>
        `${l.source.id} → ${l.target.id}\n${l.count} transfer(s), ${l.amount} ${l.currency ?? ''}\n${l.first_ts}${l.goods ? `\ncontrolled goods: ${l.goods}` : ''}`,
    )
  // Labels only where they can be read: the pattern's edges, or every edge of a small graph.
  const labelled = links.filter((l) => l.in_pattern || links.length <= 30)
  const edgeLabels = root
    .append('g')
    .attr('class', 'edge-labels')
    .selectAll('text')
    .data(labelled)
    .join('text')
    .attr('class', (l) => `edge-label${l.in_pattern ? ' ring' : ''}`)
    .text(
      (l) =>
        `${l.order !== null ? `#${l.order} · ` : ''}${shortMoney(l.amount)}${l.goods ? ' ⚙' : ''}`,
    )

  const nodeSel = root
    .append('g')
    .attr('class', 'nodes')
    .selectAll<SVGGElement, SimNode>('g')
    .data(nodes, (d) => d.id)
    .join('g')
    .attr(
      'class',
      (n) =>
        `node${n.focus ? ' focus' : ''}${n.hit_score !== null ? ' hit' : ''}${n.expanded ? ' expanded' : ''}`,
    )
    .attr('data-id', (n) => n.id)
  nodeSel
    .append('circle')
    .attr('r', (n) => (n.focus ? 11 : large ? 5 : 8))
    .attr('fill', (n) =>
      opts.colorBy === 'community'
        ? communityColor(n.community)
        : n.focus
          ? '#1f4e79'
          : communityColor(n.community),
    )
  nodeSel
    .append('title')
    .text(
      (n) =>
        `${n.name ?? n.id}\n${n.id}${n.country ? ` (${n.country})` : ''}${n.community !== null ? `\ncommunity ${n.community}` : ''}${n.hit_name ? `\nwatch-list hit: ${n.hit_name} (${(n.hit_score! * 100).toFixed(0)}%)` : ''}${n.more ? `\n${n.more} more counterparties` : ''}`,
    )
  if (!large || nodes.length < 800) {
    nodeSel
      .filter((n) => !!n.country)
      .append('text')
      .attr('class', 'country')
      .attr('dy', 3.5)
      .text((n) => n.country!)
    nodeSel
      .append('text')
      .attr('class', 'name')
      .attr('x', 13)
      .attr('dy', -6)
      .text((n) => (large && !n.focus ? '' : (n.name ?? n.id).slice(0, 28)))
  }
  nodeSel
    .filter((n) => n.hit_score !== null)
    .append('text')
    .attr('class', 'hit-mark')
    .attr('x', -16)
    .attr('dy', -8)
    .text('⚠')
  nodeSel
    .filter((n) => n.more > 0)
    .append('text')
    .attr('class', 'more')
    .attr('x', 13)
    .attr('dy', 12)
    .text((n) => `+${n.more} more`)
  if (opts.onNodeClick) nodeSel.on('click', (_ev, n) => opts.onNodeClick!(n))

  /** Frames the drawing: the viewBox covers the nodes, zoomed in at most 1.6×. */
  const fit = () => {
    if (!nodes.length) return
    const xs = nodes.map((n) => n.x ?? 0)
    const ys = nodes.map((n) => n.y ?? 0)
    const pad = 70
    const x0 = minOf(xs) - pad
    const x1 = maxOf(xs) + pad + 120
    const y0 = minOf(ys) - pad
    const y1 = maxOf(ys) + pad
    const scale = Math.min(1.6, width / (x1 - x0), height / (y1 - y0))
    const w = width / scale
    const hgt = height / scale
    const cx = (x0 + x1) / 2
    const cy = (y0 + y1) / 2
    svg.attr('viewBox', `${cx - w / 2} ${cy - hgt / 2} ${w} ${hgt}`)
  }
  const place = () => {
    edgeSel.attr('d', edgePath)
    edgeLabels.attr('x', (l) => midpoint(l)[0]).attr('y', (l) => midpoint(l)[1])
    nodeSel.attr('transform', (n) => `translate(${n.x ?? 0},${n.y ?? 0})`)
  }

  // The pattern's accounts start on a circle in hop order, so that a ring is drawn as a ring.
  const ringOrder: string[] = []
  for (const l of [...links].filter((x) => x.order !== null).sort((a, b) => a.order! - b.order!))
    for (const n of [l.source.id, l.target.id]) if (!ringOrder.includes(n)) ringOrder.push(n)
  const radius = Math.min(width, height) * 0.3
  ringOrder.forEach((id, i) => {
    const n = byId.get(id)!
    if (n.x !== undefined) return
    const a = (2 * Math.PI * i) / ringOrder.length - Math.PI / 2
    n.x = width / 2 + radius * Math.cos(a)
    n.y = height / 2 + radius * Math.sin(a)
  })
  const sim = d3
    .forceSimulation<SimNode>(nodes)
    .force(
      'link',
      d3
        .forceLink<SimNode, SimLink>(links)
        .id((n) => n.id)
        .distance((l) => (l.in_pattern ? 150 : large ? 30 : 110)),
    )
    .force(
      'charge',
      d3
        .forceManyBody<SimNode>()
        .strength(large ? -30 : -420)
        .distanceMax(large ? 200 : 700)
        .theta(0.9),
    )
    .force('center', d3.forceCenter(width / 2, height / 2))
    .force('collide', d3.forceCollide<SimNode>(large ? 6 : 26))
    .stop()
  const kept = opts.positions && nodes.some((n) => opts.positions!.has(n.id))
  if (kept) sim.alpha(0.5)
  // The layout is computed off-screen in a bounded number of ticks, then drawn once: no per-tick DOM
  // work, so 2,000 nodes stay responsive, and the picture does not move under the user's pointer.
  const ticks = large ? Math.max(40, Math.min(300, Math.ceil(60000 / nodes.length))) : 300
  for (let i = 0; i < ticks; i++) sim.tick()
  place()
  fit()
  // Drag a node to move it; the layout is not restarted for large graphs.
  nodeSel.call(
    d3.drag<SVGGElement, SimNode>().on('drag', (ev, n) => {
      n.x = ev.x
      n.y = ev.y
      place()
    }),
  )
  container.append(svg.node()!)

  return {
    svg: svg.node()!,
    setTime(t) {
      edgeSel.classed('future', (l) => t !== null && Date.parse(l.first_ts) > t)
      edgeLabels.classed('future', (l) => t !== null && Date.parse(l.first_ts) > t)
      edgeSel.classed('current', (l) => {
        if (t === null || !l.in_pattern) return false
        const ts = Date.parse(l.first_ts)
        const later = links.filter((o) => o.in_pattern && Date.parse(o.first_ts) <= t)
        return ts <= t && ts === maxOf(later, (o) => Date.parse(o.first_ts))
      })
    },
    positions() {
      return new Map(nodes.map((n) => [n.id, { x: n.x ?? 0, y: n.y ?? 0 }]))
    },
    destroy() {
      sim.stop()
      svg.remove()
    },
  }
}
