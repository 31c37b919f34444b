// The payment network view: render(container, graph, {width, height, layout, …}) draws an SVG of
// accounts and transfers, laid out by the shape shown (network-layout.ts: a circle for a ring,
// layers for flows, force for exploration). Pattern edges are highlighted and labelled with their
// hop order, amount and currency; an alert's one-hop context is dimmed and can be hidden; nodes show
// their country, watch-list hits and community colour; goods-flagged edges are marked. Labels never
// overlap one another or a node (labels.ts): what finds no room is left to the hover title, and names
// are cut with an ellipsis. setTime(t) replays the flow: edges after t fade out.
import * as d3 from 'd3'
import type { Graph, GraphEdge, GraphNode } from '../types.ts'
import { money, shortMoney, when } from '../dom.ts'
import { maxOf } from '../../../src/util/array.ts'
import { layout, layoutFor, type LayoutKind } from './network-layout.ts'
import { placeLabels, type Box, type LabelRequest, type Segment } from './labels.ts'
import {
  edgeLabelSpots,
  edgePath,
  nodeLabelSpots,
  segments,
  type LabelEnd,
} from './network-geometry.ts'

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

type SimNode = GraphNode & d3.SimulationNodeDatum & { ctx: boolean; r: number }
type SimLink = Omit<GraphEdge, 'source' | 'target'> & {
  source: SimNode
  target: SimNode
  lane: number
  lanes: number
  ctx: boolean
}

const LARGE = 300
/** Longest name drawn in full; longer ones end in an ellipsis (the title has the whole). */
const NAME_CHARS = 24
/** Edge labels are offered up to this many edges (the placement shows those that fit). */
const EDGE_LABELS_UP_TO = 400
/** An account with this many times another's pattern edges is a fan's hub (labels go to the branch). */
const FAN = 3
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

