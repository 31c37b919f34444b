// Exports of a network view: standalone SVG (styles inlined), PNG (rendered through a canvas) and
// FollowTheMoney entities (JSON lines: LegalEntity per account, Payment per edge).
import type { Graph } from '../types.ts'

const EXPORT_STYLE = `
.edge{fill:none;stroke:#8a96a3;stroke-width:1.2;opacity:.7}
.edge.ring{stroke:#c0392b;stroke-width:3;opacity:1}
.edge.goods{stroke:#d68910;stroke-dasharray:5 3}
.edge.future{opacity:.08}
.arrow{fill:#8a96a3}.arrow.ring{fill:#c0392b}.arrow.goods{fill:#d68910}
.node circle{stroke:#fff;stroke-width:1.5}
.node.focus circle{stroke:#111;stroke-width:2.5}
.node.hit circle{stroke:#c0392b;stroke-width:3.5}
text{font:11px system-ui,sans-serif;fill:#1d2733}
.node .country{font-size:8px;font-weight:700;fill:#fff;text-anchor:middle}
.edge-label{font-size:10px;fill:#4a5563}.edge-label.ring{fill:#c0392b;font-weight:700}
.more{fill:#6b7684;font-size:9px}.hit-mark{fill:#c0392b;font-size:13px}
`

export function svgString(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg')
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style')
  style.textContent = EXPORT_STYLE
  copy.insertBefore(style, copy.firstChild)
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect')
  bg.setAttribute('width', '100%')
  bg.setAttribute('height', '100%')
  bg.setAttribute('fill', '#ffffff')
  copy.insertBefore(bg, style.nextSibling)
  return new XMLSerializer().serializeToString(copy)
}

export function svgBlob(svg: SVGSVGElement): Blob {
  return new Blob([svgString(svg)], { type: 'image/svg+xml' })
}

export async function pngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const w = Number(svg.getAttribute('width'))
  const h = Number(svg.getAttribute('height'))
  const url = URL.createObjectURL(svgBlob(svg))
  try {
    const img = new Image()
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve()
      img.onerror = () => reject(new Error('could not render the SVG'))
      img.src = url
    })
    const canvas = document.createElement('canvas')
    canvas.width = w * scale
    canvas.height = h * scale
    const ctx = canvas.getContext('2d')!
    ctx.scale(scale, scale)
    ctx.drawImage(img, 0, 0, w, h)
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'),
    )
  } finally {
    URL.revokeObjectURL(url)
  }
}

/** FollowTheMoney entities of the graph as JSON lines. */
export function ftmLines(graph: Graph): string {
  const id = (acc: string) => `rw-account-${acc}`
  const lines: string[] = []
  for (const n of graph.nodes) {
    const properties: Record<string, string[]> = { name: [n.name ?? n.id], idNumber: [n.id] }
    if (n.country) properties.country = [n.country.toLowerCase()]
    if (n.hit_name) properties.notes = [`watch-list hit: ${n.hit_name}`]
    lines.push(JSON.stringify({ id: id(n.id), schema: 'LegalEntity', properties }))
  }
  for (const e of graph.edges) {
    const properties: Record<string, string[]> = {
      payer: [id(e.source)],
      beneficiary: [id(e.target)],
      amount: [e.amount],
      date: [e.first_ts.slice(0, 10)],
      summary: [`${e.count} transfer(s) ${e.first_ts} – ${e.last_ts}`],
    }
    if (e.currency) properties.currency = [e.currency]
    if (e.goods) properties.purpose = [`controlled goods: ${e.goods}`]
    lines.push(JSON.stringify({ id: `rw-payment-${e.id}`, schema: 'Payment', properties }))
  }
  return lines.join('\n') + '\n'
}
