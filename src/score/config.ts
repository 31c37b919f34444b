// Scoring settings (config section `score`).
import { z } from 'zod'

export const ScoreConfig = z.object({
  /** Findings scoring at or above this (0–100) become alerts. */
  alert_threshold: z.number().min(0).max(100).default(50),
})
export type ScoreConfig = z.infer<typeof ScoreConfig>
