// Which files to ingest and in which format: directories expand to every file with a known
// extension inside (recursively, sorted); the format comes from --format or the extension.
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { InputFormat } from '../schema/transfer.ts'
import { BadInputError, UnreadableFileError } from '../util/errors.ts'
import { pushAll } from '../util/array.ts'

const EXTENSIONS: Array<[RegExp, InputFormat]> = [
  [/\.(csv|tsv|txt)$/i, 'csv'],
  [/\.parquet$/i, 'parquet'],
  [/\.(arrow|arrows|ipc|feather)$/i, 'arrow'],
  [/\.(jsonl|ndjson)$/i, 'jsonl'],
  [/\.xml$/i, 'pacs008'],
]

export function formatOf(path: string): InputFormat | undefined {
  return EXTENSIONS.find(([re]) => re.test(path))?.[1]
}

export interface InputFile {
  path: string
  format: InputFormat
}

function walk(dir: string): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  )) {
    if (e.name.startsWith('.')) continue
    const p = join(dir, e.name)
    if (e.isDirectory()) pushAll(out, walk(p))
    else if (e.isFile() && formatOf(p)) out.push(p)
  }
  return out
}

/**
 * Expands the arguments. A missing path is an UnreadableFileError entry (the others still land);
 * a file whose format cannot be told is one too.
 */
export function expandPaths(
  paths: string[],
  format?: InputFormat,
): Array<InputFile | { path: string; error: BadInputError }> {
  const out: Array<InputFile | { path: string; error: BadInputError }> = []
  for (const p of paths) {
    let st
    try {
      st = statSync(p)
    } catch {
      out.push({
        path: p,
        error: new UnreadableFileError(`${p}: no such file or directory`, { file: p }),
      })
      continue
    }
    const files = st.isDirectory() ? walk(p) : [p]
    for (const f of files) {
      const fmt = format ?? formatOf(f)
      if (!fmt)
        out.push({
          path: f,
          error: new UnreadableFileError(
            `${f}: cannot tell the format from the extension; pass --format csv|parquet|arrow|jsonl|pacs008`,
            { file: f },
          ),
        })
      else out.push({ path: f, format: fmt })
    }
  }
  return out
}
