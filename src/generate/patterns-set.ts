// Planted set patterns, as IBM AMLSim (src/amlsim/model/aml/*Typology.java) and AMLworld (Altman et
// al., NeurIPS 2023) define them:
//   scatter_gather — one source splits money over several intermediaries who pass it on to one sink;
//     in AMLworld some intermediaries pay the sink before they are paid themselves;
//   gather_scatter — several sources pay one hub, which pays several destinations;
//   bipartite — a set of sources pays a set of destinations over a sparse, not complete, set of edges;
//   stack — two or three bipartite layers in a row, the middle layers passing the money on;
// (fans and structuring: patterns-fan.ts).
import type { Draft, DraftTx, Kit } from './kit.ts'
import type { Party } from './parties.ts'

const round3 = (x: number) => Number(x.toFixed(3))

/** total split into n random shares (each 0.5–1.5 of an even share). */
export function split(kit: Kit, total: number, n: number): number[] {
  const w = Array.from({ length: n }, () => kit.rng.range(0.5, 1.5))
  const sum = w.reduce((a, b) => a + b, 0)
  return w.map((x) => (total * x) / sum)
}

/** Degree of a set: lo–hi, most often a handful (AMLworld's degree distribution is skewed), the
 *  pattern's own at its stratum (Kit.sized). */
export function degree(kit: Kit, lo = 3, hi = 16): number {
  const items: Array<readonly [number, number]> = []
  for (let d = lo; d <= hi; d++) items.push([d, 1 / d])
  return kit.sized(items)
}

export function scatterGather(kit: Kit): Draft {
  const { rng } = kit
  const m = degree(kit)
  const source = kit.party('source')
  const sink = kit.party('sink')
  const mids: Party[] = Array.from({ length: m }, () => kit.party('middle'))
  const parts = split(kit, kit.value(20_000, 900_000), m)
  const early = rng.chance(0.35)
  const decay = round3(rng.range(0.005, 0.05))
  const spread = kit.span(2)
  const txs: DraftTx[] = []
  let fronted = 0
  mids.forEach((mid, i) => {
    const tIn = Math.round(rng.next() * spread)
    const c1 = kit.currency(source, mid)
    const c2 = kit.currency(mid, sink)
    // An intermediary that fronts the money pays the sink before the source pays it.
    const front = early && rng.chance(0.5)
    if (front) fronted++
    const tOut = front ? Math.max(0, tIn - kit.gap()) : tIn + kit.gap()
    txs.push({ at: tIn, eur: parts[i], currency: c1, debtor: source, creditor: mid })
    txs.push({
      at: tOut,
      eur: kit.passOn(parts[i], c1, c2, decay),
      currency: c2,
      debtor: mid,
      creditor: sink,
    })
  })
  shiftToZero(txs)
  return {
    txs,
    unordered: fronted > 0,
    params: {
      intermediaries: m,
      order: fronted ? 'some_pay_before_paid' : 'time_ordered',
      fronted,
      decay,
    },
  }
}

export function gatherScatter(kit: Kit): Draft {
  const { rng } = kit
  const ns = degree(kit)
  const nd = Math.max(3, Math.min(16, ns + rng.int(-4, 4)))
  const hub = kit.party('middle', 'company')
  const sources = Array.from({ length: ns }, () => kit.party('source'))
  const dests = Array.from({ length: nd }, (_, i) => kit.party(i === 0 ? 'sink' : 'middle'))
  const decay = round3(rng.range(0.01, 0.08))
  const gather = kit.span(2)
  const txs: DraftTx[] = []
  let total = 0
  let last = 0
  let hubCur = ''
  for (const s of sources) {
    const at = Math.round(rng.next() * gather)
    const eur = kit.value(5_000, 200_000)
    const c = kit.currency(s, hub)
    hubCur ||= c
    total += kit.passOn(eur, c, hubCur, 0)
    last = Math.max(last, at)
    txs.push({ at, eur, currency: c, debtor: s, creditor: hub })
  }
  // The hub starts paying out before the last source has paid, or only after all have.
  const interleaved = rng.chance(0.3)
  const parts = split(kit, total * (1 - decay), nd)
  dests.forEach((d, i) => {
    const c = kit.currency(hub, d)
    const at = interleaved ? Math.round(rng.range(0.5, 1.3) * last) + kit.gap() : last + kit.gap()
    txs.push({ at, eur: kit.passOn(parts[i], hubCur, c, 0), currency: c, debtor: hub, creditor: d })
  })
  return {
    txs,
    unordered: interleaved,
    params: {
      sources: ns,
      destinations: nd,
      order: interleaved ? 'interleaved' : 'gather_then_scatter',
      decay,
    },
  }
}

