// The one typed configuration object, read once at start: defaults, overlaid by a JSON file
// (--config F, else ./ringwatch.config.json when present). Versioned by the hash of its canonical JSON.
import { existsSync, readFileSync } from 'node:fs'
import { z } from 'zod'
import { IngestConfig } from '../ingest/config.ts'
import { DetectConfig } from '../detect/config.ts'
import { ScreenConfig } from '../screen/config.ts'
import { AlertsConfig, ScoreConfig } from '../score/config.ts'
import { AuditConfig, CasesConfig } from '../cases/config.ts'
import { FxConfig } from '../screen/fx-config.ts'
import { BatchConfig } from '../server/jobs/config.ts'
import { ScanConfig } from '../pipeline/config.ts'
import { BadInputError } from '../util/errors.ts'
import { canonicalJson, sha256 } from '../util/hash.ts'

export const Config = z.strictObject({
  ingest: IngestConfig.prefault({}),
  detect: DetectConfig.prefault({}),
  screen: ScreenConfig.prefault({}),
  score: ScoreConfig.prefault({}),
  alerts: AlertsConfig.prefault({}),
  cases: CasesConfig.prefault({}),
  fx: FxConfig.prefault({}),
  audit: AuditConfig.prefault({}),
  batch: BatchConfig.prefault({}),
  scan: ScanConfig.prefault({}),
})
export type Config = z.infer<typeof Config>

export interface LoadedConfig {
  config: Config
  /** sha256 of the canonical JSON of the whole resolved config (first 16 hex digits). */
  hash: string
  source: string
}

export const DEFAULT_CONFIG_FILE = 'ringwatch.config.json'

export function parseConfig(raw: unknown, source = 'inline'): LoadedConfig {
  const r = Config.safeParse(raw ?? {})
  if (!r.success) {
    const issue = r.error.issues[0]
    // An unknown key names itself: a misspelt setting must never be silently ignored.
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : []
    const field = [...issue.path, ...(keys.length === 1 ? keys : [])].join('.')
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown setting${keys.length > 1 ? 's' : ''} ${keys.map((k) => `'${[...issue.path, k].join('.')}'`).join(', ')}`
        : issue.message
    throw new BadInputError(`${source}: config field ${field || '(top level)'}: ${message}`, {
      file: source,
      field,
    })
  }
  return { config: r.data, hash: sha256(canonicalJson(r.data)).slice(0, 16), source }
}

export function loadConfig(path?: string): LoadedConfig {
  const file = path ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined)
  if (!file) return parseConfig({}, 'defaults')
  if (!existsSync(file)) throw new BadInputError(`config file ${file} not found`, { file })
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    throw new BadInputError(`${file}: not valid JSON: ${(e as Error).message}`, { file })
  }
  return parseConfig(raw, file)
}
