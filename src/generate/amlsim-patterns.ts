// Patterns reconstructed from an AMLSim run whose labels are per account (nodes.csv isFraud), not
// per transfer. AMLSim's cycle typology (IBM/AMLSim src/amlsim/model/aml/CycleTypology.java) passes
// one amount from member to member, at steps that need not follow the ring's order; its normal
// models also pass equal amounts on ("forward") and pay one amount to many ("fan-out"), and
// labelled accounts trade ordinarily with each other too. So a reconstructed pattern is: the
// transfers between two labelled accounts that carry one exact value, connected through shared
// accounts, in which at least one account both receives and sends that value (money passed on).
// It is a cycle when those transfers close a directed loop, else a chain (layering). Fan-ins, whose
// originators each send their own random amounts (FanInTypology.java), are not reconstructed:
// eval scores them per account only. Pure: arrays in, index lists out.

export interface Reconstructed {
  typology: 'cycle' | 'layering'
  /** Indexes of the transfers, in input order. */
  tx: number[]
  /** Account indexes in order of first appearance. */
  accounts: number[]
  /** The value passed on, in cents. */
  cents: number
}

export interface TransferArrays {
  src: Int32Array
  dst: Int32Array
  cents: Float64Array
  step: Int32Array
  /** 1 for a labelled account, by account index. */
  labelled: Uint8Array
}

function find(parent: Map<number, number>, a: number): number {
  let r = a
  while (parent.get(r) !== r) r = parent.get(r)!
  while (parent.get(a) !== r) {
    const next = parent.get(a)!
    parent.set(a, r)
    a = next
  }
  return r
}

/** True when the directed edges (pairs) contain a loop: iterative three-colour DFS. */
export function hasDirectedCycle(edges: Array<[number, number]>): boolean {
  const out = new Map<number, number[]>()
  for (const [a, b] of edges) {
    const list = out.get(a)
    if (list) list.push(b)
    else out.set(a, [b])
  }
  const colour = new Map<number, number>() // 1 on the stack, 2 done
  for (const start of out.keys()) {
    if (colour.get(start)) continue
    const stack: Array<[number, number]> = [[start, 0]]
    colour.set(start, 1)
    while (stack.length) {
      const top = stack[stack.length - 1]
      const next = out.get(top[0]) ?? []
      if (top[1] < next.length) {
        const n = next[top[1]++]
        const c = colour.get(n)
        if (c === 1) return true
        if (!c) {
          colour.set(n, 1)
          stack.push([n, 0])
        }
      } else {
        colour.set(top[0], 2)
        stack.pop()
      }
    }
  }
  return false
}

export function reconstructPatterns(t: TransferArrays): Reconstructed[] {
  const cand: number[] = []
  for (let i = 0; i < t.src.length; i++)
    if (t.src[i] !== t.dst[i] && t.labelled[t.src[i]] && t.labelled[t.dst[i]]) cand.push(i)
  cand.sort((a, b) => t.cents[a] - t.cents[b] || a - b)
  const out: Reconstructed[] = []
  for (let g = 0; g < cand.length;) {
    let e = g
    while (e < cand.length && t.cents[cand[e]] === t.cents[cand[g]]) e++
    const parent = new Map<number, number>()
    for (let k = g; k < e; k++) {
      const i = cand[k]
      for (const a of [t.src[i], t.dst[i]]) if (!parent.has(a)) parent.set(a, a)
      const [ra, rb] = [find(parent, t.src[i]), find(parent, t.dst[i])]
      if (ra !== rb) parent.set(ra, rb)
    }
    const comps = new Map<number, number[]>()
    for (let k = g; k < e; k++) {
      const i = cand[k]
      const r = find(parent, t.src[i])
      const list = comps.get(r)
      if (list) list.push(i)
      else comps.set(r, [i])
    }
    for (const txs of comps.values()) {
      const sends = new Set<number>()
      const gets = new Set<number>()
      for (const i of txs) {
        sends.add(t.src[i])
        gets.add(t.dst[i])
      }
      let passes = false
      for (const a of gets) if (sends.has(a)) passes = true
      if (!passes) continue
      txs.sort((a, b) => a - b)
      const accounts: number[] = []
      const seen = new Set<number>()
      const pairs = new Set<string>()
      const edges: Array<[number, number]> = []
      for (const i of txs) {
        for (const a of [t.src[i], t.dst[i]])
          if (!seen.has(a)) {
            seen.add(a)
            accounts.push(a)
          }
        const key = `${t.src[i]}>${t.dst[i]}`
        if (!pairs.has(key)) {
          pairs.add(key)
          edges.push([t.src[i], t.dst[i]])
        }
      }
      out.push({
        typology: hasDirectedCycle(edges) ? 'cycle' : 'layering',
        tx: txs,
        accounts,
        cents: t.cents[txs[0]],
      })
    }
    g = e
  }
  // Stable order: by first step, then first transfer.
  const firstStep = (r: Reconstructed) => {
    let m = Infinity
    for (const i of r.tx) if (t.step[i] < m) m = t.step[i]
    return m
  }
  return out
    .map((r) => ({ r, s: firstStep(r) }))
    .sort((a, b) => a.s - b.s || a.r.tx[0] - b.r.tx[0])
    .map((x) => x.r)
}
