// Graphs as JSON, or as Arrow IPC when the client asks for application/vnd.apache.arrow.stream:
// two IPC streams back to back in one body, the nodes table then the edges table
// (read them with RecordBatchReader.readAll). Amounts stay exact decimal strings.
import type { Context } from 'hono'
import {
  Bool,
  Float64,
  Int32,
  Table,
  Utf8,
  tableToIPC,
  vectorFromArray,
  type DataType,
  type Vector,
} from 'apache-arrow'
import type { Graph } from '../schema/graph.ts'

export const ARROW_STREAM = 'application/vnd.apache.arrow.stream'

function table<R>(rows: R[], cols: Record<string, [DataType, (r: R) => unknown]>): Table {
  const vectors: Record<string, Vector> = {}
  for (const [name, [type, get]] of Object.entries(cols))
    vectors[name] = vectorFromArray(rows.map(get), type)
  return new Table(vectors)
}

export function graphToIpc(g: Graph): Uint8Array {
  const nodes = table(g.nodes, {
    id: [new Utf8(), (n) => n.id],
    name: [new Utf8(), (n) => n.name],
    country: [new Utf8(), (n) => n.country],
    community: [new Int32(), (n) => n.community],
    exposure_hops: [new Int32(), (n) => n.exposure_hops],
    hit_score: [new Float64(), (n) => n.hit_score],
    hit_name: [new Utf8(), (n) => n.hit_name],
    hop: [new Int32(), (n) => n.hop],
    expanded: [new Bool(), (n) => n.expanded],
    more: [new Int32(), (n) => n.more],
    focus: [new Bool(), (n) => n.focus],
  })
  const edges = table(g.edges, {
    id: [new Utf8(), (e) => e.id],
    source: [new Utf8(), (e) => e.source],
    target: [new Utf8(), (e) => e.target],
    count: [new Int32(), (e) => e.count],
    amount: [new Utf8(), (e) => e.amount],
    currency: [new Utf8(), (e) => e.currency],
    first_ts: [new Utf8(), (e) => e.first_ts],
    last_ts: [new Utf8(), (e) => e.last_ts],
    order: [new Int32(), (e) => e.order],
    in_pattern: [new Bool(), (e) => e.in_pattern],
    goods: [new Utf8(), (e) => e.goods],
  })
  const a = tableToIPC(nodes, 'stream')
  const b = tableToIPC(edges, 'stream')
  const out = new Uint8Array(a.length + b.length)
  out.set(a, 0)
  out.set(b, a.length)
  return out
}

export function wantsArrow(c: Context): boolean {
  return (c.req.header('accept') ?? '').toLowerCase().includes(ARROW_STREAM)
}

export function sendGraph(c: Context, g: Graph): Response {
  if (wantsArrow(c)) {
    const body = graphToIpc(g)
    c.header('Content-Type', ARROW_STREAM)
    c.header('X-Graph-Meta', encodeURIComponent(JSON.stringify(g.meta)))
    return c.body(body.buffer as ArrayBuffer)
  }
  return c.json(g)
}
