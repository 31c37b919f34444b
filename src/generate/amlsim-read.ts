// Reads an IBM AMLSim run folder (transactions.csv, nodes.csv, metadata.txt when present) into
// typed arrays; header names case-insensitive, any order; bad input names file, line and field.
import { existsSync, readFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { BadInputError, UnreadableFileError } from '../util/errors.ts'

export interface AmlsimRun {
  dir: string
  name: string
  /** Node ids as given, by account index. */
  nodeIds: string[]
  labelled: Uint8Array
  fraudStep: Int32Array
  src: Int32Array
  dst: Int32Array
  cents: Float64Array
  step: Int32Array
  /** Accounts named in transactions.csv but not in nodes.csv (counted as unlabelled). */
  unknownNodes: number
  metadata: string | null
}

function readLines(file: string): string[] {
  if (!existsSync(file)) throw new UnreadableFileError(`${file}: no such file`, { file })
  const text = readFileSync(file, 'utf8')
  const lines = text.split(/\r?\n/)
  if (lines.length && lines[lines.length - 1] === '') lines.pop()
  return lines
}

function columns(file: string, header: string | undefined, want: string[]): number[] {
  if (header === undefined) throw new UnreadableFileError(`${file}: empty file`, { file })
  const names = header
    .replace(/^\uFEFF/, '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
  return want.map((w) => {
    const i = names.indexOf(w.toLowerCase())
    if (i < 0)
      throw new UnreadableFileError(
        `${file}: line 1: no column ${w} (an AMLSim file needs ${want.join(', ')})`,
        { file, line: 1, field: w },
      )
    return i
  })
}

function bad(file: string, line: number, field: string, msg: string): never {
  throw new BadInputError(`${file}: line ${line}: field ${field}: ${msg}`, { file, line, field })
}

const DECIMAL = /^\d+(\.\d+)?$/
const INTEGER = /^-?\d+$/

/** Reads an AMLSim run folder; bad input names file, line and field. */
export function readAmlsim(dir: string): AmlsimRun {
  const nodesFile = join(dir, 'nodes.csv')
  const txFile = join(dir, 'transactions.csv')
  const nodeLines = readLines(nodesFile)
  const [cId, cFraud, cStep] = columns(nodesFile, nodeLines[0], ['nodeid', 'isFraud', 'fraudStep'])
  const index = new Map<string, number>()
  const nodeIds: string[] = []
  const labelledList: number[] = []
  const stepList: number[] = []
  for (let n = 1; n < nodeLines.length; n++) {
    if (!nodeLines[n].trim()) continue
    const f = nodeLines[n].split(',')
    const id = f[cId]?.trim()
    if (!id) bad(nodesFile, n + 1, 'nodeid', 'missing')
    if (index.has(id)) bad(nodesFile, n + 1, 'nodeid', `node ${id} appears twice`)
    const fraud = f[cFraud]?.trim()
    if (fraud !== '0' && fraud !== '1') bad(nodesFile, n + 1, 'isFraud', `'${fraud}' is not 0 or 1`)
    const fs = f[cStep]?.trim() ?? ''
    if (!INTEGER.test(fs)) bad(nodesFile, n + 1, 'fraudStep', `'${fs}' is not a whole number`)
    index.set(id, nodeIds.length)
    nodeIds.push(id)
    labelledList.push(fraud === '1' ? 1 : 0)
    stepList.push(Number(fs))
  }
  const txLines = readLines(txFile)
  const [cSrc, cDst, cVal, cTime] = columns(txFile, txLines[0], [
    'sourceNodeId',
    'targetNodeId',
    'value',
    'time',
  ])
  const n = txLines.length - 1
  const src = new Int32Array(n)
  const dst = new Int32Array(n)
  const cents = new Float64Array(n)
  const step = new Int32Array(n)
  let unknownNodes = 0
  const node = (id: string | undefined, line: number, field: string): number => {
    if (!id) bad(txFile, line, field, 'missing')
    let i = index.get(id)
    if (i === undefined) {
      i = nodeIds.length
      index.set(id, i)
      nodeIds.push(id)
      labelledList.push(0)
      stepList.push(-1)
      unknownNodes++
    }
    return i
  }
  let rows = 0
  for (let k = 1; k < txLines.length; k++) {
    const line = txLines[k]
    if (!line.trim()) bad(txFile, k + 1, '(line)', 'blank line')
    const f = line.split(',')
    src[rows] = node(f[cSrc]?.trim(), k + 1, 'sourceNodeId')
    dst[rows] = node(f[cDst]?.trim(), k + 1, 'targetNodeId')
    const v = f[cVal]?.trim() ?? ''
    if (!DECIMAL.test(v)) bad(txFile, k + 1, 'value', `'${v}' is not a positive decimal number`)
    const c = Math.round(Number(v) * 100)
    if (c <= 0) bad(txFile, k + 1, 'value', `'${v}' is less than one cent`)
    cents[rows] = c
    const s = f[cTime]?.trim() ?? ''
    if (!/^\d+$/.test(s)) bad(txFile, k + 1, 'time', `'${s}' is not a step number (0, 1, 2, …)`)
    step[rows] = Number(s)
    rows++
  }
  const metaFile = join(dir, 'metadata.txt')
  return {
    dir: resolve(dir),
    name: basename(resolve(dir)),
    nodeIds,
    labelled: Uint8Array.from(labelledList),
    fraudStep: Int32Array.from(stepList),
    src,
    dst,
    cents,
    step,
    unknownNodes,
    metadata: existsSync(metaFile) ? readFileSync(metaFile, 'utf8').trim() : null,
  }
}