export function render(container: Element, graph: Graph, opts: NetworkOptions): NetworkView {
  const kind = opts.layout ?? layoutFor(graph.meta.typology)
  const large = graph.nodes.length > LARGE
  // Copies: the layout writes x, y (and the simulation vx, vy) into its nodes.
  const nodes: SimNode[] = graph.nodes.map((n) => ({
    ...n,
    ...(kind === 'force' ? (opts.positions?.get(n.id) ?? {}) : {}),
    ctx: kind !== 'force' && !n.focus,
    r: n.focus ? 11 : large ? 5 : 8,
  }))
  const byId = new Map(nodes.map((n) => [n.id, n]))
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
  const kept = !!opts.positions && nodes.some((n) => opts.positions!.has(n.id))
  layout(kind, nodes, links, kept)
  const { width, height } = opts

  const svg = d3
    .create('svg')
    .attr('class', `network layout-${kind}`)
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

  // Each label's size as drawn, and its offset from its anchor point (text is placed by baseline).
  type Measured = { w: number; h: number; dx: number; dy: number }
  const measure = (el: SVGTextElement): Measured => {
    const b = el.getBBox()
    return { w: b.width, h: b.height, dx: b.x, dy: b.y }
  }
  const nameSize = new Map<SimNode, Measured>()
  names.each(function (n) {
    nameSize.set(n, measure(this))
  })
  const moreSize = new Map<SimNode, Measured>()
  mores.each(function (n) {
    moreSize.set(n, measure(this))
  })
  const edgeSize = new Map<SimLink, Measured>()
  edgeLabels.each(function (l) {
    edgeSize.set(l, measure(this))
  })

  let showContext = true
  /** Places every shown label again (after the layout, a drag, or the context toggled). */
  const relabel = () => {
    const shown = (x: { ctx: boolean }) => showContext || !x.ctx
    // which side of a node is free: away from the mean direction of its edges
    const away = new Map<SimNode, { x: number; y: number }>()
    for (const l of links) {
      if (!shown(l)) continue
      for (const [a, b] of [
        [l.source, l.target],
        [l.target, l.source],
      ]) {
        const d = Math.hypot(b.x! - a.x!, b.y! - a.y!) || 1
        const v = away.get(a) ?? { x: 0, y: 0 }
        away.set(a, { x: v.x - (b.x! - a.x!) / d, y: v.y - (b.y! - a.y!) / d })
      }
    }
    const obstacles: Box[] = []
    for (const n of nodes) {
      if (!shown(n)) continue
      obstacles.push({ x: n.x! - n.r, y: n.y! - n.r, w: 2 * n.r, h: 2 * n.r })
      if (n.hit_score !== null) obstacles.push({ x: n.x! - 18, y: n.y! - 21, w: 15, h: 16 })
    }
    const lines: Segment[] = []
    for (const l of links) if (shown(l)) for (const s of segments(l)) lines.push(s)
    type Item = { rank: number; req: LabelRequest; set: (b: Box | null) => void }
    const items: Item[] = []
    const nodeItem = (n: SimNode, m: Measured, rank: number, el: SVGTextElement) =>
      items.push({
        rank,
        req: {
          w: m.w,
          h: m.h,
          candidates: nodeLabelSpots(n.x!, n.y!, n.r, m.w, m.h, away.get(n) ?? { x: 0, y: 0 }),
        },
        set: (b) => {
          el.classList.toggle('hidden', !b)
          // relative to the node's group
          if (b) el.setAttribute('x', String(b.x - n.x! - m.dx))
          if (b) el.setAttribute('y', String(b.y - n.y! - m.dy))
        },
      })
    names.each(function (n) {
      if (!shown(n)) return this.classList.add('hidden')
      const rank = n.focus ? 0 : n.hit_score !== null ? 2 : 4 + (n.hop ?? 1)
      nodeItem(n, nameSize.get(n)!, rank, this)
    })
    mores.each(function (n) {
      if (!shown(n)) return this.classList.add('hidden')
      nodeItem(n, moreSize.get(n)!, n.focus ? 3 : 5 + (n.hop ?? 1), this)
    })
    // a pattern edge between an account of few pattern edges and one of many (a fan's branch and
    // its hub): its label is tried beside the branch's account first, where the edges are apart
    const degree = new Map<SimNode, number>()
    for (const l of links)
      if (l.in_pattern && shown(l))
        for (const n of [l.source, l.target]) degree.set(n, (degree.get(n) ?? 0) + 1)
    const endOf = (l: SimLink): LabelEnd => {
      if (!l.in_pattern) return 'middle'
      const s = degree.get(l.source) ?? 0
      const t = degree.get(l.target) ?? 0
      return s * FAN <= t ? 'source' : t * FAN <= s ? 'target' : 'middle'
    }
    edgeLabels.each(function (l) {
      if (!shown(l)) return this.classList.add('hidden')
      const m = edgeSize.get(l)!
      const set = (el: SVGTextElement) => (b: Box | null) => {
        el.classList.toggle('hidden', !b)
        if (b) el.setAttribute('x', String(b.x - m.dx))
        if (b) el.setAttribute('y', String(b.y - m.dy))
      }
      items.push({
        rank: l.in_pattern ? 1 + (l.order ?? 0) / 1e6 : 20,
        req: { w: m.w, h: m.h, candidates: edgeLabelSpots(l, m.w, m.h, endOf(l)) },
        set: set(this),
      })
    })
    // stable: equal ranks keep the data's order
    const ordered = items
      .map((it, i) => ({ it, i }))
      .sort((a, b) => a.it.rank - b.it.rank || a.i - b.i)
    const boxes = placeLabels(
      ordered.map(({ it }) => it.req),
      obstacles,
      lines,
    )
    ordered.forEach(({ it }, i) => it.set(boxes[i]))
    return boxes
  }

  let drawn: Array<Box | null> = []
  /** Frames the drawing: the viewBox covers the nodes and the labels shown, zoomed in at most 1.6×. */
  const fit = () => {
    const shown = nodes.filter((n) => showContext || !n.ctx)
    if (!shown.length) return
    let x0 = Infinity
    let x1 = -Infinity
    let y0 = Infinity
    let y1 = -Infinity
    const cover = (a: number, b: number, c: number, d: number) => {
      x0 = Math.min(x0, a)
      y0 = Math.min(y0, b)
      x1 = Math.max(x1, c)
      y1 = Math.max(y1, d)
    }
    for (const n of shown) cover(n.x! - n.r - 20, n.y! - n.r - 20, n.x! + n.r + 20, n.y! + n.r + 20)
    for (const b of drawn) if (b) cover(b.x - 4, b.y - 4, b.x + b.w + 4, b.y + b.h + 4)
    const scale = Math.min(1.6, width / (x1 - x0), height / (y1 - y0))
    const w = width / scale
    const hgt = height / scale
    svg.attr('viewBox', `${(x0 + x1) / 2 - w / 2} ${(y0 + y1) / 2 - hgt / 2} ${w} ${hgt}`)
  }
  const place = () => {
    edgeSel.attr('d', edgePath)
    nodeSel.attr('transform', (n) => `translate(${n.x ?? 0},${n.y ?? 0})`)
  }
  place()
  drawn = relabel()
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
        drawn = relabel()
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
      drawn = relabel()
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
