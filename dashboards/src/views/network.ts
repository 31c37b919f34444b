// The payment network view: render(container, graph, {width, height, layout, …}) draws an SVG of
// accounts and transfers, laid out by the shape shown (network-layout.ts: a circle for a ring,
// layers for flows, force for exploration). Pattern edges are highlighted and labelled with their
// hop order, amount and currency; an alert's one-hop context is dimmed and can be hidden; nodes show
// their country, watch-list hits and community colour; goods-flagged edges are marked. Labels never
// overlap one another or a node (network-labels.ts): what finds no room is left to the hover title,
// and names are cut with an ellipsis. setTime(t) replays the flow: edges after t fade out. Built in
// steps: the graph's copies laid out, the SVG, the edges, the accounts, then the labels placed.
import * as d3 from 'd3'
import type { Graph, GraphNode } from '../types.ts'
import { money, shortMoney, when } from '../dom.ts'
import { maxOf } from '../../../src/util/array.ts'
import { layout, layoutFor, type LayoutKind } from './network-layout.ts'
import type { Box } from './labels.ts'
import { edgePath } from './network-geometry.ts'
import { frame, labeller, type SimLink, type SimNode } from './network-labels.ts'

export interface NetworkOptions {
  width: number
  height: number
  /** Colour nodes by Louvain community (explorer) rather than by role in the pattern. */
  colorBy?: 'community' | 'pattern'
  /** The layout; by default the one for the graph's typology (meta.typology), force without one. */
  layout?: LayoutKind
  /** Positions to keep from an earlier render (expanding a node keeps the rest in place). */
  positions?: Map<string, { x: number; y: number }>
  onNodeClick?: (node: GraphNode) => void
}

export interface NetworkView {
  svg: SVGSVGElement
  setTime(t: number | null): void
  /** Shows or hides the one-hop context (accounts outside the pattern, dimmed). */
  setContext(show: boolean): void
  positions(): Map<string, { x: number; y: number }>
  destroy(): void
}

const LARGE = 300
/** Longest name drawn in full; longer ones end in an ellipsis (the title has the whole). */
const NAME_CHARS = 24
/** Edge labels are offered up to this many edges (the placement shows those that fit). */
const EDGE_LABELS_UP_TO = 400
const palette = d3.schemeTableau10

export function communityColor(c: number | null): string {
  return c === null ? '#9aa5b1' : palette[((c % 10) + 10) % 10]
}

export function ellipsis(s: string, n = NAME_CHARS): string {
  return s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s
}

function edgeText(l: SimLink): string {
  const amount = `${shortMoney(l.amount)}${l.currency ? ` ${l.currency}` : ''}`
  if (l.order !== null) return `#${l.order} · ${amount}${l.goods ? ' ⚙' : ''}`
  return `${l.count > 1 ? `${l.count}× ` : ''}${amount}${l.goods ? ' ⚙' : ''}`
}

function edgeTitle(l: SimLink): string {
  const span =
    l.last_ts !== l.first_ts ? `${when(l.first_ts)} → ${when(l.last_ts)}` : when(l.first_ts)
  return `${l.source.name ?? l.source.id} → ${l.target.name ?? l.target.id}\n${l.count} transfer(s), ${money(l.amount, l.currency)}\n${span}${l.goods ? `\ncontrolled goods: ${l.goods}` : ''}`
}

function nodeTitle(n: SimNode): string {
  return `${n.name ?? n.id}\n${n.id}${n.country ? ` (${n.country})` : ''}${n.community !== null ? `\ncommunity ${n.community}` : ''}${n.hit_name ? `\nwatch-list hit: ${n.hit_name} (${(n.hit_score! * 100).toFixed(0)}%)` : ''}${n.more ? `\n${n.more} more counterparties` : ''}`
}

