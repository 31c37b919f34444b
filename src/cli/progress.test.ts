import { describe, expect, it } from 'vitest'
import { barLine, cliProgress } from './progress.ts'
import type { CliIO } from './command.ts'

function pipe(): { io: CliIO; text: () => string } {
  const out: string[] = []
  const sink = { write: (s: string) => (out.push(s), true) } as unknown as NodeJS.WritableStream
  return { io: { stdout: sink, stderr: sink, env: {} }, text: () => out.join('') }
}

describe('cliProgress without a terminal', () => {
  it('writes one line per finished stage, with its summary, and nothing while it runs', () => {
    const p = pipe()
    const { progress, logger, close } = cliProgress(p.io)
    progress.start('screen')
    progress.start('screen › names', 100)
    progress.update(50, 'names')
    expect(p.text()).toBe('')
    progress.start('screen')
    progress.done('3 listed accounts, 0.50 s')
    progress.start('graph')
    progress.done()
    logger.warn('no rates')
    close()
    expect(p.text()).toBe('screen 3 listed accounts, 0.50 s\ngraph done\nwarning: no rates\n')
  })

  it('--quiet: no progress, warnings still shown', () => {
    const p = pipe()
    const { progress, logger } = cliProgress(p.io, { quiet: true })
    progress.start('graph')
    progress.done('9 accounts')
    logger.warn('careful')
    expect(p.text()).toBe('warning: careful\n')
  })
})

describe('barLine', () => {
  it('shows the bar and count against a total, the rate and the time', () => {
    const s = barLine({
      label: 'detect',
      total: 12,
      done: 6,
      stepMs: 2000,
      stageMs: 2500,
      info: 'cycle',
    })
    expect(s).toBe('detect  [############------------] 6/12  3/s  2.5 s  cycle')
  })

  it('without a total: the count and rate, or only the time when nothing was counted yet', () => {
    expect(barLine({ label: 'f.csv', done: 20_000, stepMs: 1000, stageMs: 1000 })).toBe(
      'f.csv  20,000  20,000/s  1.0 s',
    )
    expect(barLine({ label: 'graph', done: 0, stepMs: 0, stageMs: 300 })).toBe('graph  0.3 s')
  })

  it('fits the terminal width', () => {
    const s = barLine({ label: 'x'.repeat(200), done: 1, stepMs: 1000, stageMs: 1000 }, 80)
    expect(s.length).toBeLessThan(80)
    expect(s.endsWith('…')).toBe(true)
  })
})
