// Where the network view puts its accounts, by the shape of what it shows: a circle in hop order for
// a ring (cycle), layers left to right for flows (chains, stacks, scatter/gather, bipartite, fans:
// dagre's layered layout, which orders each layer to cut crossings), force only for free
// exploration. The one-hop context of an alert's pattern is placed around its fixed accounts by a
// short force simulation. Positions are written into the nodes (x, y).
import * as d3 from 'd3'
import dagre from '@dagrejs/dagre'

export type LayoutKind = 'layered' | 'circle' | 'force'

/** The layout for an alert's typology; no typology (the explorer): force. */
export function layoutFor(typology: string | undefined): LayoutKind {
  if (typology === undefined) return 'force'
  return typology === 'cycle' ? 'circle' : 'layered'
}

export interface LayoutNode extends d3.SimulationNodeDatum {
  id: string
  /** In the alert's pattern (laid out by shape); the others are context placed around them. */
  focus: boolean
}
export interface LayoutLink {
  source: LayoutNode
  target: LayoutNode
  in_pattern: boolean
  order: number | null
}

/** Vertical room per account in a layer: a circle and a line of label beside it. */
const ROW = 30
/** Horizontal room between layers: an edge label ("#12 · 100k EUR ⚙") between them. */
const RANK_GAP = 190
/** Layers that fit the alert page's view at RANK_GAP; more are drawn closer, down to MIN_RANK_GAP. */
const WIDE_RANKS = 5
const MIN_RANK_GAP = 110
/** Room per account on a ring's circumference (a label beside each). */
const ARC = 110

/** Layers left to right through dagre, pattern accounts and edges only. */
function layered(pattern: LayoutNode[], links: LayoutLink[]): void {
  const run = (ranksep: number) => {
    const g = new dagre.graphlib.Graph({ multigraph: true })
    g.setGraph({ rankdir: 'LR', nodesep: ROW - 18, ranksep, marginx: 0, marginy: 0 })
    g.setDefaultEdgeLabel(() => ({}))
    for (const n of pattern) g.setNode(n.id, { width: 18, height: 18 })
    links
      .filter((l) => l.in_pattern)
      .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
      .forEach((l, i) => g.setEdge(l.source.id, l.target.id, {}, `e${i}`))
    dagre.layout(g)
    for (const n of pattern) {
      const p = g.node(n.id)
      n.x = p.x
      n.y = p.y
    }
  }
  run(RANK_GAP)
  // a long chain: layers closer together (down to room for a short edge label) to stay legible
  const ranks = new Set(pattern.map((n) => Math.round(n.x!))).size
  if (ranks > WIDE_RANKS) run(Math.max(MIN_RANK_GAP, (RANK_GAP * WIDE_RANKS) / ranks))
}

/** The pattern's accounts on a circle in hop order (a ring drawn as a ring), first at the top. */
function circle(pattern: LayoutNode[], links: LayoutLink[]): void {
  const order: string[] = []
  for (const l of links.filter((x) => x.order !== null).sort((a, b) => a.order! - b.order!))
    for (const id of [l.source.id, l.target.id]) if (!order.includes(id)) order.push(id)
  for (const n of pattern) if (!order.includes(n.id)) order.push(n.id)
  const byId = new Map(pattern.map((n) => [n.id, n]))
  const r = Math.max(110, (order.length * ARC) / (2 * Math.PI))
  order.forEach((id, i) => {
    const n = byId.get(id)!
    const a = (2 * Math.PI * i) / order.length - Math.PI / 2
    n.x = r * Math.cos(a)
    n.y = r * Math.sin(a)
  })
}

/**
 * Context accounts around the fixed pattern: each starts beside the pattern account it deals with
 * (left of it when it pays, right when it is paid, outward from the centre on a circle), then a
 * short simulation pushes them apart.
 */
function around(nodes: LayoutNode[], links: LayoutLink[], radial: boolean): void {
  const context = nodes.filter((n) => !n.focus)
  if (!context.length) return
  const pattern = nodes.filter((n) => n.focus)
  const cx = d3.mean(pattern, (n) => n.x) ?? 0
  const cy = d3.mean(pattern, (n) => n.y) ?? 0
  const seen = new Map<string, number>()
  for (const n of context) {
    const l = links.find(
      (x) => (x.source === n && x.target.focus) || (x.target === n && x.source.focus),
    )
    const anchor = l ? (l.source === n ? l.target : l.source) : pattern[0]
    const k = seen.get(anchor.id) ?? 0
    seen.set(anchor.id, k + 1)
    const ax = anchor?.x ?? cx
    const ay = anchor?.y ?? cy
    if (radial) {
      const a = Math.atan2(ay - cy, ax - cx) + (k - 2) * 0.35
      n.x = ax + 120 * Math.cos(a)
      n.y = ay + 120 * Math.sin(a)
    } else {
      const side = l && l.source === n ? -1 : 1
      n.x = ax + side * 150
      n.y = ay + (k - 2) * ROW
    }
  }
  for (const n of pattern) {
    n.fx = n.x
    n.fy = n.y
  }
  const sim = d3
    .forceSimulation<LayoutNode>(nodes)
    .force('link', d3.forceLink<LayoutNode, LayoutLink>(links).distance(130).strength(0.3))
    .force('charge', d3.forceManyBody<LayoutNode>().strength(-160).distanceMax(300))
    .force('collide', d3.forceCollide<LayoutNode>(22))
    .stop()
  for (let i = 0; i < 200; i++) sim.tick()
  for (const n of pattern) {
    n.fx = null
    n.fy = null
  }
}

/** Free exploration: a force layout computed off-screen in a bounded number of ticks. */
function force(nodes: LayoutNode[], links: LayoutLink[], kept: boolean): void {
  const large = nodes.length > 300
  const sim = d3
    .forceSimulation<LayoutNode>(nodes)
    .force('link', d3.forceLink<LayoutNode, LayoutLink>(links).distance(large ? 30 : 110))
    .force(
      'charge',
      d3
        .forceManyBody<LayoutNode>()
        .strength(large ? -30 : -420)
        .distanceMax(large ? 200 : 700)
        .theta(0.9),
    )
    .force('center', d3.forceCenter(0, 0))
    .force('collide', d3.forceCollide<LayoutNode>(large ? 6 : 26))
    .stop()
  if (kept) sim.alpha(0.5)
  // no per-tick DOM work, so 2,000 nodes stay responsive and nothing moves under the pointer
  const ticks = large ? Math.max(40, Math.min(300, Math.ceil(60000 / nodes.length))) : 300
  for (let i = 0; i < ticks; i++) sim.tick()
}

/**
 * Lays the nodes out by `kind`. With `kept` (positions from an earlier render: an expansion in the
 * explorer), the force layout starts from them.
 */
export function layout(
  kind: LayoutKind,
  nodes: LayoutNode[],
  links: LayoutLink[],
  kept = false,
): void {
  if (kind === 'force') return force(nodes, links, kept)
  const pattern = nodes.filter((n) => n.focus)
  if (kind === 'circle') circle(pattern, links)
  else layered(pattern, links)
  around(nodes, links, kind === 'circle')
}
