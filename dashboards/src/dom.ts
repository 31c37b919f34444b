// Small DOM helpers: element builder (text only, never innerHTML with data), formatting.

type Child = Node | string | number | null | undefined | false
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Array<Child | Child[]>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v as EventListener)
    else if (k === 'class') el.className = String(v)
    else if (v === true) el.setAttribute(k, '')
    else el.setAttribute(k, String(v))
  }
  appendAll(el, children)
  return el
}

/** The children (lists flattened, empty ones left out) in a fragment: el.replaceChildren(fragment(…)). */
export function fragment(...children: Array<Child | Child[]>): DocumentFragment {
  return appendAll(document.createDocumentFragment(), children)
}

function appendAll<P extends ParentNode>(el: P, children: Array<Child | Child[]>): P {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue
    el.append(c instanceof Node ? c : document.createTextNode(String(c)))
  }
  return el
}

export function clear(el: Element): void {
  while (el.firstChild) el.firstChild.remove()
}

const amountFmt = new Intl.NumberFormat('en', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
})
export function money(
  amount: string | number | null | undefined,
  currency?: string | null,
): string {
  if (amount === null || amount === undefined) return ''
  const s = amountFmt.format(Number(amount))
  return currency ? `${s} ${currency}` : s
}

export function shortMoney(amount: string | number): string {
  const n = Number(amount)
  if (n >= 1e6) return `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)}M`
  if (n >= 1e3) return `${(n / 1e3).toFixed(n >= 1e4 ? 0 : 1)}k`
  return n.toFixed(0)
}

/** A timestamp as 'YYYY-MM-DD HH:MM' (UTC), with a no-break space: never wrapped mid-value. */
export function when(ts: string | null | undefined): string {
  if (!ts) return ''
  return ts
    .replace(/^(\d{4}-\d{2}-\d{2})[T ]/, '$1\u00a0')
    .replace(/(:\d{2})(\.\d+)?Z$/, '$1')
    .slice(0, 16)
}

export function day(ts: string | null | undefined): string {
  return ts ? ts.slice(0, 10) : ''
}

export function label(s: string): string {
  return s.replace(/_/g, ' ')
}

export function badge(text: string, kind: string): HTMLSpanElement {
  return h('span', { class: `badge ${kind}` }, label(text))
}

export function scoreBar(score: number): HTMLSpanElement {
  const bar = h('span', { class: 'score-bar' }, h('span', { class: 'fill' }))
  const fill = bar.firstElementChild as HTMLElement
  fill.style.width = `${Math.max(0, Math.min(100, score))}%`
  fill.classList.add(score >= 80 ? 'high' : score >= 60 ? 'mid' : 'low')
  // one decimal when it has one: scores are not capped, and 100.4 is not 100
  const num = Number.isInteger(score) ? String(score) : score.toFixed(1)
  return h('span', { class: 'score' }, bar, h('span', { class: 'num' }, num))
}

export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = h('a', { href: url, download: name })
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export function section(title: string, ...children: Array<Child | Child[]>): HTMLElement {
  return h('section', { class: 'panel' }, [h('h2', {}, title), ...children.flat()])
}