/** Sparse edges between two sets: every member of each side has at least one, density 0.3–0.7. */
function sparseEdges(kit: Kit, a: number, b: number): Array<[number, number]> {
  const { rng } = kit
  const density = rng.range(0.3, 0.7)
  const edges = new Set<string>()
  for (let i = 0; i < a; i++) edges.add(`${i},${rng.int(0, b - 1)}`)
  for (let j = 0; j < b; j++) edges.add(`${rng.int(0, a - 1)},${j}`)
  for (let i = 0; i < a; i++)
    for (let j = 0; j < b; j++) if (rng.chance(density)) edges.add(`${i},${j}`)
  return [...edges]
    .map((e) => e.split(',').map(Number) as [number, number])
    .sort((x, y) => x[0] - y[0] || x[1] - y[1])
}

export function bipartite(kit: Kit): Draft {
  const { rng } = kit
  const ns = rng.int(2, 6)
  const nd = rng.int(2, 6)
  const sources = Array.from({ length: ns }, () => kit.party('source'))
  const dests = Array.from({ length: nd }, (_, i) => kit.party(i === 0 ? 'sink' : 'middle'))
  const edges = sparseEdges(kit, ns, nd)
  const base = kit.value(3_000, 150_000)
  const similar = rng.chance(0.5)
  const span = kit.span(2)
  const txs: DraftTx[] = edges.map(([i, j]) => ({
    at: Math.round(rng.next() * span),
    eur: similar ? base * rng.range(0.9, 1.1) : kit.value(3_000, 150_000),
    currency: kit.currency(sources[i], dests[j]),
    debtor: sources[i],
    creditor: dests[j],
  }))
  return {
    txs,
    unordered: true,
    params: {
      sources: ns,
      destinations: nd,
      edges: edges.length,
      amounts: similar ? 'similar' : 'random',
    },
  }
}

export function stack(kit: Kit): Draft {
  const { rng } = kit
  const nSets = rng.int(3, 4)
  const sets: Party[][] = []
  for (let l = 0; l < nSets; l++) {
    const role = l === 0 ? 'source' : l === nSets - 1 ? 'sink' : 'middle'
    sets.push(
      Array.from({ length: rng.int(2, 5) }, (_, i) =>
        kit.party(role === 'sink' && i > 0 ? 'middle' : role),
      ),
    )
  }
  const decay = round3(rng.range(0.005, 0.05))
  const txs: DraftTx[] = []
  const got = new Map<Party, { eur: number; cur: string; last: number }>()
  let layerStart = 0
  const sizes: number[] = []
  for (let l = 0; l < nSets - 1; l++) {
    const edges = sparseEdges(kit, sets[l].length, sets[l + 1].length)
    sizes.push(edges.length)
    let layerEnd = layerStart
    for (let i = 0; i < sets[l].length; i++) {
      const from = sets[l][i]
      const outs = edges.filter(([a]) => a === i).map(([, b]) => sets[l + 1][b])
      const r = got.get(from)
      const total = r ? r.eur * (1 - decay) : kit.value(10_000, 300_000)
      const parts = split(kit, total, outs.length)
      outs.forEach((to, k) => {
        const c = kit.currency(from, to)
        const at = (r ? r.last : layerStart) + kit.gap()
        const eur = r ? kit.passOn(parts[k], r.cur, c, 0) : parts[k]
        txs.push({ at, eur, currency: c, debtor: from, creditor: to })
        const g = got.get(to) ?? { eur: 0, cur: c, last: 0 }
        g.eur += eur
        g.last = Math.max(g.last, at)
        got.set(to, g)
        layerEnd = Math.max(layerEnd, at)
      })
    }
    layerStart = layerEnd
  }
  return {
    txs,
    unordered: true,
    params: { sets: sets.map((s) => s.length), layer_edges: sizes, decay },
  }
}

/** Drafts start at 0: shifts every time when some came before 0. */
export function shiftToZero(txs: DraftTx[]): void {
  const first = txs.reduce((m, t) => Math.min(m, t.at), Infinity)
  for (const t of txs) t.at -= first
}
