// Regenerates the committed sample week (samples/days, samples/truth.json, samples/lists/watchlist.csv):
//   node bin/run-ts src/generate/make-samples.ts
// which is `ringwatch generate --out samples/days --seed 2026 --days 7 --per-day 4000
// --start 2026-11-16` followed by moving truth.json and watchlist.csv out of the day folder.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { generate } from './index.ts'

export const SAMPLE_OPTIONS = { seed: 2026, days: 7, perDay: 4000, start: '2026-11-16' } as const

export async function makeSamples(root = 'samples'): Promise<void> {
  const days = join(root, 'days')
  if (existsSync(days))
    for (const f of readdirSync(days)) if (/^\d{4}-\d{2}-\d{2}\./.test(f)) rmSync(join(days, f))
  await generate({ out: days, ...SAMPLE_OPTIONS })
  mkdirSync(join(root, 'lists'), { recursive: true })
  renameSync(join(days, 'truth.json'), join(root, 'truth.json'))
  renameSync(join(days, 'watchlist.csv'), join(root, 'lists', 'watchlist.csv'))
}

if (process.argv[1]?.endsWith('make-samples.ts')) await makeSamples()
