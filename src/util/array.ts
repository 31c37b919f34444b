// Array helpers with no size limit. Spreading a collection into call arguments (`push(...xs)`,
// `Math.max(...xs)`) puts every item on the stack and throws a RangeError past about 100 k items;
// these loop instead (the lint rule no-restricted-syntax keeps the spreads out).

/** The largest value (of f(x) for each item): what Math.max(...values) gives, -Infinity when empty. */
export function maxOf(items: Iterable<number>): number
export function maxOf<T>(items: Iterable<T>, f: (x: T) => number): number
export function maxOf<T>(items: Iterable<T>, f?: (x: T) => number): number {
  let m = -Infinity
  for (const x of items) m = Math.max(m, f ? f(x) : (x as number))
  return m
}

/** The smallest value (of f(x) for each item): what Math.min(...values) gives, Infinity when empty. */
export function minOf(items: Iterable<number>): number
export function minOf<T>(items: Iterable<T>, f: (x: T) => number): number
export function minOf<T>(items: Iterable<T>, f?: (x: T) => number): number {
  let m = Infinity
  for (const x of items) m = Math.min(m, f ? f(x) : (x as number))
  return m
}

/** Appends every item to target (target.push(...items) without the size limit); returns target. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const x of items) target.push(x)
  return target
}
