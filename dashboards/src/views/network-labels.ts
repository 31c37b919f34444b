// The network view's labels once drawn: each measured as drawn, then placed (labels.ts) beside its
// account or edge, by priority — the pattern's accounts and hop labels first — never over another
// label or an account; what finds no room is hidden (its text stays in the hover title). And the
// frame: a viewBox covering the accounts and the labels shown.
import * as d3 from 'd3'
import type { GraphEdge, GraphNode } from '../types.ts'
import { placeLabels, type Box, type LabelRequest, type Segment } from './labels.ts'
import { edgeLabelSpots, nodeLabelSpots, segments, type LabelEnd } from './network-geometry.ts'

export type SimNode = GraphNode & d3.SimulationNodeDatum & { ctx: boolean; r: number }
export type SimLink = Omit<GraphEdge, 'source' | 'target'> & {
  source: SimNode
  target: SimNode
  lane: number
  lanes: number
  ctx: boolean
}

/** An account with this many times another's pattern edges is a fan's hub (labels go to the branch). */
const FAN = 3

/** A label's size as drawn, and its offset from its anchor point (text is placed by baseline). */
type Measured = { w: number; h: number; dx: number; dy: number }

/** The drawn labels: accounts' names and "+N more" marks, and edge labels. */
export interface LabelSelections {
  names: d3.Selection<SVGTextElement, SimNode, SVGGElement, unknown>
  mores: d3.Selection<SVGTextElement, SimNode, SVGGElement, unknown>
  edgeLabels: d3.Selection<SVGTextElement, SimLink, SVGGElement, unknown>
}

/** Places the labels of the accounts and edges shown; returns the boxes of those placed. */
export type Relabel = (showContext: boolean) => Array<Box | null>

function sizes<T>(sel: d3.Selection<SVGTextElement, T, SVGGElement, unknown>): Map<T, Measured> {
  const out = new Map<T, Measured>()
  sel.each(function (d) {
    const b = this.getBBox()
    out.set(d, { w: b.width, h: b.height, dx: b.x, dy: b.y })
  })
  return out
}

/** Which side of each account is free: away from the mean direction of its edges shown. */
function awayFromEdges(links: SimLink[], shown: (x: { ctx: boolean }) => boolean) {
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
  return away
}

/**
 * Where a pattern edge's label is tried first: beside the account of few pattern edges when the
 * other has many (a fan's branch and its hub), where the edges are apart; else its middle.
 */
function labelEnds(links: SimLink[], shown: (x: { ctx: boolean }) => boolean) {
  const degree = new Map<SimNode, number>()
  for (const l of links)
    if (l.in_pattern && shown(l))
      for (const n of [l.source, l.target]) degree.set(n, (degree.get(n) ?? 0) + 1)
  return (l: SimLink): LabelEnd => {
    if (!l.in_pattern) return 'middle'
    const s = degree.get(l.source) ?? 0
    const t = degree.get(l.target) ?? 0
    return s * FAN <= t ? 'source' : t * FAN <= s ? 'target' : 'middle'
  }
}

/** What labels must keep clear of: the accounts' circles (and hit marks), and the edges' lines. */
function obstaclesOf(
  nodes: SimNode[],
  links: SimLink[],
  shown: (x: { ctx: boolean }) => boolean,
): { obstacles: Box[]; lines: Segment[] } {
  const obstacles: Box[] = []
  for (const n of nodes) {
    if (!shown(n)) continue
    obstacles.push({ x: n.x! - n.r, y: n.y! - n.r, w: 2 * n.r, h: 2 * n.r })
    if (n.hit_score !== null) obstacles.push({ x: n.x! - 18, y: n.y! - 21, w: 15, h: 16 })
  }
  const lines: Segment[] = []
  for (const l of links) if (shown(l)) for (const s of segments(l)) lines.push(s)
  return { obstacles, lines }
}

/**
 * Measures the drawn labels once and returns the function that places them again (after the
 * layout, a drag, or the context toggled).
 */
export function labeller(nodes: SimNode[], links: SimLink[], sel: LabelSelections): Relabel {
  const nameSize = sizes(sel.names)
  const moreSize = sizes(sel.mores)
  const edgeSize = sizes(sel.edgeLabels)
  return (showContext) => {
    const shown = (x: { ctx: boolean }) => showContext || !x.ctx
    const away = awayFromEdges(links, shown)
    const endOf = labelEnds(links, shown)
    type Item = { rank: number; req: LabelRequest; set: (b: Box | null) => void }
    const items: Item[] = []
    // a label placed at box b: its anchor moved so that its drawn box lands on b
    const setter = (el: SVGTextElement, m: Measured, ox: number, oy: number) => (b: Box | null) => {
      el.classList.toggle('hidden', !b)
      if (b) el.setAttribute('x', String(b.x - ox - m.dx))
      if (b) el.setAttribute('y', String(b.y - oy - m.dy))
    }
    const nodeItem = (n: SimNode, m: Measured, rank: number, el: SVGTextElement) =>
      items.push({
        rank,
        req: {
          w: m.w,
          h: m.h,
          candidates: nodeLabelSpots(n.x!, n.y!, n.r, m.w, m.h, away.get(n) ?? { x: 0, y: 0 }),
        },
        // relative to the node's group
        set: setter(el, m, n.x!, n.y!),
      })
    sel.names.each(function (n) {
      if (!shown(n)) return this.classList.add('hidden')
      const rank = n.focus ? 0 : n.hit_score !== null ? 2 : 4 + (n.hop ?? 1)
      nodeItem(n, nameSize.get(n)!, rank, this)
    })
    sel.mores.each(function (n) {
      if (!shown(n)) return this.classList.add('hidden')
      nodeItem(n, moreSize.get(n)!, n.focus ? 3 : 5 + (n.hop ?? 1), this)
    })
    sel.edgeLabels.each(function (l) {
      if (!shown(l)) return this.classList.add('hidden')
      const m = edgeSize.get(l)!
      items.push({
        rank: l.in_pattern ? 1 + (l.order ?? 0) / 1e6 : 20,
        req: { w: m.w, h: m.h, candidates: edgeLabelSpots(l, m.w, m.h, endOf(l)) },
        set: setter(this, m, 0, 0),
      })
    })
    // stable: equal ranks keep the data's order
    const ordered = items
      .map((it, i) => ({ it, i }))
      .sort((a, b) => a.it.rank - b.it.rank || a.i - b.i)
    const { obstacles, lines } = obstaclesOf(nodes, links, shown)
    const boxes = placeLabels(
      ordered.map(({ it }) => it.req),
      obstacles,
      lines,
    )
    ordered.forEach(({ it }, i) => it.set(boxes[i]))
    return boxes
  }
}

/**
 * The viewBox that frames the accounts shown and the labels placed, zoomed in at most 1.6×; null
 * when nothing is shown.
 */
export function frame(
  nodes: SimNode[],
  drawn: Array<Box | null>,
  showContext: boolean,
  width: number,
  height: number,
): string | null {
  const shown = nodes.filter((n) => showContext || !n.ctx)
  if (!shown.length) return null
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
  return `${(x0 + x1) / 2 - w / 2} ${(y0 + y1) / 2 - hgt / 2} ${w} ${hgt}`
}
