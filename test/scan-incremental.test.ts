// Incremental daily scans (issue 14): day files landed one at a time, each followed by a scan
// that builds on the earlier one, give the alerts a full scan of the same days gives. Equality is
// the scan's kept alerts as a whole (ids, accounts, transfers, scores, reasons, findings: the
// summary's alerts_digest, SHA-256 of their canonical JSON), every count of the summary, and every
// finding of the seedable detectors (alerted or not, every field); the reference is a full scan of
// all the landed days in a fresh database.
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import fc from 'fast-check'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore, type Store } from '../src/store/index.ts'
import { Config } from '../src/config/index.ts'
import { ingestPaths } from '../src/ingest/index.ts'
import { importList } from '../src/screen/index.ts'
import { runScan, type ScanSummary } from '../src/pipeline/index.ts'
import { alertsDigest } from '../src/pipeline/scan-core.ts'
import type { ScoredAlert } from '../src/score/index.ts'
import { generate, type GenerateSummary } from '../src/generate/index.ts'

const config = Config.parse({})
const configHash = 'test-incremental'
const tmp = mkdtempSync(join(tmpdir(), 'rw-incremental-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const sets = new Map<number, GenerateSummary>()
async function days(seed: number): Promise<GenerateSummary> {
  let g = sets.get(seed)
  if (!g) {
    g = await generate({ out: join(tmp, `s${seed}`), seed, days: 6, perDay: 200 })
    sets.set(seed, g)
  }
  return g
}

async function land(store: Store, g: GenerateSummary, files: string[]) {
  const r = await ingestPaths(store, files, { config: config.ingest })
  expect(r.totals.failed).toBe(0)
}

async function fresh(g: GenerateSummary): Promise<Store> {
  const store = await openStore({ path: ':memory:' })
  await importList(store, g.watchlist, { kind: 'sanctions' })
  return store
}

/** What must be equal: the kept alerts (digest) and every figure of the run but its times. */
function result(s: ScanSummary) {
  return {
    window: s.window,
    transfers: s.transfers,
    accounts: s.accounts,
    findings: s.findings,
    truncated: s.truncated,
    scored: s.scored,
    below_threshold: s.below_threshold,
    shape_only: s.shape_only,
    intra_group: s.intra_group,
    budget: s.budget,
    alerts_kept: s.alerts_kept,
    alerts_digest: s.alerts_digest,
  }
}

/** The findings a scan stored for the next one (the seedable detectors'), in key order. */
async function seededFindings(store: Store, runId: string) {
  const rows = await store.all<{ detector: string; seed: string; finding: string }>(
    'pipeline/scan-findings-get',
    { run_id: runId },
  )
  expect(rows.length).toBeGreaterThan(0)
  return rows
    .map((r) => ({ detector: r.detector, seed: r.seed, finding: JSON.parse(r.finding) }))
    .sort((a, b) => (a.finding.key < b.finding.key ? -1 : a.finding.key > b.finding.key ? 1 : 0))
}

let kept = 0
let incremental = 0
let changed = 0

describe('incremental scans', () => {
  beforeAll(async () => {
    await days(11)
  }, 60_000)

  it('day by day, in any landing order, equal a full scan of the same days', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(11, 23, 47),
        fc.integer({ min: 1, max: 2 }),
        fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6, maxLength: 6 }),
        async (seed, firstBatch, order) => {
          const g = await days(seed)
          const files = order.map((i) => g.files[i])
          const inc = await fresh(g)
          const ref = await fresh(g)
          try {
            await land(inc, g, files.slice(0, firstBatch))
            let s = await runScan({ store: inc, config, configHash })
            expect(s.mode).toBe('full')
            let before = s.alerts_digest
            for (const f of files.slice(firstBatch)) {
              await land(inc, g, [f])
              s = await runScan({ store: inc, config, configHash })
              if (s.mode === 'incremental') {
                incremental++
                kept += s.incremental?.kept ?? 0
              } else expect(s.mode_reason).toBeTruthy()
              if (s.alerts_digest !== before) changed++
              before = s.alerts_digest
            }
            await land(ref, g, files)
            const full = await runScan({ store: ref, config, configHash }, { full: true })
            expect(full.mode).toBe('full')
            expect(result(s)).toEqual(result(full))
            // The seedable detectors' findings too, alerted or not, every field.
            expect(await seededFindings(inc, s.run_id)).toEqual(
              await seededFindings(ref, full.run_id),
            )
          } finally {
            inc.close()
            ref.close()
          }
        },
      ),
      { numRuns: 3, seed: 20261202 },
    )
    console.log(
      `incremental scans ${incremental}, earlier findings kept ${kept}, digest moved ${changed}`,
    )
    // The incremental path ran, kept earlier findings, and the alerts did move from day to day.
    expect(incremental).toBeGreaterThan(0)
    expect(kept).toBeGreaterThan(0)
    expect(changed).toBeGreaterThan(0)
  }, 600_000)

  it('falls back to a full scan, saying why, and --full forces one', async () => {
    const g = await days(11)
    const store = await fresh(g)
    try {
      await land(store, g, g.files.slice(0, 4))
      const first = await runScan({ store, config, configHash })
      expect(first.mode_reason).toMatch(/first scan/)
      const again = await runScan({ store, config, configHash })
      // Nothing new: every earlier finding stands, no account is searched again.
      expect(again.mode).toBe('incremental')
      expect(again.new_transfers).toBe(0)
      expect(again.incremental?.dropped).toBe(0)
      expect(again.alerts_digest).toBe(first.alerts_digest)
      const forced = await runScan({ store, config, configHash }, { full: true })
      expect(forced.mode_reason).toMatch(/--full/)
      expect(forced.alerts_digest).toBe(first.alerts_digest)
      const otherConfig = await runScan({ store, config, configHash: 'another config' })
      expect(otherConfig.mode).toBe('full')
      expect(otherConfig.mode_reason).toMatch(/config/)
      // A shorter window: its length changed.
      const shorter = await runScan(
        { store, config, configHash: 'another config' },
        { from: '2026-10-02', to: '2026-10-04' },
      )
      expect(shorter.mode_reason).toMatch(/window/)
    } finally {
      store.close()
    }
  }, 120_000)
})

describe('alertsDigest', () => {
  const alert = (score: number, openedAt: string) =>
    ({
      id: 'A-1',
      score,
      tx_ids: ['t1', 't2'],
      finding: { hits: [{ hit_id: 'H-1', score: 0.9, opened_at: openedAt }] },
    }) as unknown as ScoredAlert
  it('changes with what the data gives, not with when a hit was opened', () => {
    const d = alertsDigest([alert(80, '2026-12-02T10:00:00Z')])
    expect(alertsDigest([alert(80, '2026-12-02T11:30:00Z')])).toBe(d)
    expect(alertsDigest([alert(81, '2026-12-02T10:00:00Z')])).not.toBe(d)
    expect(alertsDigest([])).not.toBe(d)
  })
})