/** Copies of the graph's accounts and transfers (the layout writes x, y into them), laid out. */
function simGraph(
  graph: Graph,
  kind: LayoutKind,
  positions: NetworkOptions['positions'],
): { nodes: SimNode[]; links: SimLink[] } {
  const large = graph.nodes.length > LARGE
  const nodes: SimNode[] = graph.nodes.map((n) => ({
    ...n,
    ...(kind === 'force' ? (positions?.get(n.id) ?? {}) : {}),
    ctx: kind !== 'force' && !n.focus,
    r: n.focus ? 11 : large ? 5 : 8,
  }))
  const byId = new Map(nodes.map((n) => [n.id, n]))
  // parallel transfers of one pair of accounts: one lane each
  const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`)
  const pairCount = new Map<string, number>()
  const links: SimLink[] = []
  for (const e of graph.edges) {
    const s = byId.get(e.source)
    const t = byId.get(e.target)
    if (!s || !t) continue
    const key = pairKey(e.source, e.target)
    const lane = pairCount.get(key) ?? 0
    pairCount.set(key, lane + 1)
    links.push({ ...e, source: s, target: t, lane, lanes: 1, ctx: s.ctx || t.ctx })
  }
  for (const l of links) l.lanes = pairCount.get(pairKey(l.source.id, l.target.id))!
  const kept = !!positions && nodes.some((n) => positions.has(n.id))
  layout(kind, nodes, links, kept)
  return { nodes, links }
}

/** The SVG with its arrowheads and a zoomable layer, appended to the container. */
function createSvg(
  container: Element,
  kind: LayoutKind,
  width: number,
  height: number,
  counts: { nodes: number; links: number },
) {
  const svg = d3
    .create('svg')
    .attr('class', `network layout-${kind}`)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('role', 'img')
    .attr('aria-label', `payment network of ${counts.nodes} accounts and ${counts.links} transfers`)
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
      // the tip at the path's end (the target's circle), the same size whatever the line's width
      .attr('refX', 8)
      .attr('markerUnits', 'userSpaceOnUse')
      .attr('markerWidth', id === 'arrow' ? 8 : 11)
      .attr('markerHeight', id === 'arrow' ? 8 : 11)
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
  // in the document from here on: labels are measured as drawn
  container.append(svg.node()!)
  return { svg, root }
}

type Layer = d3.Selection<SVGGElement, undefined, null, undefined>

/** The transfers as lines with arrowheads and hover titles, and their labels. */
function drawEdges(root: Layer, links: SimLink[]) {
  const edgeSel = root
    .append('g')
    .attr('class', 'edges')
    .selectAll('path')
    .data(links)
    .join('path')
    .attr(
      'class',
      (l) => `edge${l.in_pattern ? ' ring' : ''}${l.goods ? ' goods' : ''}${l.ctx ? ' ctx' : ''}`,
    )
    .attr('data-order', (l) => l.order ?? '')
    .attr('marker-end', (l) =>
      l.in_pattern ? 'url(#arrow-ring)' : l.goods ? 'url(#arrow-goods)' : 'url(#arrow)',
    )
  edgeSel.append('title').text(edgeTitle)
  const labelled = links.filter((l) => l.in_pattern || links.length <= EDGE_LABELS_UP_TO)
  const edgeLabels = root
    .append('g')
    .attr('class', 'edge-labels')
    .selectAll<SVGTextElement, SimLink>('text')
    .data(labelled)
    .join('text')
    .attr('class', (l) => `edge-label${l.in_pattern ? ' ring' : ''}${l.ctx ? ' ctx' : ''}`)
    .text(edgeText)
  return { edgeSel, edgeLabels }
}

/** The accounts: circle, country, name, watch-list mark, "+N more", hover title, click. */
function drawNodes(root: Layer, nodes: SimNode[], opts: NetworkOptions) {
  const nodeSel = root
    .append('g')
    .attr('class', 'nodes')
    .selectAll<SVGGElement, SimNode>('g')
    .data(nodes, (d) => d.id)
    .join('g')
    .attr(
      'class',
      (n) =>
        `node${n.focus ? ' focus' : ''}${n.hit_score !== null ? ' hit' : ''}${n.expanded ? ' expanded' : ''}${n.ctx ? ' ctx' : ''}`,
    )
    .attr('data-id', (n) => n.id)
  nodeSel
    .append('circle')
    .attr('r', (n) => n.r)
    .attr('fill', (n) =>
      opts.colorBy === 'community'
        ? communityColor(n.community)
        : n.focus
          ? '#1f4e79'
          : communityColor(n.community),
    )
  nodeSel.append('title').text(nodeTitle)
  nodeSel
    .filter((n) => !!n.country && n.r >= 8)
    .append('text')
    .attr('class', 'country')
    .attr('dy', 3.5)
    .text((n) => n.country!)
  const names = nodeSel
    .append('text')
    .attr('class', 'name')
    .text((n) => ellipsis(n.name ?? n.id))
  nodeSel
    .filter((n) => n.hit_score !== null)
    .append('text')
    .attr('class', 'hit-mark')
    .attr('x', -16)
    .attr('dy', -8)
    .text('⚠')
  const mores = nodeSel
    .filter((n) => n.more > 0)
    .append('text')
    .attr('class', 'more')
    .text((n) => `+${n.more} more`)
  if (opts.onNodeClick) nodeSel.on('click', (_ev, n) => opts.onNodeClick!(n))
  return { nodeSel, names, mores }
}

export function render(container: Element, graph: Graph, opts: NetworkOptions): NetworkView {
  const kind = opts.layout ?? layoutFor(graph.meta.typology)
  const { nodes, links } = simGraph(graph, kind, opts.positions)
  const { width, height } = opts
  const { svg, root } = createSvg(container, kind, width, height, {
    nodes: nodes.length,
    links: links.length,
  })
  const { edgeSel, edgeLabels } = drawEdges(root, links)
  const { nodeSel, names, mores } = drawNodes(root, nodes, opts)
  const relabel = labeller(nodes, links, { names, mores, edgeLabels })

  let showContext = true
  let drawn: Array<Box | null> = []
  const fit = () => {
    const box = frame(nodes, drawn, showContext, width, height)
    if (box) svg.attr('viewBox', box)
  }
  const place = () => {
    edgeSel.attr('d', edgePath)
    nodeSel.attr('transform', (n) => `translate(${n.x ?? 0},${n.y ?? 0})`)
  }
  place()
  drawn = relabel(showContext)
  fit()
  // Drag a node to move it; its labels follow, and all are placed again when it is dropped.
  nodeSel.call(
    d3
      .drag<SVGGElement, SimNode>()
      .on('drag', (ev, n) => {
        n.x = ev.x
        n.y = ev.y
        place()
      })
      .on('end', () => {
        drawn = relabel(showContext)
      }),
  )

  return {
    svg: svg.node()!,
    setTime(t) {
      edgeSel.classed('future', (l) => t !== null && Date.parse(l.first_ts) > t)
      edgeLabels.classed('future', (l) => t !== null && Date.parse(l.first_ts) > t)
      const shownPattern = links.filter(
        (o) => o.in_pattern && t !== null && Date.parse(o.first_ts) <= t,
      )
      const latest = shownPattern.length ? maxOf(shownPattern, (o) => Date.parse(o.first_ts)) : NaN
      edgeSel.classed(
        'current',
        (l) => t !== null && l.in_pattern && Date.parse(l.first_ts) === latest,
      )
    },
    setContext(show) {
      showContext = show
      svg.classed('hide-ctx', !show)
      drawn = relabel(showContext)
      fit()
    },
    positions() {
      return new Map(nodes.map((n) => [n.id, { x: n.x ?? 0, y: n.y ?? 0 }]))
    },
    destroy() {
      svg.remove()
    },
  }
}
