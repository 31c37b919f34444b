// The network view's edge geometry: straight lines, or quadratic curves for parallel edges of one
// pair of accounts (one lane each); points and directions along them for edge labels.
import { crosses, type Segment } from './labels.ts'

export interface Ends {
  source: { x?: number; y?: number }
  /** r: the target's radius, where the arrow's tip stops. */
  target: { x?: number; y?: number; r?: number }
  /** Offset index among parallel edges of the same pair, and their number. */
  lane: number
  lanes: number
}

/** The curve's control point, or null for a straight edge. */
function control(l: Ends): [number, number] | null {
  if (l.lanes === 1 && l.lane === 0) return null
  const { x: x1 = 0, y: y1 = 0 } = l.source
  const { x: x2 = 0, y: y2 = 0 } = l.target
  const dx = x2 - x1
  const dy = y2 - y1
  const dist = Math.hypot(dx, dy) || 1
  const bend = (l.lane - (l.lanes - 1) / 2 + 0.5) * 28
  return [(x1 + x2) / 2 - (dy / dist) * bend, (y1 + y2) / 2 + (dx / dist) * bend]
}

/** The edge's path, ending at the target's circle (where the arrow's tip goes). */
export function edgePath(l: Ends): string {
  const { x: x1 = 0, y: y1 = 0 } = l.source
  const { x: x2 = 0, y: y2 = 0, r = 0 } = l.target
  const c = control(l)
  // back from the target's centre along the direction the edge arrives in
  const [fx, fy] = c ?? [x1, y1]
  const d = Math.hypot(x2 - fx, y2 - fy) || 1
  const ex = x2 - ((x2 - fx) / d) * (r + 1.5)
  const ey = y2 - ((y2 - fy) / d) * (r + 1.5)
  return c ? `M${x1},${y1}Q${c[0]},${c[1]} ${ex},${ey}` : `M${x1},${y1}L${ex},${ey}`
}

/** The point at t (0 = source, 1 = target) and the unit direction of the edge there. */
export function pointAt(l: Ends, t: number): { x: number; y: number; dx: number; dy: number } {
  const { x: x1 = 0, y: y1 = 0 } = l.source
  const { x: x2 = 0, y: y2 = 0 } = l.target
  const c = control(l)
  let x: number, y: number, dx: number, dy: number
  if (!c) {
    x = x1 + (x2 - x1) * t
    y = y1 + (y2 - y1) * t
    dx = x2 - x1
    dy = y2 - y1
  } else {
    const u = 1 - t
    x = u * u * x1 + 2 * u * t * c[0] + t * t * x2
    y = u * u * y1 + 2 * u * t * c[1] + t * t * y2
    dx = 2 * u * (c[0] - x1) + 2 * t * (x2 - c[0])
    dy = 2 * u * (c[1] - y1) + 2 * t * (y2 - c[1])
  }
  const d = Math.hypot(dx, dy) || 1
  return { x, y, dx: dx / d, dy: dy / d }
}

/** The edge as line segments (a curve as four). */
export function segments(l: Ends): Segment[] {
  const steps = control(l) ? 4 : 1
  const out: Segment[] = []
  let a = pointAt(l, 0)
  for (let i = 1; i <= steps; i++) {
    const b = pointAt(l, i / steps)
    out.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y })
    a = b
  }
  return out
}

/** Which part of an edge its label is tried at first: where the edge has room. */
export type LabelEnd = 'middle' | 'source' | 'target'

/** Points along the edge (t from the source) tried for its label, best first. */
const ALONG: Record<LabelEnd, number[]> = {
  middle: [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78],
  // many edges meet at the other end (a fan): beside the branch's own account they are apart
  source: [0.12, 0.18, 0.25, 0.32, 0.4, 0.5, 0.6],
  target: [0.88, 0.82, 0.75, 0.68, 0.6, 0.5, 0.4],
}

/**
 * Top-left corners for a w×h label beside the edge, never on it: beside the account at the edge's
 * `end` when that is where the edge has room (level with the account, on the edge's side, where
 * the edge leaves the box's height before it reaches the label), then at points along the edge on
 * either side, far enough along the normal that the box clears the line.
 */
export function edgeLabelSpots(
  l: Ends,
  w: number,
  h: number,
  end: LabelEnd = 'middle',
): Array<{ x: number; y: number }> {
  const out: Array<{ x: number; y: number }> = []
  if (end !== 'middle') {
    const own = segments(l)
    const at = end === 'source' ? l.source : l.target
    const other = end === 'source' ? l.target : l.source
    const { x: ax = 0, y: ay = 0 } = at
    const r = (end === 'source' ? undefined : l.target.r) ?? 11
    const right = (other.x ?? 0) >= ax
    // the target's end holds the arrow's tip: keep clear of it too
    const gap = end === 'source' ? r + 4 : r + 12
    const x = right ? ax + gap : ax - gap - w
    for (const dy of [0, -h / 2 - 1, h / 2 + 1]) {
      const box = { x, y: ay - h / 2 + dy, w, h }
      if (!own.some((s) => crosses(s, box))) out.push({ x: box.x, y: box.y })
    }
  }
  for (const t of ALONG[end]) {
    const p = pointAt(l, t)
    const nx = -p.dy
    const ny = p.dx
    const d = (Math.abs(nx) * w + Math.abs(ny) * h) / 2 + 2
    for (const side of [1, -1])
      out.push({ x: p.x + side * nx * d - w / 2, y: p.y + side * ny * d - h / 2 })
  }
  return out
}

/**
 * Top-left corners for a w×h label beside a circle of radius r at (x, y), best first: the side
 * facing away from the node's edges (`away`, a direction) before the others.
 */
export function nodeLabelSpots(
  x: number,
  y: number,
  r: number,
  w: number,
  h: number,
  away: { x: number; y: number },
): Array<{ x: number; y: number }> {
  const g = 3
  const spots = [
    { x: x + r + g, y: y - h / 2, dx: 1, dy: 0 },
    { x: x - r - g - w, y: y - h / 2, dx: -1, dy: 0 },
    { x: x - w / 2, y: y - r - g - h, dx: 0, dy: -1 },
    { x: x - w / 2, y: y + r + g, dx: 0, dy: 1 },
    { x: x + r * 0.7, y: y - r * 0.7 - h, dx: 0.7, dy: -0.7 },
    { x: x + r * 0.7, y: y + r * 0.7, dx: 0.7, dy: 0.7 },
    { x: x - r * 0.7 - w, y: y - r * 0.7 - h, dx: -0.7, dy: -0.7 },
    { x: x - r * 0.7 - w, y: y + r * 0.7, dx: -0.7, dy: 0.7 },
  ]
  // stable: ties (no edges, or edges all round) keep right, left, above, below
  return spots
    .map((s, i) => ({ s, score: s.dx * away.x + s.dy * away.y, i }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map(({ s }) => ({ x: s.x, y: s.y }))
}
