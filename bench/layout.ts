// Benchmark: the network view's layouts and label placement outside the browser (no DOM), in the
// same run: dagre's layered layout (alert patterns) against the bounded force layout (the explorer)
// on the same graphs — a 16-branch fan-in, a 3-layer stack of 4, and stars of 1 + k + k² accounts
// up to about 2,000 (the explorer's 2-hop view) — and the label placement of every account's label.
// Prints each run and the medians. Usage: npm run bench:layout -- [--runs 5]
// Run it under `flock /tmp/ringwatch-bench.lock`.
import {
  layout,
  type LayoutKind,
  type LayoutLink,
  type LayoutNode,
} from '../dashboards/src/views/network-layout.ts'
import { placeLabels, type LabelRequest } from '../dashboards/src/views/labels.ts'
import { nodeLabelSpots } from '../dashboards/src/views/network-geometry.ts'

const args = process.argv.slice(2)
const runs = Number(args[args.indexOf('--runs') + 1] || 5) || 5

type Shape = { name: string; nodes: string[]; edges: Array<[string, string]> }

function star(k: number): Shape {
  const nodes = ['c']
  const edges: Array<[string, string]> = []
  for (let a = 0; a < k; a++) {
    nodes.push(`a${a}`)
    edges.push(['c', `a${a}`])
    for (let b = 0; b < k; b++) {
      nodes.push(`a${a}b${b}`)
      edges.push([`a${a}`, `a${a}b${b}`])
    }
  }
  return { name: `star of ${nodes.length}`, nodes, edges }
}

function fanIn(n: number): Shape {
  const nodes = ['sink']
  const edges: Array<[string, string]> = []
  for (let i = 0; i < n; i++) {
    nodes.push(`s${i}`)
    edges.push([`s${i}`, 'sink'])
  }
  return { name: `${n}-branch fan-in`, nodes, edges }
}

function stack(layers: number, width: number): Shape {
  const id = (l: number, i: number) => `l${l}n${i}`
  const nodes: string[] = []
  const edges: Array<[string, string]> = []
  for (let l = 0; l < layers; l++) for (let i = 0; i < width; i++) nodes.push(id(l, i))
  for (let l = 0; l + 1 < layers; l++)
    for (let i = 0; i < width; i++)
      for (let j = 0; j < width; j++) edges.push([id(l, i), id(l + 1, j)])
  return { name: `${layers}-layer stack of ${width}`, nodes, edges }
}

function build(s: Shape): { nodes: LayoutNode[]; links: LayoutLink[] } {
  const nodes: LayoutNode[] = s.nodes.map((id) => ({ id, focus: true }))
  const by = new Map(nodes.map((n) => [n.id, n]))
  const links = s.edges.map(([a, b], i) => ({
    source: by.get(a)!,
    target: by.get(b)!,
    in_pattern: true,
    order: i + 1,
  }))
  return { nodes, links }
}

const time = (f: () => void) => {
  const t = performance.now()
  f()
  return performance.now() - t
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const shapes = [fanIn(16), stack(3, 4), star(14), star(30), star(44)]
console.log(`layouts and label placement, ${runs} runs each (ms); the layouts alternate per run`)
for (const s of shapes) {
  const t: Record<LayoutKind | 'labels', number[]> = {
    layered: [],
    force: [],
    circle: [],
    labels: [],
  }
  for (let r = 0; r < runs; r++)
    for (const kind of ['layered', 'force'] as const) {
      const { nodes, links } = build(s)
      t[kind].push(time(() => layout(kind, nodes, links)))
      if (kind !== 'force') continue
      // one 11 px line of about 12 characters beside each account, as the explorer draws them
      const reqs: LabelRequest[] = nodes.map((n) => ({
        w: 70,
        h: 13,
        candidates: nodeLabelSpots(n.x!, n.y!, 5, 70, 13, { x: 0, y: 0 }),
      }))
      const obstacles = nodes.map((n) => ({ x: n.x! - 5, y: n.y! - 5, w: 10, h: 10 }))
      const segs = links.map((l) => ({
        x1: l.source.x!,
        y1: l.source.y!,
        x2: l.target.x!,
        y2: l.target.y!,
      }))
      let shown = 0
      t.labels.push(time(() => (shown = placeLabels(reqs, obstacles, segs).filter(Boolean).length)))
      if (r === runs - 1)
        console.log(`  ${s.name}: ${shown} of ${nodes.length} labels placed (force layout)`)
    }
  console.log(
    `${s.name} (${s.edges.length} edges): layered (dagre) ${median(t.layered).toFixed(1)} · force ${median(t.force).toFixed(1)} · labels ${median(t.labels).toFixed(1)}` +
      `   [layered ${t.layered.map((x) => x.toFixed(0)).join(', ')}; force ${t.force.map((x) => x.toFixed(0)).join(', ')}]`,
  )
}
