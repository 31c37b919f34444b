// Label placement for the network view: each label tries its candidate positions in order of
// preference and takes the first that overlaps no label placed before it and no account's circle,
// preferring positions that cross no edge; a label with no free position is left out (its text stays
// in the hover title). Labels are placed by priority (the pattern's first), so what matters most is
// always shown. A uniform grid keeps each test local (`npm run bench:layout`: the labels of a
// 2,000-account view place in tens of milliseconds).

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

export interface Segment {
  x1: number
  y1: number
  x2: number
  y2: number
}

export interface LabelRequest {
  w: number
  h: number
  /** Top-left corners to try, best first. */
  candidates: Array<{ x: number; y: number }>
}

/** Gap kept between two labels and between a label and a circle. */
const GAP = 1

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.w + GAP && b.x < a.x + a.w + GAP && a.y < b.y + b.h + GAP && b.y < a.y + a.h + GAP

/** Whether segment s crosses box b (Liang–Barsky clipping). */
export function crosses(s: Segment, b: Box): boolean {
  const dx = s.x2 - s.x1
  const dy = s.y2 - s.y1
  let t0 = 0
  let t1 = 1
  const clip = (p: number, q: number) => {
    if (p === 0) return q >= 0
    const r = q / p
    if (p < 0) {
      if (r > t1) return false
      if (r > t0) t0 = r
    } else {
      if (r < t0) return false
      if (r < t1) t1 = r
    }
    return true
  }
  return (
    clip(-dx, s.x1 - b.x) &&
    clip(dx, b.x + b.w - s.x1) &&
    clip(-dy, s.y1 - b.y) &&
    clip(dy, b.y + b.h - s.y1)
  )
}

/** A uniform grid of items by the cells their bounding box covers. */
class Grid<T> {
  private cells = new Map<number, T[]>()
  constructor(private readonly size: number) {}

  private each(b: Box, f: (cell: number) => boolean | void): boolean {
    const s = this.size
    const x1 = Math.floor((b.x + b.w) / s)
    const y1 = Math.floor((b.y + b.h) / s)
    for (let x = Math.floor(b.x / s); x <= x1; x++)
      for (let y = Math.floor(b.y / s); y <= y1; y++) if (f(x * 1_000_003 + y)) return true
    return false
  }

  add(b: Box, item: T): void {
    this.each(b, (k) => {
      const c = this.cells.get(k)
      if (c) c.push(item)
      else this.cells.set(k, [item])
    })
  }

  /** Whether `test` holds for an item in a cell that `b` covers (an item may be seen twice). */
  some(b: Box, test: (item: T) => boolean): boolean {
    return this.each(b, (k) => {
      const c = this.cells.get(k)
      if (c) for (const item of c) if (test(item)) return true
      return false
    })
  }
}

const bounds = (s: Segment): Box => ({
  x: Math.min(s.x1, s.x2),
  y: Math.min(s.y1, s.y2),
  w: Math.abs(s.x2 - s.x1),
  h: Math.abs(s.y2 - s.y1),
})

/**
 * Places the labels in the order given (highest priority first) among fixed obstacles (the
 * accounts' circles) and edges (crossing one is allowed only when every free position does); returns
 * each label's box, or null when it has no free position.
 */
export function placeLabels(
  labels: LabelRequest[],
  obstacles: Box[],
  edges: Segment[],
  cell = 48,
): Array<Box | null> {
  const solid = new Grid<Box>(cell)
  for (const o of obstacles) solid.add(o, o)
  const lines = new Grid<number>(cell)
  // a long edge would fill many cells: only edges that fit in a few are kept for the preference
  edges.forEach((s, i) => {
    const b = bounds(s)
    if ((b.w / cell + 1) * (b.h / cell + 1) <= 64) lines.add(b, i)
  })
  // the last candidate that counted each edge: an edge in several cells is counted once
  const seen = new Int32Array(edges.length).fill(-1)
  let stamp = 0
  return labels.map((l) => {
    let best: Box | null = null
    let bestCrossings = Infinity
    for (const c of l.candidates) {
      const box = { x: c.x, y: c.y, w: l.w, h: l.h }
      if (solid.some(box, (o) => overlaps(box, o))) continue
      const id = stamp++
      let n = 0
      lines.some(box, (i) => {
        if (seen[i] === id) return false
        seen[i] = id
        if (crosses(edges[i], box)) n++
        return n >= bestCrossings
      })
      if (n < bestCrossings) {
        best = box
        bestCrossings = n
        if (n === 0) break
      }
    }
    if (best) solid.add(best, best)
    return best
  })
}
