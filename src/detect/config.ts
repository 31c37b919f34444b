// Detector settings (config section `detect`); defaults from ARCHITECTURE.md "Detection semantics".
import { z } from 'zod'

export const DetectConfig = z.object({
  cycle: z
    .object({
      min_hops: z.number().int().min(2).default(2),
      max_hops: z.number().int().max(12).default(8),
      max_span_days: z.number().positive().default(30),
      min_hop_ratio: z.number().positive().default(0.7),
      max_hop_ratio: z.number().positive().default(1.1),
      two_cycle_tolerance: z.number().nonnegative().default(0.02),
    })
    .prefault({}),
})
export type DetectConfig = z.infer<typeof DetectConfig>
