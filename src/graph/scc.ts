// Strongly connected components of the window graph (Tarjan's algorithm, iterative, on the CSR
// arrays). Every cycle lies inside one component, so cycle search starts only in non-trivial ones.
import type { PaymentGraph } from './types.ts'

export interface Components {
  /** Component id per account. */
  comp: Int32Array
  /** Account count per component id. */
  size: Int32Array
}

export function stronglyConnected(g: PaymentGraph): Components {
  const n = g.nodeCount
  const index = new Int32Array(n).fill(-1)
  const low = new Int32Array(n)
  const comp = new Int32Array(n).fill(-1)
  const stack = new Int32Array(n)
  const onStack = new Uint8Array(n)
  const callNode = new Int32Array(n)
  const callEdge = new Int32Array(n)
  const sizes: number[] = []
  let sp = 0
  let counter = 0
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue
    let depth = 0
    callNode[0] = root
    callEdge[0] = g.outStart[root]
    index[root] = low[root] = counter++
    stack[sp++] = root
    onStack[root] = 1
    while (depth >= 0) {
      const v = callNode[depth]
      const e = callEdge[depth]
      if (e < g.outStart[v + 1]) {
        callEdge[depth] = e + 1
        const w = g.dst[e]
        if (index[w] < 0) {
          index[w] = low[w] = counter++
          stack[sp++] = w
          onStack[w] = 1
          depth++
          callNode[depth] = w
          callEdge[depth] = g.outStart[w]
        } else if (onStack[w] && index[w] < low[v]) low[v] = index[w]
        continue
      }
      if (low[v] === index[v]) {
        const id = sizes.length
        let size = 0
        let w: number
        do {
          w = stack[--sp]
          onStack[w] = 0
          comp[w] = id
          size++
        } while (w !== v)
        sizes.push(size)
      }
      depth--
      if (depth >= 0) {
        const u = callNode[depth]
        if (low[v] < low[u]) low[u] = low[v]
      }
    }
  }
  return { comp, size: Int32Array.from(sizes) }
}
